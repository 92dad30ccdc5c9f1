import type { MultiPolygon, Polygon } from 'geojson';
import { bboxOf, type BBox } from '../geo/bbox.ts';
import { areaPlanarM2 } from '../geo/area.ts';
import { mapChanges, type MapChange } from './run.ts';
import type { ScenarioChange } from './scenario.ts';

/** One area a scenario changes, as the printed map shows it (geometry in EPSG:25832). */
export interface ChangedArea {
  id: string;
  navn: string;
  change: MapChange;
  /** Planar area, m² (EPSG:25832). */
  areaM2: number;
  geometry: Polygon | MultiPolygon;
}

/**
 * What the printed scenario frames: every area the enabled changes touch (a new site with its own
 * shape, any other change with the area's shape from the plan), largest first, and the box around
 * them in EPSG:25832 grown by `marginM` on each side (null without changes or shapes). An area id
 * the plan does not have is left out. Inputs are not modified.
 */
export function printFrame(
  changes: readonly ScenarioChange[],
  areas: ReadonlyMap<string, { navn: string; geometry: Polygon | MultiPolygon }>,
  marginM = 150
): { areas: ChangedArea[]; box: BBox | null } {
  const kinds = mapChanges(changes);
  const out: ChangedArea[] = [];
  for (const [id, change] of kinds) {
    const site = changes.find((c) => c.enabled && c.type === 'add-site' && c.site.id === id);
    const shape = site && site.type === 'add-site' ? { navn: site.site.navn, geometry: site.site.geometry } : areas.get(id);
    if (!shape) continue;
    out.push({ id, navn: shape.navn, change, areaM2: areaPlanarM2(shape.geometry), geometry: shape.geometry });
  }
  out.sort((a, b) => b.areaM2 - a.areaM2);
  if (!out.length) return { areas: out, box: null };
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const a of out) {
    const b = bboxOf(a.geometry);
    box[0] = Math.min(box[0], b[0]);
    box[1] = Math.min(box[1], b[1]);
    box[2] = Math.max(box[2], b[2]);
    box[3] = Math.max(box[3], b[3]);
  }
  return { areas: out, box: [box[0] - marginM, box[1] - marginM, box[2] + marginM, box[3] + marginM] };
}
