import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { bboxOf, type BBox } from '../geo/bbox.ts';
import { crsFromGeoJson, guessUtmCrs, looksLikeDegrees, normalizeCrs, projectPosition, reprojectGeometry, SUPPORTED_CRS, type CrsCode } from '../geo/crs.ts';
import { areaPlanarM2 } from '../geo/area.ts';
import { MAX_CONTACTS, makeValidPolygonal } from '../geo/make-valid.ts';
import { validatePolygonal, type GeoError, type ValidationReason } from '../geo/validate.ts';
import { coded, count, fileLine, fileProblem, nbText, skip, type Coded, type FileProblem, type Skipped } from './coded.ts';

/** A polygon feature read from a file, in EPSG:25832 (for areas) and WGS84 (for display). */
export interface ReadArea {
  id: string;
  name: string;
  properties: Record<string, unknown>;
  /** Planar geometry in EPSG:25832 (EUREF89 UTM 32N), metres. */
  geometry25832: Polygon | MultiPolygon;
  /** The same geometry in EPSG:4326 (lon, lat degrees). */
  geometry4326: Polygon | MultiPolygon;
}

/** WGS84 extent data may have: mainland Norway with its sea areas and Svalbard, [W, S, E, N] degrees. */
const NORWAY_4326 = [-10, 56, 35, 82] as const;

/**
 * A feature the reader repaired instead of dropping: a ring closed, or an invalid polygon made
 * valid the way GEOS MakeValid / PostGIS ST_MakeValid does (every part kept). Areas are planar in
 * EPSG:25832, before (as GEOS measures the invalid polygon) and after the repair.
 */
export interface Repair {
  id: string;
  /** What was done; its text is the code `io.repair.<code>` with `params`. */
  code: 'ring-closed' | 'made-valid';
  /** What was done, in bokmål. */
  what: string;
  area_m2_before: number;
  area_m2_after: number;
  params: Coded['params'];
}

/** A repair with the bokmål sentence of its code. */
function repairOf(id: string, code: Repair['code'], params: Coded['params'], before: number, after: number): Repair {
  return { id, code, what: nbText(coded(`io.repair.${code}`, params)), area_m2_before: before, area_m2_after: after, params };
}

/** Validation failures that MakeValid repairs without losing area (the rest have none to keep). */
const REPAIRABLE = ['self-intersection', 'rings-cross', 'hole-outside', 'holes-nested', 'parts-overlap', 'interior-disconnected'] as const satisfies readonly ValidationReason[];
const repairable = (reason: string): reason is (typeof REPAIRABLE)[number] => (REPAIRABLE as readonly string[]).includes(reason);

const round2 = (v: number) => Math.round(v * 100) / 100;

/** A file-level problem (not tied to one feature); `message` is «fil: problem» in bokmål. */
export type FileError = FileProblem<'invalid-json' | 'not-geojson' | 'unknown-crs' | 'crs-conflict' | 'crs-needed' | 'no-features' | 'outside-norway'>;

/** The result of reading a GeoJSON file of areas. */
export type ReadResult =
  | {
      ok: true;
      crs: CrsCode;
      /** Where the CRS came from; `guessed` (only with `guessUtm`) must be confirmed by the user. */
      crsFrom: 'option' | 'crs-member' | 'degrees' | 'guessed';
      /** Features in the file (read, before any was skipped). */
      featuresRead: number;
      areas: ReadArea[];
      /** Features left out (only with `skipBad`), with the coded reason and its bokmål text. */
      skipped: Skipped[];
      /**
       * Planar area in EPSG:25832 ÷ planar area in the file's own projected CRS, over all areas
       * (1 for EPSG:25832; null for degrees): far from zone 32 the two differ, and users should know.
       */
      areaScale: number | null;
      /** Features repaired (only with `skipBad`): unclosed rings closed, invalid polygons made valid. */
      repaired: Repair[];
    }
  | { ok: false; error: FileError | GeoError };

const fileError = (reason: FileError['reason'], fileName: string, problem: Coded): { ok: false; error: FileError } => ({ ok: false, error: fileProblem(reason, fileName, problem) });

