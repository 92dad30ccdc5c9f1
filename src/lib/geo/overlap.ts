import type { MultiPolygon, Polygon } from 'geojson';
import Flatbush from 'flatbush';
import { bboxOf } from './bbox.ts';
import { intersectionAreaPreparedM2, prepareArea, preparedOfParts, preparePolygon, type FlatRing, type Part, type PreparedPolygon } from './intersection-area.ts';

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
  return indexOf(
    items.map((i) => i.key),
    items.map((i) => preparePolygon(i.geometry))
  );
}

/** The index over prepared polygons and their keys (same order). */
function indexOf(keys: readonly string[], prepared: readonly PreparedPolygon[]): OverlapIndex {
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
  const byKeyM2: Record<string, number> = {};
  if (!index.tree) return { totalM2: 0, byKeyM2, candidates: 0 };
  const b = bboxOf(area);
  const hits = index.tree.search(b[0], b[1], b[2], b[3]);
  let totalM2 = 0;
  // The area is prepared once for all its candidates.
  const prepared = hits.length ? prepareArea(area) : null;
  if (!prepared) return { totalM2: 0, byKeyM2, candidates: hits.length };
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
 * An {@link OverlapIndex} as a few flat arrays, to hand to another thread: with a
 * SharedArrayBuffer both threads read the same coordinates without copying them.
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

/** Packs an index into flat arrays in buffers made by `Buffer` (SharedArrayBuffer to share them with a worker). */
export function packOverlapIndex(index: OverlapIndex, Buffer: new (bytes: number) => ArrayBufferLike = ArrayBuffer): PackedOverlapIndex {
  let rings = 0;
  let parts = 0;
  let doubles = 0;
  const all = Array.from({ length: index.size }, (_, i) => index.polygon(i));
  for (const p of all) {
    parts += p.parts.length;
    for (const part of p.parts) {
      rings += part.length;
      for (const r of part) doubles += r.xy.length;
    }
  }
  const xy = new Float64Array(new Buffer(doubles * 8));
  const ringStart = new Int32Array(new Buffer((rings + 1) * 4));
  const ringBox = new Float64Array(new Buffer(rings * 32));
  const partStart = new Int32Array(new Buffer((parts + 1) * 4));
  const itemStart = new Int32Array(new Buffer((index.size + 1) * 4));
  const keyOf = new Int32Array(new Buffer(index.size * 4));
  const keyNames: string[] = [];
  const keyIds = new Map<string, number>();
  let ri = 0;
  let pi = 0;
  let at = 0;
  all.forEach((p, i) => {
    itemStart[i] = pi;
    const key = index.keys[i] as string;
    let id = keyIds.get(key);
    if (id === undefined) {
      id = keyNames.push(key) - 1;
      keyIds.set(key, id);
    }
    keyOf[i] = id;
    for (const part of p.parts) {
      partStart[pi++] = ri;
      for (const r of part) {
        ringStart[ri] = at;
        xy.set(r.xy, at);
        at += r.xy.length;
        ringBox.set([r.minX, r.minY, r.maxX, r.maxY], ri * 4);
        ri++;
      }
    }
  });
  ringStart[rings] = at;
  partStart[parts] = ri;
  itemStart[index.size] = pi;
  // The tree as built (Flatbush's own buffer layout), so the other thread need not build it again.
  let tree: ArrayBufferLike | null = null;
  if (index.tree) {
    tree = new Buffer(index.tree.data.byteLength);
    new Uint8Array(tree).set(new Uint8Array(index.tree.data));
  }
  return { xy, ringStart, ringBox, partStart, itemStart, keyOf, keyNames, tree };
}

/**
 * The index of {@link packOverlapIndex} again: the tree over the same data, and each polygon made
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
