import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultNorms } from '../domain/norms.ts';
import { createShared } from './api.ts';
import { readBody } from './body.ts';
import { MAX_BODY_BYTES, MAX_VERTICES } from './schema.ts';
import { SqliteRepository } from './store/sqlite.ts';

// Hostile requests (issue #16): each ends in a 4xx with a Norwegian reason, quickly, and never in
// a thrown error (a 500 with a stack in the log). Budgets are loose: they catch quadratic time.
const BUDGET_MS = 5000;
const dir = mkdtempSync(path.join(tmpdir(), 'naering-hostile-'));
let n = 0;
const open = () => new SqliteRepository(path.join(dir, `h${n++}.sqlite`));

const E0 = 583_000;
const N0 = 6_635_000;

/** A simple polygon in EPSG:25832 (near Asker) with n vertices whose teeth's boxes all overlap. */
function serpentine25832(n: number): number[][] {
  const pts: number[][] = [];
  for (let i = 0; i < n / 2 - 2; i++) pts.push([E0, N0 + i * 0.2], [E0 + 1000, N0 + i * 0.2 + n / 10]);
  const top = (pts[pts.length - 1] as number[])[1] as number;
  pts.push([E0 + 1001, top + 10], [E0 - 1, top + 10], [E0 - 1, N0 - 1], pts[0] as number[]);
  return pts;
}

function scenario(site: Record<string, unknown>, norms: unknown = defaultNorms()) {
  return {
    kind: 'scenario',
    name: 'Angrep',
    author: 'x',
    payload: {
      id: 's1',
      navn: 'Angrep',
      norms,
      changes: [{ id: 'c1', enabled: true, type: 'add-site', site: { id: 'ny', navn: 'Ny', omrade: 'x', status: 2, arealformal: 1300, kategori: 'kontor', utnyttelseBraProsent: null, statusTomt: 'regulert', ...site } }]
    }
  };
}

async function timedCreate(body: string) {
  const repo = open();
  const t = performance.now();
  const r = await createShared(repo, body);
  const ms = performance.now() - t;
  await repo.close();
  return { ...r, ms, message: (r.body as { message?: string }).message ?? '' };
}

describe('the API against hostile bodies', () => {
  it(`validates a simple ${MAX_VERTICES}-vertex serpentine quickly (was 5–6 s of blocked event loop)`, async () => {
    const ring = serpentine25832(MAX_VERTICES);
    expect(ring.length).toBeLessThanOrEqual(MAX_VERTICES);
    const body = JSON.stringify(scenario({ geometry: { type: 'Polygon', coordinates: [ring] } }));
    expect(body.length).toBeLessThan(MAX_BODY_BYTES);
    const r = await timedCreate(body);
    expect(r.status).toBe(201);
    expect(r.ms).toBeLessThan(1000);
  });

  it.each([
    ['coordinates 100 000 deep', () => `{"kind":"scenario","name":"x","author":"x","payload":{"id":"s","navn":"x","norms":{},"changes":[{"id":"c","enabled":true,"type":"add-site","site":{"geometry":{"type":"Polygon","coordinates":${'['.repeat(100_000)}${']'.repeat(100_000)}}}}]}}`],
    ['GeometryCollections 20 000 deep', () => `{"kind":"scenario","name":"x","author":"x","payload":{"id":"s","navn":"x","norms":{},"changes":[{"id":"c","enabled":true,"type":"add-site","site":{"geometry":${'{"type":"GeometryCollection","geometries":['.repeat(20_000)}${']}'.repeat(20_000)}}}]}}`],
    ['norms 100 000 deep', () => JSON.stringify(scenario({}, { abc: 'DEEP' })).replace('"DEEP"', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000))]
  ])('answers 400 with a reason to %s', async (_, make) => {
    const r = await timedCreate(make());
    expect(r.status).toBe(400);
    expect(r.message).toMatch(/nøstet dypere enn 32 nivåer/);
    expect(r.ms).toBeLessThan(BUDGET_MS);
  });

  it.each([
    ['an unknown key', { ...defaultNorms(), hemmelig: 1 }, 'norms.hemmelig: ukjent nøkkel'],
    ['5e-324 m² per workplace (infinite capacity)', { ...defaultNorms(), bruttoTomtM2PerArbeidsplass: 5e-324 }, 'Brutto tomteareal per arbeidsplass må være et tall fra 1 til 10000'],
    ['a missing key in a group', { abc: { aMaksM: 500 } }, 'norms.abc.bMaksM: mangler']
  ])('refuses norms with %s (400, naming it)', async (_, norms, text) => {
    const square = [[E0, N0], [E0 + 100, N0], [E0 + 100, N0 + 100], [E0, N0 + 100], [E0, N0]];
    const r = await timedCreate(JSON.stringify(scenario({ geometry: { type: 'Polygon', coordinates: [square] } }, norms)));
    expect(r.status).toBe(400);
    expect(r.message).toContain(text);
  });
});

/** A request whose body is a stream of `chunks` chunks of `size` bytes (no content-length). */
function streamed(chunks: number, size: number, onPull?: () => void): Request {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      onPull?.();
      if (sent++ >= chunks) c.close();
      else c.enqueue(new Uint8Array(size).fill(0x20));
    }
  });
  return new Request('http://x/api/delt', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

describe('readBody: the size limit holds without a content-length', () => {
  it('stops reading a chunked body as soon as it passes the limit (413, Norwegian)', async () => {
    let pulls = 0;
    const r = await readBody(streamed(1_000_000, 64 * 1024, () => pulls++));
    expect(r).toMatchObject({ ok: false, status: 413, body: { error: 'for-stor' } });
    // 1 MB in 64 KiB chunks: it stopped after about 16 chunks, not at 64 GB.
    expect(pulls).toBeLessThan(40);
  });

  it('reads a body under the limit whole', async () => {
    const r = await readBody(streamed(4, 1000));
    expect(r.ok && r.text.length).toBe(4000);
  });

  it('turns the server adapter’s own 413 (BODY_SIZE_LIMIT) into the same Norwegian answer', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.error(Object.assign(new Error('Content-length of 900000 exceeds limit of 524288 bytes.'), { status: 413 }));
      }
    });
    const r = await readBody(new Request('http://x/api/delt', { method: 'POST', body, duplex: 'half' } as RequestInit));
    expect(r).toMatchObject({ ok: false, status: 413, body: { message: 'Innholdet er for stort (grensen er 1 MB).' } });
  });
});
