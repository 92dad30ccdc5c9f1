import type { Position } from 'geojson';

/**
 * A closed ring approximating a circle of radius `r` around `center`, in the centre's planar
 * units (metres in EPSG:25832), counter-clockwise with `n` vertices (first repeated last).
 */
export function circleRing(center: readonly number[], r: number, n = 64): Position[] {
  const [cx, cy] = center as [number, number];
  const ring: Position[] = Array.from({ length: n }, (_, i) => [cx + r * Math.cos((2 * Math.PI * i) / n), cy + r * Math.sin((2 * Math.PI * i) / n)]);
  ring.push([...(ring[0] as Position)]);
  return ring;
}
