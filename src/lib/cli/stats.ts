import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { AR5_JORDBRUKSKLASSER, ar5Arealtype, ar5Jordbruksklasse, type Ar5Jordbruksklasse } from '../../../seeds/ar5.ts';
import { areaSphericalM2, m2ToDaa } from '../geo/area.ts';
import { buildOverlapIndex, buildPackedOverlapIndex, overlapByKey, overlapPreparedByKey, unpackOverlapIndex, type OverlapIndex, type OverlapItem, type PackedOverlapIndex } from '../geo/overlap.ts';
import { areaStats, type AreaStats } from '../domain/stats.ts';
import { defaultNorms } from '../domain/norms.ts';
import { coded, nbText, type Skipped } from '../io/coded.ts';
import type { Repair } from '../io/geojson.ts';
import type { NotAreas } from '../io/formats/driver.ts';
import type { ReadFileOk } from '../io/read-file.ts';
import { csvCell } from '../io/csv.ts';
import { ar5ArealtypeOf, arealformalOf, kategoriFromArealformal } from '../io/mapping.ts';
import { roadsIn25832, stationsIn25832 } from '../io/reference-layers.ts';

/** One area in the CLI's `stats` output. Areas are planar in EPSG:25832 unless named spherical. */
export interface StatsFeatureOut {
  id: string;
  name: string;
  area_m2: number;
  area_daa: number;
  /** Spherical area (turf.area on WGS84), for contrast only. */
  area_daa_spherical: number;
  farmland_daa: number | null;
  farmland_daa_by_class: Record<Ar5Jordbruksklasse, number> | null;
  /** Every AR5 area type inside the area (11 bebygd … 99 ikke kartlagt), daa; null without --farmland. */
  ar5_daa_by_type: Record<string, number> | null;
  jobs_land: number;
  jobs_floor_low: number;
  jobs_floor_high: number;
  kategori: string;
  abc: string;
  abc_fit: string;
  nearest_station: { name: string; distance_m: number } | null;
  /** The feature's properties as read from the file. */
  properties: Record<string, unknown>;
}

/** The CLI's `stats` output (JSON). */
export interface StatsOut {
  crs: string;
  area_method: string;
  features: StatsFeatureOut[];
  totals: { area_daa: number; farmland_daa: number | null; ar5_daa_by_type: Record<string, number> | null; jobs_land: number };
  /** Features of the input that could not be used, and why (in bokmål, and as a code with its params). */
  skipped: Skipped[];
  /** Features that were repaired (rings closed, invalid polygons made valid as GEOS MakeValid), with planar areas in EPSG:25832 before and after. */
  repaired: Repair[];
  /** Objects of the input files that are not areas (lines, points), counted once; not used. */
  not_areas: NotAreas;
  /** What the user should know about the files (character set, arcs, old datum, areas far from zone 32), in Norwegian. */
  notes: string[];
}

/**
 * An area's overlap with an AR5 file, in m² (planar, EPSG:25832): every AR5 area type inside it,
 * and farmland (AR5 21, 22, 23) by class.
 */
export interface Ar5Overlap {
  byTypeM2: Record<string, number>;
  farmlandByClassM2: Record<Ar5Jordbruksklasse, number>;
}

/**
 * An AR5 file already overlapped with the areas (as the CLI's worker thread does it, while the
 * areas are read): what `stats` reports of the file, and each area's {@link Ar5Overlap}, in the
 * order of the areas.
 */
export interface Ar5Overlapped extends Pick<ReadFileOk, 'skipped' | 'repaired' | 'notAreas' | 'noteCodes'> {
  overlaps: readonly Ar5Overlap[];
}

/** What `stats` computes with: the files as read by {@link readAreaFile}, and the reference layers. */
export interface StatsCommandInput {
  areas: ReadFileOk;
  /** AR5 farmland (class from `arealtype`, `ARTYPE` or `AREALTYPE`), as read or already overlapped with the areas. */
  farmland?: ReadFileOk | Ar5Overlapped;
  stations: FeatureCollection;
  roads: FeatureCollection;
}

