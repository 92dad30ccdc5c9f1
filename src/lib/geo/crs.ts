import type { Geometry, Position } from 'geojson';
import { mercatorForward, mercatorInverse, utmForward, utmInverse } from './tmerc.ts';

/**
 * The coordinate reference systems the app reads. 5972/5973 are 25832/25833 + NN2000 height;
 * 4258 is EUREF89 (ETRS89) geographic; 27391–27398 are the old NGO1948 Gauss-Krüger axes I–VIII
 * and 23031–23036 ED50 UTM, both still met in old SOSI files.
 */
export type CrsCode =
  | 'EPSG:4326'
  | 'EPSG:3857'
  | `EPSG:2583${1 | 2 | 3 | 4 | 5 | 6}`
  | 'EPSG:5972'
  | 'EPSG:5973'
  | 'EPSG:4258'
  | `EPSG:2739${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`
  | `EPSG:2303${1 | 2 | 3 | 4 | 5 | 6}`;

/** Every supported CRS, in the order messages list them (the common ones first). */
export const SUPPORTED_CRS: readonly CrsCode[] = [
  'EPSG:4326',
  'EPSG:3857',
  'EPSG:25832',
  'EPSG:25833',
  'EPSG:5972',
  'EPSG:5973',
  'EPSG:25831',
  'EPSG:25834',
  'EPSG:25835',
  'EPSG:25836',
  'EPSG:4258',
  'EPSG:27391',
  'EPSG:27392',
  'EPSG:27393',
  'EPSG:27394',
  'EPSG:27395',
  'EPSG:27396',
  'EPSG:27397',
  'EPSG:27398',
  'EPSG:23031',
  'EPSG:23032',
  'EPSG:23033',
  'EPSG:23034',
  'EPSG:23035',
  'EPSG:23036'
];

/** The CRS that are old (NGO1948, ED50): positions may be off by metres after the datum shift. */
export const OLD_DATUM_CRS: readonly CrsCode[] = SUPPORTED_CRS.filter((c) => /^EPSG:(2739\d|2303\d)$/.test(c));

/** A conversion of one position. */
export type Converter = (x: number, y: number) => [number, number];

/**
 * The CRS converted without proj4 (geo/tmerc.ts): geographic EUREF89/WGS84 (taken as one datum,
 * as proj4's `+towgs84=0,0,0` does), web Mercator and UTM 31–36 on EUREF89, 5972/5973 as their
 * horizontal part. Each maps to and from longitude/latitude in degrees.
 */
const FAST: Partial<Record<CrsCode, { toGeo: Converter; fromGeo: Converter }>> = {
  'EPSG:4326': { toGeo: (x, y) => [x, y], fromGeo: (x, y) => [x, y] },
  'EPSG:4258': { toGeo: (x, y) => [x, y], fromGeo: (x, y) => [x, y] },
  'EPSG:3857': { toGeo: mercatorInverse, fromGeo: mercatorForward },
  ...Object.fromEntries(
    ([31, 32, 33, 34, 35, 36] as const).map((z) => [`EPSG:258${z}`, { toGeo: (x: number, y: number) => utmInverse(x, y, z), fromGeo: (lon: number, lat: number) => utmForward(lon, lat, z) }])
  ),
  'EPSG:5972': { toGeo: (x, y) => utmInverse(x, y, 32), fromGeo: (lon, lat) => utmForward(lon, lat, 32) },
  'EPSG:5973': { toGeo: (x, y) => utmInverse(x, y, 33), fromGeo: (lon, lat) => utmForward(lon, lat, 33) }
};

/** The same horizontal CRS under another code (no conversion needed between them). */
const SAME: Partial<Record<CrsCode, CrsCode>> = { 'EPSG:5972': 'EPSG:25832', 'EPSG:5973': 'EPSG:25833', 'EPSG:4258': 'EPSG:4326' };
const canonical = (c: CrsCode): CrsCode => SAME[c] ?? c;

/** Makes converters for the CRS not in {@link FAST} (the old datums), registered by geo/crs-proj4.ts. */
let slow: ((from: CrsCode, to: CrsCode) => Converter) | null = null;
const converters = new Map<string, Converter | null>();

/** Registers (or, with null, removes) the converter maker for the old datums; geo/crs-proj4.ts calls this when loaded. */
export function registerSlowProjections(make: ((from: CrsCode, to: CrsCode) => Converter) | null): void {
  slow = make;
  converters.clear();
}

/**
 * Loads proj4 for the old datums (NGO1948, ED50). The readers call this before reading a file;
 * the map page never needs it, so proj4 is not loaded with the map.
 */
export async function ensureFullProjections(): Promise<void> {
  if (!slow) await import('./crs-proj4.ts');
}

