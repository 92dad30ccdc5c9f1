import type { LineString, MultiLineString, Position } from 'geojson';

/** Planar distance between two points, in coordinate units (metres in EPSG:25832). */
export function distancePointToPointM(a: readonly number[], b: readonly number[]): number {
  return Math.hypot((a[0] as number) - (b[0] as number), (a[1] as number) - (b[1] as number));
}

/** The point of segment a–b nearest to p, and its planar distance. */
function closestOnSegment(p: readonly number[], a: Position, b: Position): { at: [number, number]; distance: number } {
  const px = p[0] as number;
  const py = p[1] as number;
  const ax = a[0] as number;
  const ay = a[1] as number;
  const dx = (b[0] as number) - ax;
  const dy = (b[1] as number) - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const at: [number, number] = [ax + t * dx, ay + t * dy];
  return { at, distance: Math.hypot(at[0] - px, at[1] - py) };
}

/** The point of a line nearest to p and its planar distance (metres in EPSG:25832); null for a line without coordinates. */
export function nearestPointOnLine(p: readonly number[], line: LineString | MultiLineString): { at: [number, number]; distanceM: number } | null {
  const parts = line.type === 'LineString' ? [line.coordinates] : line.coordinates;
  let best: { at: [number, number]; distanceM: number } | null = null;
  for (const coords of parts) {
    // A one-point part is a segment from the point to itself; no arrays are made per call (hot path: every area's road distance).
    for (let k = coords.length === 1 ? 0 : 1; k < coords.length; k++) {
      const r = closestOnSegment(p, coords[k === 0 ? 0 : k - 1] as Position, coords[k] as Position);
      if (!best || r.distance < best.distanceM) best = { at: r.at, distanceM: r.distance };
    }
  }
  return best;
}

/** Planar distance from a point to the nearest point of a line (metres in EPSG:25832). */
export function distancePointToLineStringM(p: readonly number[], line: LineString | MultiLineString): number {
  return nearestPointOnLine(p, line)?.distanceM ?? Infinity;
}

/** The nearest of a set of points and its planar distance (metres in EPSG:25832), or null when there are none. */
export function nearestPoint(p: readonly number[], points: readonly { id: string; coordinates: readonly number[] }[]): { id: string; distanceM: number } | null {
  let best: { id: string; distanceM: number } | null = null;
  for (const q of points) {
    const d = distancePointToPointM(p, q.coordinates);
    if (!best || d < best.distanceM) best = { id: q.id, distanceM: d };
  }
  return best;
}
