import type { FeatureCollection, Geometry, Position } from 'geojson';

/** A WGS84 bounding box as [[west, south], [east, north]] in degrees. */
export type LngLatBounds = [[number, number], [number, number]];

function eachPosition(coords: unknown, visit: (p: Position) => void): void {
  if (!Array.isArray(coords)) return;
  if (typeof coords[0] === 'number') {
    visit(coords as Position);
    return;
  }
  for (const c of coords) eachPosition(c, visit);
}

/**
 * Returns the bounding box of every coordinate in a collection (in the collection's own
 * coordinates, degrees for WGS84), or null when it has none.
 */
export function boundsOf(fc: FeatureCollection): LngLatBounds | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const f of fc.features) {
    if (!f.geometry || f.geometry.type === 'GeometryCollection') continue;
    eachPosition(f.geometry.coordinates, (p) => {
      const [x, y] = p as [number, number];
      w = Math.min(w, x);
      s = Math.min(s, y);
      e = Math.max(e, x);
      n = Math.max(n, y);
    });
  }
  return Number.isFinite(w) ? [[w, s], [e, n]] : null;
}

/** The bounding box of several geometries (e.g. sites to show together), or null when they have no coordinates. */
export function boundsOfGeometries(geometries: readonly Geometry[]): LngLatBounds | null {
  return boundsOf({ type: 'FeatureCollection', features: geometries.map((geometry) => ({ type: 'Feature' as const, properties: {}, geometry })) });
}
