import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Hostile files through the CLI as a user (or attacker) runs it (issue #16): every one ends within
// 30 s with exit 0 (something usable) or exit 2 and one Norwegian line on stderr — never a crash,
// a stack trace or V8's out-of-memory abort. The heap is capped at 2.5 GB, so a blow-up fails the
// exit code instead of taking the machine down.
const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'naering-hostile-cli-'));
const LIMIT_MS = 30_000;

function cli(...args: string[]) {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=2500', 'scripts/cli.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 30 });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t };
}

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

const E0 = 583_000;
const N0 = 6_635_000;
const fc = (geometry: string) => `{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:25832"}},"features":[{"type":"Feature","properties":{"id":"a"},"geometry":${geometry}}]}`;

function serpentine(n: number): number[][] {
  const pts: number[][] = [];
  for (let i = 0; i < n / 2 - 2; i++) pts.push([E0, N0 + i * 0.02], [E0 + 1000, N0 + i * 0.02 + n / 100]);
  const top = (pts[pts.length - 1] as number[])[1] as number;
  pts.push([E0 + 1001, top + 10], [E0 - 1, top + 10], [E0 - 1, N0 - 1], pts[0] as number[]);
  return pts;
}

function expectOneLine(r: ReturnType<typeof cli>, pattern: RegExp) {
  expect(r.signal).toBeNull();
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/Uventet feil|    at /);
  expect(r.ms).toBeLessThan(LIMIT_MS);
}

describe('the CLI against hostile files', () => {
  it('reads a simple 100 000-vertex serpentine (was > 90 s)', () => {
    const r = cli('stats', file('serpentin.geojson', fc(JSON.stringify({ type: 'Polygon', coordinates: [serpentine(100_000)] }))));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.ms).toBeLessThan(LIMIT_MS);
  });

  it('reads a ring with 40 000 holes (was > 120 s)', () => {
    const side = 200;
    const holes = Array.from({ length: 40_000 }, (_, i) => {
      const x = E0 + (i % side) * 10 + 2;
      const y = N0 + Math.floor(i / side) * 10 + 2;
      return [[x, y], [x + 5, y], [x + 5, y + 5], [x, y + 5], [x, y]];
    });
    const shell = [[E0, N0], [E0 + side * 10, N0], [E0 + side * 10, N0 + side * 10], [E0, N0 + side * 10], [E0, N0]];
    const r = cli('stats', file('hull.geojson', fc(JSON.stringify({ type: 'Polygon', coordinates: [shell, ...holes] }))));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.ms).toBeLessThan(LIMIT_MS);
  });

  it('refuses coordinates nested 100 000 deep with one line', () => {
    const r = cli('stats', file('dyp.geojson', fc(`{"type":"Polygon","coordinates":${'['.repeat(100_000)}${']'.repeat(100_000)}}`)));
    expectOneLine(r, /^Feil: .*dyp\.geojson/);
  });

  it('refuses GeometryCollections nested 20 000 deep with one line', () => {
    const r = cli('stats', file('samling.geojson', fc(`${'{"type":"GeometryCollection","geometries":['.repeat(20_000)}${']}'.repeat(20_000)}`)));
    expectOneLine(r, /^Feil: .*samling\.geojson/);
  });

  it('refuses a file over the size limit before reading it (a sparse 301 MB file)', () => {
    const p = path.join(dir, 'stor.geojson');
    const fd = openSync(p, 'w');
    ftruncateSync(fd, 301 * 1024 * 1024);
    closeSync(fd);
    const r = cli('stats', p);
    expectOneLine(r, /for stor \(316 MB; grensen er 300 MB\)/);
    expect(r.ms).toBeLessThan(5000);
  });
});