/** The converter between two CRS; null for none needed. Throws when an old datum is asked for before {@link ensureFullProjections}. */
function converter(from: CrsCode, to: CrsCode): Converter | null {
  if (canonical(from) === canonical(to)) return null;
  const key = `${from}>${to}`;
  if (converters.has(key)) return converters.get(key) ?? null;
  const a = FAST[from];
  const b = FAST[to];
  let c: Converter;
  if (a && b) c = from === 'EPSG:4326' || from === 'EPSG:4258' ? b.fromGeo : to === 'EPSG:4326' || to === 'EPSG:4258' ? a.toGeo : (x, y) => b.fromGeo(...a.toGeo(x, y));
  else if (slow) c = slow(from, to);
  else throw new Error(`crs.not-loaded: ${from} → ${to} needs ensureFullProjections() first`);
  converters.set(key, c);
  return c;
}

/**
 * Returns the CRS a name denotes, or null. Accepts `EPSG:25832`, `25832`,
 * `urn:ogc:def:crs:EPSG::25832`, `urn:ogc:def:crs:EPSG:6.6:25832`,
 * `http://www.opengis.net/def/crs/EPSG/0/25832`, and CRS84 (`urn:ogc:def:crs:OGC:1.3:CRS84`,
 * `OGC:CRS84`) as EPSG:4326 in lon/lat order.
 */
export function normalizeCrs(name: string): CrsCode | null {
  const s = name.trim();
  if (/crs84$/i.test(s)) return 'EPSG:4326';
  const m =
    /^(?:epsg:)?(\d{4,5})$/i.exec(s) ??
    /^urn:ogc:def:crs:epsg:[\d.]*:(\d{4,5})$/i.exec(s) ??
    /^https?:\/\/www\.opengis\.net\/def\/crs\/epsg\/[\d.]+\/(\d{4,5})$/i.exec(s);
  if (!m) return null;
  const code = `EPSG:${m[1]}`;
  return (SUPPORTED_CRS as readonly string[]).includes(code) ? (code as CrsCode) : null;
}

/**
 * Reads the CRS from a GeoJSON 2008 `crs` member (`{ type: 'name', properties: { name } }`).
 * Returns null when there is none, 'unknown' when there is one the app does not support.
 */
export function crsFromGeoJson(obj: unknown): CrsCode | null | 'unknown' {
  if (typeof obj !== 'object' || obj === null || !('crs' in obj)) return null;
  const crs = (obj as { crs: unknown }).crs;
  if (crs === null || crs === undefined) return null;
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name !== 'string') return 'unknown';
  return normalizeCrs(name) ?? 'unknown';
}

/** True when every coordinate of a bbox [minX, minY, maxX, maxY] can be lon/lat degrees. */
export function looksLikeDegrees(bbox: readonly [number, number, number, number]): boolean {
  const [minX, minY, maxX, maxY] = bbox;
  return minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90;
}

/**
 * Guesses the UTM zone of projected coordinates over Norway (a guess the user must confirm):
 * northings 6 400 000–7 950 000 m; eastings 250 000–900 000 m in EPSG:25832 (Sør-Norge west of
 * ~12° E) or −100 000–1 150 000 m in EPSG:25833 (used for all of Norway by Kartverket). Over
 * southern Norway both fit, and zone 32 (the kommune's own) is preferred below 7 300 000 m
 * northing; north of that, 25833. Returns null when the coordinates cannot be Norwegian UTM.
 */
export function guessUtmCrs(bbox: readonly [number, number, number, number]): 'EPSG:25832' | 'EPSG:25833' | null {
  const [minX, minY, maxX, maxY] = bbox;
  if (minY < 6_400_000 || maxY > 7_950_000) return null;
  const fits32 = minX >= 250_000 && maxX <= 900_000;
  const fits33 = minX >= -100_000 && maxX <= 1_150_000;
  if (fits32 && maxY < 7_300_000) return 'EPSG:25832';
  if (fits33) return 'EPSG:25833';
  return fits32 ? 'EPSG:25832' : null;
}

/** Projects one position from one CRS to another; any height is dropped. Returns [x, y]. */
export function projectPosition(p: readonly number[], from: CrsCode, to: CrsCode): [number, number] {
  const x = p[0] ?? Number.NaN;
  const y = p[1] ?? Number.NaN;
  const c = converter(from, to);
  return c ? c(x, y) : [x, y];
}

function mapCoords(c: unknown, f: (p: Position) => [number, number]): unknown {
  if (!Array.isArray(c)) return c;
  if (typeof c[0] === 'number') return f(c as Position);
  return c.map((x) => mapCoords(x, f));
}

/**
 * Returns a copy of a geometry in another CRS (heights dropped). The input is not modified.
 * GeometryCollections are reprojected member by member.
 */
export function reprojectGeometry<G extends Geometry>(g: G, from: CrsCode, to: CrsCode): G {
  if (g.type === 'GeometryCollection') {
    return { ...g, geometries: g.geometries.map((x) => reprojectGeometry(x, from, to)) };
  }
  // One converter for the whole geometry (looked up once, not per position).
  const conv = converter(from, to);
  const f = (p: Position): [number, number] => (conv ? conv(p[0] ?? Number.NaN, p[1] ?? Number.NaN) : [p[0] ?? Number.NaN, p[1] ?? Number.NaN]);
  return { ...g, coordinates: mapCoords(g.coordinates, f) } as G;
}
