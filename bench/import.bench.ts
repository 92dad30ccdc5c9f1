// Import speed and memory: a generated 50 MB SOSI file and a 100 000-feature GeoJSON, read the
// way the app's worker reads them (parse, validate every polygon, reproject to EPSG:25832, map
// codes to the app's layer). Each case runs in its own process so its peak memory (max RSS) is
// its own. Prints `sosi_50mb_s`, `sosi_mb_per_s`, `sosi_peak_rss_mb` and the same for GeoJSON;
// target: 50 MB SOSI in under 10 s. In the app the work runs in a Web Worker, so the page stays
// responsive (tests/e2e/import.spec.ts checks that controls react while a file is read).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  const parts: string[] = ['.HODE\n..TEGNSETT UTF-8\n..TRANSPAR\n...KOORDSYS 22\n...ORIGO-NØ 0 0\n...ENHET 0.01\n..SOSI-VERSJON 4.5\n'];
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
  const bytes = new Uint8Array(readFileSync(file));
  const t = performance.now();
  const r = await importPlanFile({ bytes, fileName: name, kind: 'naering' });
  const seconds = (performance.now() - t) / 1000;
  if (!r.ok) throw new Error(r.message);
  // maxRSS is in kB on Linux: the peak of this process, file bytes and everything made from them.
  const peak = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ seconds, mb: bytes.length / 1e6, features: r.report.featuresRead, kept: r.report.kept, peakMb: peak }) + '\n');
}

if (process.argv[2] === '--case') {
  await runCase(process.argv[3] as string, process.argv[4] as string);
} else {
  const dir = mkdtempSync(path.join(tmpdir(), 'naering-bench-'));
  try {
    const sosi = path.join(dir, 'stor.sos');
    const geojson = path.join(dir, 'mange.geojson');
    writeFileSync(sosi, makeSosi(50 * 1e6));
    writeFileSync(geojson, makeGeoJson(100_000));
    const measure = (file: string, name: string) => {
      const r = spawnSync(process.execPath, [self, '--case', file, name], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (r.status !== 0) throw new Error(`${name}: ${r.stderr}`);
      return JSON.parse(r.stdout.trim()) as { seconds: number; mb: number; features: number; kept: number; peakMb: number };
    };
    const baseline = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.resourceUsage().maxRSS / 1024))'], { encoding: 'utf8' });
    const s = measure(sosi, 'stor.sos');
    const g = measure(geojson, 'mange.geojson');
    console.log(`node_baseline_rss_mb: ${Number(baseline.stdout).toFixed(0)}`);
    console.log(`sosi_file_mb: ${s.mb.toFixed(1)}`);
    console.log(`sosi_flater: ${s.features} (kept as næring: ${s.kept})`);
    console.log(`sosi_50mb_s: ${s.seconds.toFixed(2)}`);
    console.log(`sosi_mb_per_s: ${(s.mb / s.seconds).toFixed(1)}`);
    console.log(`sosi_peak_rss_mb: ${s.peakMb.toFixed(0)}`);
    console.log(`geojson_file_mb: ${g.mb.toFixed(1)}`);
    console.log(`geojson_features: ${g.features}`);
    console.log(`geojson_100k_s: ${g.seconds.toFixed(2)}`);
    console.log(`geojson_mb_per_s: ${(g.mb / g.seconds).toFixed(1)}`);
    console.log(`geojson_peak_rss_mb: ${g.peakMb.toFixed(0)}`);
    console.log(`target_sosi_50mb_under_10s: ${s.seconds < 10 ? 'ok' : 'MISSED'}`);
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true }); else console.log(dir);
  }
}
