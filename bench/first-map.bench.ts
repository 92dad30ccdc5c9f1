// First map (issue #20): the app's map page (`/?kart=ingen`, the production build) against a bare
// MapLibre page drawing the same layers (the same sources and layers, made by the app's own
// app-layers.ts from the same data, inline in one style; the same MapLibre build; the same hatch
// image), in Debian's Chromium. Both pages set `performance.mark('kart-klart')` when the map is
// first idle with its data drawn; the time of that mark (ms after navigation) is compared over
// paired runs, alternating which page goes first, each in a fresh browser context (no cache).
// Also: the JavaScript the map page loads beyond MapLibre itself (gzip -9), all of it and the part
// loaded before the mark.
// Prints `first_map_ms`, `first_map_bare_maplibre_ms`, `first_map_ratio_vs_bare`,
// `map_page_js_kb_gzip_beyond_maplibre` (all the page loads within 2 s of the mark) and
// `map_page_js_kb_gzip_before_kart_klart`. Goals: ratio ≤ 1.2; JS beyond MapLibre loaded before
// the first map ≤ 150 KB, the rest (drawing tool, panels) after it.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { FeatureCollection } from 'geojson';
import { loadAppData } from '../src/lib/data/appdata.ts';
import { defaultNorms } from '../src/lib/domain/norms.ts';
import type { AppDataFile } from '../src/lib/geodata/build.ts';
import { DEFAULT_VISIBLE_LAYERS } from '../src/lib/layers/catalogue.ts';
import { appSourcesAndLayers, HATCH_IMAGE, hatchPixels } from '../src/lib/map/app-layers.ts';
import { freePort, startServer } from '../scripts/load-lib.ts';
import { summarize } from './random.ts';

const root = path.resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const demoFile = path.join(root, 'static', 'data', 'demo.json');

if (!existsSync(path.join(root, 'build', 'index.js')) || !existsSync(demoFile) || !existsSync(chromiumPath)) {
  console.log('first_map_ms: skipped (needs the production build, static/data/demo.json and Chromium; `npm run bench` makes the build)');
  process.exit(0);
}

