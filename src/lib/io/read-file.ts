import type { FeatureCollection } from 'geojson';
import { ensureFullProjections, OLD_DATUM_CRS, type CrsCode } from '../geo/crs.ts';
import { countPositions } from '../geo/positions.ts';
import { coded, fileProblem, nbText, type Coded, type FileProblem, type Skipped } from './coded.ts';
import { readAreasFromJson, type ReadArea, type Repair } from './geojson.ts';
import type { InputFormat, NotAreas, ReadFileReason } from './formats/driver.ts';
import { MAX_AREA_VERTICES } from './formats/driver.ts';
import { driverFor, INPUT_EXTENSIONS } from './formats/index.ts';
import { MAX_INPUT_BYTES, sizeProblem, type ReadFileError } from './read-limits.ts';

export { MAX_INPUT_BYTES, sizeProblem, type ReadFileError };



/** What a file gave: its polygons in EPSG:25832 (and WGS84), what was skipped or repaired, and how. */
export interface ReadFileOk {
  ok: true;
  format: InputFormat;
  /** The CRS the coordinates were read in. */
  crs: CrsCode;
  /** `file`: stated by the file; `option`: given by the user; `degrees`: WGS84 because every coordinate is degrees; `guessed`: from the coordinate ranges (to be confirmed). */
  crsFrom: 'file' | 'option' | 'degrees' | 'guessed';
  /** Objects in the file (polygons and the ones that could not be used). */
  featuresRead: number;
  areas: ReadArea[];
  /** Objects left out, with their id, the coded reason (with the SOSI line) and the reason in bokmål. */
  skipped: Skipped[];
  /** Objects repaired: unclosed rings closed, invalid polygons made valid (with the area before and after). */
  repaired: Repair[];
  /** Objects in the file that are not areas (boundary curves, points), counted once; not used. */
  notAreas: NotAreas;
  /** Other things the user should know (encoding used, a file that may be cut short), in bokmål … */
  notes: string[];
  /** … and coded, in the same order. */
  noteCodes: Coded[];
}

/** Options for {@link readAreaFile}. */
export interface ReadFileOptions {
  /** The CRS when the file does not state one (EPSG code in any known form). */
  crs?: string;
  /** Guess EPSG:25832/25833 for GeoJSON in metres without a CRS (the app asks the user to confirm). */
  guessUtm?: boolean;
  /** Progress: `parse` while the file is read, `check` while each polygon is validated; fraction 0–1. */
  onProgress?: (phase: 'parse' | 'check', fraction: number) => void;
}

const fail = (reason: ReadFileReason, fileName: string, problem: Coded): ReadFileError => ({ ok: false, ...fileProblem(reason, fileName, problem) });


/** The GeoJSON reader's file-level reasons, passed on as they are. */
const FILE_REASONS = ['invalid-json', 'not-geojson', 'unknown-crs', 'crs-conflict', 'crs-needed', 'no-features', 'outside-norway'] as const satisfies readonly ReadFileReason[];

/** What the user should know about the areas' CRS: far from UTM zone 32, or an old datum. */
function crsNotes(crs: CrsCode, areaScale: number | null): Coded[] {
  const notes: Coded[] = [];
  if (areaScale !== null && Math.abs(areaScale - 1) > 0.001) {
    const pct = Math.abs(areaScale - 1) * 100;
    notes.push(coded(areaScale > 1 ? 'io.note.area-larger' : 'io.note.area-smaller', { pct: { fixed: pct, digits: pct < 10 ? 2 : 0 }, crs }));
  }
  if (OLD_DATUM_CRS.includes(crs)) notes.push(coded('io.note.old-datum', { crs }));
  return notes;
}

/**
 * {@link countPositions} (the same count, and the same early stop past `stop`) for a reader's
 * output, with the coordinates of Polygon and MultiPolygon features walked ring by ring. The
 * count is the same; what differs is that each kind of array (features, rings, positions) is
 * read at its own place in the code. A generic walker reads `x[0]` of rings and of positions at
 * one place, and V8's optimised code then turns every array of two doubles it meets into an
 * array of boxed numbers (an «elements kind» transition): about half as much memory again for
 * every vertex of the file, kept to the end of the import.
 */
