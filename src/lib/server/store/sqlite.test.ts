import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryContract } from './contract.test-helper.ts';
import { hashToken } from './tokens.ts';
import { SqliteRepository } from './sqlite.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'naering-sqlite-'));
let n = 0;
repositoryContract('SQLite', async () => new SqliteRepository(path.join(dir, `t${n++}`, 'db.sqlite')));

describe('SQLite-fila', () => {
  it('is created with its folder, migrated once, and keeps its data when opened again', async () => {
    const file = path.join(dir, 'ny', 'mappe', 'db.sqlite');
    const a = new SqliteRepository(file);
    const { id } = await a.create({ kind: 'scenario', name: 'x', author: '', payload: { v: 1 }, tokenHash: hashToken('t') });
    await a.close();
    const b = new SqliteRepository(file);
    expect((await b.get(id))?.payload).toEqual({ v: 1 });
    await b.close();
  });
});
