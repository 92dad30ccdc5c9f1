import path from 'node:path';
import { PostgresRepository } from './postgres.ts';
import type { Repository } from './repository.ts';
import { SqliteRepository } from './sqlite.ts';

/** The SQLite file under the data folder (`DATA_DIR`, default `data/` in the working directory). */
export function sqliteFile(env: Record<string, string | undefined>): string {
  return path.resolve(env.DATA_DIR ?? 'data', 'naeringsareal.sqlite');
}

/**
 * The store the server uses: PostgreSQL when `DATABASE_URL` is set (several instances share it),
 * else the embedded SQLite file under `DATA_DIR` (created with its folder when missing).
 */
export function openRepository(env: Record<string, string | undefined>): Repository {
  return env.DATABASE_URL ? new PostgresRepository(env.DATABASE_URL) : new SqliteRepository(sqliteFile(env));
}
