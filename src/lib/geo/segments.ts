import type { Position } from 'geojson';

/** Orientation of c relative to the line a→b: > 0 left (counter-clockwise), < 0 right, 0 collinear. */
export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}

/** How two segments meet: not at all, crossing in their interiors, touching, or overlapping collinearly. */
export type SegmentContact = 'none' | 'cross' | 'touch' | 'overlap';

/**
 * Classifies how segments p1–p2 and q1–q2 meet. 'cross': a proper crossing of both interiors;
 * 'touch': they share a single point where at least one ends; 'overlap': collinear with a shared
 * stretch of positive length. Exact for the given coordinates (no tolerance).
 */
export function segmentContact(p1: Position, p2: Position, q1: Position, q2: Position): SegmentContact {
  const [ax, ay] = p1 as [number, number];
  const [bx, by] = p2 as [number, number];
  const [cx, cy] = q1 as [number, number];
  const [dx, dy] = q2 as [number, number];
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return 'cross';
  if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) {
    // Collinear: project on the longer axis and compare intervals.
    const useX = Math.abs(bx - ax) + Math.abs(dx - cx) >= Math.abs(by - ay) + Math.abs(dy - cy);
    const [a0, a1] = useX ? [Math.min(ax, bx), Math.max(ax, bx)] : [Math.min(ay, by), Math.max(ay, by)];
    const [b0, b1] = useX ? [Math.min(cx, dx), Math.max(cx, dx)] : [Math.min(cy, dy), Math.max(cy, dy)];
    const lo = Math.max(a0, b0);
    const hi = Math.min(a1, b1);
    if (hi > lo) return 'overlap';
    return hi === lo ? 'touch' : 'none';
  }
  if (d1 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) return 'touch';
  if (d2 === 0 && onSegment(cx, cy, dx, dy, bx, by)) return 'touch';
  if (d3 === 0 && onSegment(ax, ay, bx, by, cx, cy)) return 'touch';
  if (d4 === 0 && onSegment(ax, ay, bx, by, dx, dy)) return 'touch';
  return 'none';
}

/**
 * Even-odd point-in-ring test. Returns 1 inside, -1 outside, 0 on the boundary. The ring must
 * be closed (first position repeated last).
 */
export function pointInRing(px: number, py: number, ring: readonly Position[]): 1 | 0 | -1 {
  let inside = false;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const [ax, ay] = ring[i] as [number, number];
    const [bx, by] = ring[i + 1] as [number, number];
    if (orient(ax, ay, bx, by, px, py) === 0 && onSegment(ax, ay, bx, by, px, py)) return 0;
    if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside ? 1 : -1;
}
