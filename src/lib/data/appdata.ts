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

/** The loaded dataset: map layers (WGS84) and what the engine computes with (EPSG:25832). */
export interface LoadedData {
  label: string;
  map: MapLayersData;
  /** Næring areas in EPSG:25832, keyed by id. */
  areas: ReadonlyMap<string, AreaInput & { properties: Record<string, unknown> }>;
  /** The same areas as the scenario engine's baseline. */
  planAreas: PlanArea[];
  ctx: SketchContext;
}

const toWgs84 = (fc: FeatureCollection): FeatureCollection => ({
  type: 'FeatureCollection',
  features: fc.features.map((f) => ({ ...f, geometry: reprojectGeometry(f.geometry as Geometry, 'EPSG:25832', 'EPSG:4326') }))
});

const byStatus = (fc: FeatureCollection, status: number): FeatureCollection => ({
  type: 'FeatureCollection',
  features: fc.features.filter((f) => f.properties?.arealbruksstatus === status)
});

/**
 * Turns the built data file (layers in EPSG:25832) into map layers in WGS84 and the engine's
 * context: farmland index by AR5 class, stations and E18/E134 in EPSG:25832.
 */
export function loadAppData(file: AppDataFile, norms: Norms): LoadedData {
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
    map: {
      grense: file.kommunegrense,
      'naering-naa': toWgs84(byStatus(l.naeringsareal, 1)),
      'naering-framtidig': toWgs84(byStatus(l.naeringsareal, 2)),
      vekst: toWgs84(l.vekstomrader),
      jordbruk: toWgs84(l.jordbruk),
      veger: toWgs84(l.veger),
      jernbane: toWgs84(l.jernbane),
      stasjoner: toWgs84(l.stasjoner),
      'abc-soner': abcRings(stations, norms)
    },
    areas,
    planAreas: [...areas.values()].map((a) => ({
      id: a.id,
      navn: a.navn,
      omrade: String(a.properties.omrade ?? ''),
      status: a.properties.arealbruksstatus === 1 ? 1 : 2,
      arealformal: Number(a.properties.arealformal),
      kategori: a.kategori as Kategori,
      utnyttelseBraProsent: typeof a.utnyttelseBraProsent === 'number' ? a.utnyttelseBraProsent : null,
      statusTomt: typeof a.properties.status_tomt === 'string' ? (a.properties.status_tomt as StatusTomt) : null,
      geometry: a.geometry
    })),
    ctx: { norms, farmland, naering, stations, mainRoads: roadsIn25832(l.veger) }
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