/**
 * The indexes `stats` overlaps areas with: one over every AR5 area type; farmland (21, 22, 23) is
 * read from the same overlap when each farmland polygon's class is its area type (as in AR5), so
 * each polygon is intersected once, not twice; otherwise farmland gets its own index.
 */
export interface Ar5Indexes {
  byType: OverlapIndex;
  farmland: OverlapIndex | null;
}

type Ar5Polygons = readonly Pick<ReadFileOk['areas'][number], 'geometry25832' | 'properties'>[];

/** The items of the {@link Ar5Indexes}: every AR5 polygon with its type, and farmland with its class when that is not its type. */
function ar5Items(ar5: Ar5Polygons): { byType: OverlapItem[]; farmland: OverlapItem[] | null } {
  const typed = ar5.map((a) => ({ a, type: ar5Arealtype(ar5ArealtypeOf(a.properties)), klasse: ar5Jordbruksklasse(ar5ArealtypeOf(a.properties)) }));
  const byType = typed.flatMap(({ a, type }) => (type ? [{ geometry: a.geometry25832, key: type }] : []));
  const farmlandFromAr5 = typed.every(({ type, klasse }) => klasse === null || type === klasse);
  const farmland = farmlandFromAr5 ? null : typed.flatMap(({ a, klasse }) => (klasse ? [{ geometry: a.geometry25832, key: klasse }] : []));
  return { byType, farmland };
}

/** Builds the {@link Ar5Indexes} of AR5 polygons (EPSG:25832). Inputs are not modified. */
export function ar5Indexes(ar5: Ar5Polygons): Ar5Indexes {
  const items = ar5Items(ar5);
  return { byType: buildOverlapIndex(items.byType), farmland: items.farmland ? buildOverlapIndex(items.farmland) : null };
}

/** The {@link Ar5Indexes} built packed, in buffers made by `Buffer` (SharedArrayBuffer to share them with a worker; {@link unpackAr5Indexes}). */
export interface PackedAr5Indexes {
  byType: PackedOverlapIndex;
  farmland: PackedOverlapIndex | null;
}

/** {@link ar5Indexes} packed ({@link buildPackedOverlapIndex}). Inputs are not modified. */
export function ar5PackedIndexes(ar5: Ar5Polygons, Buffer: new (bytes: number) => ArrayBufferLike): PackedAr5Indexes {
  const items = ar5Items(ar5);
  return { byType: buildPackedOverlapIndex(items.byType, Buffer), farmland: items.farmland ? buildPackedOverlapIndex(items.farmland, Buffer) : null };
}

/** The indexes of {@link ar5PackedIndexes}, reading the packed data (not copying it). */
export function unpackAr5Indexes(p: PackedAr5Indexes): Ar5Indexes {
  return { byType: unpackOverlapIndex(p.byType), farmland: p.farmland ? unpackOverlapIndex(p.farmland) : null };
}

/** An area's {@link Ar5Overlap}, from what `overlap` gives for an index (m² by key). */
function ar5OverlapOf(indexes: Ar5Indexes, overlap: (index: OverlapIndex) => Record<string, number>): Ar5Overlap {
  const byTypeM2 = overlap(indexes.byType);
  const farm = indexes.farmland ? overlap(indexes.farmland) : byTypeM2;
  return { byTypeM2, farmlandByClassM2: farmlandRecord((i) => farm[AR5_JORDBRUKSKLASSER[i] as Ar5Jordbruksklasse] ?? 0) };
}

/** Each area's {@link Ar5Overlap} with the indexed AR5 polygons, in the order of `areas`. */
export function ar5OverlapsWith(indexes: Ar5Indexes, areas: readonly (Polygon | MultiPolygon)[]): Ar5Overlap[] {
  return areas.map((g) => ar5OverlapOf(indexes, (index) => overlapByKey(index, g).byKeyM2));
}

