import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * A ring as flat coordinates in the source CRS (x0, y0, x1, y1, …), closed (the last point
 * repeats the first), oriented (outer rings counter-clockwise, holes clockwise), with its box.
 */
export interface FlatRing {
  readonly xy: Float64Array;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}
/** A polygon part: outer ring first, then its holes. */
export type Part = readonly FlatRing[];

/** Distance (in coordinate units, after shifting to a local origin) under which a point is on an edge. */
const EPS = 1e-6;
const EPS2 = EPS * EPS;

/** How many numbers {@link writeRing} writes for `ring`: two per vertex, closed (0 for an empty ring). */
export function ringDoubles(ring: readonly Position[]): number {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last) return 0;
  const closed = first[0] === last[0] && first[1] === last[1];
  return 2 * (ring.length + (closed ? 0 : 1));
}

/**
 * Writes `ring` as flat coordinates into `out` from `at`: closed (the first point repeated when
 * it is not), counter-clockwise when `ccw` (an outer ring), else clockwise (a hole). Returns how
 * many numbers it wrote ({@link ringDoubles}). Does not modify `ring`.
 */
export function writeRing(ring: readonly Position[], ccw: boolean, out: Float64Array, at: number): number {
  const count = ringDoubles(ring);
  if (count === 0) return 0;
  const n = count / 2;
  const first = ring[0] as Position;
  // The orientation, by the shoelace sum shifted to the first vertex (no precision lost on UTM values).
  const x0 = first[0] as number;
  const y0 = first[1] as number;
  let twiceArea = 0;
  let px = 0;
  let py = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i] as Position;
    const x = p[0] as number;
    const y = p[1] as number;
    out[at + 2 * i] = x;
    out[at + 2 * i + 1] = y;
    const sx = x - x0;
    const sy = y - y0;
    twiceArea += px * sy - sx * py;
    px = sx;
    py = sy;
  }
  if (n > ring.length) {
    out[at + 2 * n - 2] = x0;
    out[at + 2 * n - 1] = y0;
  }
  if (twiceArea > 0 !== ccw) {
    for (let i = at, j = at + 2 * n - 2; i < j; i += 2, j -= 2) {
      const tx = out[i] as number;
      const ty = out[i + 1] as number;
      out[i] = out[j] as number;
      out[i + 1] = out[j + 1] as number;
      out[j] = tx;
      out[j + 1] = ty;
    }
  }
  return count;
}

/** Writes the box of the coordinates xy[from, to) (x, y, …) into out[at … at + 3]: minX, minY, maxX, maxY. */
export function writeBox(xy: Float64Array, from: number, to: number, out: Float64Array, at: number): void {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = from; i < to; i += 2) {
    const x = xy[i] as number;
    const y = xy[i + 1] as number;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  out[at] = minX;
  out[at + 1] = minY;
  out[at + 2] = maxX;
  out[at + 3] = maxY;
}

/** Where {@link toRing} has a ring's box written (one at a time: no array per ring). */
const BOX = new Float64Array(4);

function toRing(ring: readonly Position[], ccw: boolean, count: number): FlatRing {
  const xy = new Float64Array(count);
  writeRing(ring, ccw, xy, 0);
  writeBox(xy, 0, count, BOX, 0);
  return { xy, minX: BOX[0] as number, minY: BOX[1] as number, maxX: BOX[2] as number, maxY: BOX[3] as number };
}

/** Each polygon of a geometry as its rings (a Polygon is one). */
export const polygonsOf = (g: Polygon | MultiPolygon): readonly (readonly Position[][])[] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

function toParts(g: Polygon | MultiPolygon): Part[] {
  const parts: Part[] = [];
  for (const rings of polygonsOf(g)) {
    // A polygon whose outer ring is empty is left out, and so is an empty hole.
    if (ringDoubles(rings[0] ?? []) === 0) continue;
    const part: FlatRing[] = [];
    for (let i = 0; i < rings.length; i++) {
      const count = ringDoubles(rings[i] as Position[]);
      if (count > 0) part.push(toRing(rings[i] as Position[], i === 0, count));
    }
    parts.push(part);
  }
  return parts;
}

function distToSegment2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

// Coordinates below are shifted by the origin (ox, oy) as they are read, so all arithmetic is on
// small values near the area; boxes are compared unshifted.

