import { describe, it } from 'vitest';
import pg from 'pg';
import { repositoryContract } from './contract.test-helper.ts';
import { PostgresRepository } from './postgres.ts';

// `npm test` starts a PostgreSQL server for the run where it can (tasks.mjs) and sets
// TEST_DATABASE_URL; each test gets its own empty database.
const url = process.env.TEST_DATABASE_URL;
if (url) {
  let n = 0;
  repositoryContract('PostgreSQL', async () => {
    const db = `naering_test_${process.pid}_${n++}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${db}`);
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${db}`;
    return new PostgresRepository(u.href);
  });
} else {
  describe('lagring (PostgreSQL)', () => {
    it.skip(`hoppet over: ${process.env.TEST_DATABASE_SKIP_REASON ?? 'TEST_DATABASE_URL er ikke satt (npm test starter PostgreSQL når den kan)'}`, () => {});
  });
}
