import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { AR5_JORDBRUKSKLASSER, type Ar5Jordbruksklasse } from '../../../seeds/ar5.ts';
import { projectPosition, reprojectGeometry } from '../geo/crs.ts';
import { buildOverlapIndex } from '../geo/overlap.ts';
import { roadsIn25832, stationsIn25832 } from '../io/reference-layers.ts';
import { areaStats, type AreaInput, type AreaStats, type Station } from '../domain/stats.ts';
import type { SketchContext } from '../domain/sketch-stats.ts';
import type { PlanArea } from '../domain/plan-area.ts';
import type { Kategori, StatusTomt } from '../../../seeds/plan.ts';
import { circleRing } from '../geo/circle.ts';
import type { Norms } from '../domain/norms.ts';
import type { AppDataFile } from '../geodata/build.ts';

/** The app's map layers, each as WGS84 GeoJSON for MapLibre. */
export interface MapLayersData {
  grense: FeatureCollection;
  'naering-naa': FeatureCollection;
  'naering-framtidig': FeatureCollection;
  vekst: FeatureCollection;
  jordbruk: FeatureCollection;
  veger: FeatureCollection;
  jernbane: FeatureCollection;
  stasjoner: FeatureCollection;
  /** Rings at the A and B distances around each station (ABC thresholds from the norms). */
  'abc-soner': FeatureCollection;
}

/**
 * The properties of every polygon in {@link LoadedData.ar5}: the AR5 codes as numbers. `treslag`
 * and `skogbonitet` are 98 («ikke relevant») where they do not apply (farmland, bebygd …); skog
 * (30) has treslag 31 barskog, 32 lauvskog or 33 blandingsskog and skogbonitet 12 lav, 13 middels
 * or 14 høy; myr (60) treslag 39 and skogbonitet 11 (see `seeds/ar5.ts` for the code lists).
 */
export interface Ar5Properties {
  id: string;
  arealtype: number;
  treslag: number;
  skogbonitet: number;
  kilde: string;
}

/** An earlier version of the næring plan (demo data), to compare today's plan with. */
export interface PlanVersion {
  /** 'kommuneplan-2015'. */
  id: string;
  /** 'Kommuneplan 2015, demodata'. */
  label: string;
  year: number;
  /**
   * The version's næring areas in EPSG:25832, with the properties of today's areas
   * (`LoadedData.areas`) plus `planversjon`. The same id is the same area (and shape) as today's.
   */
  naeringsareal: FeatureCollection<Polygon | MultiPolygon>;
  /** The same areas as scenario-engine plan areas, like {@link LoadedData.planAreas} for today's plan. */
  planAreas: PlanArea[];
}

/** The loaded dataset: map layers (WGS84) and what the engine computes with (EPSG:25832). */
export interface LoadedData {
  label: string;
  map: MapLayersData;
  /** Næring areas in EPSG:25832, keyed by id. */
  areas: ReadonlyMap<string, AreaInput & { properties: Record<string, unknown> }>;
  /** The same areas as the scenario engine's baseline. */
  planAreas: PlanArea[];
  ctx: SketchContext;
  /**
   * The whole AR5 layer in EPSG:25832 (not a map layer): the farmland (`jordbruk`) and the other
   * area types (the data file's `ar5Other`: bebygd, samferdsel, skog, åpen fastmark, myr,
   * ferskvann, hav), every polygon with {@link Ar5Properties}. A partition: no two polygons
   * overlap, so the AR5 area inside any shape adds up to at most the shape's area (the demo covers
   * the kommune, so exactly). Null when the file has no other area types or the farmland is
   * imported (an AR5 import keeps its whole layer itself).
   */
  ar5: FeatureCollection<Polygon | MultiPolygon, Ar5Properties> | null;
  /**
   * Earlier versions of the næring plan (demo data), oldest first. Empty when the næring layer
   * is imported: the versions belong to the demo plan (their ids are the demo's).
   */
  planVersions: PlanVersion[];
}

/** A layer in EPSG:25832 as a map layer (WGS84). */
export const toWgs84 = (fc: FeatureCollection): FeatureCollection => ({
  type: 'FeatureCollection',
  features: fc.features.map((f) => ({ ...f, geometry: reprojectGeometry(f.geometry as Geometry, 'EPSG:25832', 'EPSG:4326') }))
});

const byStatus = (fc: FeatureCollection, status: number): FeatureCollection => ({
  type: 'FeatureCollection',
  features: fc.features.filter((f) => f.properties?.arealbruksstatus === status)
});

