import type { Polygon, MultiPolygon } from 'geojson';
import type { AbcKlasse, Egnethet, Kategori, StatusTomt } from '../../../seeds/plan.ts';
import type { AreaStats } from './stats.ts';

/** A free site as the investor view shows it. Areas planar in EPSG:25832, distances straight lines. */
export interface Site {
  id: string;
  navn: string;
  omrade: string;
  areaM2: number;
  areaDaa: number;
  arealformal: number;
  status: number;
  statusTomt: StatusTomt;
  kategori: Kategori;
  abc: AbcKlasse;
  egnethet: Egnethet;
  station: { navn: string; distanceM: number } | null;
  roadM: number | null;
  jobsLand: number;
  jobsFloorLow: number;
  jobsFloorHigh: number;
  /** WGS84 outline, for the map and a thumbnail. */
  geometry: Polygon | MultiPolygon;
}

/** The free sites (those with a readiness, `status_tomt`) with their figures from the engine. */
export function freeSites(
  areas: Iterable<{ id: string; navn: string; properties: Record<string, unknown> }>,
  stats: ReadonlyMap<string, AreaStats>,
  wgs84: (id: string) => Polygon | MultiPolygon | undefined
): Site[] {
  const out: Site[] = [];
  for (const a of areas) {
    const s = stats.get(a.id);
    const g = wgs84(a.id);
    const tomt = a.properties.status_tomt;
    if (!s || !g || typeof tomt !== 'string') continue;
    out.push({
      id: a.id,
      navn: a.navn,
      omrade: String(a.properties.omrade ?? ''),
      areaM2: s.areaM2,
      areaDaa: s.areaDaa,
      arealformal: Number(a.properties.arealformal),
      status: Number(a.properties.arealbruksstatus),
      statusTomt: tomt as StatusTomt,
      kategori: s.kategori,
      abc: s.abc.klasse,
      egnethet: s.fit.egnethet,
      station: s.nearestStation ? { navn: s.nearestStation.navn, distanceM: s.nearestStation.distanceM } : null,
      roadM: s.abc.vegAvstandM,
      jobsLand: s.land.jobs,
      jobsFloorLow: s.floor.low,
      jobsFloorHigh: s.floor.high,
      geometry: g
    });
  }
  return out;
}

/** Filters for the investor list. */
export interface SiteFilter {
  minDaa: number;
  readiness: StatusTomt | null;
  abc: AbcKlasse | null;
  /** Only sites whose category fits the location (egnethet not «dårlig»). */
  fitOnly: boolean;
  sort: 'size' | 'station' | 'name';
}

/** Applies the filters and sorting (largest first, nearest station first, or by name). */
export function filterSites(sites: readonly Site[], f: SiteFilter, locale: string): Site[] {
  const kept = sites.filter(
    (s) => s.areaDaa >= f.minDaa && (f.readiness === null || s.statusTomt === f.readiness) && (f.abc === null || s.abc === f.abc) && (!f.fitOnly || s.egnethet !== 'dårlig')
  );
  const cmp: Record<SiteFilter['sort'], (a: Site, b: Site) => number> = {
    size: (a, b) => b.areaDaa - a.areaDaa,
    station: (a, b) => (a.station?.distanceM ?? Infinity) - (b.station?.distanceM ?? Infinity),
    name: (a, b) => a.navn.localeCompare(b.navn, locale)
  };
  return kept.sort(cmp[f.sort]);
}
