import type { Geometry, Position } from 'geojson';
import proj4 from 'proj4';

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

const utm = (zone: number) => `+proj=utm +zone=${zone} +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs`;
const MERCATOR = '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs';
/** NGO1948 (Oslo) datum with EPSG's transformation «NGO 1948 (Oslo) to WGS 84 (1)» (±3 m). */
const NGO = '+a=6377492.018 +rf=299.1528128 +towgs84=278.3,93,474.5,7.889,0.05,-6.61,6.21 +pm=oslo +units=m +no_defs';
/** NGO1948 axis I–VIII: central meridian in degrees from the Oslo meridian (EPSG:27391–27398). */
const NGO_AXES = [-4.666666666666667, -2.333333333333333, 0, 2.5, 6.166666666666667, 10.16666666666667, 14.16666666666667, 18.33333333333333] as const;
/** ED50 with EPSG's transformation «ED50 to WGS 84 (7)» for Norway onshore. */
const ed50 = (zone: number) => `+proj=utm +zone=${zone} +ellps=intl +towgs84=-87,-95,-120,0,0,0,0 +units=m +no_defs`;

/** proj4 definition per CRS; the compound 5972/5973 use their horizontal part. */
const DEFS = {
  'EPSG:4326': '+proj=longlat +datum=WGS84 +no_defs',
  'EPSG:3857': MERCATOR,
  'EPSG:25832': utm(32),
  'EPSG:25833': utm(33),
  'EPSG:5972': utm(32),
  'EPSG:5973': utm(33),
  'EPSG:25831': utm(31),
  'EPSG:25834': utm(34),
  'EPSG:25835': utm(35),
  'EPSG:25836': utm(36),
  'EPSG:4258': '+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs',
  ...(Object.fromEntries(NGO_AXES.map((lon, i) => [`EPSG:2739${i + 1}`, `+proj=tmerc +lat_0=58 +lon_0=${lon} +k=1 +x_0=0 +y_0=0 ${NGO}`])) as Record<`EPSG:2739${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`, string>),
  ...(Object.fromEntries([31, 32, 33, 34, 35, 36].map((z) => [`EPSG:230${z}`, ed50(z)])) as Record<`EPSG:2303${1 | 2 | 3 | 4 | 5 | 6}`, string>)
} satisfies Record<CrsCode, string>;

/** Every supported CRS, in the order messages list them (the common ones first). */
export const SUPPORTED_CRS: readonly CrsCode[] = Object.keys(DEFS) as CrsCode[];

/** The CRS that are old (NGO1948, ED50): positions may be off by metres after the datum shift. */
export const OLD_DATUM_CRS: readonly CrsCode[] = SUPPORTED_CRS.filter((c) => /^EPSG:(2739\d|2303\d)$/.test(c));

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