/** Even-odd test against one ring: 1 inside, 0 on the boundary (within EPS), -1 outside. (px, py) shifted. */
function inRing(px: number, py: number, ring: FlatRing, ox: number, oy: number): 1 | 0 | -1 {
  const ux = px + ox;
  const uy = py + oy;
  if (ux < ring.minX - EPS || ux > ring.maxX + EPS || uy < ring.minY - EPS || uy > ring.maxY + EPS) return -1;
  const xy = ring.xy;
  let inside = false;
  let ax = (xy[0] as number) - ox;
  let ay = (xy[1] as number) - oy;
  for (let i = 2; i < xy.length; i += 2) {
    const bx = (xy[i] as number) - ox;
    const by = (xy[i + 1] as number) - oy;
    // Only an edge whose box (widened by EPS) holds the point can be within EPS of it.
    const near = px >= (ax < bx ? ax : bx) - EPS && px <= (ax > bx ? ax : bx) + EPS && py >= (ay < by ? ay : by) - EPS && py <= (ay > by ? ay : by) + EPS;
    if (near && distToSegment2(px, py, ax, ay, bx, by) <= EPS2) return 0;
    if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
    ax = bx;
    ay = by;
  }
  return inside ? 1 : -1;
}

/** Where a point is relative to a set of parts: 1 inside, 0 on a boundary, -1 outside. (px, py) shifted. */
function inParts(px: number, py: number, parts: readonly Part[], ox: number, oy: number): 1 | 0 | -1 {
  for (const part of parts) {
    const outer = part[0] as FlatRing;
    const o = inRing(px, py, outer, ox, oy);
    if (o === -1) continue;
    if (o === 0) return 0;
    let inHole = false;
    for (let h = 1; h < part.length; h++) {
      const s = inRing(px, py, part[h] as FlatRing, ox, oy);
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

/** Direction of the boundary edge of `parts` that passes through (px, py), or null. (px, py) shifted. */
function edgeDirectionAt(px: number, py: number, parts: readonly Part[], ox: number, oy: number): [number, number] | null {
  const ux = px + ox;
  const uy = py + oy;
  for (const part of parts) {
    for (const ring of part) {
      if (ux < ring.minX - EPS || ux > ring.maxX + EPS || uy < ring.minY - EPS || uy > ring.maxY + EPS) continue;
      const xy = ring.xy;
      for (let i = 0; i + 3 < xy.length; i += 2) {
        const ax = (xy[i] as number) - ox;
        const ay = (xy[i + 1] as number) - oy;
        const bx = (xy[i + 2] as number) - ox;
        const by = (xy[i + 3] as number) - oy;
        if (distToSegment2(px, py, ax, ay, bx, by) <= EPS2) return [bx - ax, by - ay];
      }
    }
  }
  return null;
}

/** Split parameters of the current edge (0 and 1 first), reused from edge to edge. */
const ts: number[] = [];

/**
 * Pushes onto `ts` the parameters t ∈ (0, 1) where segment a→b (shifted) meets the edges of
 * `parts`, and returns whether `parts`' boundary passes within EPS of a.
 */
function splitParams(ax: number, ay: number, bx: number, by: number, parts: readonly Part[], ox: number, oy: number): boolean {
  const rx = bx - ax;
  const ry = by - ay;
  const minX = (ax < bx ? ax : bx) - EPS;
  const maxX = (ax > bx ? ax : bx) + EPS;
  const minY = (ay < by ? ay : by) - EPS;
  const maxY = (ay > by ? ay : by) + EPS;
  const rr = rx * rx + ry * ry;
  let touchesA = false;
  for (const part of parts) {
    for (const ring of part) {
      if (ring.maxX - ox < minX || ring.minX - ox > maxX || ring.maxY - oy < minY || ring.minY - oy > maxY) continue;
      const xy = ring.xy;
      let qx = (xy[0] as number) - ox;
      let qy = (xy[1] as number) - oy;
      for (let i = 2; i < xy.length; i += 2) {
        const q2x = (xy[i] as number) - ox;
        const q2y = (xy[i + 1] as number) - oy;
        if ((qx > q2x ? qx : q2x) < minX || (qx < q2x ? qx : q2x) > maxX || (qy > q2y ? qy : q2y) < minY || (qy < q2y ? qy : q2y) > maxY) {
          qx = q2x;
          qy = q2y;
          continue;
        }
        if (!touchesA && distToSegment2(ax, ay, qx, qy, q2x, q2y) <= EPS2) touchesA = true;
        const sx = q2x - qx;
        const sy = q2y - qy;
        const qpx = qx - ax;
        const qpy = qy - ay;
        const denom = rx * sy - ry * sx;
        if (denom !== 0) {
          const t = (qpx * sy - qpy * sx) / denom;
          const u = (qpx * ry - qpy * rx) / denom;
          if (t > 0 && t < 1 && u >= 0 && u <= 1) ts.push(t);
        }
        // Endpoints of the other edge lying on this segment (touching or collinear overlap).
        if (rr > 0) {
          if (distToSegment2(qx, qy, ax, ay, bx, by) <= EPS2) {
            const t = ((qx - ax) * rx + (qy - ay) * ry) / rr;
            if (t > 0 && t < 1) ts.push(t);
          }
          if (distToSegment2(q2x, q2y, ax, ay, bx, by) <= EPS2) {
            const t = ((q2x - ax) * rx + (q2y - ay) * ry) / rr;
            if (t > 0 && t < 1) ts.push(t);
          }
        }
        qx = q2x;
        qy = q2y;
      }
    }
  }
  return touchesA;
}

function sortTs(): void {
  // Insertion sort: a handful of values, most already in order.
  for (let i = 1; i < ts.length; i++) {
    const v = ts[i] as number;
    let j = i - 1;
    while (j >= 0 && (ts[j] as number) > v) {
      ts[j + 1] = ts[j] as number;
      j--;
    }
    ts[j + 1] = v;
  }
}

/**
 * Sum of x1·y2 − x2·y1 (shifted) over the pieces of `subject`'s edges that lie inside `other`
 * (and, when `keepShared`, over pieces on `other`'s boundary running the same way). `box` is
 * `other`'s box (unshifted).
 *
 * Each piece is classified by its midpoint. Along a ring, a piece that starts at a vertex where
 * the previous piece ended, with `other`'s boundary not within EPS of that vertex and the previous
 * piece strictly inside or outside, lies on the same side as the previous piece (the boundary
 * was not crossed between them), so only pieces after a crossing or a touch are tested afresh.
 */
function boundaryContribution(subject: readonly Part[], other: readonly Part[], keepShared: boolean, box: readonly [number, number, number, number], ox: number, oy: number): number {
  let sum = 0;
  const bx0 = box[0] - ox;
  const by0 = box[1] - oy;
  const bx1 = box[2] - ox;
  const by1 = box[3] - oy;
  for (const part of subject) {
    for (const ring of part) {
      if (ring.maxX < box[0] || ring.minX > box[2] || ring.maxY < box[1] || ring.minY > box[3]) continue;
      const xy = ring.xy;
      // The side of `other` the last piece lay on (1 inside, -1 outside), or 0 when unknown or on the boundary.
      let prev: number = 0;
      let ax = (xy[0] as number) - ox;
      let ay = (xy[1] as number) - oy;
      for (let i = 2; i < xy.length; i += 2) {
        const bx = (xy[i] as number) - ox;
        const by = (xy[i + 1] as number) - oy;
        // An edge outside the other polygon's bounding box lies outside it.
        if ((ax > bx ? ax : bx) < bx0 || (ax < bx ? ax : bx) > bx1 || (ay > by ? ay : by) < by0 || (ay < by ? ay : by) > by1) {
          prev = -1;
          ax = bx;
          ay = by;
          continue;
        }
        ts.length = 0;
        ts.push(0, 1);
        const touchesA = splitParams(ax, ay, bx, by, other, ox, oy);
        if (ts.length > 3) sortTs();
        else if (ts.length === 3) {
          ts[1] = ts[2] as number;
          ts[2] = 1;
        }
        const rx = bx - ax;
        const ry = by - ay;
        let last: number = 0;
        for (let k = 0; k < ts.length - 1; k++) {
          const t0 = ts[k] as number;
          const t1 = ts[k + 1] as number;
          if (t1 - t0 <= 1e-12) {
            last = 0;
            continue;
          }
          const x0 = ax + rx * t0;
          const y0 = ay + ry * t0;
          const x1 = ax + rx * t1;
          const y1 = ay + ry * t1;
          const status = k === 0 && !touchesA && prev !== 0 ? prev : inParts((x0 + x1) / 2, (y0 + y1) / 2, other, ox, oy);
          let take = status === 1;
          if (status === 0 && keepShared) {
            const dir = edgeDirectionAt((x0 + x1) / 2, (y0 + y1) / 2, other, ox, oy);
            take = dir !== null && dir[0] * rx + dir[1] * ry > 0;
          }
          if (take) sum += x0 * y1 - x1 * y0;
          last = status;
        }
        prev = last;
        ax = bx;
        ay = by;
      }
    }
  }
  return sum;
}

function boxOfParts(parts: readonly Part[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const part of parts) {
    const o = part[0];
    if (!o) continue;
    if (o.minX < b[0]) b[0] = o.minX;
    if (o.minY < b[1]) b[1] = o.minY;
    if (o.maxX > b[2]) b[2] = o.maxX;
    if (o.maxY > b[3]) b[3] = o.maxY;
  }
  return b;
}

/**
 * Planar area of the intersection a ∩ b, in squared coordinate units (m² for EPSG:25832).
 *
 * Method (Green's theorem): the boundary of a ∩ b is made of the parts of a's edges inside b,
 * the parts of b's edges inside a, and the stretches the two boundaries share running the same
 * way. With outer rings counter-clockwise and holes clockwise, the area is half the sum of
 * x1·y2 − x2·y1 over those pieces. Each edge is split where it meets the other polygon's edges
 * and each piece is classified by its midpoint (point-in-polygon, holes respected, a tolerance of
 * 1e-6 units for lying on an edge), or, when no boundary was crossed or touched since the last
 * classified piece, by that piece's side. Coordinates are shifted to a's first vertex, so UTM
 * values lose no precision. Shared stretches are counted once from `a` when both run the same
 * way and not at all when they run opposite ways. Edges outside the other polygon's bounding
 * box are skipped. Exact up to floating-point rounding; MultiPolygon parts must not overlap each
 * other. Inputs are not modified.
 */
export function intersectionAreaM2(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): number {
  const p = prepareArea(a);
  return p ? intersectionAreaPreparedM2(p, b) : 0;
}

/**
 * A polygon made ready for many intersections: its rings as flat closed, oriented coordinates
 * with their boxes (in the source CRS, not shifted). Made by {@link preparePolygon}.
 */
export interface PreparedPolygon {
  readonly parts: readonly Part[];
  readonly box: readonly [number, number, number, number];
}

/** An area made ready for many intersections ({@link intersectionAreaPreparedM2}), with the local origin its arithmetic is shifted to. */
export interface PreparedArea extends PreparedPolygon {
  readonly ox: number;
  readonly oy: number;
}

/** Prepares a polygon for {@link intersectionAreaPreparedM2} (as either side). Does not modify `g`. */
export function preparePolygon(g: Polygon | MultiPolygon): PreparedPolygon {
  return preparedOfParts(toParts(g));
}

/** A prepared polygon of rings already flat, closed and oriented (as {@link preparePolygon} makes them), with its box. */
export function preparedOfParts(parts: readonly Part[]): PreparedPolygon {
  return { parts, box: boxOfParts(parts) };
}

/** Prepares `a` once for intersecting with many polygons (null for an empty geometry). Does not modify `a`. */
export function prepareArea(a: Polygon | MultiPolygon): PreparedArea | null {
  return preparedArea(preparePolygon(a));
}

/** A prepared polygon as an area ({@link prepareArea}): its arithmetic shifted to its first vertex (null when it has none). */
export function preparedArea(p: PreparedPolygon): PreparedArea | null {
  const first = p.parts[0]?.[0];
  if (!first) return null;
  return { ...p, ox: first.xy[0] as number, oy: first.xy[1] as number };
}

/** {@link intersectionAreaM2} of a prepared area with `b` (a geometry or prepared): the same figure, without preparing the area again for each `b`. */
export function intersectionAreaPreparedM2(p: PreparedArea, b: Polygon | MultiPolygon | PreparedPolygon): number {
  const pb = 'parts' in b ? b : preparePolygon(b);
  const ba = p.box;
  const bb = pb.box;
  if (ba[2] < bb[0] || bb[2] < ba[0] || ba[3] < bb[1] || bb[3] < ba[1]) return 0;
  const sum = boundaryContribution(p.parts, pb.parts, true, bb, p.ox, p.oy) + boundaryContribution(pb.parts, p.parts, false, ba, p.ox, p.oy);
  return Math.max(0, sum / 2);
}
