import type { MultiPolygon, Polygon, Position } from 'geojson';
import Flatbush from 'flatbush';
import { bboxOf } from './bbox.ts';
import { intersectionAreaPreparedM2, polygonsOf, prepareArea, preparedArea, preparedOfParts, preparePolygon, ringDoubles, writeBox, writeRing, type FlatRing, type Part, type PreparedArea, type PreparedPolygon } from './intersection-area.ts';

/** A polygon to overlap with, tagged with a key (e.g. AR5 class '21', '22', '23'). EPSG:25832. */
export interface OverlapItem {
  geometry: Polygon | MultiPolygon;
  key: string;
}

/** A spatial index (flatbush, packed Hilbert R-tree) over polygons in EPSG:25832. */
export interface OverlapIndex {
  /** Each item's key, in the order given. */
  readonly keys: readonly string[];
  readonly size: number;
  /** null when there are no items. */
  readonly tree: Flatbush | null;
  /** Item `i`'s geometry prepared for intersection (flat, oriented rings with their boxes). */
  polygon(i: number): PreparedPolygon;
}

/** Builds an {@link OverlapIndex} over items in EPSG:25832. The items are kept, not copied or changed. */
export function buildOverlapIndex(items: readonly OverlapItem[]): OverlapIndex {
  const keys = items.map((i) => i.key);
  const prepared = items.map((i) => preparePolygon(i.geometry));
  const polygon = (i: number) => prepared[i] as PreparedPolygon;
  if (prepared.length === 0) return { keys, size: 0, tree: null, polygon };
  const tree = new Flatbush(prepared.length);
  for (const { box } of prepared) tree.add(box[0], box[1], box[2], box[3]);
  tree.finish();
  return { keys, size: prepared.length, tree, polygon };
}

/** How much of an area the indexed polygons cover, in m², in total and by key. */
export interface OverlapResult {
  totalM2: number;
  byKeyM2: Record<string, number>;
  /** How many indexed polygons were near enough to be intersected. */
  candidates: number;
}

/**
 * Returns the planar area (m², EPSG:25832) of the intersection of `area` with the indexed
 * polygons, in total and by key. Only polygons whose bounding box meets the area's are
 * intersected, so the cost grows with the polygons near the area, not with all of them. Assumes
 * the indexed polygons do not overlap each other (as in AR5).
 */
export function overlapByKey(index: OverlapIndex, area: Polygon | MultiPolygon): OverlapResult {
  if (!index.tree) return { totalM2: 0, byKeyM2: {}, candidates: 0 };
  const b = bboxOf(area);
  const hits = index.tree.search(b[0], b[1], b[2], b[3]);
  // The area is prepared once for all its candidates.
  return sumOverHits(index, hits, hits.length ? prepareArea(area) : null);
}

/**
 * {@link overlapByKey} of an area already prepared ({@link preparePolygon}, or a polygon of a
 * packed index of areas): the same figures for a valid area, whose box is its outer rings'.
 */
export function overlapPreparedByKey(index: OverlapIndex, area: PreparedPolygon): OverlapResult {
  if (!index.tree) return { totalM2: 0, byKeyM2: {}, candidates: 0 };
  const b = area.box;
  const hits = index.tree.search(b[0], b[1], b[2], b[3]);
  return sumOverHits(index, hits, hits.length ? preparedArea(area) : null);
}

function sumOverHits(index: OverlapIndex, hits: readonly number[], prepared: PreparedArea | null): OverlapResult {
  const byKeyM2: Record<string, number> = {};
  if (!prepared) return { totalM2: 0, byKeyM2, candidates: hits.length };
  let totalM2 = 0;
  for (const i of hits) {
    const m2 = intersectionAreaPreparedM2(prepared, index.polygon(i));
    if (m2 > 0) {
      const key = index.keys[i] as string;
      byKeyM2[key] = (byKeyM2[key] ?? 0) + m2;
      totalM2 += m2;
    }
  }
  return { totalM2, byKeyM2, candidates: hits.length };
}

/**
 * An {@link OverlapIndex} as a few flat arrays ({@link buildPackedOverlapIndex}), to hand to
 * another thread: with SharedArrayBuffers both threads read the same coordinates and tree
 * without copying them.
 */
export interface PackedOverlapIndex {
  /** Every ring's coordinates (x, y, …; closed and oriented), one after the other. */
  readonly xy: Float64Array;
  /** Where each ring starts in `xy` (rings + 1 entries). */
  readonly ringStart: Int32Array;
  /** Each ring's box (minX, minY, maxX, maxY). */
  readonly ringBox: Float64Array;
  /** The first ring of each part (parts + 1 entries). */
  readonly partStart: Int32Array;
  /** The first part of each item (items + 1 entries). */
  readonly itemStart: Int32Array;
  /** Each item's key, as an index into `keyNames`. */
  readonly keyOf: Int32Array;
  readonly keyNames: readonly string[];
  /** The Flatbush tree's data (null when there are no items). */
  readonly tree: ArrayBufferLike | null;
}

