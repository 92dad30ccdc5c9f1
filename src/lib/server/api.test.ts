import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultNorms } from '../domain/norms.ts';
import { bearerToken, createShared, deleteShared, getShared, historyOf, saveShared } from './api.ts';
import { badTextPath, jsonProblem, MAX_BODY_BYTES, MAX_JSON_DEPTH } from './schema.ts';
import { SqliteRepository } from './store/sqlite.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'naering-api-'));
let n = 0;
const open = () => new SqliteRepository(path.join(dir, `a${n++}.sqlite`));

const square = (x: number, y: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + 100, y], [x + 100, y + 100], [x, y + 100], [x, y]]] });

/** A valid scenario with one new site (EPSG:25832) and one rezoning. */
function scenarioBody(over: Record<string, unknown> = {}) {
  return {
    kind: 'scenario',
    name: 'Vekst på Billingstad',
    author: 'Kari Planlegger',
    payload: {
      id: 's1',
      navn: 'Vekst på Billingstad',
      norms: defaultNorms(),
      changes: [
        {
          id: 'c1',
          enabled: true,
          type: 'add-site',
          site: { id: 'ny-1', navn: 'Ny tomt', omrade: 'Skisser', status: 2, arealformal: 1300, kategori: 'kontor', utnyttelseBraProsent: null, statusTomt: 'regulert', geometry: square(583000, 6635000) }
        },
        { id: 'c2', enabled: true, type: 'rezone', areaId: 'n-tofte', to: 'lnf' }
      ]
    },
    ...over
  };
}

async function created(repo: SqliteRepository) {
  const r = await createShared(repo, JSON.stringify(scenarioBody()));
  expect(r.status).toBe(201);
  return r.body as { id: string; version: number; editToken: string };
}

