import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { sharedTablesSql, type Repository, type SaveInput, type SaveResult, type SharedHead, type SharedKind, type SharedVersion } from './repository.ts';
import { newId } from './tokens.ts';

/** Schema changes in order; each runs once, recorded in `schema_migrations`. */
export const SQLITE_MIGRATIONS: readonly string[] = [sharedTablesSql({ time: 'TEXT', json: 'TEXT' })];

interface HeadRow {
  id: string;
  kind: SharedKind;
  version: number;
  created_at: string;
  name: string;
  author: string;
  saved_at: string;
  payload?: string;
}

const HEAD_SQL = `SELECT s.id, s.kind, s.version, s.created_at, v.name, v.author, v.saved_at, v.payload
  FROM shared s JOIN shared_version v ON v.id = s.id AND v.version = s.version WHERE s.id = ?`;

const toHead = (r: HeadRow): SharedHead => ({ id: r.id, kind: r.kind, name: r.name, version: Number(r.version), author: r.author, savedAt: r.saved_at, createdAt: r.created_at });

/**
 * The embedded store: one SQLite file (Node's built-in `node:sqlite`), in WAL mode with full
 * sync, so a save that was answered survives the process being killed. Writes run in
 * `BEGIN IMMEDIATE` transactions: the version check and the insert are one step, also when
 * several processes share the file.
 */
export class SqliteRepository implements Repository {
  readonly name = 'sqlite' as const;
  private readonly db: DatabaseSync;

  /** Opens (and creates, with its folder) the database file and runs pending migrations. */
  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    this.db = new DatabaseSync(file);
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;');
    this.migrate();
  }

  private migrate() {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const done = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => Number(r.version)));
    SQLITE_MIGRATIONS.forEach((sql, i) => {
      const v = i + 1;
      if (done.has(v)) return;
      this.tx(() => {
        this.db.exec(sql);
        this.db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(v, new Date().toISOString());
      });
    });
  }

  private tx<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const r = work();
      this.db.exec('COMMIT');
      return r;
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }

  private head(id: string): (HeadRow & { payload: string }) | undefined {
    return this.db.prepare(HEAD_SQL).get(id) as (HeadRow & { payload: string }) | undefined;
  }

  async create(input: { kind: SharedKind; name: string; author: string; payload: unknown; tokenHash: string }): Promise<SharedHead> {
    const id = newId();
    const now = new Date().toISOString();
    this.tx(() => {
      this.db.prepare('INSERT INTO shared (id, kind, token_hash, version, created_at) VALUES (?, ?, ?, 1, ?)').run(id, input.kind, input.tokenHash, now);
      this.db.prepare('INSERT INTO shared_version (id, version, name, author, saved_at, payload) VALUES (?, 1, ?, ?, ?, ?)').run(id, input.name, input.author, now, JSON.stringify(input.payload));
    });
    return { id, kind: input.kind, name: input.name, version: 1, author: input.author, savedAt: now, createdAt: now };
  }

  async get(id: string): Promise<(SharedHead & { payload: unknown }) | null> {
    const r = this.head(id);
    return r ? { ...toHead(r), payload: JSON.parse(r.payload) } : null;
  }

  async access(id: string): Promise<{ kind: SharedKind; tokenHash: string } | null> {
    const r = this.db.prepare('SELECT kind, token_hash FROM shared WHERE id = ?').get(id) as { kind: SharedKind; token_hash: string } | undefined;
    return r ? { kind: r.kind, tokenHash: r.token_hash } : null;
  }

  async save(id: string, input: SaveInput): Promise<SaveResult> {
    return this.tx(() => {
      const cur = this.db.prepare('SELECT version FROM shared WHERE id = ?').get(id) as { version: number } | undefined;
      if (!cur) return { ok: false, reason: 'not-found' } as const;
      if (Number(cur.version) !== input.baseVersion) return { ok: false, reason: 'conflict', head: toHead(this.head(id) as HeadRow) } as const;
      const version = Number(cur.version) + 1;
      const now = new Date().toISOString();
      this.db.prepare('INSERT INTO shared_version (id, version, name, author, saved_at, payload) VALUES (?, ?, ?, ?, ?, ?)').run(id, version, input.name, input.author, now, JSON.stringify(input.payload));
      this.db.prepare('UPDATE shared SET version = ? WHERE id = ?').run(version, id);
      return { ok: true, head: toHead(this.head(id) as HeadRow) } as const;
    });
  }

  async history(id: string): Promise<Omit<SharedVersion, 'payload'>[] | null> {
    const rows = this.db.prepare('SELECT version, name, author, saved_at FROM shared_version WHERE id = ? ORDER BY version').all(id) as { version: number; name: string; author: string; saved_at: string }[];
    if (!rows.length) return null;
    return rows.map((r) => ({ version: Number(r.version), name: r.name, author: r.author, savedAt: r.saved_at }));
  }

  async version(id: string, version: number): Promise<SharedVersion | null> {
    const r = this.db.prepare('SELECT version, name, author, saved_at, payload FROM shared_version WHERE id = ? AND version = ?').get(id, version) as
      | { version: number; name: string; author: string; saved_at: string; payload: string }
      | undefined;
    return r ? { version: Number(r.version), name: r.name, author: r.author, savedAt: r.saved_at, payload: JSON.parse(r.payload) } : null;
  }

  async remove(id: string): Promise<boolean> {
    return this.tx(() => Number(this.db.prepare('DELETE FROM shared WHERE id = ?').run(id).changes) > 0);
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }
}
