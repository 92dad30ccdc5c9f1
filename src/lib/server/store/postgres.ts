import pg from 'pg';
import { sharedTablesSql, type Repository, type SaveInput, type SaveResult, type SharedHead, type SharedKind, type SharedVersion } from './repository.ts';
import { newId } from './tokens.ts';

/** Schema changes in order; each runs once, recorded in `schema_migrations`. */
export const POSTGRES_MIGRATIONS: readonly string[] = [sharedTablesSql({ time: 'TIMESTAMPTZ', json: 'JSONB' })];

interface HeadRow {
  id: string;
  kind: SharedKind;
  version: number;
  created_at: Date;
  name: string;
  author: string;
  saved_at: Date;
  payload?: unknown;
}

const HEAD_SQL = `SELECT s.id, s.kind, s.version, s.created_at, v.name, v.author, v.saved_at, v.payload
  FROM shared s JOIN shared_version v ON v.id = s.id AND v.version = s.version WHERE s.id = $1`;

const toHead = (r: HeadRow): SharedHead => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  version: Number(r.version),
  author: r.author,
  savedAt: new Date(r.saved_at).toISOString(),
  createdAt: new Date(r.created_at).toISOString()
});

/**
 * The shared store for several app instances behind a load balancer: PostgreSQL through a
 * connection pool (`pg`). A save locks the item's row (`SELECT … FOR UPDATE`), checks the version
 * and inserts the next one in the same transaction; the primary key (id, version) makes a
 * repeated version number impossible.
 */
export class PostgresRepository implements Repository {
  readonly name = 'postgres' as const;
  private readonly pool: pg.Pool;
  private ready: Promise<void>;

  /** Connects lazily to `connectionString`; migrations run before the first query. */
  constructor(connectionString: string, options: { max?: number } = {}) {
    this.pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
    // An idle client that loses its connection must not crash the server.
    this.pool.on('error', () => {});
    this.ready = this.migrate();
    this.ready.catch(() => {});
  }

  private async migrate(): Promise<void> {
    const c = await this.pool.connect();
    try {
      // One instance migrates at a time (advisory lock), so instances may start together.
      await c.query('SELECT pg_advisory_lock(727001)');
      await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)');
      const done = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)));
      for (const [i, sql] of POSTGRES_MIGRATIONS.entries()) {
        if (done.has(i + 1)) continue;
        await c.query('BEGIN');
        try {
          await c.query(sql);
          await c.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, now())', [i + 1]);
          await c.query('COMMIT');
        } catch (e) {
          await c.query('ROLLBACK');
          throw e;
        }
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock(727001)').catch(() => {});
      c.release();
    }
  }

  private async tx<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    await this.ready;
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const r = await work(c);
      await c.query('COMMIT');
      return r;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<R[]> {
    await this.ready;
    return (await this.pool.query<R>(sql, params)).rows;
  }

  async create(input: { kind: SharedKind; name: string; author: string; payload: unknown; tokenHash: string }): Promise<SharedHead> {
    const id = newId();
    const now = new Date();
    await this.tx(async (c) => {
      await c.query('INSERT INTO shared (id, kind, token_hash, version, created_at) VALUES ($1, $2, $3, 1, $4)', [id, input.kind, input.tokenHash, now]);
      await c.query('INSERT INTO shared_version (id, version, name, author, saved_at, payload) VALUES ($1, 1, $2, $3, $4, $5)', [id, input.name, input.author, now, JSON.stringify(input.payload)]);
    });
    return { id, kind: input.kind, name: input.name, version: 1, author: input.author, savedAt: now.toISOString(), createdAt: now.toISOString() };
  }

  async get(id: string): Promise<(SharedHead & { payload: unknown }) | null> {
    const [r] = await this.query<HeadRow>(HEAD_SQL, [id]);
    return r ? { ...toHead(r), payload: r.payload } : null;
  }

  async access(id: string): Promise<{ kind: SharedKind; tokenHash: string } | null> {
    const [r] = await this.query<{ kind: SharedKind; token_hash: string }>('SELECT kind, token_hash FROM shared WHERE id = $1', [id]);
    return r ? { kind: r.kind, tokenHash: r.token_hash } : null;
  }

  async save(id: string, input: SaveInput): Promise<SaveResult> {
    return this.tx(async (c) => {
      const cur = (await c.query<{ version: number }>('SELECT version FROM shared WHERE id = $1 FOR UPDATE', [id])).rows[0];
      if (!cur) return { ok: false, reason: 'not-found' } as const;
      if (Number(cur.version) !== input.baseVersion) {
        const head = (await c.query<HeadRow>(HEAD_SQL, [id])).rows[0] as HeadRow;
        return { ok: false, reason: 'conflict', head: toHead(head) } as const;
      }
      const version = Number(cur.version) + 1;
      await c.query('INSERT INTO shared_version (id, version, name, author, saved_at, payload) VALUES ($1, $2, $3, $4, now(), $5)', [id, version, input.name, input.author, JSON.stringify(input.payload)]);
      await c.query('UPDATE shared SET version = $2 WHERE id = $1', [id, version]);
      const head = (await c.query<HeadRow>(HEAD_SQL, [id])).rows[0] as HeadRow;
      return { ok: true, head: toHead(head) } as const;
    });
  }

  async history(id: string): Promise<Omit<SharedVersion, 'payload'>[] | null> {
    const rows = await this.query<{ version: number; name: string; author: string; saved_at: Date }>(
      'SELECT version, name, author, saved_at FROM shared_version WHERE id = $1 ORDER BY version',
      [id]
    );
    if (!rows.length) return null;
    return rows.map((r) => ({ version: Number(r.version), name: r.name, author: r.author, savedAt: new Date(r.saved_at).toISOString() }));
  }

  async version(id: string, version: number): Promise<SharedVersion | null> {
    const [r] = await this.query<{ version: number; name: string; author: string; saved_at: Date; payload: unknown }>(
      'SELECT version, name, author, saved_at, payload FROM shared_version WHERE id = $1 AND version = $2',
      [id, version]
    );
    return r ? { version: Number(r.version), name: r.name, author: r.author, savedAt: new Date(r.saved_at).toISOString(), payload: r.payload } : null;
  }

  async remove(id: string): Promise<boolean> {
    const rows = await this.query<{ id: string }>('DELETE FROM shared WHERE id = $1 RETURNING id', [id]);
    return rows.length > 0;
  }

  async close(): Promise<void> {
    await this.ready.catch(() => {});
    await this.pool.end();
  }
}
