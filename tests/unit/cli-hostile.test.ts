import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeZipRecords } from '../../src/lib/io/formats/shapefile.test-helper.ts';

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

function fileBytes(name: string, bytes: Uint8Array): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

const SOSI_HEAD = '.HODE\n..TEGNSETT UTF-8\n..TRANSPAR\n...KOORDSYS 22\n...ENHET 1\n';

/** A raw deflate stream of `mib` MiB of zeros (one flushed MiB block repeated, then an empty final block). */
function zeros(mib: number): Uint8Array {
  const one = deflateRawSync(new Uint8Array(1 << 20), { finishFlush: constants.Z_FULL_FLUSH });
  const end = deflateRawSync(new Uint8Array(0));
  const out = new Uint8Array(one.length * mib + end.length);
  for (let i = 0; i < mib; i++) out.set(one, i * one.length);
  out.set(end, one.length * mib);
  return out;
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

describe('the CLI against hostile files', { timeout: 90_000 }, () => {
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

  it('refuses a SOSI file whose flates reference one 1000-point curve 100 000 times (was 4.4 GB and an abort)', () => {
    const lines = [SOSI_HEAD, '.KURVE 1:', '..NØ'];
    for (let i = 0; i < 1000; i++) lines.push(`${Math.round(6633000 + 100 * Math.sin(i / 159))} ${Math.round(580000 + 100 * Math.cos(i / 159))}`);
    for (let f = 0; f < 100_000; f++) lines.push(`.FLATE ${f + 2}:`, '..REF :1');
    lines.push('.SLUTT');
    const r = cli('stats', file('forsterket.sos', lines.join('\n')));
    expectOneLine(r, /forsterket\.sos: .*grensen/);
  });

  it('reads a SOSI file with a 160 kB token before a lone CR and a line of 300 000 numbers (was 31 s, and a stack overflow)', () => {
    const text = `${SOSI_HEAD}..${'X'.repeat(160_000)}\r.FLATE 1:\n..NØ\n${Array.from({ length: 150_000 }, (_, i) => `${6633000 + (i % 7)} ${580000 + (i % 5)}`).join(' ')}\n.SLUTT\n`;
    const r = cli('stats', file('lang-linje.sos', text));
    expect(r.signal).toBeNull();
    expect([0, 2]).toContain(r.status);
    if (r.status === 2) expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/Uventet feil|    at /);
    expect(r.ms).toBeLessThan(LIMIT_MS);
  });

  it('refuses a 1 MB zip whose .shp unpacks to 1 GiB (was 6.5 GB RSS and an abort)', () => {
    const zip = writeZipRecords([{ name: 'kp.shp', method: 8, data: zeros(1024), size: 1024 * 1024 * 1024 }]);
    expect(zip.length).toBeLessThan(2_000_000);
    const r = cli('stats', fileBytes('bombe.zip', zip));
    expectOneLine(r, /bombe\.zip: .*300 MB/);
  });

  it('refuses a zip whose 101 directory records point at one 64 MiB entry (was 35 s)', () => {
    const one = writeZipRecords([{ name: 'kp.shp', method: 8, data: zeros(64), size: 64 * 1024 * 1024 }], Array.from({ length: 101 }, (_, i) => ({ entry: 0, name: `kp${i}.shp` })));
    const r = cli('stats', fileBytes('overlapp.zip', one));
    expectOneLine(r, /overlapp\.zip: /);
  });

  const gml = (body: string) => `<?xml version="1.0"?><gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:app="x">${body}</gml:FeatureCollection>`;
  const square = `${E0} ${N0} ${E0 + 100} ${N0} ${E0 + 100} ${N0 + 100} ${E0} ${N0 + 100} ${E0} ${N0}`;

  it('reads a GML whose text has &#99999999; (was «Uventet feil: Invalid code point»)', () => {
    const body = `<gml:featureMember><app:Omrade><app:navn>&#99999999;</app:navn><app:omrade><gml:Polygon srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList>${square}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></app:omrade></app:Omrade></gml:featureMember>`;
    const r = cli('stats', file('tegnref.gml', gml(body)));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('&#99999999;');
  });

  it.each([
    ['64 kB of «<» (was minutes of backtracking)', () => gml('<'.repeat(65_536)), /^Feil: .*vinkler\.gml/],
    ['a 1 MB attribute (was quadratic)', () => gml(`<app:x ${'a'.repeat(1_000_000)}="1"/>`), /^Feil: .*vinkler\.gml/],
    ['200 000 unmatched end tags', () => gml('<app:a>' + '</b>'.repeat(200_000)), /^Feil: .*vinkler\.gml/],
    ['elements nested 100 000 deep (was a stack overflow)', () => gml('<a>'.repeat(100_000)), /vinkler\.gml: elementene er nøstet dypere enn 1000 nivåer \(grensen\)/]
  ])('refuses a GML with %s with one line', (_, make, pattern) => {
    const r = cli('stats', file('vinkler.gml', make()));
    expectOneLine(r, pattern);
  });

  /** A GeoJSON file of `features` star-shaped rings of `n` vertices each, written without one big string. */
  function rings(name: string, features: number, n: number): string {
    const p = path.join(dir, name);
    const fd = openSync(p, 'w');
    writeSync(fd, '{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:25832"}},"features":[');
    for (let f = 0; f < features; f++) {
      const cx = E0 + f * 5000;
      const parts: string[] = [];
      for (let i = 0; i <= n; i++) {
        const a = (2 * Math.PI * (i % n)) / n;
        const r = 1000 + ((i % n) % 2) * 10;
        parts.push(`[${(cx + r * Math.cos(a)).toFixed(3)},${(N0 + r * Math.sin(a)).toFixed(3)}]`);
      }
      writeSync(fd, `${f ? ',' : ''}{"type":"Feature","properties":{"id":"f${f}"},"geometry":{"type":"Polygon","coordinates":[[${parts.join(',')}]]}}`);
    }
    writeSync(fd, ']}');
    closeSync(fd);
    return p;
  }

  it('refuses a file whose areas have more than 3 000 000 vertices in all, naming the limit, before checking them', () => {
    const r = cli('stats', rings('mange-hjorner.geojson', 4, 800_000));
    expectOneLine(r, /mange-hjorner\.geojson: flatene i fila har til sammen flere enn 3000000 hjørner \(grensen\)/);
    expect(r.ms).toBeLessThan(15_000);
  });

  it('reads a file just under the vertex limit (2 900 000) within 30 s and the 2.5 GB heap', () => {
    const r = cli('stats', rings('nesten-grensen.geojson', 3, 966_000));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.ms).toBeLessThan(LIMIT_MS);
  });
});