/** True when every feature is the demo dataset's own (`kilde: "demo"`), i.e. the layer was not replaced by an import. */
const isDemoLayer = (fc: FeatureCollection) => fc.features.length > 0 && fc.features.every((f) => f.properties?.kilde === 'demo');

const code = (v: unknown, fallback: number) => (v === undefined || v === null || v === '' || !Number.isFinite(Number(v)) ? fallback : Number(v));

/** The whole AR5 layer: the demo farmland and the other area types, with arealtype, treslag and skogbonitet on every polygon. */
function ar5Layer(file: AppDataFile): FeatureCollection<Polygon | MultiPolygon, Ar5Properties> | null {
  if (!file.ar5Other || !isDemoLayer(file.layers.jordbruk)) return null;
  return {
    type: 'FeatureCollection',
    features: [...file.layers.jordbruk.features, ...file.ar5Other.features].map((f) => {
      const p = (f.properties ?? {}) as Record<string, unknown>;
      return {
        type: 'Feature',
        properties: { id: String(p.id), arealtype: code(p.arealtype, 99), treslag: code(p.treslag, 98), skogbonitet: code(p.skogbonitet, 98), kilde: String(p.kilde ?? '') },
        geometry: f.geometry as Polygon | MultiPolygon
      };
    })
  };
}

/** A næring feature (EPSG:25832) as a scenario-engine plan area. */
function planAreaOf(id: string, navn: string, geometry: Polygon | MultiPolygon, p: Record<string, unknown>): PlanArea {
  return {
    id,
    navn,
    omrade: String(p.omrade ?? ''),
    status: p.arealbruksstatus === 1 ? 1 : 2,
    arealformal: Number(p.arealformal),
    kategori: p.kategori as Kategori,
    utnyttelseBraProsent: typeof p.utnyttelse_bra_prosent === 'number' ? p.utnyttelse_bra_prosent : null,
    statusTomt: typeof p.status_tomt === 'string' ? (p.status_tomt as StatusTomt) : null,
    geometry
  };
}

/** The file's earlier plan versions, when the næring layer is the demo's. */
function planVersionsOf(file: AppDataFile): PlanVersion[] {
  if (!isDemoLayer(file.layers.naeringsareal)) return [];
  return (file.planVersions ?? []).map((v) => ({
    id: v.id,
    label: v.label,
    year: v.year,
    naeringsareal: v.naeringsareal as FeatureCollection<Polygon | MultiPolygon>,
    planAreas: planAreasOf(v.naeringsareal)
  }));
}

/** A næring layer (the demo's, an earlier version's or an import's; EPSG:25832) as the engine's plan areas. */
export function planAreasOf(layer: FeatureCollection): PlanArea[] {
  return layer.features.map((f) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const id = String(p.id);
    return planAreaOf(id, String(p.navn ?? id), f.geometry as Polygon | MultiPolygon, p);
  });
}

/** The two map layers of a næring layer (EPSG:25832): nåværende and framtidig areas, in WGS84. */
export function naeringMapLayers(naeringsareal: FeatureCollection): Pick<MapLayersData, 'naering-naa' | 'naering-framtidig'> {
  return { 'naering-naa': toWgs84(byStatus(naeringsareal, 1)), 'naering-framtidig': toWgs84(byStatus(naeringsareal, 2)) };
}

/**
 * The map layers of the built data file (layers in EPSG:25832) in WGS84, as MapLibre draws them:
 * all the map needs, without the engine's context (see {@link loadAppData}). `npm run geodata`
 * writes them for the demo data, so the planner's first map reprojects nothing (`load.ts`).
 */
export function mapLayersOf(file: AppDataFile, norms: Norms): MapLayersData {
  const l = file.layers;
  return {
    grense: file.kommunegrense,
    ...naeringMapLayers(l.naeringsareal),
    vekst: toWgs84(l.vekstomrader),
    jordbruk: toWgs84(l.jordbruk),
    veger: toWgs84(l.veger),
    jernbane: toWgs84(l.jernbane),
    stasjoner: toWgs84(l.stasjoner),
    'abc-soner': abcRings(stationsIn25832(l.stasjoner), norms)
  };
}

