import { area as turfArea } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Signed planar area of a ring by the shoelace formula, in squared coordinate units (m² for
 * EPSG:25832). Positive for counter-clockwise rings. The ring may or may not repeat its first
 * position at the end. Coordinates are shifted to the first vertex first, so large UTM values
 * lose no precision.
 */
export function ringAreaSigned(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const [x0, y0] = ring[0] as [number, number];
  let sum = 0;
  for (let i = 1; i < n - 1; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    sum += ((a[0] as number) - x0) * ((b[1] as number) - y0) - ((b[0] as number) - x0) * ((a[1] as number) - y0);
  }
  return sum / 2;
}

function polygonArea(rings: readonly (readonly Position[])[]): number {
  const [outer, ...holes] = rings;
  if (!outer) return 0;
  return Math.abs(ringAreaSigned(outer)) - holes.reduce((s, h) => s + Math.abs(ringAreaSigned(h)), 0);
}

/**
 * Planar area of a Polygon or MultiPolygon, in m² when the coordinates are in a projected
 * metric CRS. The app uses EPSG:25832 (EUREF89 UTM 32N), as matrikkel and kommuneplan areas are
 * stated. Holes are subtracted; rings may wind either way (|outer| − Σ|holes|); MultiPolygon
 * parts are summed.
 */
export function areaPlanarM2(g: Polygon | MultiPolygon): number {
  if (g.type === 'Polygon') return polygonArea(g.coordinates);
  return g.coordinates.reduce((s, p) => s + polygonArea(p), 0);
}

/** Converts m² to dekar (1 daa = 1000 m²). */
export function m2ToDaa(m2: number): number {
  return m2 / 1000;
}

/**
 * Spherical area (turf.area, WGS84 coordinates in degrees), in m². For contrast only: it differs
 * from the planar EPSG:25832 area the kommune states by up to about 0.5 %.
 */
export function areaSphericalM2(g4326: Polygon | MultiPolygon): number {
  return turfArea(g4326);
}