/** The areas (EPSG:25832) packed for two threads to overlap together ({@link ar5OverlapsShared}); in buffers made by `Buffer`. */
export function packAreas(areas: readonly (Polygon | MultiPolygon)[], Buffer: new (bytes: number) => ArrayBufferLike): PackedOverlapIndex {
  return buildPackedOverlapIndex(
    areas.map((geometry) => ({ geometry, key: '' })),
    Buffer
  );
}

/** Areas a thread takes at a time in {@link ar5OverlapsShared}. */
const SHARED_CHUNK = 32;

/**
 * Each area's {@link Ar5Overlap} in flat arrays that two threads write at once (SharedArrayBuffer),
 * each the areas it took: m² of every AR5 type (`keys`, the byType index's) by area, and of the
 * three farmland classes by area. A type not in an area is 0 (an overlap is never 0 m²).
 */
export interface SharedAr5Overlaps {
  readonly keys: readonly string[];
  /** Area k's m² of type keys[t] at k · keys.length + t. */
  readonly typeM2: Float64Array;
  /** Area k's m² of farmland class AR5_JORDBRUKSKLASSER[c] at k · AR5_JORDBRUKSKLASSER.length + c. */
  readonly farmM2: Float64Array;
}

/** {@link SharedAr5Overlaps} for `areas` areas and the types `keys`, in buffers made by `Buffer`. */
export function sharedAr5Overlaps(keys: readonly string[], areas: number, Buffer: new (bytes: number) => ArrayBufferLike): SharedAr5Overlaps {
  return { keys, typeM2: new Float64Array(new Buffer(areas * keys.length * 8)), farmM2: new Float64Array(new Buffer(areas * AR5_JORDBRUKSKLASSER.length * 8)) };
}

/**
 * Overlaps the packed areas ({@link packAreas}, unpacked) with the indexes, taking the next
 * SHARED_CHUNK areas from the shared counter `next` (Atomics.add) each time until none are left,
 * and writes each area's figures into `out`: two threads that run this on the same counter share
 * the areas however fast each is, and each area is done once. Returns how many areas this thread
 * did. The figures ({@link ar5OverlapsOf}) are {@link ar5OverlapsWith}'s for valid areas.
 */
export function ar5OverlapsShared(indexes: Ar5Indexes, areas: OverlapIndex, next: Int32Array, out: SharedAr5Overlaps): number {
  const slot = new Map(out.keys.map((k, t) => [k, t]));
  let done = 0;
  for (;;) {
    const from = Atomics.add(next, 0, SHARED_CHUNK);
    if (from >= areas.size) break;
    for (let k = from; k < Math.min(areas.size, from + SHARED_CHUNK); k++) {
      const area = areas.polygon(k);
      const o = ar5OverlapOf(indexes, (index) => overlapPreparedByKey(index, area).byKeyM2);
      for (const [key, m2] of Object.entries(o.byTypeM2)) out.typeM2[k * out.keys.length + (slot.get(key) as number)] = m2;
      AR5_JORDBRUKSKLASSER.forEach((c, i) => (out.farmM2[k * AR5_JORDBRUKSKLASSER.length + i] = o.farmlandByClassM2[c]));
      done++;
    }
  }
  return done;
}

/** The {@link Ar5Overlap}s of the first `areas` areas in `out`, in order. */
export function ar5OverlapsOf(out: SharedAr5Overlaps, areas: number): Ar5Overlap[] {
  const t = out.keys.length;
  const c = AR5_JORDBRUKSKLASSER.length;
  const overlaps: Ar5Overlap[] = new Array(areas);
  for (let k = 0; k < areas; k++) {
    const byTypeM2: Record<string, number> = {};
    for (let i = 0; i < t; i++) {
      const m2 = out.typeM2[k * t + i] as number;
      if (m2 > 0) byTypeM2[out.keys[i] as string] = m2;
    }
    overlaps[k] = { byTypeM2, farmlandByClassM2: farmlandRecord((i) => out.farmM2[k * c + i] as number) };
  }
  return overlaps;
}