describe('API for delte scenarier', () => {
  it('creates, reads, saves new versions and lists the history', async () => {
    const repo = open();
    const { id, version, editToken } = await created(repo);
    expect(version).toBe(1);
    expect(editToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await getShared(repo, id)).body).toMatchObject({ version: 1, author: 'Kari Planlegger', payload: { navn: 'Vekst på Billingstad' } });
    const saved = await saveShared(repo, id, JSON.stringify(scenarioBody({ baseVersion: 1, author: 'Ola' })), editToken);
    expect(saved).toMatchObject({ status: 200, body: { version: 2, author: 'Ola' } });
    expect((await historyOf(repo, id)).body).toMatchObject({ versions: [{ version: 1 }, { version: 2, author: 'Ola' }] });
    await repo.close();
  });

  it('refuses changes and deletion without the edit token (403) or with a wrong one', async () => {
    const repo = open();
    const { id, editToken } = await created(repo);
    const body = JSON.stringify(scenarioBody({ baseVersion: 1 }));
    expect(await saveShared(repo, id, body, null)).toMatchObject({ status: 403, body: { error: 'mangler-nokkel' } });
    expect(await saveShared(repo, id, body, `${editToken.slice(0, -2)}xx`)).toMatchObject({ status: 403, body: { error: 'feil-nokkel' } });
    expect(await deleteShared(repo, id, null)).toMatchObject({ status: 403 });
    expect((await getShared(repo, id)).status).toBe(200);
    expect(await deleteShared(repo, id, editToken)).toEqual({ status: 204, body: null });
    expect((await getShared(repo, id)).status).toBe(404);
    await repo.close();
  });

  it('answers 409 with the newest head when the save is based on an older version; nothing is lost', async () => {
    const repo = open();
    const { id, editToken } = await created(repo);
    await saveShared(repo, id, JSON.stringify(scenarioBody({ baseVersion: 1, author: 'Først' })), editToken);
    const stale = await saveShared(repo, id, JSON.stringify(scenarioBody({ baseVersion: 1, author: 'Sist' })), editToken);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'nyere-versjon', head: { version: 2, author: 'Først' } });
    expect(String((stale.body as { message: string }).message)).toContain('lagre din som en kopi');
    expect((await historyOf(repo, id)).body).toMatchObject({ versions: [{ version: 1 }, { version: 2, author: 'Først' }] });
    await repo.close();
  });

  it('refuses malformed, oversized and insane payloads with 400 and the reason', async () => {
    const repo = open();
    const cases: [string, RegExp][] = [
      ['{"kind":', /ikke gyldig JSON/],
      [JSON.stringify({ ...scenarioBody(), kind: 'annet' }), /kind må være/],
      [JSON.stringify(scenarioBody({ payload: { ...scenarioBody().payload, changes: [{ id: 'x', enabled: true, type: 'slett-alt' }] } })), /ukjent endringstype/],
      [JSON.stringify(scenarioBody({ name: 'x'.repeat(201) })), /name: høyst 200 tegn/],
      ['x'.repeat(MAX_BODY_BYTES + 1), /for stor/],
      [
        JSON.stringify(scenarioBody({ payload: { ...scenarioBody().payload, changes: [{ ...scenarioBody().payload.changes[0], site: { ...scenarioBody().payload.changes[0]?.site, geometry: square(10, 59) } }] } })),
        /koordinatene er ikke tall innenfor Norge i EPSG:25832/
      ],
      [
        JSON.stringify(
          scenarioBody({
            payload: {
              ...scenarioBody().payload,
              changes: [{ ...scenarioBody().payload.changes[0], site: { ...scenarioBody().payload.changes[0]?.site, geometry: { type: 'Polygon', coordinates: [[[583000, 6635000], [583100, 6635100], [583100, 6635000], [583000, 6635100], [583000, 6635000]]] } } }]
            }
          })
        ),
        /krysser/
      ],
      [JSON.stringify(scenarioBody({ payload: { ...scenarioBody().payload, norms: { bruttoTomtM2PerArbeidsplass: -5 } } })), /forutsetningene/]
    ];
    for (const [text, reason] of cases) {
      const r = await createShared(repo, text);
      expect(r.status, text.slice(0, 80)).toBe(400);
      expect((r.body as { message: string }).message).toMatch(reason);
    }
    await repo.close();
  });

  it('refuses NUL and lone surrogates in any text with 400 before a store sees them (SQLite and PostgreSQL answer alike)', async () => {
    const repo = open();
    const cases = [
      JSON.stringify(scenarioBody({ name: 'Nul\u0000navn' })),
      JSON.stringify(scenarioBody({ author: 'Halv \ud800' })),
      JSON.stringify(scenarioBody({ payload: { ...scenarioBody().payload, navn: 'ok', extra: { ['nøkkel\u0000']: 1 } } })),
      '{"kind":"skisser","name":"x","author":"y","payload":[{"id":"a\\u0000b"}]}'
    ];
    for (const text of cases) {
      const r = await createShared(repo, text);
      expect(r.status, text.slice(0, 60)).toBe(400);
      expect((r.body as { message: string }).message).toMatch(/NUL-tegn eller et halvt tegn/);
    }
    // A whole character made of a surrogate pair is fine.
    expect((await createShared(repo, JSON.stringify(scenarioBody({ name: 'Tomt 🏭' })))).status).toBe(201);
    await repo.close();
  });

  it('walks deeply nested JSON without overflowing the stack, and stops at the depth limit', () => {
    const deep = '['.repeat(100_000) + '"\\u0000"' + ']'.repeat(100_000);
    expect(jsonProblem(JSON.parse(deep))).toEqual({ kind: 'too-deep', path: Array(MAX_JSON_DEPTH).fill('0').join('.') });
    const shallow = '['.repeat(20) + '"\\u0000"' + ']'.repeat(20);
    expect(badTextPath(JSON.parse(shallow))).toBe(Array(20).fill('0').join('.'));
  });

  it('refuses to save sketches on top of a scenario (400), and checks the token first', async () => {
    const repo = open();
    const { id, editToken } = await created(repo);
    const sketches = JSON.stringify({ kind: 'skisser', name: 'x', author: '', baseVersion: 1, payload: [] });
    expect(await saveShared(repo, id, sketches, null)).toMatchObject({ status: 403 });
    const r = await saveShared(repo, id, sketches, editToken);
    expect(r).toMatchObject({ status: 400, body: { message: 'Ugyldig innhold: dette er scenario, ikke skisser.' } });
    await repo.close();
  });

  it('stores an XSS-looking name as given and returns it as inert text in JSON', async () => {
    const repo = open();
    const name = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const r = await createShared(repo, JSON.stringify(scenarioBody({ name })));
    const id = (r.body as { id: string }).id;
    const got = await getShared(repo, id);
    expect((got.body as { name: string }).name).toBe(name);
    // JSON is what the API sends; the app shows it with text bindings only.
    expect(JSON.stringify(got.body)).toContain('\\"x\\"');
    await repo.close();
  });

  it('reads the edit token from «Authorization: Bearer …» only', () => {
    expect(bearerToken('Bearer abcdefghijklmnop')).toBe('abcdefghijklmnop');
    expect(bearerToken('abcdefghijklmnop')).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
