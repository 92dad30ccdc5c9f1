// The whole-kommune synthetic data set for `stats --farmland` at scale (bench/scale.bench.ts), so
// anyone can reproduce the figures: a seeded, byte-for-byte deterministic generator.
//
// - ar5.geojson: an AR5-like, non-overlapping tessellation of a 20 × 30 km box over Asker
//   (EPSG:25832, E 575 000–595 000, N 6 615 000–6 645 000), about 50 000 polygons of 2–31 daa.
//   A lattice of 444 × 666 cells (45.05 m) whose interior vertices are jittered (±9 m, shared by
//   neighbours, so there are neither gaps nor overlaps), grouped greedily into random blocks of
//   k × m cells (2–12 cells; a lone cell left in the top row joins the block below it); each
//   block is the ring of lattice vertices along its boundary (6–20 vertices, shared with its
//   neighbours). `arealtype` as AR5 codes: about 45 % 21, 8 % 22, 12 % 23, the rest 30, 11, 12,
//   50, 60, 81. With the default seed: 50 837 polygons of 2.50–27.03 daa.
// - omrader.geojson: 5 120 næringsareal areas, star-shaped simple polygons of 16–64 vertices and
//   5–60 daa (log-uniform), centres uniform in the box (they may overlap each other, and reach
//   a little outside the box), with the properties of geodata/kilder/naeringsareal.geojson.
//
// Both are FeatureCollections with a `crs` member (urn:ogc:def:crs:EPSG::25832), coordinates in
// metres rounded to cm, one feature a line. The tessellation is checked as it is made: every
// cell in exactly one block, every ring closed, simple and counter-clockwise, every polygon
// 2–31 daa, and the areas summing to the box's.
//
// As a script: `node bench/gen-kommune.ts <outdir> [--seed N] [--areas N]` writes both files
// and prints counts as `key: value` lines.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32, starRing } from './random.ts';

/** The box: lower-left corner and size in metres (EPSG:25832). */
export const BOX = { x0: 575_000, y0: 6_615_000, width: 20_000, height: 30_000 } as const;
const NX = 444;
const NY = 666;
const JITTER = 0.2; // of a cell, in each coordinate
const MAX_CELLS = 12; // a block's cells before a leftover cell is added (13 at most)
export const DEFAULT_SEED = 20_250_601;
export const DEFAULT_AREAS = 5_120;

/** AR5 arealtype codes and their shares of the polygons. */
const AR5_MIX: readonly [number, number][] = [
  [21, 0.45],
  [22, 0.08],
  [23, 0.12],
  [30, 0.2],
  [11, 0.05],
  [12, 0.03],
  [50, 0.03],
  [60, 0.02],
  [81, 0.02]
];
const KATEGORIER = ['kontor', 'handel/service', 'lager/produksjon'] as const;
const CRS = '{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25832"}}';

export interface GenOptions {
  seed?: number;
  /** How many næringsareal areas (5 120). */
  areas?: number;
}

export interface KommuneSet {
  /** omrader.geojson and ar5.geojson, as text. */
  omrader: string;
  ar5: string;
  counts: {
    areas: number;
    areaVerticesMin: number;
    areaVerticesMax: number;
    areaDaaMin: number;
    areaDaaMax: number;
    ar5Polygons: number;
    ar5VerticesMin: number;
    ar5VerticesMax: number;
    ar5DaaMin: number;
    ar5DaaMax: number;
    /** Sum of the AR5 polygons' areas minus the box's, m² (0 up to floating point). */
    ar5CoverageErrorM2: number;
    /** AR5 polygons by arealtype. */
    ar5ByType: Record<string, number>;
  };
}

const cm = (v: number) => Math.round(v * 100) / 100;

/** Signed shoelace area of a closed ring (positive counter-clockwise), shifted to its first vertex. */
function ringArea(xs: readonly number[], ys: readonly number[]): number {
  let s = 0;
  const ox = xs[0] as number;
  const oy = ys[0] as number;
  for (let i = 1; i < xs.length - 2; i++) {
    s += ((xs[i] as number) - ox) * ((ys[i + 1] as number) - oy) - ((xs[i + 1] as number) - ox) * ((ys[i] as number) - oy);
  }
  return s / 2;
}

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

