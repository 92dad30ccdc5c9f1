/** What can be shared: a scenario (with its changes and assumptions) or a set of sketches. */
export type SharedKind = 'scenario' | 'skisser';

/** The head of a shared item: its newest version and who saved it when. */
export interface SharedHead {
  /** The read id (unguessable, in the read link). */
  id: string;
  kind: SharedKind;
  /** The newest version's name. */
  name: string;
  /** The newest version number (1, 2, …; never repeated for one item). */
  version: number;
  /** Who saved the newest version, as they gave their name. */
  author: string;
  /** When the newest version was saved (server time, ISO 8601). */
  savedAt: string;
  createdAt: string;
}

/** One saved version, as stored: text exactly as given. */
export interface SharedVersion {
  version: number;
  name: string;
  author: string;
  savedAt: string;
  payload: unknown;
}

/** What a save sends: the version it edited, and the new content. */
export interface SaveInput {
  baseVersion: number;
  name: string;
  author: string;
  payload: unknown;
}

/** The result of a save: a new version, or why not (never a silent overwrite). */
export type SaveResult =
  | { ok: true; head: SharedHead }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'conflict'; head: SharedHead };

/**
 * Where shared scenarios and sketch sets live. Two implementations with the same behaviour
 * (and the same test suite): embedded SQLite (`node:sqlite`, the default) and PostgreSQL (when
 * several app instances share one database). Every save is a new version; a save based on an
 * older version than the newest is refused as a conflict, atomically.
 */
export interface Repository {
  /** Which store this is, for logs and the load report. */
  readonly name: 'sqlite' | 'postgres';
  create(input: { kind: SharedKind; name: string; author: string; payload: unknown; tokenHash: string }): Promise<SharedHead>;
  /** The newest version with its payload, or null. */
  get(id: string): Promise<(SharedHead & { payload: unknown }) | null>;
  /** What a write needs to check: the item's kind and the stored hash of its edit token; null when there is no such item. */
  access(id: string): Promise<{ kind: SharedKind; tokenHash: string } | null>;
  save(id: string, input: SaveInput): Promise<SaveResult>;
  /** Every version, oldest first (without payloads), or null. */
  history(id: string): Promise<Omit<SharedVersion, 'payload'>[] | null>;
  version(id: string, version: number): Promise<SharedVersion | null>;
  /** Deletes the item and its history; false when there was none. */
  remove(id: string): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The first schema, the same for both stores but for the column types of times and JSON
 * (PostgreSQL: TIMESTAMPTZ and JSONB; SQLite: TEXT). Migrations are never edited once released.
 */
export function sharedTablesSql(types: { time: string; json: string }): string {
  return `CREATE TABLE shared (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL CHECK (kind IN ('scenario', 'skisser')),
     token_hash TEXT NOT NULL,
     version INTEGER NOT NULL,
     created_at ${types.time} NOT NULL
   );
   CREATE TABLE shared_version (
     id TEXT NOT NULL REFERENCES shared(id) ON DELETE CASCADE,
     version INTEGER NOT NULL,
     name TEXT NOT NULL,
     author TEXT NOT NULL,
     saved_at ${types.time} NOT NULL,
     payload ${types.json} NOT NULL,
     PRIMARY KEY (id, version)
   );`;
}
