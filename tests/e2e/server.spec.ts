// The built server itself (no browser): security headers, the write limit, and the kill test:
// the server is killed (SIGKILL) in the middle of a load and restarted, and every acknowledged
// save is still there. Runs against SQLite always and PostgreSQL when the test run has one.
import { mkdtempSync, rmSync } from 'node:fs';
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