/** Closes rings whose last point differs from the first (a new geometry), and says whether it did. */
function closeRings(g: unknown): { geometry: unknown; closed: boolean } {
  const geom = g as { type?: unknown; coordinates?: unknown };
  if (!geom || (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon') || !Array.isArray(geom.coordinates)) return { geometry: g, closed: false };
  let closed = false;
  const open = (ring: unknown): ring is unknown[] => {
    if (!Array.isArray(ring) || ring.length < 3) return false;
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    return Array.isArray(first) && Array.isArray(last) && (first[0] !== last[0] || first[1] !== last[1]);
  };
  // Nothing to close (nearly always): the geometry as it is, not a copy.
  const rings = geom.type === 'Polygon' ? [geom.coordinates] : (geom.coordinates as unknown[]);
  if (!rings.some((p) => Array.isArray(p) && p.some(open))) return { geometry: g, closed: false };
  const fix = (ring: unknown) => {
    if (!open(ring)) return ring;
    closed = true;
    return [...ring, [...(ring[0] as number[])]];
  };
  const coordinates =
    geom.type === 'Polygon'
      ? (geom.coordinates as unknown[]).map(fix)
      : (geom.coordinates as unknown[]).map((p) => (Array.isArray(p) ? p.map(fix) : p));
  return { geometry: { ...geom, coordinates }, closed };
}

/** Bounding box of every valid coordinate of the features, or null when there is none. */
/**
 * A read area. Given `wgs84` null, its WGS84 geometry is made from the EPSG:25832 one when first
 * read (the CLI's farmland, for one, never reads it), then kept; the property is a plain value
 * once made, as for any other area.
 */
function readArea(id: string, name: string, properties: Record<string, unknown>, geometry25832: Polygon | MultiPolygon, wgs84: Polygon | MultiPolygon | null): ReadArea {
  if (wgs84) return { id, name, properties, geometry25832, geometry4326: wgs84 };
  const area = { id, name, properties, geometry25832 } as ReadArea;
  Object.defineProperty(area, 'geometry4326', LAZY_4326);
  return area;
}

/**
 * The lazy geometry4326 of {@link readArea}: one getter for every area (a getter of its own per
 * area would give each area object a shape of its own, a dictionary of properties in V8, several
 * hundred bytes an area), made from the area's geometry25832 on first read.
 */
const LAZY_4326: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: ReadArea) {
    const g = reprojectGeometry(this.geometry25832, 'EPSG:25832', 'EPSG:4326');
    Object.defineProperty(this, 'geometry4326', { value: g, enumerable: true, configurable: true, writable: true });
    return g;
  }
};

/**
 * True when every position of a (valid) geometry is [x, y]: in the CRS wanted, the geometry is
 * then its own reprojected copy (reprojecting drops heights and copies the numbers as they are).
 * Using it as it is, like a WGS84 file's geometry4326, keeps one set of vertices in memory, not two.
 */
function planarXY(g: Polygon | MultiPolygon): boolean {
  const rings = (polygon: readonly (readonly Position[])[]) => polygon.every((ring) => ring.every((p) => p.length === 2));
  return g.type === 'Polygon' ? rings(g.coordinates) : g.coordinates.every(rings);
}

/** The extent in degrees of an extent in EPSG:25832 (corners and edge midpoints projected); null for none. */
function degreesOfUtm32Box(b: BBox | null): BBox | null {
  if (!b) return null;
  const [x0, y0, x1, y1] = b;
  const xm = (x0 + x1) / 2;
  const ym = (y0 + y1) / 2;
  const pts = [[x0, y0], [x1, y0], [x0, y1], [x1, y1], [xm, y0], [xm, y1], [x0, ym], [x1, ym]].map((p) => projectPosition(p, 'EPSG:25832', 'EPSG:4326'));
  const lon = pts.map((p) => p[0]);
  const lat = pts.map((p) => p[1]);
  return [Math.min(...lon), Math.min(...lat), Math.max(...lon), Math.max(...lat)];
}

function bboxOfFeatures(features: readonly Feature[]): BBox | null {
  let b: BBox | null = null;
  for (const f of features) {
    if (!f?.geometry) continue;
    const g = bboxOf(f.geometry);
    if (!g.every(Number.isFinite)) continue;
    b = b ? [Math.min(b[0], g[0]), Math.min(b[1], g[1]), Math.max(b[2], g[2]), Math.max(b[3], g[3])] : g;
  }
  return b;
}

/**
 * {@link bboxOfFeatures} for valid polygons (the same box, the positions met in the same order),
 * reading positions apart from rings: a generic walk (bbox.ts) reads both at one place in the
 * code, and V8's optimised code then makes every [x, y] of doubles an array of boxed numbers.
 */
function bboxOfAreas(geometries: readonly (Polygon | MultiPolygon)[]): BBox | null {
  let b: BBox | null = null;
  const g: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = (polygon: readonly (readonly Position[])[]) => {
    for (const ring of polygon) {
      for (const p of ring) {
        const x = p[0] as number;
        const y = p[1] as number;
        if (x < g[0]) g[0] = x;
        if (y < g[1]) g[1] = y;
        if (x > g[2]) g[2] = x;
        if (y > g[3]) g[3] = y;
      }
    }
  };
  for (const geometry of geometries) {
    g[0] = g[1] = Infinity;
    g[2] = g[3] = -Infinity;
    if (geometry.type === 'Polygon') rings(geometry.coordinates);
    else for (const polygon of geometry.coordinates) rings(polygon);
    if (!g.every(Number.isFinite)) continue;
    b = b ? [Math.min(b[0], g[0]), Math.min(b[1], g[1]), Math.max(b[2], g[2]), Math.max(b[3], g[3])] : [g[0], g[1], g[2], g[3]];
  }
  return b;
}