// The bare page's style: the app's sources and layers from the same data, on the same plain background.
const file = JSON.parse(readFileSync(demoFile, 'utf8')) as AppDataFile;
const data = loadAppData(file, defaultNorms());
const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const app = appSourcesAndLayers({ ...data.map, skisser: empty }, new Set(DEFAULT_VISIBLE_LAYERS));
const style = { version: 8, sources: app.sources, layers: [{ id: 'bakgrunn', type: 'background', paint: { 'background-color': '#f4f1ea' } }, ...app.layers] };
const bounds = data.map.grense.features.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat(2) : []));
const box = [Math.min(...bounds.map((p) => p[0] as number)), Math.min(...bounds.map((p) => p[1] as number)), Math.max(...bounds.map((p) => p[0] as number)), Math.max(...bounds.map((p) => p[1] as number))];
const page = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/maplibre-gl.css">
<style>html,body,#m{margin:0;height:100%}</style></head><body><div id="m"></div>
<script type="module">
import * as ml from '/maplibre-gl.mjs';
ml.setWorkerUrl('/maplibre-gl-worker.mjs');
const style = await (await fetch('/style.json')).json();
const map = new ml.Map({ container: 'm', style, bounds: ${JSON.stringify(box)}, fitBoundsOptions: { padding: 24 } });
map.addImage(${JSON.stringify(HATCH_IMAGE)}, { width: 8, height: 8, data: new Uint8Array(${JSON.stringify([...hatchPixels(8)])}) });
map.once('idle', () => performance.mark('kart-klart'));
</script></body></html>`;
const dist = path.join(root, 'node_modules', 'maplibre-gl', 'dist');
const bareFiles: Record<string, [string, string | Buffer]> = {
  '/': ['text/html; charset=utf-8', page],
  '/style.json': ['application/json', JSON.stringify(style)],
  '/maplibre-gl.mjs': ['text/javascript', readFileSync(path.join(dist, 'maplibre-gl.mjs'))],
  '/maplibre-gl-worker.mjs': ['text/javascript', readFileSync(path.join(dist, 'maplibre-gl-worker.mjs'))],
  '/maplibre-gl.css': ['text/css', readFileSync(path.join(dist, 'maplibre-gl.css'))]
};
const bare: Server = createServer((req, res) => {
  const f = bareFiles[new URL(req.url ?? '/', 'http://x').pathname];
  if (!f) return void res.writeHead(404).end();
  // Compressed as the app's server sends its files, so neither page pays more for the network.
  const body = gzipSync(f[1]);
  res.writeHead(200, { 'content-type': f[0], 'content-encoding': 'gzip' }).end(body);
});
const barePort = await freePort();
await new Promise<void>((r) => bare.listen(barePort, '127.0.0.1', r));

// The app, as `npm start` serves it.
const appPort = await freePort();
const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-first-map-'));
const server = await startServer(appPort, { DATA_DIR: dataDir, OFFISIELLE_KART: 'av' });

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking'] });
const mlVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules', 'maplibre-gl', 'package.json'), 'utf8')) as { version: string }).version;

/** Opens a page in a fresh context and returns the time of its `kart-klart` mark, and the scripts it loaded with when. */
async function firstMap(url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const p = await context.newPage();
  await p.route(/^https?:\/\/(?!127\.0\.0\.1)/, (r) => r.abort());
  const scripts: { url: string; body: Buffer; at: number }[] = [];
  const reading: Promise<void>[] = [];
  p.on('response', (r) => {
    if (r.request().resourceType() !== 'script') return;
    const at = Date.now();
    reading.push(
      r.body().then(
        (body) => void scripts.push({ url: r.url(), body, at }),
        () => undefined
      )
    );
  });
  const started = Date.now();
  await p.goto(url);
  await p.waitForFunction(() => performance.getEntriesByName('kart-klart').length > 0, undefined, { timeout: 60_000 });
  const mark = await p.evaluate(() => performance.getEntriesByName('kart-klart')[0]?.startTime ?? 0);
  // What loads after the first map (the drawing tool, panels) comes within a moment.
  await p.waitForTimeout(2000);
  await p.waitForLoadState('networkidle');
  await Promise.all(reading);
  await context.close();
  return { mark, scripts, markAt: started + mark };
}

const chromiumVersion = browser.version();
const appTimes: number[] = [];
const bareTimes: number[] = [];
let js = { all: 0, before: 0 };
try {
  // One of each to warm the server and the disk cache, not counted.
  await firstMap(`http://127.0.0.1:${appPort}/?kart=ingen`);
  await firstMap(`http://127.0.0.1:${barePort}/`);
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 ? ['bare', 'app'] : ['app', 'bare'];
    for (const which of order) {
      if (which === 'bare') {
        bareTimes.push((await firstMap(`http://127.0.0.1:${barePort}/`)).mark);
        if (process.env.BENCH_VERBOSE) console.log(`  run ${i + 1}: bare ${bareTimes.at(-1)?.toFixed(0)} ms`);
      } else {
        const r = await firstMap(`http://127.0.0.1:${appPort}/?kart=ingen`);
        appTimes.push(r.mark);
        if (process.env.BENCH_VERBOSE) console.log(`  run ${i + 1}: app ${r.mark.toFixed(0)} ms`);
        // MapLibre's own bundle: the large script with its version in it.
        const own = r.scripts.filter((s) => !(s.body.length > 300_000 && s.body.includes(mlVersion)));
        const kb = (list: typeof own) => list.reduce((t, s) => t + gzipSync(s.body, { level: 9 }).length, 0) / 1024;
        js = { all: kb(own), before: kb(own.filter((s) => s.at <= r.markAt)) };
        if (process.env.BENCH_VERBOSE) for (const s of own) console.log(`  script ${s.url.split('/').pop()} ${(gzipSync(s.body, { level: 9 }).length / 1024).toFixed(1)} KB, ${s.at <= r.markAt ? 'before' : 'after'} kart-klart (${s.at - r.markAt} ms)`);
      }
    }
  }
} finally {
  await browser.close();
  server.kill();
  bare.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const a = summarize(appTimes);
const b = summarize(bareTimes);
const ratio = a.median / b.median;
console.log(`runs: ${RUNS} paired, Chromium ${chromiumVersion}, 1280 × 800, ?kart=ingen`);
console.log(`first_map_ms: ${a.median.toFixed(0)}`);
console.log(`first_map_bare_maplibre_ms: ${b.median.toFixed(0)}`);
console.log(`first_map_ratio_vs_bare: ${ratio.toFixed(2)}x`);
console.log(`map_page_js_kb_gzip_beyond_maplibre: ${js.all.toFixed(0)}`);
console.log(`map_page_js_kb_gzip_before_kart_klart: ${js.before.toFixed(0)}`);
console.log(`target_first_map_1_2x: ${ratio <= 1.2 ? 'ok' : 'MISSED'}`);
console.log(`target_map_js_before_map_150kb: ${js.before <= 150 ? 'ok' : 'MISSED'}`);
