import type { LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { AR5_JORDBRUKSKLASSER, type Ar5Jordbruksklasse } from '../../../seeds/ar5.ts';
import type { Kategori } from '../../../seeds/plan.ts';
import { areaPlanarM2, m2ToDaa } from '../geo/area.ts';
import { centroidPlanar } from '../geo/centroid.ts';
import { distancePointToLineStringM, nearestPoint } from '../geo/distance.ts';
import { overlapByKey, type OverlapIndex } from '../geo/overlap.ts';
import { abcClass, categoryFit, type AbcResult, type FitResult } from './abc.ts';
import { jobsFromFloor, jobsFromLand, type FloorCapacity, type LandCapacity } from './capacity.ts';
import { needCoverage, type NeedCoverage } from './need.ts';
import { isKategori, type Norms } from './norms.ts';

/** A railway station in EPSG:25832. */
export interface Station {
  id: string;
  navn: string;
  /** [E, N] in EPSG:25832, metres. */
  coordinates: [number, number];
}

/** What the figures of an area are computed against. All geometry in EPSG:25832. */
export interface StatsContext {
  norms: Norms;
  /** AR5 farmland (keys '21', '22', '23'), or null when none is loaded. */
  farmland: OverlapIndex | null;
  stations: readonly Station[];
  /** E18 and E134. */
  mainRoads: readonly (LineString | MultiLineString)[];
}

/** An area to compute figures for. */
export interface AreaInput {
  id: string;
  navn: string;
  /** Planar geometry in EPSG:25832. */
  geometry: Polygon | MultiPolygon;
  /** Business category; `kombinert` is assumed when missing or unknown. */
  kategori?: unknown;
  utnyttelseBraProsent?: unknown;
}

/** Farmland inside an area, m² by AR5 class. */
export interface FarmlandTaken {
  totalM2: number;
  byClassM2: Record<Ar5Jordbruksklasse, number>;
}

/** Every figure the app shows for one area, with the inputs behind each. */
export interface AreaStats {
  id: string;
  navn: string;
  /** Planar area in EPSG:25832, m² and daa. */
  areaM2: number;
  areaDaa: number;
  kategori: Kategori;
  kategoriAntatt: boolean;
  farmland: FarmlandTaken | null;
  land: LandCapacity;
  floor: FloorCapacity;
  /** How much of the plan's need the land-based capacity covers. */
  need: NeedCoverage;
  abc: AbcResult;
  fit: FitResult;
  nearestStation: { id: string; navn: string; distanceM: number } | null;
  /** The point distances are measured from: the area's planar centroid, EPSG:25832. */
  measuredFrom: [number, number];
}

/**
 * Computes an area's figures: planar area (EPSG:25832), farmland inside it by AR5 class (through
 * the spatial index), job capacity in both models, need coverage, ABC class (straight-line
 * distances from the area's centroid to the nearest station and to E18/E134) and category fit.
 * Pure: the input is not modified.
 */
export function areaStats(input: AreaInput, ctx: StatsContext): AreaStats {
  const areaM2 = areaPlanarM2(input.geometry);
  const kategoriAntatt = !isKategori(input.kategori);
  const kategori: Kategori = isKategori(input.kategori) ? input.kategori : 'kombinert';
  const utnyttelse = typeof input.utnyttelseBraProsent === 'number' ? input.utnyttelseBraProsent : null;

  let farmland: FarmlandTaken | null = null;
  if (ctx.farmland) {
    const o = overlapByKey(ctx.farmland, input.geometry);
    const byClassM2 = Object.fromEntries(AR5_JORDBRUKSKLASSER.map((k) => [k, o.byKeyM2[k] ?? 0])) as Record<Ar5Jordbruksklasse, number>;
    farmland = { totalM2: AR5_JORDBRUKSKLASSER.reduce((s, k) => s + byClassM2[k], 0), byClassM2 };
  }

  const from = centroidPlanar(input.geometry);
  const near = nearestPoint(from, ctx.stations.map((s) => ({ id: s.id, coordinates: s.coordinates })));
  const station = near ? ctx.stations.find((s) => s.id === near.id) : undefined;
  const roadM = ctx.mainRoads.length ? Math.min(...ctx.mainRoads.map((r) => distancePointToLineStringM(from, r))) : null;
  const abc = abcClass(near ? near.distanceM : null, roadM, ctx.norms);
  const land = jobsFromLand(areaM2, ctx.norms);

  return {
    id: input.id,
    navn: input.navn,
    areaM2,
    areaDaa: m2ToDaa(areaM2),
    kategori,
    kategoriAntatt,
    farmland,
    land,
    floor: jobsFromFloor(areaM2, kategori, utnyttelse, ctx.norms),
    need: needCoverage(land.jobs, ctx.norms),
    abc,
    fit: categoryFit(kategori, abc, ctx.norms),
    nearestStation: near && station ? { id: station.id, navn: station.navn, distanceM: near.distanceM } : null,
    measuredFrom: from
  };
}