/** True when no two non-adjacent edges of the closed ring meet and no vertex repeats. */
function ringIsSimple(xs: readonly number[], ys: readonly number[]): boolean {
  const n = xs.length - 1; // edges
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const k = `${xs[i]},${ys[i]}`;
    if (seen.has(k)) return false;
    seen.add(k);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // adjacent through the closing vertex
      const [ax, ay, bx, by] = [xs[i] as number, ys[i] as number, xs[i + 1] as number, ys[i + 1] as number];
      const [cx, cy, dx, dy] = [xs[j] as number, ys[j] as number, xs[j + 1] as number, ys[j + 1] as number];
      const o1 = orient(ax, ay, bx, by, cx, cy);
      const o2 = orient(ax, ay, bx, by, dx, dy);
      const o3 = orient(cx, cy, dx, dy, ax, ay);
      const o4 = orient(cx, cy, dx, dy, bx, by);
      if (o1 === 0 && o2 === 0) {
        // Collinear (along the box's straight edge): they meet only if their extents do.
        const [lo1, hi1, lo2, hi2] = ax === bx ? [Math.min(ay, by), Math.max(ay, by), Math.min(cy, dy), Math.max(cy, dy)] : [Math.min(ax, bx), Math.max(ax, bx), Math.min(cx, dx), Math.max(cx, dx)];
        if (lo1 <= hi2 && lo2 <= hi1) return false;
      } else if (o1 !== o2 && o3 !== o4) return false;
    }
  }
  return true;
}

function ringJson(xs: readonly number[], ys: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < xs.length; i++) parts.push(`[${xs[i]},${ys[i]}]`);
  return `[[${parts.join(',')}]]`;
}

function collection(name: string, features: string[]): string {
  return `{"type":"FeatureCollection","name":"${name}","crs":${CRS},"features":[\n${features.join(',\n')}\n]}\n`;
}

