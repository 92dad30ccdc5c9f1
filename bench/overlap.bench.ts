// Overlap of a 200-vertex area with 20 000 farmland polygons (seeded): the indexed engine
// (flatbush + exact planar intersection area in EPSG:25832) against a plain loop of
// turf.intersect + turf.area over every polygon, and against the loop a competent user writes:
// the same with a bounding-box pre-check (turf.bbox of each polygon computed once, intersect only
// where the boxes meet). Prints `speedup_vs_naive_turf: <ratio>x` and `speedup_vs_turf_bbox:
// <ratio>x`. Targets: speedup ≥ 20× over the plain loop, one overlap computation < 16 ms (one frame).

import { area as turfArea, bbox as turfBbox, featureCollection, intersect as turfIntersect, polygon as turfPolygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { AR5_JORDBRUKSKLASSER } from '../seeds/ar5.ts';
import { reprojectGeometry } from '../src/lib/geo/crs.ts';
import { buildOverlapIndex, overlapByKey } from '../src/lib/geo/overlap.ts';
import { mulberry32, starRing, summarize } from './random.ts';

const SEED = 20_201_215;
const N_FARMLAND = 20_000;
const rand = mulberry32(SEED);

// Farmland: 20 000 polygons of ~1–5 daa in a 30 × 50 km box over Asker (EPSG:25832).
const [x0, y0] = [575_000, 6_595_000];
const farmland = Array.from({ length: N_FARMLAND }, (_, i) => {
  const cx = x0 + rand() * 30_000;
  const cy = y0 + rand() * 50_000;
  const ring = starRing(rand, cx, cy, 8 + Math.floor(rand() * 12), 15, 45);
  return { geometry: { type: 'Polygon', coordinates: [ring] } as Polygon, key: AR5_JORDBRUKSKLASSER[i % 3]! };
});

// The area: 200 vertices, radius 800–1400 m, in the middle of the box.
const area: Polygon = { type: 'Polygon', coordinates: [starRing(rand, x0 + 15_000, y0 + 25_000, 200, 800, 1400)] };

const buildStart = performance.now();
const index = buildOverlapIndex(farmland);
const buildMs = performance.now() - buildStart;

const times: number[] = [];
let indexed = overlapByKey(index, area);
for (let i = 0; i < 5; i++) overlapByKey(index, area); // warm up
for (let i = 0; i < 100; i++) {
  const t = performance.now();
  indexed = overlapByKey(index, area);
  times.push(performance.now() - t);
}
const fast = summarize(times);

// Naive: what one would write with Turf alone, on WGS84.
const area4326 = turfPolygon(reprojectGeometry(area, 'EPSG:25832', 'EPSG:4326').coordinates);
const farm4326: Feature<Polygon>[] = farmland.map((f) => turfPolygon(reprojectGeometry(f.geometry, 'EPSG:25832', 'EPSG:4326').coordinates));
const naiveTimes: number[] = [];
let naiveM2 = 0;
for (let run = 0; run < 3; run++) {
  const t = performance.now();
  naiveM2 = 0;
  for (const f of farm4326) {
    const x = turfIntersect(featureCollection([area4326, f]));
    if (x) naiveM2 += turfArea(x);
  }
  naiveTimes.push(performance.now() - t);
}
const naive = summarize(naiveTimes);

// The competent loop: boxes computed once (not timed, as an index build is not), intersect only where boxes meet.
const areaBox = turfBbox(area4326);
const farmBoxes = farm4326.map((f) => turfBbox(f));
const boxTimes: number[] = [];
let boxM2 = 0;
for (let run = 0; run < 5; run++) {
  const t = performance.now();
  boxM2 = 0;
  for (let i = 0; i < farm4326.length; i++) {
    const b = farmBoxes[i] as number[];
    if ((b[0] as number) > (areaBox[2] as number) || (b[2] as number) < (areaBox[0] as number) || (b[1] as number) > (areaBox[3] as number) || (b[3] as number) < (areaBox[1] as number)) continue;
    const x = turfIntersect(featureCollection([area4326, farm4326[i] as Feature<Polygon>]));
    if (x) boxM2 += turfArea(x);
  }
  boxTimes.push(performance.now() - t);
}
const withBox = summarize(boxTimes);

console.log(`farmland_polygons: ${N_FARMLAND}`);
console.log(`area_vertices: 200`);
console.log(`index_build_ms: ${buildMs.toFixed(1)}`);
console.log(`candidates_per_query: ${indexed.candidates}`);
console.log(`overlap_daa_indexed_planar: ${(indexed.totalM2 / 1000).toFixed(3)}`);
console.log(`overlap_daa_naive_turf_spherical: ${(naiveM2 / 1000).toFixed(3)}`);
console.log(`overlap_ms_median: ${fast.median.toFixed(3)}`);
console.log(`overlap_ms_p95: ${fast.p95.toFixed(3)}`);
console.log(`naive_turf_ms_median: ${naive.median.toFixed(1)}`);
console.log(`turf_bbox_ms_median: ${withBox.median.toFixed(2)}`);
console.log(`overlap_daa_turf_bbox_spherical: ${(boxM2 / 1000).toFixed(3)}`);
console.log(`speedup_vs_naive_turf: ${(naive.median / fast.median).toFixed(1)}x`);
console.log(`speedup_vs_turf_bbox: ${(withBox.median / fast.median).toFixed(1)}x`);
const okSpeed = naive.median / fast.median >= 20;
const okFrame = fast.p95 < 16;
console.log(`target_speedup_20x: ${okSpeed ? 'ok' : 'MISSED'}`);
console.log(`target_overlap_under_16ms: ${okFrame ? 'ok' : 'MISSED'}`);
