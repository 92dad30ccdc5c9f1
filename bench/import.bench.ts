// Import speed and memory: two generated 50 MB SOSI files (one curve per flate; a grid of flater
// sharing their border curves, referenced forwards and backwards as `:N` and `:-N`) and a
// 100 000-feature GeoJSON, read the way the app's worker reads them (parse, validate every
// polygon, reproject to EPSG:25832, map codes to the app's layer). Each case runs in its own
// process so its peak memory (max RSS) is its own. The peer, when GDAL is installed, is
// `ogrinfo -ro -al -geom=SUMMARY` reading every feature of the same SOSI file (time and, with GNU
// time, peak memory; `…_gdal_read` says how many polygons it built and how many errors it wrote,
// so a file GDAL reads only in part is not taken for a like-for-like comparison). Prints
// `sosi50_mb_per_s` (goal: at least GDAL's speed, at most 4× its memory), `sosi50_shared_mb_per_s`
// and the same for GeoJSON. In the app the work runs in a Web
// Worker, so the page stays responsive (tests/e2e/import.spec.ts checks that controls react while
// a file is read).

import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPlanFile } from '../src/lib/io/import-plan.ts';
import { projectPosition } from '../src/lib/geo/crs.ts';
import { mulberry32, starRing } from './random.ts';

const self = fileURLToPath(import.meta.url);

/** A SOSI 4.5 file of about `targetBytes`: flater of 24-vertex rings (cm units), UTF-8, Æ/Ø/Å in names. */
function makeSosi(targetBytes: number): Uint8Array {
  const rand = mulberry32(50);
  const parts: string[] = ['.HODE\n..TEGNSETT UTF-8\n..TRANSPAR\n...KOORDSYS 22\n...ORIGO-NØ 0 0\n...ENHET 0.01\n..OMRÅDE\n...MIN-NØ 6610000 560000\n...MAX-NØ 6670000 620000\n..SOSI-VERSJON 4.5\n'];
  let size = parts[0]?.length ?? 0;
  let i = 0;
  while (size < targetBytes) {
    i++;
    // Spread over Asker: 570–600 km E, 6 620–6 650 km N (EPSG:25832).
    const cx = 570_000 + rand() * 30_000;
    const cy = 6_620_000 + rand() * 30_000;
    const ring = starRing(rand, cx, cy, 24, 40, 90);
    const coords = [...ring, ring[0] as [number, number]].map(([e, n]) => `${Math.round(n * 100)} ${Math.round(e * 100)}`).join('\n');
    const kurve = `.KURVE ${i}:\n..OBJTYPE KpArealformålGrense\n..NØ\n${coords}\n`;
    const flate = `.FLATE ${1_000_000 + i}:\n..OBJTYPE KpArealformålOmråde\n..AREALFORMÅL ${i % 5 === 0 ? 1110 : 1300}\n..AREALBRUKSSTATUS ${1 + (i % 2)}\n..OMRÅDENAVN "Næringsområde Øst-Åsen ${i}"\n..REF :${i}\n..NØ\n${Math.round(cy * 100)} ${Math.round(cx * 100)}\n`;
    parts.push(kurve, flate);
    size += kurve.length + flate.length + 8;
  }
  parts.push('.SLUTT\n');
  return new TextEncoder().encode(parts.join(''));
}

/** The largest serial number (`.FLATE 123:`) FYBA accepts. */
const SOSI_MAX_SERIAL = 9_999_999;

/**
 * A SOSI 4.5 file of about `targetBytes` where flater share their borders, as kommuneplan
 * exports do: a grid of cells, each border one .KURVE of 8 vertices used by the two cells on
 * either side, one of them taking it backwards (`:-N`).
 */
