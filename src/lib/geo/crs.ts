import type { Geometry, Position } from 'geojson';
import proj4 from 'proj4';

/** The coordinate reference systems the app reads. 5972/5973 are 25832/25833 + NN2000 height. */
export type CrsCode = 'EPSG:4326' | 'EPSG:3857' | 'EPSG:25832' | 'EPSG:25833' | 'EPSG:5972' | 'EPSG:5973';

/** Every supported CRS, in the order messages list them. */
export const SUPPORTED_CRS: readonly CrsCode[] = ['EPSG:4326', 'EPSG:3857', 'EPSG:25832', 'EPSG:25833', 'EPSG:5972', 'EPSG:5973'];

const UTM32 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const UTM33 = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const MERCATOR = '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs';

/** proj4 definition per CRS; the compound 5972/5973 use their horizontal part. */
const DEFS: Record<CrsCode, string> = {
  'EPSG:4326': '+proj=longlat +datum=WGS84 +no_defs',
  'EPSG:3857': MERCATOR,
  'EPSG:25832': UTM32,
  'EPSG:25833': UTM33,
  'EPSG:5972': UTM32,
  'EPSG:5973': UTM33
};

const converters = new Map<string, proj4.Converter>();

function converter(from: CrsCode, to: CrsCode): proj4.Converter {
  const key = `${from}>${to}`;
  let c = converters.get(key);
  if (!c) {
    c = proj4(DEFS[from], DEFS[to]);
    converters.set(key, c);
  }
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
  const xy: [number, number] = [p[0] ?? Number.NaN, p[1] ?? Number.NaN];
  if (DEFS[from] === DEFS[to]) return xy;
  const r = converter(from, to).forward(xy);
  return [r[0] as number, r[1] as number];
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
  const conv = DEFS[from] === DEFS[to] ? null : converter(from, to);
  const f = (p: Position): [number, number] => {
    const xy: [number, number] = [p[0] ?? Number.NaN, p[1] ?? Number.NaN];
    if (!conv) return xy;
    const r = conv.forward(xy);
    return [r[0] as number, r[1] as number];
  };
  return { ...g, coordinates: mapCoords(g.coordinates, f) } as G;
}
