// The built server itself (no browser): security headers, the write limit, and the kill test:
// the server is killed (SIGKILL) in the middle of a load and restarted, and every acknowledged
// save is still there. Runs against SQLite always and PostgreSQL when the test run has one.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { freePort, runLoad, startServer } from '../../scripts/load-lib.ts';

test.describe.configure({ mode: 'serial' });

async function withServer(env: Record<string, string>, body: (base: string, restart: () => Promise<void>) => Promise<void>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'naering-server-'));
  const port = await freePort();
  const all = { DATA_DIR: dataDir, ...env };
  let server: ChildProcess = await startServer(port, all);
  try {
    await body(`http://127.0.0.1:${port}`, async () => {
      server.kill('SIGKILL');
      await new Promise((r) => server.once('exit', r));
      server = await startServer(port, all);
    });
  } finally {
    server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

test('sidene har sikkerhetshoder og en CSP som slipper til Kartverkets fliser', async () => {
  await withServer({}, async (base) => {
    const r = await fetch(`${base}/`);
    expect(r.status).toBe(200);
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain('https://cache.kartverket.no');
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

test('skriving begrenses per klient (429 med Retry-After); lesing ikke', async () => {
  await withServer({ SKRIVEGRENSE_PER_MINUTT: '3' }, async (base) => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await fetch(`${base}/api/delt`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      statuses.push(r.status);
      if (r.status === 429) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Three writes are let through (and refused as invalid), the rest are limited.
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
    expect((await fetch(`${base}/api/delt/finnes-ikke-0000`)).status).toBe(404);
  });
});

test('skrivegrensen teller hver stavemåte av API-stien (/%61pi/delt, /ap%69/delt, /api/%64elt)', async () => {
  await withServer({ SKRIVEGRENSE_PER_MINUTT: '3' }, async (base) => {
    const statuses: number[] = [];
    for (const p of ['/api/delt', '/%61pi/delt', '/ap%69/delt', '/api/%64elt', '/%61pi/delt']) {
      const r = await fetch(`${base}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      statuses.push(r.status);
    }
    // The router decodes the path: all five reach the API, and only three get through the limit.
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
  });
});

test('API-et svarer aldri fra hurtigbuffer (201 med redigeringsnøkkel har no-store), og krever JSON', async () => {
  await withServer({ SKRIVEGRENSE_PER_MINUTT: '1000' }, async (base) => {
    const body = JSON.stringify({ kind: 'skisser', name: 'x', author: 'y', payload: [] });
    const created = await fetch(`${base}/api/delt`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const plain = await fetch(`${base}/api/delt`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body });
    expect(plain.status).toBe(415);
    expect(((await plain.json()) as { message: string }).message).toContain('JSON');
  });
});

/** A simple polygon near Asker (EPSG:25832) with n vertices whose teeth's boxes all overlap. */
function serpentine(n: number): number[][] {
  const [e, m] = [583_000, 6_635_000];
  const pts: number[][] = [];
  for (let i = 0; i < n / 2 - 2; i++) pts.push([e, m + i * 0.2], [e + 1000, m + i * 0.2 + n / 10]);
  const top = (pts[pts.length - 1] as number[])[1] as number;
  pts.push([e + 1001, top + 10], [e - 1, top + 10], [e - 1, m - 1], pts[0] as number[]);
  return pts;
}

function siteBody(ring: number[][], name = 'Serpentin') {
  const site = { id: 'ny', navn: 'Ny', omrade: 'x', status: 2, arealformal: 1300, kategori: 'kontor', utnyttelseBraProsent: null, statusTomt: 'regulert', geometry: { type: 'Polygon', coordinates: [ring] } };
  return JSON.stringify({ kind: 'scenario', name, author: 'x', payload: { id: 's', navn: name, norms: {}, changes: [{ id: 'c', enabled: true, type: 'add-site', site }] } });
}

const postJson = (base: string, body: BodyInit, extra: RequestInit = {}) => fetch(`${base}/api/delt`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, ...extra });

/**
 * POSTs a large body with node:http and resolves on the answer, even when the server stops
 * reading and the connection is reset while the rest is still being sent (as a 413 may do; fetch
 * would fail the whole request then). `chunked`: no content-length.
 */
function postRaw(base: string, size: number, chunked: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/api/delt`, { method: 'POST', headers: { 'content-type': 'application/json', ...(chunked ? {} : { 'content-length': String(size) }) } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (e) => setTimeout(() => reject(e), 2000));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const more = () => {
      while (sent < size) {
        const n = Math.min(chunk.length, size - sent);
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once('drain', more);
      }
      req.end();
    };
    more();
  });
}

test('en GET svarer innen 1 s mens serveren sjekker fire polygoner med 20 000 hjørner', async () => {
  await withServer({ SKRIVEGRENSE_PER_MINUTT: '1000', BODY_SIZE_LIMIT: '1M' }, async (base) => {
    const body = siteBody(serpentine(20_000));
    // A server that has checked a polygon before (its code compiled), as one in use has.
    expect((await postJson(base, body)).status).toBe(201);
    const posts = Array.from({ length: 4 }, () => postJson(base, body));
    // Let the bodies arrive, then ask for something while the server checks them.
    await new Promise((r) => setTimeout(r, 50));
    const t = performance.now();
    const get = await fetch(`${base}/api/delt/finnes-ikke-0000`);
    const ms = performance.now() - t;
    expect(get.status).toBe(404);
    expect(ms).toBeLessThan(1000);
    expect((await Promise.all(posts)).map((r) => r.status)).toEqual([201, 201, 201, 201]);
  });
});

test('grensen er 1 MB som dokumentert, og for stort innhold får 413 som norsk JSON, også uten content-length', async () => {
  await withServer({ SKRIVEGRENSE_PER_MINUTT: '1000', BODY_SIZE_LIMIT: '1M' }, async (base) => {
    // A body between adapter-node's default 512 KiB and 1 MB.
    const big = JSON.stringify({ kind: 'skisser', name: 'z'.repeat(700_000), author: 'y', payload: [] });
    const r = await postJson(base, big);
    // Within the limit: the schema answers (400: the name is too long), not the size limit.
    expect(r.status).toBe(400);
    expect(((await r.json()) as { message: string }).message).toContain('høyst 200 tegn');
    const tooBig = await postRaw(base, 1_100_000, false);
    expect(tooBig.status).toBe(413);
    expect((JSON.parse(tooBig.body) as { message: string }).message).toBe('Innholdet er for stort (1100 kB; grensen er 1 MB).');
    // Chunked (no content-length), 64 MB offered: the reader stops at the limit.
    const chunked = await postRaw(base, 64 * 1024 * 1024, true);
    expect(chunked.status).toBe(413);
    expect((JSON.parse(chunked.body) as { message: string }).message).toBe('Innholdet er for stort (grensen er 1 MB).');
  });
  // Run without BODY_SIZE_LIMIT (adapter-node's 512 KiB): still a Norwegian 413, never its English text.
  await withServer({ SKRIVEGRENSE_PER_MINUTT: '1000' }, async (base) => {
    const r = await postRaw(base, 700_000, false);
    expect(r.status).toBe(413);
    expect((JSON.parse(r.body) as { message: string }).message).toBe('Innholdet er for stort (grensen er 1 MB).');
  });
});

test('dyp nøsting i innholdet gir 400 med grunn, ikke 500', async () => {
  await withServer({ SKRIVEGRENSE_PER_MINUTT: '1000', BODY_SIZE_LIMIT: '1M' }, async (base) => {
    const deep = `{"kind":"skisser","name":"x","author":"y","payload":[{"geometry":{"type":"Polygon","coordinates":${'['.repeat(100_000)}${']'.repeat(100_000)}}}]}`;
    const r = await postJson(base, deep);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { message: string }).message).toContain('nøstet dypere enn 32 nivåer');
  });
});

async function killTest(env: Record<string, string>) {
  await withServer({ SKRIVEGRENSE_PER_MINUTT: '100000000', ...env }, async (base, restart) => {
    let killed = false;
    const r = await runLoad({
      baseUrl: () => base,
      writers: 20,
      saves: 400,
      scenarios: 8,
      midway: {
        after: 200,
        action: async () => {
          await restart();
          killed = true;
        }
      }
    });
    expect(killed).toBe(true);
    expect(r.acknowledged).toBe(400);
    expect(r.lost).toBe(0);
    expect(r.stored).toBe(400);
    expect(r.repeatedVersions).toBe(0);
  });
}

test('drept midt i lasten (SIGKILL) og startet igjen: hver bekreftet lagring finnes (SQLite)', async () => {
  test.setTimeout(120_000);
  await killTest({});
});

test('drept midt i lasten (SIGKILL) og startet igjen: hver bekreftet lagring finnes (PostgreSQL)', async () => {
  const url = process.env.TEST_DATABASE_URL;
  test.skip(!url, `PostgreSQL er ikke tilgjengelig: ${process.env.TEST_DATABASE_SKIP_REASON ?? 'TEST_DATABASE_URL er ikke satt'}`);
  test.setTimeout(120_000);
  const db = `naering_kill_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${db}`);
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  const u = new URL(url as string);
  u.pathname = `/${db}`;
  await killTest({ DATABASE_URL: u.href });
});
