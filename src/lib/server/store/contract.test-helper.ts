// The behaviour every store must have, run against SQLite always and PostgreSQL when available.
import { describe, expect, it } from 'vitest';
import type { Repository } from './repository.ts';
import { hashToken, newToken, tokenMatches } from './tokens.ts';

/** Registers the shared repository tests; `open` gives a fresh, empty store. */
export function repositoryContract(label: string, open: () => Promise<Repository>) {
  describe(`lagring (${label})`, () => {
    it('creates version 1 with an unguessable id, and keeps only the hash of the edit token', async () => {
      const repo = await open();
      const token = newToken();
      const head = await repo.create({ kind: 'scenario', name: 'Vekst på Billingstad', author: 'Kari', payload: { a: 1 }, tokenHash: hashToken(token) });
      expect(head).toMatchObject({ kind: 'scenario', name: 'Vekst på Billingstad', version: 1, author: 'Kari' });
      expect(head.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      const access = await repo.access(head.id);
      expect(access?.kind).toBe('scenario');
      const stored = access?.tokenHash ?? null;
      expect(stored).not.toContain(token);
      expect(tokenMatches(token, stored)).toBe(true);
      expect(tokenMatches(newToken(), stored)).toBe(false);
      expect(await repo.get(head.id)).toMatchObject({ version: 1, payload: { a: 1 } });
      expect(await repo.get('finnes-ikke')).toBeNull();
      await repo.close();
    });

    it('makes every save a new version, refuses a save on a stale version, and keeps the history', async () => {
      const repo = await open();
      const { id } = await repo.create({ kind: 'skisser', name: 'v1', author: 'A', payload: [1], tokenHash: hashToken('x') });
      const s2 = await repo.save(id, { baseVersion: 1, name: 'v2', author: 'B', payload: [2] });
      expect(s2.ok && s2.head.version).toBe(2);
      const stale = await repo.save(id, { baseVersion: 1, name: 'v2b', author: 'C', payload: [3] });
      expect(stale).toMatchObject({ ok: false, reason: 'conflict', head: { version: 2, author: 'B' } });
      expect((await repo.history(id))?.map((v) => [v.version, v.name, v.author])).toEqual([
        [1, 'v1', 'A'],
        [2, 'v2', 'B']
      ]);
      expect((await repo.version(id, 1))?.payload).toEqual([1]);
      expect(await repo.save('finnes-ikke', { baseVersion: 1, name: 'x', author: '', payload: null })).toEqual({ ok: false, reason: 'not-found' });
      await repo.close();
    });

    it('lets exactly one of many concurrent saves on the same version win; no version repeats', async () => {
      const repo = await open();
      const { id } = await repo.create({ kind: 'scenario', name: 'v1', author: 'A', payload: {}, tokenHash: hashToken('x') });
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => repo.save(id, { baseVersion: 1, name: `s${i}`, author: `W${i}`, payload: { i } })));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.reason === 'conflict')).toHaveLength(11);
      const versions = (await repo.history(id))?.map((v) => v.version);
      expect(versions).toEqual([1, 2]);
      await repo.close();
    });

    it('stores text exactly as given, markup included', async () => {
      const repo = await open();
      const name = '<img src=x onerror="alert(1)"> «Ærø» & \'Å\'';
      const { id } = await repo.create({ kind: 'scenario', name, author: '<b>Ola</b>', payload: { navn: name }, tokenHash: hashToken('x') });
      expect(await repo.get(id)).toMatchObject({ name, author: '<b>Ola</b>', payload: { navn: name } });
      await repo.close();
    });

    it('deletes an item with its history', async () => {
      const repo = await open();
      const { id } = await repo.create({ kind: 'scenario', name: 'x', author: '', payload: {}, tokenHash: hashToken('x') });
      expect(await repo.remove(id)).toBe(true);
      expect(await repo.get(id)).toBeNull();
      expect(await repo.history(id)).toBeNull();
      expect(await repo.remove(id)).toBe(false);
      await repo.close();
    });
  });
}
