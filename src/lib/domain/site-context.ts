import type { LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { bboxOf, type BBox } from '../geo/bbox.ts';
import { distancePointToPointM, nearestPointOnLine } from '../geo/distance.ts';

/** A name to show on a site's map, at a point in EPSG:25832. */
export interface ContextLabel {
  id: string;
  text: string;
  at: [number, number];
}

/**
 * What a site's map shows around it (all in EPSG:25832): the site, its nearest station and the
 * nearest point of a main road when they are within `reachM` of the site's middle (so the map
 * answers «how far is it» by showing it), with `marginM` around; labels for the site and the road
 * (station names are the map's own labels). Inputs are not modified.
 */
export function siteContext(
  site: { id: string; navn: string; geometry: Polygon | MultiPolygon },
  station: { coordinates: readonly number[] } | null,
  roads: readonly { navn: string; geometry: LineString | MultiLineString }[],
  reachM = 4000,
  marginM = 250
): { box: BBox; labels: ContextLabel[] } {
  const b = bboxOf(site.geometry);
  const middle: [number, number] = [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
  const box: BBox = [b[0], b[1], b[2], b[3]];
  const grow = (p: readonly number[]) => {
    box[0] = Math.min(box[0], p[0] as number);
    box[1] = Math.min(box[1], p[1] as number);
    box[2] = Math.max(box[2], p[0] as number);
    box[3] = Math.max(box[3], p[1] as number);
  };
  const labels: ContextLabel[] = [{ id: site.id, text: site.navn, at: middle }];
  if (station && distancePointToPointM(middle, station.coordinates) <= reachM) grow(station.coordinates);
  let road: { navn: string; at: [number, number]; distanceM: number } | null = null;
  for (const r of roads) {
    const n = nearestPointOnLine(middle, r.geometry);
    if (n && (!road || n.distanceM < road.distanceM)) road = { navn: r.navn, at: n.at, distanceM: n.distanceM };
  }
  if (road && road.distanceM <= reachM) {
    grow(road.at);
    labels.push({ id: `veg-${road.navn}`, text: road.navn, at: road.at });
  }
  return { box: [box[0] - marginM, box[1] - marginM, box[2] + marginM, box[3] + marginM], labels };
}
