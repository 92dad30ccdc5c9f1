import type { MultiPolygon, Polygon } from 'geojson';

/**
 * An SVG path of a WGS84 polygon's outer ring(s), for a small picture of its shape: scaled to
 * fit a square of `size` units with `pad` units on each side, north up, and the longitude
 * shortened by cos(latitude) at its first point (equirectangular), so the shape is not
 * stretched. Holes are left out. Coordinates with one decimal.
 */
export function outlinePath(geometry: Polygon | MultiPolygon, size = 60, pad = 4): string {
  const rings = geometry.type === 'Polygon' ? [geometry.coordinates[0] ?? []] : geometry.coordinates.map((p) => p[0] ?? []);
  const pts = rings.flat();
  const lat0 = ((pts[0]?.[1] as number) * Math.PI) / 180;
  const xs = pts.map((p) => (p[0] as number) * Math.cos(lat0));
  const ys = pts.map((p) => p[1] as number);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = (size - 2 * pad) / Math.max(maxX - minX, maxY - minY, 1e-9);
  return rings
    .map((r) => 'M' + r.map((p) => `${(pad + ((p[0] as number) * Math.cos(lat0) - minX) * k).toFixed(1)},${(size - pad - ((p[1] as number) - minY) * k).toFixed(1)}`).join('L') + 'Z')
    .join(' ');
}