function asFeatures(json: unknown): Feature[] | null {
  if (typeof json !== 'object' || json === null || !('type' in json)) return null;
  const t = (json as { type: unknown }).type;
  if (t === 'FeatureCollection') {
    const fs = (json as FeatureCollection).features;
    return Array.isArray(fs) ? fs : null;
  }
  if (t === 'Feature') return [json as Feature];
  if (typeof t === 'string' && ['Polygon', 'MultiPolygon'].includes(t)) {
    return [{ type: 'Feature', properties: {}, geometry: json as Geometry }];
  }
  return null;
}

function featureId(f: Feature, index: number): string {
  const props = f.properties ?? {};
  const id = f.id ?? props.id ?? props.lokalId ?? props.objid ?? props.sosi_id ?? props.gml_id;
  return id === undefined || id === null || id === '' ? `#${index + 1}` : String(id);
}

function featureName(f: Feature, id: string): string {
  const props = f.properties ?? {};
  for (const key of ['navn', 'name', 'områdenavn', 'omradenavn', 'OMRÅDENAVN', 'omrade']) {
    const v = props[key];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return id;
}

/**
 * Reads polygon features from GeoJSON text. The CRS is the file's `crs` member, else
 * `options.crs`, else EPSG:4326 when every coordinate can be degrees (a `crs` member that
 * contradicts `options.crs` is refused). Files in metres with no CRS
 * are refused (the caller must say which). Each geometry is validated (typed errors name the
 * feature) and reprojected to EPSG:25832 for planar areas. Non-polygonal features are refused.
 * `fileName` is only used in messages. Never throws.
 */
export function readGeoJsonAreas(text: string, fileName: string, options: ReadOptions = {}): ReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fileError('invalid-json', fileName, coded('io.file.json-syntax', { detail: (e as Error).message }));
  }
  return readAreasFromJson(json, fileName, options);
}

/** Options for {@link readGeoJsonAreas} and {@link readAreasFromJson}. */
export interface ReadOptions {
  /** The CRS of coordinates when the file does not say (EPSG code in any known form). */
  crs?: string;
  /** Repair (close rings, make invalid polygons valid as GEOS MakeValid) and skip features that cannot be used. */
  skipBad?: boolean;
  /** Without a CRS and with coordinates in metres, guess EPSG:25832/25833 from the ranges over Norway. */
  guessUtm?: boolean;
  /** Called now and then with the share of features done (0–1). */
  onProgress?: (fraction: number) => void;
}