/** Each area's overlap with the AR5 polygons ({@link Ar5Overlap}), in the order of `areas`. Inputs are not modified. */
export function ar5Overlaps(ar5: Ar5Polygons, areas: readonly (Polygon | MultiPolygon)[]): Ar5Overlap[] {
  return ar5OverlapsWith(ar5Indexes(ar5), areas);
}

/** A record of the farmland classes (AR5_JORDBRUKSKLASSER order) with the value of each. */
function farmlandRecord(value: (i: number) => number): Record<Ar5Jordbruksklasse, number> {
  const r = {} as Record<Ar5Jordbruksklasse, number>;
  for (let i = 0; i < AR5_JORDBRUKSKLASSER.length; i++) r[AR5_JORDBRUKSKLASSER[i] as Ar5Jordbruksklasse] = value(i);
  return r;
}

const round = (v: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
};

/** m² by AR5 type → daa (3 decimals), in code order, types with no area left out. */
function byTypeDaa(m2: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(m2).sort()) out[k] = round(m2ToDaa(m2[k] ?? 0), 3);
  return out;
}

function sumByType(rows: readonly Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) for (const [k, v] of Object.entries(r)) out[k] = round((out[k] ?? 0) + v, 3);
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k] as number]));
}

/** What `stats` computes of each area without AR5 ({@link beginStats}); {@link finishStats} adds the AR5 figures. */
export interface StatsBegun {
  readonly areas: ReadFileOk;
  readonly rows: readonly { readonly stats: AreaStats; readonly sphericalM2: number }[];
}

/**
 * The part of `stats` that needs no AR5: per area, planar area in EPSG:25832 (and spherical for
 * contrast), job capacity (land and floor models), ABC class and nearest station. The CLI runs
 * it while the AR5 file is read and overlapped on another thread.
 */
export function beginStats(input: Omit<StatsCommandInput, 'farmland'>): StatsBegun {
  const ctx = { norms: defaultNorms(), farmland: null, stations: stationsIn25832(input.stations), mainRoads: roadsIn25832(input.roads) };
  const rows = input.areas.areas.map((a) => {
    // Category: the app's own `kategori`, else from the arealformål code (SOSI/GML), else kombinert.
    const fromCode = kategoriFromArealformal(arealformalOf(a.properties));
    const kategori = a.properties.kategori ?? ('kategori' in fromCode ? fromCode.kategori : undefined);
    const stats = areaStats({ id: a.id, navn: a.name, geometry: a.geometry25832, kategori, utnyttelseBraProsent: a.properties.utnyttelse_bra_prosent }, ctx);
    return { stats, sphericalM2: areaSphericalM2(a.geometry4326) };
  });
  return { areas: input.areas, rows };
}

