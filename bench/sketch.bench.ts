// Live figures for a sketch: recompute everything the «Nøkkeltall for skisse» panel shows
// (validation, reprojection, planar area, farmland by AR5 class, overlap with næring, job
// capacity, ABC) for a 200-vertex sketch against the full demo farmland and næring layers.
// Prints `sketch_stats_p95_ms: <n>`; target p95 < 16 ms (one frame).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { defaultNorms } from '../src/lib/domain/norms.ts';
import { sketchStats } from '../src/lib/domain/sketch-stats.ts';
import { projectPosition, reprojectGeometry } from '../src/lib/geo/crs.ts';
import { buildOverlapIndex } from '../src/lib/geo/overlap.ts';
import { roadsIn25832, stationsIn25832 } from '../src/lib/io/reference-layers.ts';
import { mulberry32, starRing, summarize } from './random.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (f: string) => JSON.parse(readFileSync(path.join(root, 'geodata/kilder', f), 'utf8')) as FeatureCollection;
const naering = read('naeringsareal.geojson');
const jord = read('jordbruk-ar5-demo.geojson');
const ctx = {
  norms: defaultNorms(),
  farmland: buildOverlapIndex(jord.features.map((f) => ({ geometry: f.geometry as Polygon | MultiPolygon, key: String(f.properties?.arealtype) }))),
  naering: buildOverlapIndex(naering.features.map((f) => ({ geometry: f.geometry as Polygon | MultiPolygon, key: String(f.properties?.arealbruksstatus) }))),
  stations: stationsIn25832(read('stasjoner.geojson')),
  mainRoads: roadsIn25832(read('veger.geojson'))
};

// A 200-vertex sketch (radius 500–800 m) over Heggedal, where næring and farmland meet.
const rand = mulberry32(6);
const [cx, cy] = projectPosition([10.4286, 59.7868], 'EPSG:4326', 'EPSG:25832');
const sketch = reprojectGeometry({ type: 'Polygon', coordinates: [starRing(rand, cx, cy, 200, 500, 800)] } as Polygon, 'EPSG:25832', 'EPSG:4326');
const input = { id: 'bench', navn: 'Benk', geometry: sketch, kategori: 'kontor' as const, utnyttelseBraProsent: null };

const first = sketchStats(input, ctx);
if (!first.ok) throw new Error(first.error.message);
for (let i = 0; i < 10; i++) sketchStats(input, ctx);
const times: number[] = [];
for (let i = 0; i < 300; i++) {
  const t = performance.now();
  sketchStats(input, ctx);
  times.push(performance.now() - t);
}
const s = summarize(times);
console.log(`sketch_vertices: 200`);
console.log(`farmland_polygons: ${jord.features.length}`);
console.log(`naering_polygons: ${naering.features.length}`);
console.log(`sketch_area_daa: ${first.stats.areaDaa.toFixed(1)}`);
console.log(`sketch_farmland_daa: ${((first.stats.farmland?.totalM2 ?? 0) / 1000).toFixed(1)}`);
console.log(`sketch_naering_daa: ${(first.stats.naeringM2.total / 1000).toFixed(1)}`);
console.log(`sketch_stats_median_ms: ${s.median.toFixed(3)}`);
console.log(`sketch_stats_p95_ms: ${s.p95.toFixed(3)}`);
console.log(`target_sketch_under_16ms: ${s.p95 < 16 ? 'ok' : 'MISSED'}`);
