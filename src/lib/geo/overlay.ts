/**
 * Planar overlay of polygons (boolean operations) for figures in EPSG:25832: polyclip-ts
 * (Martinez–Rueda–Feito with exact arithmetic) behind functions that never throw.
 *
 * Coordinates are shifted to a local origin first ({@link overlayOrigin}, {@link toShape}): the
 * same input coordinate always gives the same local one, so identical boundaries in two datasets
 * stay identical. polyclip-ts can throw on degenerate input («Unable to complete output ring …»);
 * each operation is then tried once more on coordinates snapped to a 1 mm grid
 * ({@link SNAP_GRID}; the area moves by at most about half a millimetre times the perimeter), and
 * if that fails too the result says so ({@link OverlayResult}). Shared areas ({@link overlapAreas})
 * are not snapped: where polyclip throws they come from the exact area method of
 * intersection-area.ts instead. Inputs are never modified.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import Flatbush from 'flatbush';
import { difference as polyclipDifference, intersection as polyclipIntersection, union as polyclipUnion, type Geom } from 'polyclip-ts';
import { ringAreaSigned } from './area.ts';
import { intersectionAreaM2 } from './intersection-area.ts';

/** Polygonal area as MultiPolygon coordinates ([x, y] rings), in local coordinates (see {@link toShape}). */
export type Shape = [number, number][][][];

/** A local origin: coordinates are stored as (x − ox, y − oy). */
export type Origin = readonly [number, number];

/** The grid (in coordinate units: m) the second attempt of a failed operation snaps to. */
export const SNAP_GRID = 1e-3;

export type OverlayOp = 'union' | 'difference' | 'intersection';

/** The result of an overlay: the shape (and whether snapping was needed), or why it failed. */
export type OverlayResult = { ok: true; shape: Shape; snapped: boolean } | { ok: false; op: OverlayOp; detail: string };

/**
 * A local origin for a set of geometries: the lower-left corner of their bounding box rounded
 * down to whole kilometres (0, 0 when there are no coordinates).
 */
export function overlayOrigin(geometries: Iterable<Polygon | MultiPolygon>): Origin {
  let minX = Infinity;
  let minY = Infinity;
  for (const g of geometries) {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of polys) {
      for (const ring of rings) {
        for (const p of ring) {
          const x = p[0] as number;
          const y = p[1] as number;
          if (x < minX) minX = x;
          if (y < minY) minY = y;
        }
      }
    }
  }
  if (!Number.isFinite(minX) || !Number.isFinite(minY)) return [0, 0];
  return [Math.floor(minX / 1000) * 1000, Math.floor(minY / 1000) * 1000];
}

/** A Polygon or MultiPolygon as a {@link Shape} in coordinates relative to `origin` (new arrays). */
export function toShape(g: Polygon | MultiPolygon, origin: Origin): Shape {
  const [ox, oy] = origin;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.filter((rings) => rings.length > 0).map((rings) => rings.map((ring) => ring.map((p: Position) => [(p[0] as number) - ox, (p[1] as number) - oy] as [number, number])));
}

/** A {@link Shape} back in the coordinates of `origin`: a Polygon for one part, a MultiPolygon for more, null when empty. */
export function fromShape(s: Shape, origin: Origin): Polygon | MultiPolygon | null {
  const [ox, oy] = origin;
  const coords = s.map((rings) => rings.map((ring) => ring.map(([x, y]) => [x + ox, y + oy])));
  if (coords.length === 0) return null;
  return coords.length === 1 ? { type: 'Polygon', coordinates: coords[0] as Position[][] } : { type: 'MultiPolygon', coordinates: coords };
}

/** Planar area of a shape (m² in EPSG:25832): per part |outer| − Σ|holes|. */
export function shapeArea(s: Shape): number {
  let sum = 0;
  for (const rings of s) {
    rings.forEach((ring, i) => {
      const a = Math.abs(ringAreaSigned(ring));
      sum += i === 0 ? a : -a;
    });
  }
  return sum;
}

/** Bounding box of a shape, [minX, minY, maxX, maxY] (Infinity values when empty). */
export function shapeBox(s: Shape): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of s) {
    for (const [x, y] of rings[0] ?? []) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}

const snapped = (s: Shape): Shape => s.map((rings) => rings.map((ring) => ring.map(([x, y]) => [Math.round(x / SNAP_GRID) * SNAP_GRID, Math.round(y / SNAP_GRID) * SNAP_GRID] as [number, number])));

const OPS = { union: polyclipUnion, difference: polyclipDifference, intersection: polyclipIntersection } as const;

const messageOf = (e: unknown) => String((e as Error)?.message ?? e).slice(0, 200);

/** Copies polyclip's output (so no caller shares arrays with it) and drops empty parts. */
const own = (m: Geom[]): Shape => (m as Shape).filter((rings) => rings.length > 0).map((rings) => rings.map((ring) => ring.map(([x, y]) => [x, y] as [number, number])));

/**
 * `subject` op `others` (difference: subject minus all others; union and intersection: of all).
 * Never throws: a failure is tried again on coordinates snapped to {@link SNAP_GRID} (unless
 * `snap` is false), then given back as `{ ok: false }` with the library's message.
 */
export function overlay(op: OverlayOp, subject: Shape, others: readonly Shape[], snap = true): OverlayResult {
  if (subject.length === 0 && op !== 'union') return { ok: true, shape: [], snapped: false };
  const run = (a: Shape, b: readonly Shape[]) => own(OPS[op](a as Geom, ...(b as Geom[])));
  let detail = '';
  try {
    return { ok: true, shape: run(subject, others), snapped: false };
  } catch (e) {
    detail = messageOf(e);
  }
  if (!snap) return { ok: false, op, detail };
  try {
    return { ok: true, shape: run(snapped(subject), others.map(snapped)), snapped: true };
  } catch (e) {
    return { ok: false, op, detail: messageOf(e) };
  }
}

