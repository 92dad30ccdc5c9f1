import type { MultiPolygon, Polygon } from 'geojson';
import Flatbush from 'flatbush';
import { bboxOf, type BBox } from './bbox.ts';
import { intersectionAreaPreparedM2, prepareArea, preparePolygon, type PreparedPolygon } from './intersection-area.ts';

/** A polygon to overlap with, tagged with a key (e.g. AR5 class '21', '22', '23'). EPSG:25832. */
export interface OverlapItem {
  geometry: Polygon | MultiPolygon;
  key: string;
}

/** A spatial index (flatbush, packed Hilbert R-tree) over polygons in EPSG:25832. */
export interface OverlapIndex {
  readonly items: readonly OverlapItem[];
  readonly size: number;
  /** null when there are no items. */
  readonly tree: Flatbush | null;
  readonly boxes: readonly BBox[];
  /** Each item's geometry prepared for intersection (flat, oriented rings with their boxes). */
  readonly prepared: readonly PreparedPolygon[];
}

/** Builds an {@link OverlapIndex} over items in EPSG:25832. The items are kept, not copied or changed. */
export function buildOverlapIndex(items: readonly OverlapItem[]): OverlapIndex {
  const prepared = items.map((i) => preparePolygon(i.geometry));
  const boxes = prepared.map((p) => [...p.box] as BBox);
  if (items.length === 0) return { items, size: 0, tree: null, boxes, prepared };
  const tree = new Flatbush(items.length);
  for (const b of boxes) tree.add(b[0], b[1], b[2], b[3]);
  tree.finish();
  return { items, size: items.length, tree, boxes, prepared };
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
    const item = index.items[i] as OverlapItem;
    const m2 = intersectionAreaPreparedM2(prepared, index.prepared[i] as PreparedPolygon);
    if (m2 > 0) {
      byKeyM2[item.key] = (byKeyM2[item.key] ?? 0) + m2;
      totalM2 += m2;
    }
  }
  return { totalM2, byKeyM2, candidates: hits.length };
}
