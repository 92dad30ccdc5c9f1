import type { Geometry, Position } from 'geojson';

/** A bounding box [minX, minY, maxX, maxY] in the geometry's own units. */
export type BBox = [number, number, number, number];

function visit(c: unknown, b: BBox): void {
  if (!Array.isArray(c)) return;
  if (typeof c[0] === 'number') {
    const p = c as Position;
    const x = p[0] as number;
    const y = p[1] as number;
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
    return;
  }
  for (const child of c) visit(child, b);
}

/** Returns the bounding box of a geometry (Infinity values when it has no coordinates). */
export function bboxOf(g: Geometry): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  if (g.type === 'GeometryCollection') {
    for (const x of g.geometries) {
      const c = bboxOf(x);
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1]);
      b[2] = Math.max(b[2], c[2]);
      b[3] = Math.max(b[3], c[3]);
    }
    return b;
  }
  visit(g.coordinates, b);
  return b;
}