function makeSosiShared(targetBytes: number): Uint8Array {
  const rand = mulberry32(51);
  const cell = 100;
  const perCell = 640; // bytes a cell adds, about
  const side = Math.ceil(Math.sqrt(targetBytes / perCell));
  const [x0, y0] = [570_000, 6_620_000];
  const head = '.HODE\n..TEGNSETT UTF-8\n..TRANSPAR\n...KOORDSYS 22\n...ORIGO-NØ 0 0\n...ENHET 0.01\n..OMRÅDE\n...MIN-NØ 6610000 560000\n...MAX-NØ 6670000 620000\n..SOSI-VERSJON 4.5\n';
  const parts: string[] = [head];
  // Corner points jittered (shared), so cells are quadrilaterals that tile the box.
  const corner = (i: number, j: number): [number, number] => {
    const jx = i > 0 && i < side ? (mulberry32(i * 100_003 + j)() - 0.5) * 30 : 0;
    const jy = j > 0 && j < side ? (mulberry32(j * 100_019 + i + 7)() - 0.5) * 30 : 0;
    return [x0 + i * cell + jx, y0 + j * cell + jy];
  };
  const curve = (id: number, a: [number, number], b: [number, number]) => {
    const pts: string[] = [];
    for (let k = 0; k <= 7; k++) {
      const t = k / 7;
      const wobble = k === 0 || k === 7 ? 0 : (rand() - 0.5) * 6;
      const e = a[0] + (b[0] - a[0]) * t + wobble;
      const n = a[1] + (b[1] - a[1]) * t - wobble;
      pts.push(`${Math.round(n * 100)} ${Math.round(e * 100)}`);
    }
    return `.KURVE ${id}:\n..OBJTYPE KpArealformålGrense\n..NØ\n${pts.join('\n')}\n`;
  };
  // Curve ids: horizontal border (i, j) from corner (i, j) to (i+1, j); vertical (i, j) from (i, j) to (i, j+1).
  const h = (i: number, j: number) => 1 + j * side + i;
  const v = (i: number, j: number) => 1 + (side + 1) * side + j * (side + 1) + i;
  for (let j = 0; j <= side; j++) for (let i = 0; i < side; i++) parts.push(curve(h(i, j), corner(i, j), corner(i + 1, j)));
  for (let j = 0; j < side; j++) for (let i = 0; i <= side; i++) parts.push(curve(v(i, j), corner(i, j), corner(i, j + 1)));
  // Flate ids follow the curve ids. FYBA (GDAL's SOSI driver) takes serial numbers up to
  // 9 999 999 only: a larger one is «Ulovlig serienummer», one error line per group (GDAL still
  // builds the polygon, but 78 400 error lines overflowed the bench's stderr buffer, so the run
  // looked failed).
  let id = v(side, side - 1) + 1;
  if (id + side * side > SOSI_MAX_SERIAL) throw new Error(`makeSosiShared: ${side}×${side} cells need serial numbers past ${SOSI_MAX_SERIAL}`);
  for (let j = 0; j < side; j++) {
    for (let i = 0; i < side; i++) {
      const [e, n] = corner(i, j);
      parts.push(
        `.FLATE ${id++}:\n..OBJTYPE KpArealformålOmråde\n..AREALFORMÅL ${(i + j) % 5 === 0 ? 1110 : 1300}\n..AREALBRUKSSTATUS ${1 + ((i + j) % 2)}\n..OMRÅDENAVN "Felt ${i}-${j}"\n..REF :${h(i, j)} :${v(i + 1, j)} :-${h(i, j + 1)} :-${v(i, j)}\n..NØ\n${Math.round((n + cell / 2) * 100)} ${Math.round((e + cell / 2) * 100)}\n`
      );
    }
  }
  parts.push('.SLUTT\n');
  return new TextEncoder().encode(parts.join(''));
}

/** A GeoJSON FeatureCollection (EPSG:4326) of `n` 12-vertex polygons over Asker. */
function makeGeoJson(n: number): Uint8Array {
  const rand = mulberry32(100);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const cx = 570_000 + rand() * 30_000;
    const cy = 6_620_000 + rand() * 30_000;
    const ring = starRing(rand, cx, cy, 12, 30, 60).map((p) => projectPosition(p, 'EPSG:25832', 'EPSG:4326').map((v) => Math.round(v * 1e7) / 1e7));
    ring.push(ring[0] as number[] as [number, number]);
    lines.push(JSON.stringify({ type: 'Feature', properties: { id: `f${i}`, arealformal: 1300, arealbruksstatus: 2, navn: `Område ${i}` }, geometry: { type: 'Polygon', coordinates: [ring] } }));
  }
  return new TextEncoder().encode(`{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`);
}

