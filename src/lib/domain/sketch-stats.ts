import type { Polygon } from 'geojson';
import type { Kategori } from '../../../seeds/plan.ts';
import { reprojectGeometry } from '../geo/crs.ts';
import { overlapByKey, type OverlapIndex } from '../geo/overlap.ts';
import { validatePolygonal, type GeoError } from '../geo/validate.ts';
import { areaStats, type AreaStats, type StatsContext } from './stats.ts';

/** The context for sketches: the usual one plus an index of the næring areas keyed by arealbruksstatus ('1', '2'). */
export interface SketchContext extends StatsContext {
  naering: OverlapIndex;
}

/** A sketch's figures: the area's, plus how much of it is already næring (m², EPSG:25832). */
export interface SketchStats extends AreaStats {
  naeringM2: { total: number; naavaerende: number; framtidig: number };
}

/**
 * Computes the live figures of a sketch drawn in WGS84: validates it (a self-intersecting shape
 * gives a typed error), reprojects it to EPSG:25832 and returns {@link areaStats} plus the
 * overlap with existing næring areas. Never throws for bad geometry.
 */
export function sketchStats(
  input: { id: string; navn: string; geometry: Polygon; kategori: Kategori; utnyttelseBraProsent: number | null },
  ctx: SketchContext
): { ok: true; stats: SketchStats } | { ok: false; error: GeoError } {
  const utm = reprojectGeometry(input.geometry, 'EPSG:4326', 'EPSG:25832');
  const checked = validatePolygonal(utm, input.navn);
  if (!checked.ok) return { ok: false, error: checked.error };
  const base = areaStats({ id: input.id, navn: input.navn, geometry: checked.geometry, kategori: input.kategori, utnyttelseBraProsent: input.utnyttelseBraProsent }, ctx);
  const o = overlapByKey(ctx.naering, checked.geometry);
  return { ok: true, stats: { ...base, naeringM2: { total: o.totalM2, naavaerende: o.byKeyM2['1'] ?? 0, framtidig: o.byKeyM2['2'] ?? 0 } } };
}
