import type { Position } from 'geojson';

/** Largest angle between two points of a densified arc (radians): 0.5° (area within 1.3e-5 of the true arc). */
const MAX_STEP = Math.PI / 360;
/** Smallest angle (radians): 0.05°, so no arc has more than 7 200 points per turn. */
const MIN_STEP = Math.PI / 3600;

/**
 * The circle through three points, or null when they are (nearly) on one line or repeat.
 * Planar coordinates.
 */
export function circleThrough(a: Position, b: Position, c: Position): { cx: number; cy: number; r: number } | null {
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  const [cx, cy] = c as [number, number];
  // Relative to a, for precision with large UTM coordinates.
  const ux = bx - ax;
  const uy = by - ay;
  const vx = cx - ax;
  const vy = cy - ay;
  const d = 2 * (ux * vy - uy * vx);
  const scale = Math.max(Math.hypot(ux, uy), Math.hypot(vx, vy));
  if (!(scale > 0) || Math.abs(d) <= 1e-12 * scale * scale) return null;
  const u2 = ux * ux + uy * uy;
  const v2 = vx * vx + vy * vy;
  const ox = (vy * u2 - uy * v2) / d;
  const oy = (ux * v2 - vx * u2) / d;
  return { cx: ax + ox, cy: ay + oy, r: Math.hypot(ox, oy) };
}

/** The angle step for a radius: at most 0.5°, and fine enough that no chord is more than `tolerance` from the arc. */
function stepFor(r: number, tolerance: number): number {
  const byTolerance = r > tolerance ? 2 * Math.acos(1 - tolerance / r) : MAX_STEP;
  return Math.min(MAX_STEP, Math.max(MIN_STEP, byTolerance));
}

/**
 * Points along the circular arc that starts at `a`, passes through `b` and ends at `c` (SOSI
 * .BUEP), as a polyline from `a` to `c` whose chords lie within `tolerance` (in the coordinates'
 * unit) of the arc and never span more than 0.5°. The end points are `a` and `c` exactly, so arcs
 * join the curves next to them. Three points on a line give the polyline a–b–c; null when the
 * points are not finite.
 */
export function densifyArc3(a: Position, b: Position, c: Position, tolerance = 0.005): Position[] | null {
  if (![a, b, c].every((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]))) return null;
  const circle = circleThrough(a, b, c);
  if (!circle) return [a, b, c].map((p) => [p[0] as number, p[1] as number]);
  const { cx, cy, r } = circle;
  const angle = (p: Position) => Math.atan2((p[1] as number) - cy, (p[0] as number) - cx);
  const a0 = angle(a);
  const ccw = ((b[0] as number) - (a[0] as number)) * ((c[1] as number) - (a[1] as number)) - ((b[1] as number) - (a[1] as number)) * ((c[0] as number) - (a[0] as number)) > 0;
  const turn = (x: number) => {
    const t = ccw ? x - a0 : a0 - x;
    return ((t % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  };
  const sweep = turn(angle(c));
  const n = Math.max(2, Math.ceil(sweep / stepFor(r, tolerance)));
  const out: Position[] = [[a[0] as number, a[1] as number]];
  for (let i = 1; i < n; i++) {
    const t = a0 + (ccw ? 1 : -1) * (sweep * i) / n;
    out.push([cx + r * Math.cos(t), cy + r * Math.sin(t)]);
  }
  out.push([c[0] as number, c[1] as number]);
  return out;
}

/**
 * The whole circle through three points (SOSI .SIRKELP), as a closed ring that starts and ends
 * at `a`, counter-clockwise. Null when the points are on one line or not finite.
 */
export function circleRing3(a: Position, b: Position, c: Position, tolerance = 0.005): Position[] | null {
  if (![a, b, c].every((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]))) return null;
  const circle = circleThrough(a, b, c);
  return circle ? circleRing(circle.cx, circle.cy, circle.r, tolerance, Math.atan2((a[1] as number) - circle.cy, (a[0] as number) - circle.cx), a) : null;
}

/** A closed counter-clockwise ring around (cx, cy) with radius r (SOSI .SIRKEL), starting at angle `start`. */
export function circleRing(cx: number, cy: number, r: number, tolerance = 0.005, start = 0, first?: Position): Position[] | null {
  if (![cx, cy, r].every(Number.isFinite) || r <= 0) return null;
  const n = Math.max(8, Math.ceil((2 * Math.PI) / stepFor(r, tolerance)));
  const p0: Position = first ? [first[0] as number, first[1] as number] : [cx + r * Math.cos(start), cy + r * Math.sin(start)];
  const out: Position[] = [p0];
  for (let i = 1; i < n; i++) out.push([cx + r * Math.cos(start + (2 * Math.PI * i) / n), cy + r * Math.sin(start + (2 * Math.PI * i) / n)]);
  out.push([p0[0] as number, p0[1] as number]);
  return out;
}