/** A piece each shape owns, from {@link claimInOrder}. */
export interface ClaimResult {
  /** What shape i covers that no earlier shape does; null where the overlay failed (see `failed`). */
  pieces: (Shape | null)[];
  /** Indexes of the shapes whose piece could not be computed, with the library's message. */
  failed: { index: number; detail: string }[];
}

/**
 * Makes shapes disjoint in order: each shape keeps what no earlier shape covers (shape i minus the
 * union of shapes 0 … i−1). Only earlier shapes whose bounding box meets shape i's are subtracted
 * (flatbush), so shapes that overlap nothing cost no overlay at all. The union of the pieces is the
 * union of the shapes (a dissolve), and each point of it is in exactly one piece.
 */
export function claimInOrder(shapes: readonly Shape[]): ClaimResult {
  const boxes = shapes.map(shapeBox);
  // A shape without area (a collapsed ring, a line drawn as a polygon) owns nothing and takes
  // nothing from later shapes; left out of the overlay, it cannot trip polyclip either.
  const empty = shapes.map((s) => !(Math.abs(shapeArea(s)) > 0));
  const pieces: (Shape | null)[] = [];
  const failed: ClaimResult['failed'] = [];
  if (shapes.length === 0) return { pieces, failed };
  const tree = new Flatbush(shapes.length);
  for (const b of boxes) tree.add(b[0], b[1], b[2], b[3]);
  tree.finish();
  shapes.forEach((s, i) => {
    if (empty[i]) {
      pieces.push([]);
      return;
    }
    const b = boxes[i] as [number, number, number, number];
    const earlier = Number.isFinite(b[0]) ? tree.search(b[0], b[1], b[2], b[3], (j) => j < i && !empty[j]).sort((p, q) => p - q) : [];
    if (earlier.length === 0) {
      pieces.push(own(s as Geom[]));
      return;
    }
    const r = overlay('difference', s, earlier.map((j) => shapes[j] as Shape));
    if (r.ok) pieces.push(r.shape);
    else {
      pieces.push(null);
      failed.push({ index: i, detail: r.detail });
    }
  });
  return { pieces, failed };
}

/** The area two shapes share, from {@link overlapAreas}. */
export interface OverlapPair {
  /** Index into `a`. */
  a: number;
  /** Index into `b`. */
  b: number;
  /** Area of a ∩ b (m² in EPSG:25832), > 0. */
  m2: number;
}

/** What {@link overlapAreas} found: every pair with shared area, and the pairs it could not measure. */
export interface OverlapAreasResult {
  pairs: OverlapPair[];
  /** Pairs where polyclip failed and the area came from {@link intersectionAreaM2} (or, failing that, snapped polyclip) instead. */
  fallbacks: { a: number; b: number; detail: string }[];
  /** Pairs where both methods failed (counted as no overlap). */
  failed: { a: number; b: number; detail: string }[];
}

/**
 * The area of a[i] ∩ b[j] for every pair whose bounding boxes meet (flatbush over `b`), pairs
 * with no shared area left out. The shapes in each list should be disjoint (e.g. pieces from
 * {@link claimInOrder}); then the pairs of one a[i] add up to the area of a[i] ∩ ∪b. Each area is
 * polyclip's intersection, measured planar; where polyclip fails, the exact intersection area of
 * {@link intersectionAreaM2} (Green's theorem on the edges, no polygon built) is used and the pair
 * listed in `fallbacks`.
 */
export function overlapAreas(a: readonly (Shape | null)[], b: readonly (Shape | null)[]): OverlapAreasResult {
  const out: OverlapAreasResult = { pairs: [], fallbacks: [], failed: [] };
  const boxes = b.map((s) => (s ? shapeBox(s) : null));
  const live = boxes.flatMap((box, j) => (box && Number.isFinite(box[0]) ? [j] : []));
  if (live.length === 0) return out;
  const tree = new Flatbush(live.length);
  for (const j of live) {
    const box = boxes[j] as [number, number, number, number];
    tree.add(box[0], box[1], box[2], box[3]);
  }
  tree.finish();
  a.forEach((sa, i) => {
    if (!sa || sa.length === 0) return;
    const box = shapeBox(sa);
    const hits = tree.search(box[0], box[1], box[2], box[3]).map((k) => live[k] as number).sort((p, q) => p - q);
    for (const j of hits) {
      const sb = b[j] as Shape;
      const m2 = pairArea(sa, sb, i, j, out);
      if (m2 !== null && m2 > 0) out.pairs.push({ a: i, b: j, m2 });
    }
  });
  return out;
}

/**
 * Area of a ∩ b: polyclip's intersection; where it throws, the exact area of
 * {@link intersectionAreaM2} (no snapping: snapping moves the boundary, and pieces that only touch
 * would seem to overlap); where that fails too, polyclip on snapped coordinates; else null.
 */
function pairArea(sa: Shape, sb: Shape, i: number, j: number, out: OverlapAreasResult): number | null {
  const r = overlay('intersection', sa, [sb], false);
  if (r.ok) return shapeArea(r.shape);
  out.fallbacks.push({ a: i, b: j, detail: r.detail });
  try {
    return intersectionAreaM2({ type: 'MultiPolygon', coordinates: sa }, { type: 'MultiPolygon', coordinates: sb });
  } catch {
    // last: snapped
  }
  const again = overlay('intersection', sa, [sb]);
  if (again.ok) return shapeArea(again.shape);
  out.failed.push({ a: i, b: j, detail: again.detail });
  return null;
}