async function runCase(file: string, name: string) {
  const buf = readFileSync(file);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const t = performance.now();
  const r = await importPlanFile({ bytes, fileName: name, kind: 'naering' });
  const seconds = (performance.now() - t) / 1000;
  if (!r.ok) throw new Error(r.message);
  // maxRSS is in kB on Linux: the peak of this process, file bytes and everything made from them.
  const peak = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ seconds, mb: bytes.length / 1e6, features: r.report.featuresRead, kept: r.report.kept, peakMb: peak }) + '\n');
}

/** What GDAL did with a SOSI file. */
interface GdalRun {
  seconds: number;
  peakMb: number | null;
  /** Polygons GDAL read with a geometry (`POLYGON : n points` lines of its listing). */
  polygons: number;
  /** Error lines GDAL wrote while reading (FYBA reports each bad group and reads on). */
  errors: number;
  firstError?: string;
  failed?: string;
}

/**
 * GDAL reading every feature of a SOSI file: wall seconds, (with GNU time) peak MB, the polygons
 * it built and the errors it reported; null when GDAL is not installed. GDAL's SOSI driver (FYBA)
 * refuses UTF-8, so it reads the same file in ISO8859-10 (Æ, Ø and Å are one byte there; nothing
 * else differs). Its listing goes to a pipe to be counted (a pipe instead of /dev/null changes
 * neither its time nor its peak memory measurably).
 */
function gdal(utf8File: string): GdalRun | null {
  if (spawnSync('ogrinfo', ['--version'], { stdio: 'ignore' }).status !== 0) return null;
  const file = utf8File.replace(/\.sos$/, '-iso8859-10.sos');
  writeFileSync(file, Buffer.from(readFileSync(utf8File, 'utf8').replace('..TEGNSETT UTF-8', '..TEGNSETT ISO8859-10'), 'latin1'));
  const gnuTime = existsSync('/usr/bin/time');
  const t = performance.now();
  const args = ['-ro', '-al', '-geom=SUMMARY', file];
  // A large buffer: a file with a fault in every group gives an error line per group (megabytes),
  // and spawnSync kills the child when its output passes the buffer.
  const opts: SpawnSyncOptionsWithStringEncoding = { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 };
  const r = gnuTime ? spawnSync('/usr/bin/time', ['-f', '%M', 'ogrinfo', ...args], opts) : spawnSync('ogrinfo', args, opts);
  const seconds = (performance.now() - t) / 1000;
  const errLines = String(r.stderr ?? '').trim().split('\n');
  const errorLines = errLines.filter((l) => /^(ERROR|Error)/.test(l));
  const polygons = (String(r.stdout ?? '').match(/^ {2}(MULTI)?POLYGON : /gm) ?? []).length;
  if (r.status !== 0) {
    const why = r.error ? String(r.error.message) : (errLines.filter((l) => !/^\d+$/.test(l) && !/^Command exited/.test(l)).at(-1) ?? `exit ${r.status}`);
    return { seconds: Number.NaN, peakMb: null, polygons, errors: errorLines.length, failed: why.slice(0, 120) };
  }
  const kb = gnuTime ? Number(errLines.at(-1)) : Number.NaN;
  return { seconds, peakMb: Number.isFinite(kb) ? kb / 1024 : null, polygons, errors: errorLines.length, ...(errorLines[0] ? { firstError: errorLines[0].slice(0, 120) } : {}) };
}