/**
 * Builds the {@link OverlapIndex} of `items` (EPSG:25832) straight into flat arrays in buffers
 * made by `Buffer` (SharedArrayBuffer to share it with a worker, which reads it with
 * {@link unpackOverlapIndex}, as this thread does too): the rings as {@link preparePolygon} makes
 * them, one after the other, and the Flatbush tree in its own buffer. No ring gets an array of
 * its own, so there is nothing to copy. The items are not modified.
 */
export function buildPackedOverlapIndex(items: readonly OverlapItem[], Buffer: new (bytes: number) => ArrayBufferLike = ArrayBuffer): PackedOverlapIndex {
  // First the sizes: rings, parts and numbers, with empty rings left out as preparePolygon does.
  let rings = 0;
  let parts = 0;
  let doubles = 0;
  for (const { geometry } of items) {
    for (const polygon of polygonsOf(geometry)) {
      // As preparePolygon: a polygon whose outer ring is empty is left out, and so is an empty hole.
      if (ringDoubles(polygon[0] ?? []) === 0) continue;
      parts++;
      for (const ring of polygon) {
        const d = ringDoubles(ring);
        if (d > 0) {
          rings++;
          doubles += d;
        }
      }
    }
  }
  const xy = new Float64Array(new Buffer(doubles * 8));
  const ringStart = new Int32Array(new Buffer((rings + 1) * 4));
  const ringBox = new Float64Array(new Buffer(rings * 32));
  const partStart = new Int32Array(new Buffer((parts + 1) * 4));
  const itemStart = new Int32Array(new Buffer((items.length + 1) * 4));
  const keyOf = new Int32Array(new Buffer(items.length * 4));
  const keyNames: string[] = [];
  const keyIds = new Map<string, number>();
  const tree = items.length ? new Flatbush(items.length, 16, Float64Array, Buffer as ArrayBufferConstructor) : null;
  let ri = 0;
  let pi = 0;
  let at = 0;
  items.forEach(({ geometry, key }, item) => {
    itemStart[item] = pi;
    let id = keyIds.get(key);
    if (id === undefined) {
      id = keyNames.push(key) - 1;
      keyIds.set(key, id);
    }
    keyOf[item] = id;
    // The item's box: its outer rings' (as preparedOfParts).
    let bx0 = Infinity;
    let by0 = Infinity;
    let bx1 = -Infinity;
    let by1 = -Infinity;
    for (const polygon of polygonsOf(geometry)) {
      if (ringDoubles(polygon[0] ?? []) === 0) continue;
      partStart[pi++] = ri;
      for (let i = 0; i < polygon.length; i++) {
        const ring = polygon[i] as Position[];
        const d = ringDoubles(ring);
        if (d === 0) continue;
        ringStart[ri] = at;
        writeRing(ring, i === 0, xy, at);
        writeBox(xy, at, at + d, ringBox, 4 * ri);
        if (i === 0) {
          bx0 = Math.min(bx0, ringBox[4 * ri] as number);
          by0 = Math.min(by0, ringBox[4 * ri + 1] as number);
          bx1 = Math.max(bx1, ringBox[4 * ri + 2] as number);
          by1 = Math.max(by1, ringBox[4 * ri + 3] as number);
        }
        at += d;
        ri++;
      }
    }
    tree?.add(bx0, by0, bx1, by1);
  });
  ringStart[rings] = at;
  partStart[parts] = ri;
  itemStart[items.length] = pi;
  tree?.finish();
  return { xy, ringStart, ringBox, partStart, itemStart, keyOf, keyNames, tree: tree ? tree.data : null };
}

/**
 * The index of {@link buildPackedOverlapIndex} again: the tree over the same data, and each polygon made
 * (rings as views into the packed coordinates, not copies) when it is first a candidate.
 */
export function unpackOverlapIndex(p: PackedOverlapIndex): OverlapIndex {
  const n = p.itemStart.length - 1;
  const keys = Array.from(p.keyOf, (k) => p.keyNames[k] as string);
  const made: (PreparedPolygon | undefined)[] = new Array(n);
  const polygon = (i: number): PreparedPolygon => {
    let prepared = made[i];
    if (prepared) return prepared;
    const parts: Part[] = [];
    for (let pi = p.itemStart[i] as number; pi < (p.itemStart[i + 1] as number); pi++) {
      const rings: FlatRing[] = [];
      for (let ri = p.partStart[pi] as number; ri < (p.partStart[pi + 1] as number); ri++) {
        const b = ri * 4;
        rings.push({ xy: p.xy.subarray(p.ringStart[ri], p.ringStart[ri + 1]), minX: p.ringBox[b] as number, minY: p.ringBox[b + 1] as number, maxX: p.ringBox[b + 2] as number, maxY: p.ringBox[b + 3] as number });
      }
      parts.push(rings);
    }
    prepared = made[i] = preparedOfParts(parts);
    return prepared;
  };
  return { keys, size: n, tree: p.tree ? Flatbush.from(p.tree as ArrayBuffer) : null, polygon };
}