/** The AR5-like tessellation: features (one JSON text each) and counts. */
function tessellation(seed: number) {
  const cw = BOX.width / NX;
  const ch = BOX.height / NY;
  // Lattice vertices (NX + 1) × (NY + 1), index i * (NY + 1) + j; the box's edge stays straight.
  const vx = new Float64Array((NX + 1) * (NY + 1));
  const vy = new Float64Array((NX + 1) * (NY + 1));
  const jitter = mulberry32(seed);
  for (let i = 0; i <= NX; i++) {
    for (let j = 0; j <= NY; j++) {
      const inner = i > 0 && i < NX && j > 0 && j < NY;
      const dx = inner ? (jitter() * 2 - 1) * JITTER * cw : 0;
      const dy = inner ? (jitter() * 2 - 1) * JITTER * ch : 0;
      vx[i * (NY + 1) + j] = cm(BOX.x0 + i * cw + dx);
      vy[i * (NY + 1) + j] = cm(BOX.y0 + j * ch + dy);
    }
  }

  // Greedy blocks, row by row from the south-west: at the first free cell, a random k × m block
  // of free cells. A lone free cell in the top row joins the block below it.
  const rand = mulberry32(seed + 1);
  const owner = new Int32Array(NX * NY).fill(-1);
  const blocks: number[][] = []; // cell indices i * NY + j
  for (let j = 0; j < NY; j++) {
    for (let i = 0; i < NX; i++) {
      if (owner[i * NY + j] !== -1) continue;
      let run = 0;
      while (i + run < NX && owner[(i + run) * NY + j] === -1) run++;
      const rowsLeft = NY - j;
      let k: number;
      let m: number;
      if (rowsLeft === 1) {
        if (run === 1) {
          const below = owner[i * NY + j - 1] as number;
          owner[i * NY + j] = below;
          (blocks[below] as number[]).push(i * NY + j);
          continue;
        }
        m = 1;
        k = Math.min(run, 2 + Math.floor(rand() * 5));
        if (run - k === 1) k++; // never leave a lone cell behind in the top row
      } else {
        do {
          k = 1 + Math.floor(rand() * 5);
          m = 1 + Math.floor(rand() * 5);
        } while (k * m < 2 || k * m > MAX_CELLS);
        // A block narrowed by the cells already taken grows northwards instead (up to 18 vertices).
        const cellsWanted = k * m;
        k = Math.min(k, run);
        m = Math.min(rowsLeft, Math.max(m, Math.floor(cellsWanted / k)), 9 - k);
        if (k === 1 && m === 1) m = 2;
      }
      const cells: number[] = [];
      for (let a = i; a < i + k; a++) {
        for (let b = j; b < j + m; b++) {
          if (owner[a * NY + b] !== -1) throw new Error(`gen-kommune: cell ${a},${b} taken twice`);
          owner[a * NY + b] = blocks.length;
          cells.push(a * NY + b);
        }
      }
      blocks.push(cells);
    }
  }
  for (let c = 0; c < owner.length; c++) if (owner[c] === -1) throw new Error(`gen-kommune: cell ${c} in no block`);

  // Each block's ring: its cells' counter-clockwise edges, less the edges two of its cells share,
  // chained from the south-westmost vertex.
  const V = NY + 1;
  const features: string[] = [];
  const types = new Map<number, number>();
  let sum = 0;
  let [vMin, vMax, aMin, aMax] = [Infinity, 0, Infinity, 0];
  for (const [b, cells] of blocks.entries()) {
    const edges = new Map<number, number>(); // from vertex → to vertex
    const pairs = new Set<number>(); // edge p → q as p * 2^20 + q (fewer than 2^20 vertices)
    for (const c of cells) {
      const i = Math.floor(c / NY);
      const j = c % NY;
      const sw = i * V + j;
      const se = (i + 1) * V + j;
      const ne = (i + 1) * V + j + 1;
      const nw = i * V + j + 1;
      for (const [p, q] of [
        [sw, se],
        [se, ne],
        [ne, nw],
        [nw, sw]
      ] as const) {
        if (pairs.has(q * 1_048_576 + p)) pairs.delete(q * 1_048_576 + p);
        else pairs.add(p * 1_048_576 + q);
      }
    }
    for (const e of pairs) {
      const p = Math.floor(e / 1_048_576);
      const q = e % 1_048_576;
      if (edges.has(p)) throw new Error(`gen-kommune: block ${b} pinches at a vertex`);
      edges.set(p, q);
    }
    const start = Math.min(...edges.keys());
    const xs: number[] = [];
    const ys: number[] = [];
    let v = start;
    do {
      xs.push(vx[v] as number);
      ys.push(vy[v] as number);
      v = edges.get(v) as number;
    } while (v !== start && xs.length <= edges.size);
    if (xs.length !== edges.size) throw new Error(`gen-kommune: block ${b} has a hole`);
    xs.push(xs[0] as number);
    ys.push(ys[0] as number);
    const area = ringArea(xs, ys);
    if (!(area > 0)) throw new Error(`gen-kommune: block ${b} is not counter-clockwise`);
    if (area < 2000 || area > 31_000) throw new Error(`gen-kommune: block ${b} is ${(area / 1000).toFixed(2)} daa, outside 2–31`);
    if (!ringIsSimple(xs, ys)) throw new Error(`gen-kommune: block ${b} is not simple`);
    sum += area;
    vMin = Math.min(vMin, xs.length - 1);
    vMax = Math.max(vMax, xs.length - 1);
    aMin = Math.min(aMin, area);
    aMax = Math.max(aMax, area);
    let u = rand();
    let type = 30;
    for (const [code, share] of AR5_MIX) {
      if (u < share) {
        type = code;
        break;
      }
      u -= share;
    }
    types.set(type, (types.get(type) ?? 0) + 1);
    features.push(`{"type":"Feature","properties":{"id":"a-${String(b + 1).padStart(6, '0')}","arealtype":${type}},"geometry":{"type":"Polygon","coordinates":${ringJson(xs, ys)}}}`);
  }
  const coverageError = sum - BOX.width * BOX.height;
  if (Math.abs(coverageError) > 1) throw new Error(`gen-kommune: polygons cover ${sum} m², the box ${BOX.width * BOX.height} m²`);
  const byType = Object.fromEntries([...types.entries()].sort((a, b) => a[0] - b[0]).map(([k, n]) => [String(k), n]));
  return { features, vMin, vMax, aMin, aMax, coverageError, byType };
}

