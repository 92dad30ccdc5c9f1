import type { LineString, MultiLineString, Position } from 'geojson';

/** Planar distance between two points, in coordinate units (metres in EPSG:25832). */
export function distancePointToPointM(a: readonly number[], b: readonly number[]): number {
  return Math.hypot((a[0] as number) - (b[0] as number), (a[1] as number) - (b[1] as number));
}

function pointToSegment(p: readonly number[], a: Position, b: Position): number {
  const px = p[0] as number;
  const py = p[1] as number;
  const ax = a[0] as number;
  const ay = a[1] as number;
  const dx = (b[0] as number) - ax;
  const dy = (b[1] as number) - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(ax + t * dx - px, ay + t * dy - py);
}

/** Planar distance from a point to the nearest point of a line (metres in EPSG:25832). */
export function distancePointToLineStringM(p: readonly number[], line: LineString | MultiLineString): number {
  const parts = line.type === 'LineString' ? [line.coordinates] : line.coordinates;
  let best = Infinity;
  for (const coords of parts) {
    if (coords.length === 1) best = Math.min(best, distancePointToPointM(p, coords[0] as Position));
    for (let i = 0; i < coords.length - 1; i++) best = Math.min(best, pointToSegment(p, coords[i] as Position, coords[i + 1] as Position));
  }
  return best;
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
