import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringAreaSigned } from './area.ts';

type Pt = [number, number];
interface Ring {
  pts: Pt[];
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}
/** A polygon part: outer ring counter-clockwise, holes clockwise. */
type Part = Ring[];

/** Distance (in coordinate units, after shifting to a local origin) under which a point is on an edge. */
const EPS = 1e-6;

function toRing(ring: readonly Position[], ox: number, oy: number, ccw: boolean): Ring {
  let pts = ring.map((p) => [(p[0] as number) - ox, (p[1] as number) - oy] as Pt);
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) pts.push([first[0], first[1]]);
  if (ringAreaSigned(pts) > 0 !== ccw) pts = pts.reverse();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of pts) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return { pts, minX, minY, maxX, maxY };
}

function toParts(g: Polygon | MultiPolygon, ox: number, oy: number): Part[] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.filter((rings) => rings.length > 0).map((rings) => rings.map((r, i) => toRing(r, ox, oy, i === 0)));
}

function distToSegment2(px: number, py: number, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - a[0]) * dx + (py - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const ex = a[0] + t * dx - px;
  const ey = a[1] + t * dy - py;
  return ex * ex + ey * ey;
}

/** Even-odd test against one ring: 1 inside, 0 on the boundary (within EPS), -1 outside. */
function inRing(px: number, py: number, ring: Ring): 1 | 0 | -1 {
  if (px < ring.minX - EPS || px > ring.maxX + EPS || py < ring.minY - EPS || py > ring.maxY + EPS) return -1;
  const pts = ring.pts;
  let inside = false;
  for (let i = 0; i < pts.length - 1; i++) {
    const a = pts[i] as Pt;
    const b = pts[i + 1] as Pt;
    if (distToSegment2(px, py, a, b) <= EPS * EPS) return 0;
    if (a[1] > py !== b[1] > py && px < ((b[0] - a[0]) * (py - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside ? 1 : -1;
}

/** Where a point is relative to a set of parts: 1 inside, 0 on a boundary, -1 outside. */
function inParts(px: number, py: number, parts: readonly Part[]): 1 | 0 | -1 {
  for (const part of parts) {
    const [outer, ...holes] = part;
    if (!outer) continue;
    const o = inRing(px, py, outer);
    if (o === -1) continue;
    if (o === 0) return 0;
    let inHole = false;
    for (const h of holes) {
      const s = inRing(px, py, h);
      if (s === 0) return 0;
      if (s === 1) {
        inHole = true;
        break;
      }
    }
    if (!inHole) return 1;
  }
  return -1;
}

/** Direction of the boundary edge of `parts` that passes through (px, py), or null. */
function edgeDirectionAt(px: number, py: number, parts: readonly Part[]): Pt | null {
  for (const part of parts) {
    for (const ring of part) {
      if (px < ring.minX - EPS || px > ring.maxX + EPS || py < ring.minY - EPS || py > ring.maxY + EPS) continue;
      for (let i = 0; i < ring.pts.length - 1; i++) {
        const a = ring.pts[i] as Pt;
        const b = ring.pts[i + 1] as Pt;
        if (distToSegment2(px, py, a, b) <= EPS * EPS) return [b[0] - a[0], b[1] - a[1]];
      }
    }
  }
  return null;
}

/** Parameters t ∈ (0, 1) where segment a→b meets the edges of `parts`. */
function splitParams(a: Pt, b: Pt, parts: readonly Part[], out: number[]): void {
  const rx = b[0] - a[0];
  const ry = b[1] - a[1];
  const minX = Math.min(a[0], b[0]) - EPS;
  const maxX = Math.max(a[0], b[0]) + EPS;
  const minY = Math.min(a[1], b[1]) - EPS;
  const maxY = Math.max(a[1], b[1]) + EPS;
  const rr = rx * rx + ry * ry;
  for (const part of parts) {
    for (const ring of part) {
      if (ring.maxX < minX || ring.minX > maxX || ring.maxY < minY || ring.minY > maxY) continue;
      const pts = ring.pts;
      for (let i = 0; i < pts.length - 1; i++) {
        const q = pts[i] as Pt;
        const q2 = pts[i + 1] as Pt;
        if (Math.max(q[0], q2[0]) < minX || Math.min(q[0], q2[0]) > maxX || Math.max(q[1], q2[1]) < minY || Math.min(q[1], q2[1]) > maxY) continue;
        const sx = q2[0] - q[0];
        const sy = q2[1] - q[1];
        const qpx = q[0] - a[0];
        const qpy = q[1] - a[1];
        const denom = rx * sy - ry * sx;
        if (denom !== 0) {
          const t = (qpx * sy - qpy * sx) / denom;
          const u = (qpx * ry - qpy * rx) / denom;
          if (t > 0 && t < 1 && u >= 0 && u <= 1) out.push(t);
        }
        // Endpoints of the other edge lying on this segment (touching or collinear overlap).
        for (const [x, y] of [q, q2]) {
          if (distToSegment2(x, y, a, b) <= EPS * EPS && rr > 0) {
            const t = ((x - a[0]) * rx + (y - a[1]) * ry) / rr;
            if (t > 0 && t < 1) out.push(t);
          }
        }
      }
    }
  }
}

/**
 * Sum of x1·y2 − x2·y1 over the pieces of `subject`'s edges that lie inside `other` (and, when
 * `keepShared`, over pieces on `other`'s boundary running the same way).
 */
function boundaryContribution(subject: readonly Part[], other: readonly Part[], keepShared: boolean, box: [number, number, number, number]): number {
  let sum = 0;
  const ts: number[] = [];
  for (const part of subject) {
    for (const ring of part) {
      if (ring.maxX < box[0] || ring.minX > box[2] || ring.maxY < box[1] || ring.minY > box[3]) continue;
      const pts = ring.pts;
      for (let i = 0; i < pts.length - 1; i++) {
        const a = pts[i] as Pt;
        const b = pts[i + 1] as Pt;
        // An edge outside the other polygon's bounding box lies outside it.
        if (Math.max(a[0], b[0]) < box[0] || Math.min(a[0], b[0]) > box[2] || Math.max(a[1], b[1]) < box[1] || Math.min(a[1], b[1]) > box[3]) continue;
        ts.length = 0;
        ts.push(0, 1);
        splitParams(a, b, other, ts);
        ts.sort((x, y) => x - y);
        const rx = b[0] - a[0];
        const ry = b[1] - a[1];
        for (let k = 0; k < ts.length - 1; k++) {
          const t0 = ts[k] as number;
          const t1 = ts[k + 1] as number;
          if (t1 - t0 <= 1e-12) continue;
          const x0 = a[0] + rx * t0;
          const y0 = a[1] + ry * t0;
          const x1 = a[0] + rx * t1;
          const y1 = a[1] + ry * t1;
          const status = inParts((x0 + x1) / 2, (y0 + y1) / 2, other);
          let take = status === 1;
          if (status === 0 && keepShared) {
            const dir = edgeDirectionAt((x0 + x1) / 2, (y0 + y1) / 2, other);
            take = dir !== null && dir[0] * rx + dir[1] * ry > 0;
          }
          if (take) sum += x0 * y1 - x1 * y0;
        }
      }
    }
  }
  return sum;
}

function bboxOfParts(parts: readonly Part[]): [number, number, number, number] {
  let b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const part of parts) {
    const o = part[0];
    if (o) b = [Math.min(b[0], o.minX), Math.min(b[1], o.minY), Math.max(b[2], o.maxX), Math.max(b[3], o.maxY)];
  }
  return b;
}

function firstPosition(g: Polygon | MultiPolygon): Position | undefined {
  return g.type === 'Polygon' ? g.coordinates[0]?.[0] : g.coordinates[0]?.[0]?.[0];
}

/**
 * Planar area of the intersection a ∩ b, in squared coordinate units (m² for EPSG:25832).
 *
 * Method (Green's theorem): the boundary of a ∩ b is made of the parts of a's edges inside b,
 * the parts of b's edges inside a, and the stretches the two boundaries share running the same
 * way. With outer rings counter-clockwise and holes clockwise, the area is half the sum of
 * x1·y2 − x2·y1 over those pieces. Each edge is split where it meets the other polygon's edges
 * and each piece is classified by its midpoint (point-in-polygon, holes respected, a tolerance of
 * 1e-6 units for lying on an edge). Shared stretches are counted once from `a` when both run the
 * same way and not at all when they run opposite ways. Edges outside the other polygon's
 * bounding box are skipped. Exact up to floating-point rounding; MultiPolygon parts must not
 * overlap each other. Inputs are not modified.
 */
export function intersectionAreaM2(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): number {
  const p = prepareArea(a);
  return p ? intersectionAreaPreparedM2(p, b) : 0;
}

/** An area made ready for many intersections ({@link intersectionAreaPreparedM2}): its rings shifted to a local origin, oriented, with their boxes. */
export interface PreparedArea {
  readonly ox: number;
  readonly oy: number;
  readonly parts: readonly Part[];
  readonly box: [number, number, number, number];
}

/** Prepares `a` once for intersecting with many polygons (null for an empty geometry). Does not modify `a`. */
export function prepareArea(a: Polygon | MultiPolygon): PreparedArea | null {
  const origin = firstPosition(a);
  if (!origin) return null;
  const ox = origin[0] as number;
  const oy = origin[1] as number;
  const parts = toParts(a, ox, oy);
  return { ox, oy, parts, box: bboxOfParts(parts) };
}

/** {@link intersectionAreaM2} of a prepared area with `b`: the same figure, without preparing the area again for each `b`. */
export function intersectionAreaPreparedM2(p: PreparedArea, b: Polygon | MultiPolygon): number {
  const pb = toParts(b, p.ox, p.oy);
  const ba = p.box;
  const bb = bboxOfParts(pb);
  if (ba[2] < bb[0] || bb[2] < ba[0] || ba[3] < bb[1] || bb[3] < ba[1]) return 0;
  const sum = boundaryContribution(p.parts, pb, true, bb) + boundaryContribution(pb, p.parts, false, ba);
  return Math.max(0, sum / 2);
}