/** The næringsareal areas: features (one JSON text each) and counts. */
function areas(seed: number, n: number) {
  const rand = mulberry32(seed + 2);
  const features: string[] = [];
  let [vMin, vMax, aMin, aMax] = [Infinity, 0, Infinity, 0];
  for (let i = 0; i < n; i++) {
    const cx = BOX.x0 + rand() * BOX.width;
    const cy = BOX.y0 + rand() * BOX.height;
    const vertices = 16 + Math.floor(rand() * 49);
    const targetM2 = 5000 * 12 ** rand(); // 5–60 daa, log-uniform
    const r = Math.sqrt(targetM2 / Math.PI);
    const ring = starRing(rand, cx, cy, vertices, 0.7 * r, 1.3 * r);
    // Scaled about the centre to the target area, then rounded to cm.
    const raw = ringArea(
      ring.map((p) => p[0]),
      ring.map((p) => p[1])
    );
    const s = Math.sqrt(targetM2 / raw);
    const xs = ring.map((p) => cm(cx + (p[0] - cx) * s));
    const ys = ring.map((p) => cm(cy + (p[1] - cy) * s));
    const area = ringArea(xs, ys);
    aMin = Math.min(aMin, area);
    aMax = Math.max(aMax, area);
    vMin = Math.min(vMin, vertices);
    vMax = Math.max(vMax, vertices);
    const status = rand() < 0.55 ? 1 : 2;
    const kategori = KATEGORIER[Math.floor(rand() * KATEGORIER.length)] as string;
    const utnyttelse = [100, 150, 200, 250][Math.floor(rand() * 4)] as number;
    const id = `n-${String(i + 1).padStart(5, '0')}`;
    const props = { id, navn: `Næringsområde ${i + 1}`, omrade: `Syntetisk ${1 + Math.floor(((cy - BOX.y0) / BOX.height) * 6)}`, arealformal: 1300, arealbruksstatus: status, kategori, utnyttelse_bra_prosent: utnyttelse, kilde: 'syntetisk' };
    features.push(`{"type":"Feature","properties":${JSON.stringify(props)},"geometry":{"type":"Polygon","coordinates":${ringJson(xs, ys)}}}`);
  }
  return { features, vMin, vMax, aMin, aMax };
}

/** Generates the whole-kommune set (same seed, same bytes). */
export function generateKommune(options: GenOptions = {}): KommuneSet {
  const seed = options.seed ?? DEFAULT_SEED;
  const n = options.areas ?? DEFAULT_AREAS;
  const t = tessellation(seed);
  const a = areas(seed, n);
  return {
    omrader: collection('naeringsareal-syntetisk', a.features),
    ar5: collection('ar5-syntetisk', t.features),
    counts: {
      areas: n,
      areaVerticesMin: a.vMin,
      areaVerticesMax: a.vMax,
      areaDaaMin: a.aMin / 1000,
      areaDaaMax: a.aMax / 1000,
      ar5Polygons: t.features.length,
      ar5VerticesMin: t.vMin,
      ar5VerticesMax: t.vMax,
      ar5DaaMin: t.aMin / 1000,
      ar5DaaMax: t.aMax / 1000,
      ar5CoverageErrorM2: t.coverageError,
      ar5ByType: t.byType
    }
  };
}

/** Writes omrader.geojson and ar5.geojson into `dir` (made if missing); returns their paths and the counts. */
export function writeKommune(dir: string, options: GenOptions = {}): { omrader: string; ar5: string; counts: KommuneSet['counts'] } {
  const set = generateKommune(options);
  mkdirSync(dir, { recursive: true });
  const omrader = path.join(dir, 'omrader.geojson');
  const ar5 = path.join(dir, 'ar5.geojson');
  writeFileSync(omrader, set.omrader);
  writeFileSync(ar5, set.ar5);
  return { omrader, ar5, counts: set.counts };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    if (i === -1) return undefined;
    const v = Number(args[i + 1]);
    args.splice(i, 2);
    if (!Number.isInteger(v)) throw new Error(`${name} wants an integer`);
    return v;
  };
  const seed = opt('--seed');
  const n = opt('--areas');
  const dir = args[0];
  if (!dir) {
    process.stderr.write('Bruk: node bench/gen-kommune.ts <mappe> [--seed N] [--areas N]\n');
    process.exit(2);
  }
  const t = performance.now();
  const r = writeKommune(dir, { seed, areas: n });
  const c = r.counts;
  console.log(`seed: ${seed ?? DEFAULT_SEED}`);
  console.log(`box_epsg25832: E ${BOX.x0}–${BOX.x0 + BOX.width}, N ${BOX.y0}–${BOX.y0 + BOX.height}`);
  console.log(`areas: ${c.areas} (${c.areaVerticesMin}–${c.areaVerticesMax} vertices, ${c.areaDaaMin.toFixed(2)}–${c.areaDaaMax.toFixed(2)} daa)`);
  console.log(`ar5_polygons: ${c.ar5Polygons} (${c.ar5VerticesMin}–${c.ar5VerticesMax} vertices, ${c.ar5DaaMin.toFixed(2)}–${c.ar5DaaMax.toFixed(2)} daa)`);
  console.log(`ar5_by_arealtype: ${Object.entries(c.ar5ByType).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  console.log(`ar5_coverage_error_m2: ${c.ar5CoverageErrorM2.toExponential(2)}`);
  console.log(`omrader: ${r.omrader}`);
  console.log(`ar5: ${r.ar5}`);
  console.log(`generate_s: ${((performance.now() - t) / 1000).toFixed(2)}`);
}