function countReadPositions(json: unknown, stop: number): number {
  let n = 0;
  const over = () => n > stop;
  const generic = (x: unknown) => {
    if (x !== null && typeof x === 'object') n += countPositions(x, stop - n);
  };
  /** An object's values one by one (as generic would), skipping plain values without a call: a feature's properties. */
  const members = (o: Record<string, unknown>) => {
    for (const k in o) {
      if (!Object.hasOwn(o, k)) continue;
      const v = o[k];
      if (v === null || typeof v !== 'object') continue;
      if (over()) return;
      generic(v);
    }
  };
  /** A ring (or any array where positions are expected); the limit is looked at once per ring, unless a position is something else. */
  const ring = (r: unknown[]) => {
    if (typeof r[0] === 'number') return void n++;
    if (over()) return;
    for (let i = 0; i < r.length; i++) {
      const p = r[i];
      if (Array.isArray(p) && typeof p[0] === 'number') n++;
      else {
        generic(p);
        if (over()) return;
      }
    }
  };
  /** A polygon's rings (or any array where rings are expected). */
  const polygon = (c: unknown[]) => {
    if (typeof c[0] === 'number') return void n++;
    for (const r of c) {
      if (over()) return;
      if (Array.isArray(r)) ring(r);
      else generic(r);
    }
  };
  const multi = (c: unknown[]) => {
    if (typeof c[0] === 'number') return void n++;
    for (const p of c) {
      if (over()) return;
      if (Array.isArray(p)) polygon(p);
      else generic(p);
    }
  };
  // Own keys by for…in, not Object.entries: no array per object (two per feature in a large file).
  const geometry = (g: Record<string, unknown>) => {
    for (const k in g) {
      if (!Object.hasOwn(g, k)) continue;
      const v = g[k];
      if (over()) return;
      if (k === 'coordinates' && Array.isArray(v) && g.type === 'Polygon') polygon(v);
      else if (k === 'coordinates' && Array.isArray(v) && g.type === 'MultiPolygon') multi(v);
      else generic(v);
    }
  };
  const feature = (f: Record<string, unknown>) => {
    for (const k in f) {
      if (!Object.hasOwn(f, k)) continue;
      const v = f[k];
      if (over()) return;
      if (v === null || typeof v !== 'object') continue;
      if (k === 'geometry' && !Array.isArray(v)) geometry(v as Record<string, unknown>);
      else if (k === 'properties' && !Array.isArray(v)) members(v as Record<string, unknown>);
      else generic(v);
    }
  };
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return countPositions(json, stop);
  const top = json as Record<string, unknown>;
  for (const [k, v] of Object.entries(top)) {
    if (over()) break;
    if (k === 'features' && Array.isArray(v)) {
      if (typeof v[0] === 'number') n++;
      else {
        for (const f of v) {
          if (over()) break;
          if (f !== null && typeof f === 'object' && !Array.isArray(f)) feature(f as Record<string, unknown>);
          else generic(f);
        }
      }
    } else generic(v);
  }
  return Math.min(n, stop + 1);
}

/**
 * Reads a file of polygons by its extension, with the reader the registry of formats
 * (formats/index.ts) has for it: GeoJSON (.geojson/.json, any supported CRS), SOSI (.sos), GML
 * (.gml: Plan-GML, FKB-AR5) or a zipped shapefile (.zip). Validates every polygon, repairs what is
 * unambiguous (unclosed rings, invalid polygons made valid), skips the rest with a reason, and
 * reprojects to EPSG:25832 for planar areas. Attributes are kept as read. Never throws; a file
 * that gives nothing usable is an error with a coded problem, whose bokmål `message` names the file.
 */
export async function readAreaFile(bytes: Uint8Array, fileName: string, options: ReadFileOptions = {}): Promise<ReadFileOk | ReadFileError> {
  if (bytes.length === 0) return fail('empty', fileName, coded('io.file.empty'));
  const tooLarge = sizeProblem(bytes.length, fileName);
  if (tooLarge) return tooLarge;
  const driver = driverFor(fileName);
  if (!driver) return fail('unknown-format', fileName, coded('io.file.unknown-format', { extensions: INPUT_EXTENSIONS.join(', ') }));
  const progress = options.onProgress;
  progress?.('parse', 0);
  // A file may be in an old datum (NGO1948, ED50): proj4 is loaded for those (not with the map).
  await ensureFullProjections();
  const file = await driver.read(bytes, { crs: options.crs, onProgress: progress ? (f) => progress('parse', f) : undefined });
  if (!file.ok) return fail(file.reason, fileName, file);
  // The same vertex limit for every format (SOSI and GML also stop at it while reading).
  if (countReadPositions(file.json, MAX_AREA_VERTICES) > MAX_AREA_VERTICES) {
    return fail('too-large', fileName, coded('io.file.too-many-vertices', { max: MAX_AREA_VERTICES }));
  }
  progress?.('parse', 1);

  const withCrs = file.crs ? { ...(file.json as FeatureCollection), crs: { type: 'name', properties: { name: file.crs } } } : file.json;
  const read = readAreasFromJson(withCrs, fileName, {
    crs: file.crs ? undefined : options.crs,
    skipBad: true,
    guessUtm: options.guessUtm,
    onProgress: progress ? (f) => progress('check', f) : undefined
  });
  if (!read.ok) {
    // The GeoJSON reader's messages already start with the file name. A reason that is not a
    // file-level one means every feature failed validation (the message names the first).
    const reason = (FILE_REASONS as readonly string[]).includes(read.error.reason) ? (read.error.reason as ReadFileReason) : 'no-polygons';
    const { code, params, message } = read.error;
    return { ok: false, reason, code, params, message };
  }
  progress?.('check', 1);
  const noteCodes = [...file.notes, ...crsNotes(read.crs, read.areaScale)];
  return {
    ok: true,
    format: driver.id,
    crs: read.crs,
    crsFrom: read.crsFrom === 'crs-member' ? 'file' : read.crsFrom,
    featuresRead: read.featuresRead + file.skipped.length,
    areas: read.areas,
    skipped: [...file.skipped, ...read.skipped],
    repaired: read.repaired,
    notAreas: file.notAreas,
    notes: noteCodes.map(nbText),
    noteCodes
  };
}