/** As {@link readGeoJsonAreas}, for GeoJSON already parsed (or built by another reader). Never throws. */
export function readAreasFromJson(json: unknown, fileName: string, options: ReadOptions = {}): ReadResult {
  const features = asFeatures(json);
  if (!features) {
    return fileError('not-geojson', fileName, coded('io.file.not-geojson'));
  }
  if (features.length === 0) return fileError('no-features', fileName, coded('io.file.no-features'));

  let crs: CrsCode;
  let crsFrom: 'option' | 'crs-member' | 'degrees' | 'guessed';
  const given = options.crs === undefined ? null : normalizeCrs(options.crs);
  if (options.crs !== undefined && !given) {
    return fileError('unknown-crs', fileName, coded('io.file.unknown-crs-option', { crs: options.crs, known: SUPPORTED_CRS.join(', ') }));
  }
  const member = crsFromGeoJson(json);
  if (member === 'unknown') {
    return fileError('unknown-crs', fileName, coded('io.file.unknown-crs-member', { known: SUPPORTED_CRS.join(', ') }));
  }
  if (member && given && member !== given) {
    return fileError('crs-conflict', fileName, coded('io.file.crs-conflict', { member, given }));
  }
  if (member) {
    crs = member;
    crsFrom = 'crs-member';
  } else if (given) {
    crs = given;
    crsFrom = 'option';
  } else {
    const b = bboxOfFeatures(features);
    const guess = b && options.guessUtm ? guessUtmCrs(b) : null;
    if (b && !looksLikeDegrees(b) && guess) {
      crs = guess;
      crsFrom = 'guessed';
    } else if (b && !looksLikeDegrees(b)) {
      return fileError('crs-needed', fileName, coded('io.file.crs-needed'));
    } else {
      crs = 'EPSG:4326';
      crsFrom = 'degrees';
    }
  }

  const areas: ReadArea[] = [];
  const skipped: Skipped[] = [];
  const repaired: Repair[] = [];
  let firstError: { error: GeoError; why: Coded } | null = null;
  const every = Math.max(1, Math.floor(features.length / 100));
  const areaIn25832 = (g: Polygon | MultiPolygon) => areaPlanarM2(reprojectGeometry(g, crs, 'EPSG:25832'));
  const projected = !['EPSG:4326', 'EPSG:4258', 'EPSG:3857'].includes(crs);
  let sourceM2 = 0;
  let targetM2 = 0;
  for (const [i, f] of features.entries()) {
    if (options.onProgress && i % every === 0) options.onProgress(i / features.length);
    const id = featureId(f, i);
    const name = featureName(f, id);
    const label = name === id ? id : `${name} (id ${id})`;
    // Lenient reading repairs what it can (an unclosed ring; an invalid polygon made valid) and skips the rest.
    const fixed = options.skipBad ? closeRings(f?.geometry) : { geometry: f?.geometry, closed: false };
    let checked = validatePolygonal(fixed.geometry, label);
    /** A MakeValid repair: what it says and the area before; the area after is the kept geometry's. */
    let repair: { params: Coded['params']; before: number } | null = null;
    let why: Coded | null = checked.ok ? null : { code: checked.error.code, params: checked.error.params };
    const reason = checked.ok ? null : checked.error.reason;
    if (options.skipBad && reason && repairable(reason)) {
      const invalid = fixed.geometry as Polygon | MultiPolygon;
      const mv = makeValidPolygonal(invalid);
      const again = mv.geometry ? validatePolygonal(mv.geometry, label) : null;
      if (mv.geometry && again?.ok) {
        const parts = mv.geometry.type === 'MultiPolygon' ? mv.geometry.coordinates.length : 1;
        const params = { why: coded(`io.repair.why.${reason}`), parts: count('part', parts) };
        repair = { params, before: round2(areaIn25832(invalid)) };
        checked = again;
      } else if (!mv.geometry) {
        // Too tangled to repair within the budget is not the same as nothing left: say which.
        why = mv.fallbackReason === 'budget' ? coded('io.skip.too-tangled', { problem: why as Coded, max: MAX_CONTACTS }) : coded('io.skip.not-repairable', { problem: why as Coded });
      }
    }
    if (!checked.ok) {
      if (!options.skipBad) return { ok: false, error: { ...checked.error, message: fileLine(fileName, checked.error.message) } };
      firstError ??= { error: checked.error, why: why as Coded };
      skipped.push(skip(id, why as Coded));
      continue;
    }
    // One reprojection and one area per kept feature serve the repair report and the area check.
    const geometry25832 = crs === 'EPSG:25832' && planarXY(checked.geometry) ? checked.geometry : reprojectGeometry(checked.geometry, crs, 'EPSG:25832');
    const area25832 = areaPlanarM2(geometry25832);
    if (fixed.closed) repaired.push(repairOf(id, 'ring-closed', {}, round2(area25832), round2(area25832)));
    if (repair) repaired.push(repairOf(id, 'made-valid', repair.params, repair.before, round2(area25832)));
    if (projected) {
      sourceM2 += geometry25832 === checked.geometry ? area25832 : areaPlanarM2(checked.geometry);
      targetM2 += area25832;
    }
    areas.push(readArea(id, name, { ...(f.properties ?? {}) }, geometry25832, crs === 'EPSG:4326' ? checked.geometry : crs === 'EPSG:25832' ? null : reprojectGeometry(checked.geometry, crs, 'EPSG:4326')));
  }
  if (!areas.length && firstError) {
    const { error, why: first } = firstError;
    return { ok: false, error: { ...error, ...fileProblem(error.reason, fileName, coded('io.file.no-usable-feature', { problem: first })) } };
  }
  // A wrong CRS (declared or guessed) shows as coordinates far from Norway. For a file in
  // EPSG:25832 the extent in degrees comes from the extent in metres (its corners and edge
  // midpoints), so WGS84 copies are made only when asked for.
  const b = crs === 'EPSG:25832' ? degreesOfUtm32Box(bboxOfAreas(areas.map((a) => a.geometry25832))) : bboxOfAreas(areas.map((a) => a.geometry4326));
  if (b && (b[0] < NORWAY_4326[0] || b[1] < NORWAY_4326[1] || b[2] > NORWAY_4326[2] || b[3] > NORWAY_4326[3])) {
    const hint = crsFrom === 'degrees' ? coded('io.file.hint.degrees') : coded('io.file.hint.read-as', { crs });
    return fileError('outside-norway', fileName, coded('io.file.outside-norway', { hint }));
  }
  return { ok: true, crs, crsFrom, featuresRead: features.length, areas, skipped, repaired, areaScale: projected && sourceM2 > 0 ? targetM2 / sourceM2 : null };
}
