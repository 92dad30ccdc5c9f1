import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Area-weighted planar centroid of a Polygon or MultiPolygon (holes subtracted), in the
 * geometry's coordinates ([E, N] metres for EPSG:25832). May lie outside a concave shape.
 */
export function centroidPlanar(g: Polygon | MultiPolygon): [number, number] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const first = polys[0]?.[0]?.[0];
  if (!first) return [Number.NaN, Number.NaN];
  const ox = first[0] as number;
  const oy = first[1] as number;
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const rings of polys) {
    rings.forEach((ring: Position[], r: number) => {
      let ra = 0;
      let rx = 0;
      let ry = 0;
      for (let i = 0; i < ring.length - 1; i++) {
        const x0 = (ring[i]?.[0] as number) - ox;
        const y0 = (ring[i]?.[1] as number) - oy;
        const x1 = (ring[i + 1]?.[0] as number) - ox;
        const y1 = (ring[i + 1]?.[1] as number) - oy;
        const c = x0 * y1 - x1 * y0;
        ra += c;
        rx += (x0 + x1) * c;
        ry += (y0 + y1) * c;
      }
      // Outer rings add, holes subtract, whatever their winding.
      const sign = (r === 0 ? 1 : -1) * Math.sign(ra);
      a += (sign * ra) / 2;
      cx += (sign * rx) / 6;
      cy += (sign * ry) / 6;
    });
  }
  if (a === 0) return [ox, oy];
  return [ox + cx / a, oy + cy / a];
}
