import type { Position } from 'geojson';

/** A point on the screen (pixels). */
export interface ScreenPoint {
  x: number;
  y: number;
}

/** What a cursor snaps to: a vertex of a target (its own position), or the nearest point on an edge (on the screen). */
export type SnapTarget = { kind: 'vertex'; position: Position; distance: number } | { kind: 'edge'; screen: ScreenPoint; distance: number };

/**
 * The snap target for a cursor among the rings of target polygons, measured on the screen: the
 * nearest vertex within `tolerance` pixels is preferred, else the nearest point on an edge within
 * `tolerance`; null when nothing is that close. `project` maps a ring position to the screen.
 * Linear in the number of vertices given (the caller picks nearby polygons with a spatial index).
 */
export function snapTarget(cursor: ScreenPoint, rings: readonly (readonly Position[])[], project: (p: Position) => ScreenPoint, tolerance: number): SnapTarget | null {
  let vertex: Extract<SnapTarget, { kind: 'vertex' }> | null = null;
  let edge: Extract<SnapTarget, { kind: 'edge' }> | null = null;
  for (const ring of rings) {
    for (let k = 0; k < ring.length - 1; k++) {
      const p = project(ring[k] as Position);
      const q = project(ring[k + 1] as Position);
      const dv = Math.hypot(p.x - cursor.x, p.y - cursor.y);
      if (dv <= tolerance && (!vertex || dv < vertex.distance)) vertex = { kind: 'vertex', position: ring[k] as Position, distance: dv };
      const dx = q.x - p.x;
      const dy = q.y - p.y;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((cursor.x - p.x) * dx + (cursor.y - p.y) * dy) / len2));
      const e = { x: p.x + t * dx, y: p.y + t * dy };
      const de = Math.hypot(e.x - cursor.x, e.y - cursor.y);
      if (de <= tolerance && (!edge || de < edge.distance)) edge = { kind: 'edge', screen: e, distance: de };
    }
  }
  return vertex ?? edge;
}

/** The bounding box [minX, minY, maxX, maxY] of a ring (a loop, not a spread: safe for long rings). */
export function ringBounds(ring: readonly Position[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of ring) {
    const x = p[0] as number;
    const y = p[1] as number;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}