/** `stats`' output: the figures of {@link beginStats} with each area's farmland and AR5 types inside it (from the AR5 file as read, or already overlapped). */
export function finishStats(begun: StatsBegun, farmland?: ReadFileOk | Ar5Overlapped): StatsOut {
  const areas = begun.areas;
  const overlaps = !farmland ? null : 'overlaps' in farmland ? farmland.overlaps : ar5Overlaps(farmland.areas, areas.areas.map((a) => a.geometry25832));
  const features: StatsFeatureOut[] = areas.areas.map((a, i) => {
    const { stats: s, sphericalM2 } = begun.rows[i] as StatsBegun['rows'][number];
    const o = overlaps ? overlaps[i] : undefined;
    const farmM2 = o?.farmlandByClassM2 ?? null;
    return {
      id: a.id,
      name: a.name,
      area_m2: round(s.areaM2, 2),
      area_daa: round(s.areaDaa, 3),
      area_daa_spherical: round(m2ToDaa(sphericalM2), 3),
      farmland_daa: farmM2 ? round(m2ToDaa(AR5_JORDBRUKSKLASSER.reduce((t, k) => t + farmM2[k], 0)), 3) : null,
      farmland_daa_by_class: farmM2 ? farmlandRecord((i) => round(m2ToDaa(farmM2[AR5_JORDBRUKSKLASSER[i] as Ar5Jordbruksklasse]), 3)) : null,
      ar5_daa_by_type: o ? byTypeDaa(o.byTypeM2) : null,
      jobs_land: round(s.land.jobs, 1),
      jobs_floor_low: round(s.floor.low, 1),
      jobs_floor_high: round(s.floor.high, 1),
      kategori: s.kategori,
      abc: s.abc.klasse,
      abc_fit: s.fit.egnethet,
      nearest_station: s.nearestStation ? { name: s.nearestStation.navn, distance_m: round(s.nearestStation.distanceM, 1) } : null,
      properties: a.properties
    };
  });
  const sum = (f: (x: StatsFeatureOut) => number) => features.reduce((t, x) => t + f(x), 0);
  return {
    crs: areas.crs,
    area_method: 'planar i EPSG:25832 (EUREF89 UTM sone 32); area_daa_spherical er sfærisk (turf.area på WGS84), bare til sammenligning',
    features,
    totals: {
      area_daa: round(sum((x) => x.area_daa), 3),
      farmland_daa: overlaps ? round(sum((x) => x.farmland_daa ?? 0), 3) : null,
      ar5_daa_by_type: overlaps ? sumByType(features.map((x) => x.ar5_daa_by_type ?? {})) : null,
      jobs_land: round(sum((x) => x.jobs_land), 1)
    },
    skipped: [...areas.skipped, ...(farmland?.skipped ?? [])],
    repaired: [...areas.repaired, ...(farmland?.repaired ?? [])],
    not_areas: { lines: areas.notAreas.lines + (farmland?.notAreas.lines ?? 0), points: areas.notAreas.points + (farmland?.notAreas.points ?? 0) },
    notes: [...areas.notes, ...(farmland?.noteCodes ?? []).map((note) => nbText(coded('io.note.farmland-file', { note })))]
  };
}

/**
 * Runs `stats` on areas already read (and optional AR5 farmland): per area, planar area in
 * EPSG:25832 (and spherical for contrast), farmland inside, job capacity (land and floor
 * models), ABC class and nearest station, with the source properties as read.
 */
export function runStats(input: StatsCommandInput): StatsOut {
  return finishStats(beginStats(input), input.farmland);
}

const CSV_COLUMNS = [
  'id',
  'name',
  'area_m2',
  'area_daa',
  'area_daa_spherical',
  'farmland_daa',
  'farmland_daa_21',
  'farmland_daa_22',
  'farmland_daa_23',
  'jobs_land',
  'jobs_floor_low',
  'jobs_floor_high',
  'kategori',
  'abc',
  'abc_fit',
  'nearest_station_name',
  'nearest_station_distance_m'
] as const;

/** The same figures as CSV (comma-separated, «.» as decimal mark, header row first). */
export function statsToCsv(out: StatsOut): string {
  return [...statsCsvLines(out)].join('');
}

/** The CSV of {@link statsToCsv} line by line (each with its newline), for output of any size. */
export function* statsCsvLines(out: StatsOut): Generator<string> {
  yield CSV_COLUMNS.join(',') + '\n';
  for (const f of out.features) {
    yield [
      f.id,
      f.name,
      f.area_m2,
      f.area_daa,
      f.area_daa_spherical,
      f.farmland_daa,
      f.farmland_daa_by_class?.['21'],
      f.farmland_daa_by_class?.['22'],
      f.farmland_daa_by_class?.['23'],
      f.jobs_land,
      f.jobs_floor_low,
      f.jobs_floor_high,
      f.kategori,
      f.abc,
      f.abc_fit,
      f.nearest_station?.name,
      f.nearest_station?.distance_m
    ]
      .map(csvCell)
      .join(',') + '\n';
  }
}