if (process.argv[2] === '--case') {
  await runCase(process.argv[3] as string, process.argv[4] as string);
} else {
  const dir = mkdtempSync(path.join(tmpdir(), 'naering-bench-'));
  try {
    const sosi = path.join(dir, 'stor.sos');
    const shared = path.join(dir, 'felles-grenser.sos');
    const geojson = path.join(dir, 'mange.geojson');
    // BENCH_SOSI_MB: a smaller file for a quick look (the figures in README are for 50).
    const mb = Number(process.env.BENCH_SOSI_MB ?? 50);
    writeFileSync(sosi, makeSosi(mb * 1e6));
    writeFileSync(shared, makeSosiShared(mb * 1e6));
    writeFileSync(geojson, makeGeoJson(100_000));
    const measure = (file: string, name: string) => {
      const r = spawnSync(process.execPath, [self, '--case', file, name], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (r.status !== 0) throw new Error(`${name}: ${r.stderr}`);
      return JSON.parse(r.stdout.trim()) as { seconds: number; mb: number; features: number; kept: number; peakMb: number };
    };
    const baseline = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.resourceUsage().maxRSS / 1024))'], { encoding: 'utf8' });
    const s = measure(sosi, 'stor.sos');
    const sg = gdal(sosi);
    const f = measure(shared, 'felles-grenser.sos');
    const fg = gdal(shared);
    const g = measure(geojson, 'mange.geojson');
    const peer = (x: GdalRun | null, mb: number) => (!x ? 'skipped (GDAL not installed)' : x.failed ? `failed (GDAL cannot read the file: ${x.failed})` : `${(mb / x.seconds).toFixed(1)}`);
    const peerMem = (x: GdalRun | null) => (x?.peakMb && !x.failed ? x.peakMb.toFixed(0) : 'skipped');
    const peerRead = (x: GdalRun | null) => (!x ? 'skipped' : `${x.polygons} polygons, ${x.errors} errors${x.firstError ? ` (first: ${x.firstError})` : ''}`);
    /** GDAL read the file cleanly and built the same number of polygons as we read flater. */
    const clean = (x: GdalRun | null, ours: number) => !!x && !x.failed && x.errors === 0 && x.polygons === ours;
    console.log(`node_baseline_rss_mb: ${Number(baseline.stdout).toFixed(0)}`);
    console.log(`sosi_file_mb: ${s.mb.toFixed(1)}`);
    console.log(`sosi_flater: ${s.features} (kept as næring: ${s.kept})`);
    console.log(`sosi_50mb_s: ${s.seconds.toFixed(2)}`);
    console.log(`sosi50_mb_per_s: ${(s.mb / s.seconds).toFixed(1)}`);
    console.log(`sosi50_gdal_mb_per_s: ${peer(sg, s.mb)}`);
    console.log(`sosi50_peak_rss_mb: ${s.peakMb.toFixed(0)}`);
    console.log(`sosi50_gdal_peak_rss_mb: ${peerMem(sg)}`);
    console.log(`sosi50_gdal_read: ${peerRead(sg)}`);
    console.log(`sosi50_shared_file_mb: ${f.mb.toFixed(1)}`);
    console.log(`sosi50_shared_flater: ${f.features} (kept as næring: ${f.kept})`);
    console.log(`sosi50_shared_mb_per_s: ${(f.mb / f.seconds).toFixed(1)}`);
    console.log(`sosi50_shared_gdal_mb_per_s: ${peer(fg, f.mb)}`);
    console.log(`sosi50_shared_peak_rss_mb: ${f.peakMb.toFixed(0)}`);
    console.log(`sosi50_shared_gdal_peak_rss_mb: ${peerMem(fg)}`);
    console.log(`sosi50_shared_gdal_read: ${peerRead(fg)}`);
    console.log(`geojson_file_mb: ${g.mb.toFixed(1)}`);
    console.log(`geojson_features: ${g.features}`);
    console.log(`geojson_100k_s: ${g.seconds.toFixed(2)}`);
    console.log(`geojson_mb_per_s: ${(g.mb / g.seconds).toFixed(1)}`);
    console.log(`geojson_peak_rss_mb: ${g.peakMb.toFixed(0)}`);
    console.log(`target_sosi_50mb_under_10s: ${s.seconds < 10 ? 'ok' : 'MISSED'}`);
    if (sg && !clean(sg, s.features)) console.log('sosi50_gdal_note: GDAL did not read the file cleanly (errors, or another polygon count): the comparison is not like for like');
    if (fg && !clean(fg, f.features)) console.log('sosi50_shared_gdal_note: GDAL did not read the file cleanly (errors, or another polygon count): the comparison is not like for like');
    if (sg && !sg.failed) console.log(`target_sosi50_le_gdal_time: ${s.seconds <= sg.seconds ? 'ok' : 'MISSED'}`);
    if (sg?.peakMb && !sg.failed) console.log(`target_sosi50_le_4x_gdal_memory: ${s.peakMb <= 4 * sg.peakMb ? 'ok' : 'MISSED'}`);
    if (fg && !fg.failed) console.log(`target_sosi50_shared_le_gdal_time: ${f.seconds <= fg.seconds ? 'ok' : 'MISSED'}`);
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true }); else console.log(dir);
  }
}
