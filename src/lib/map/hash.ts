/** A map position as MapLibre's constructor takes it. */
export interface HashPosition {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/**
 * The map position in a location hash as MapLibre writes it (`#zoom/lat/lng[/bearing[/pitch]]`,
 * the first parameter of the hash), or null when there is none or it is not valid: the same
 * reading and limits as MapLibre's own `Hash` (zoom 0–22, pitch 0–60, the map's defaults). The
 * map reads the position itself when it is made, and lets MapLibre's `Hash` write and follow the
 * address only once it is drawn (issue #20: nothing changes the page's address before the first
 * map).
 */
export function positionFromHash(hash: string): HashPosition | null {
  const first = [...new URLSearchParams(hash.replace(/^#/, '')).keys()][0] ?? '';
  const parts = first.split('/');
  if (parts.length < 3 || parts.some((p) => p.trim() === '' || !Number.isFinite(Number(p)))) return null;
  const [zoom = 0, lat = 0, lng = 0, bearing = 0, pitch = 0] = parts.map(Number);
  if (lat < -90 || lat > 90) return null;
  if (zoom < 0 || zoom > 22 || bearing < -180 || bearing > 180 || pitch < 0 || pitch > 60) return null;
  return { center: [lng, lat], zoom, bearing, pitch };
}
