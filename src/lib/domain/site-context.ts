import type { LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { bboxOf, type BBox } from '../geo/bbox.ts';
import { distancePointToPointM, nearestPointOnLine } from '../geo/distance.ts';

/** A name to show on a site's map, at a point in EPSG:25832. */
export interface ContextLabel {
  id: string;
  text: string;
  at: [number, number];
  /** A station or road beyond the map's edge: how far it is, and an arrow pointing to it (the label sits at the edge). */
  far?: { distanceM: number; arrow: string };
}

const ARROWS = ['→', '↗', '↑', '↖', '←', '↙', '↓', '↘'] as const;

/** The arrow of eight pointing from `from` towards `to` (north up). */
function arrowTowards(from: readonly number[], to: readonly number[]): string {
  const angle = Math.atan2((to[1] as number) - (from[1] as number), (to[0] as number) - (from[0] as number));
  return ARROWS[((Math.round(angle / (Math.PI / 4)) % 8) + 8) % 8] as string;
}

/** Where the ray from the box's middle towards `to` leaves the box shrunk by `inset` of its size on each side. */
function edgeTowards(box: BBox, to: readonly number[], inset = 0.12): [number, number] {
  const cx = (box[0] + box[2]) / 2;
  const cy = (box[1] + box[3]) / 2;
  const hw = ((box[2] - box[0]) / 2) * (1 - 2 * inset);
  const hh = ((box[3] - box[1]) / 2) * (1 - 2 * inset);
  const dx = (to[0] as number) - cx;
  const dy = (to[1] as number) - cy;
  const t = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
  return Number.isFinite(t) ? [cx + dx * t, cy + dy * t] : [cx, cy];
}

/**
 * What a site's map shows around it (all in EPSG:25832): the site, its nearest station and the
 * nearest point of a main road when they are within `reachM` of the site's middle (so the map
 * answers «how far is it» by showing it), with `marginM` around and room east of a station for its
 * name; labels for the site and the road (station names are the map's own labels). A station or
 * road further away is named at the frame's edge with its distance and an arrow towards it.
 * Inputs are not modified.
 */
export function siteContext(
  site: { id: string; navn: string; geometry: Polygon | MultiPolygon },
  station: { navn?: string; coordinates: readonly number[] } | null,
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
  const stationNear = station !== null && distancePointToPointM(middle, station.coordinates) <= reachM;
  if (station && stationNear) grow(station.coordinates);
  let road: { navn: string; at: [number, number]; distanceM: number } | null = null;
  for (const r of roads) {
    const n = nearestPointOnLine(middle, r.geometry);
    if (n && (!road || n.distanceM < road.distanceM)) road = { navn: r.navn, at: n.at, distanceM: n.distanceM };
  }
  const roadNear = road !== null && road.distanceM <= reachM;
  if (road && roadNear) {
    grow(road.at);
    labels.push({ id: `veg-${road.navn}`, text: road.navn, at: road.at });
  }
  // Station names are drawn to the right of their point: room for the name when the station is in the frame.
  const extraEast = stationNear ? 0.3 * Math.max(box[2] - box[0], box[3] - box[1]) : 0;
  const out: BBox = [box[0] - marginM, box[1] - marginM, box[2] + marginM + extraEast, box[3] + marginM];
  // Beyond reach: named at the frame's edge, with the distance and an arrow towards it.
  if (station && !stationNear && station.navn) {
    labels.push({ id: 'fjern-stasjon', text: station.navn, at: edgeTowards(out, station.coordinates), far: { distanceM: distancePointToPointM(middle, station.coordinates), arrow: arrowTowards(middle, station.coordinates) } });
  }
  if (road && !roadNear) {
    const at = edgeTowards(out, road.at);
    // Two far names towards the same edge would overlap: the road's goes a line further in.
    const other = labels.find((l) => l.far);
    const w = out[2] - out[0];
    const h = out[3] - out[1];
    if (other && Math.abs(other.at[0] - at[0]) < 0.4 * w && Math.abs(other.at[1] - at[1]) < 0.08 * h) at[1] += at[1] > (out[1] + out[3]) / 2 ? -0.08 * h : 0.08 * h;
    labels.push({ id: `veg-${road.navn}`, text: road.navn, at, far: { distanceM: road.distanceM, arrow: arrowTowards(middle, road.at) } });
  }
  return { box: out, labels };
}