/**
 * Turns the built data file (layers in EPSG:25832) into map layers in WGS84 and the engine's
 * context: farmland index by AR5 class, stations and E18/E134 in EPSG:25832; and, not on the
 * map, the whole AR5 layer and the earlier plan versions (EPSG:25832). `map`: the file's map
 * layers when they are already made ({@link mapLayersOf} of the same file and norms).
 */
export function loadAppData(file: AppDataFile, norms: Norms, map: MapLayersData = mapLayersOf(file, norms)): LoadedData {
  const l = file.layers;
  const farmland = buildOverlapIndex(
    l.jordbruk.features.map((f) => ({ geometry: f.geometry as Polygon | MultiPolygon, key: String(f.properties?.arealtype) }))
  );
  const areas = new Map(
    l.naeringsareal.features.map((f: Feature) => {
      const p = (f.properties ?? {}) as Record<string, unknown>;
      const id = String(p.id);
      return [
        id,
        { id, navn: String(p.navn ?? id), geometry: f.geometry as Polygon | MultiPolygon, kategori: p.kategori, utnyttelseBraProsent: p.utnyttelse_bra_prosent, properties: p }
      ] as const;
    })
  );
  const stations = stationsIn25832(l.stasjoner);
  const naering = buildOverlapIndex(
    l.naeringsareal.features.map((f) => ({ geometry: f.geometry as Polygon | MultiPolygon, key: String(f.properties?.arealbruksstatus) }))
  );
  return {
    label: file.meta.label,
    map,
    areas,
    planAreas: [...areas.values()].map((a) => planAreaOf(a.id, a.navn, a.geometry, a.properties)),
    ctx: { norms, farmland, naering, stations, mainRoads: roadsIn25832(l.veger) },
    ar5: ar5Layer(file),
    planVersions: planVersionsOf(file)
  };
}

/** Rings (WGS84 lines) at the A and B distances around each station. */
function abcRings(stations: readonly Station[], norms: Norms): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: stations.flatMap((s) =>
      (['A', 'B'] as const).map((klasse) => ({
        type: 'Feature' as const,
        properties: { id: `${s.id}-${klasse}`, klasse, stasjon: s.navn },
        geometry: {
          type: 'LineString' as const,
          coordinates: circleRing(s.coordinates, klasse === 'A' ? norms.abc.aMaksM : norms.abc.bMaksM).map((p) => projectPosition(p, 'EPSG:25832', 'EPSG:4326'))
        }
      }))
    )
  };
}

/** Kommune totals against the plan's figures, from every area's engine figures. */
export interface KommuneTotals {
  currentDaa: number;
  futureDaa: number;
  /** Of which arealformål 1160 (offentlig eller privat tjenesteyting). */
  currentPublicServicesDaa: number;
  /** Job capacity of the future areas: land model, and floor model low–high. */
  futureJobsLand: number;
  futureJobsFloorLow: number;
  futureJobsFloorHigh: number;
  /** Farmland inside future areas, daa by AR5 class. */
  futureFarmlandDaa: Record<Ar5Jordbruksklasse, number>;
}

/** Computes every area's figures once (planar EPSG:25832) and sums them by status. */
export function kommuneTotals(data: LoadedData): { totals: KommuneTotals; stats: ReadonlyMap<string, AreaStats> } {
  const stats = new Map<string, AreaStats>();
  const t: KommuneTotals = {
    currentDaa: 0,
    futureDaa: 0,
    currentPublicServicesDaa: 0,
    futureJobsLand: 0,
    futureJobsFloorLow: 0,
    futureJobsFloorHigh: 0,
    futureFarmlandDaa: Object.fromEntries(AR5_JORDBRUKSKLASSER.map((k) => [k, 0])) as Record<Ar5Jordbruksklasse, number>
  };
  for (const a of data.areas.values()) {
    const s = areaStats(a, data.ctx);
    stats.set(a.id, s);
    if (a.properties.arealbruksstatus === 1) {
      t.currentDaa += s.areaDaa;
      if (a.properties.arealformal === 1160) t.currentPublicServicesDaa += s.areaDaa;
    } else if (a.properties.arealbruksstatus === 2) {
      t.futureDaa += s.areaDaa;
      t.futureJobsLand += s.land.jobs;
      t.futureJobsFloorLow += s.floor.low;
      t.futureJobsFloorHigh += s.floor.high;
      for (const k of AR5_JORDBRUKSKLASSER) t.futureFarmlandDaa[k] += (s.farmland?.byClassM2[k] ?? 0) / 1000;
    }
  }
  return { totals: t, stats };
}
