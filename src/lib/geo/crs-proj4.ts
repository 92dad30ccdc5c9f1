/**
 * proj4 for the old datums the readers meet in old SOSI files (NGO1948 Gauss-Krüger axes I–VIII,
 * ED50 UTM), with EPSG's transformations to WGS84. Loaded by `ensureFullProjections()` in geo/crs.ts (the
 * readers, the import worker, the CLI), never with the map: the map page converts EPSG:25832 and
 * WGS84 with geo/tmerc.ts. Registers itself with geo/crs.ts when imported.
 */
import proj4 from 'proj4';
import { registerSlowProjections, SUPPORTED_CRS, type CrsCode } from './crs.ts';

const utm = (zone: number) => `+proj=utm +zone=${zone} +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs`;
const MERCATOR = '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs';
/** NGO1948 (Oslo) datum with EPSG's transformation «NGO 1948 (Oslo) to WGS 84 (1)» (±3 m). */
const NGO = '+a=6377492.018 +rf=299.1528128 +towgs84=278.3,93,474.5,7.889,0.05,-6.61,6.21 +pm=oslo +units=m +no_defs';
/** NGO1948 axis I–VIII: central meridian in degrees from the Oslo meridian (EPSG:27391–27398). */
const NGO_AXES = [-4.666666666666667, -2.333333333333333, 0, 2.5, 6.166666666666667, 10.16666666666667, 14.16666666666667, 18.33333333333333] as const;
/** ED50 with EPSG's transformation «ED50 to WGS 84 (7)» for Norway onshore. */
const ed50 = (zone: number) => `+proj=utm +zone=${zone} +ellps=intl +towgs84=-87,-95,-120,0,0,0,0 +units=m +no_defs`;

/** proj4 definition per CRS; the compound 5972/5973 use their horizontal part. */
export const PROJ4_DEFS = {
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

if (SUPPORTED_CRS.some((c) => !(c in PROJ4_DEFS))) throw new Error('crs-proj4: a supported CRS has no proj4 definition');

/** Registers proj4 with geo/crs.ts (done when this module is loaded). */
export function registerProj4(): void {
  registerSlowProjections((from, to) => {
    const c = proj4(PROJ4_DEFS[from], PROJ4_DEFS[to]);
    return (x, y) => {
      const r = c.forward([x, y]);
      return [r[0] as number, r[1] as number];
    };
  });
}

registerProj4();
