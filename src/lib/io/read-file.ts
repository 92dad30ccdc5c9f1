import type { FeatureCollection } from 'geojson';
import { OLD_DATUM_CRS, type CrsCode } from '../geo/crs.ts';
import { readAreasFromJson, type ReadArea, type Repair } from './geojson.ts';
import { parseGml } from './gml.ts';
import { parseShapefileZip } from './shapefile.ts';
import { parseSosi, type SosiEncoding, type SosiNote } from './sosi.ts';

/** The file formats the importers read, chosen by file extension. */
export type InputFormat = 'geojson' | 'sosi' | 'gml' | 'shapefile';

/** File extensions the importers accept (for the file picker and messages). */
export const INPUT_EXTENSIONS = ['.geojson', '.json', '.sos', '.gml', '.zip'] as const;

/** The largest file the importers read, in bytes (300 MB); bigger files are refused with a message. */
export const MAX_INPUT_BYTES = 300 * 1024 * 1024;

/** The format of a file from its name, or null when the extension is not one we read. */
export function formatOf(fileName: string): InputFormat | null {
  const ext = /\.([^.\/\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'sos' || ext === 'sosi') return 'sosi';
  if (ext === 'gml' || ext === 'xml') return 'gml';
  if (ext === 'zip') return 'shapefile';
  return null;
}

/** Why a file could not be read at all (each with a Norwegian message naming the file). */
export type ReadFileReason =
  | 'empty'
  | 'too-large'
  | 'unknown-format'
  | 'not-sosi'
  | 'not-gml'
  | 'not-zip'
  | 'no-shp'
  | 'several-layers'
  | 'bad-shp'
  | 'invalid-json'
  | 'not-geojson'
  | 'unknown-crs'
  | 'crs-conflict'
  | 'crs-needed'
  | 'no-features'
  | 'no-polygons'
  | 'outside-norway';

/** A file that gave nothing usable. `message` is one Norwegian sentence that starts with the file name. */
export interface ReadFileError {
  ok: false;
  reason: ReadFileReason;
  message: string;
}

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
  /** Objects left out, with their id (and SOSI line) and the reason in Norwegian. */
  skipped: { id: string; reason: string }[];
  /** Objects repaired: unclosed rings closed, invalid polygons made valid (with the area before and after). */
  repaired: Repair[];
  /** Objects in the file that are not areas (boundary curves, points), counted once; not used. */
  notAreas: NotAreas;
  /** Other things the user should know (encoding used, a file that may be cut short). */
  notes: string[];
}

/** Objects of a file that are not areas: lines (SOSI curves, GML curves) and points. */
export interface NotAreas {
  lines: number;
  points: number;
}

/** «658 linjer og 12 punkter», or null when there are none. */
function notAreasCount(n: NotAreas): string | null {
  const parts = [n.lines ? `${n.lines} ${n.lines === 1 ? 'linje' : 'linjer'}` : '', n.points ? `${n.points} ${n.points === 1 ? 'punkt' : 'punkter'}` : ''].filter(Boolean);
  return parts.length ? parts.join(' og ') : null;
}

const ENCODING_NAMES: Record<SosiEncoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'ISO 8859-1/ANSI (Windows-1252)',
  'iso-8859-10': 'ISO 8859-10',
  cp865: 'DOSN8 (kodeside 865)',
  nd7: 'ND7 (ISO 646-NO)'
};

const SOSI_NOTES: Record<SosiNote['code'], (n: number) => string> = {
  'arcs-densified': (n) => `${n} ${n === 1 ? 'bue' : 'buer'} (.BUEP, .SIRKELP, .SIRKEL) er gjort om til linjer med et punkt for hver halve grad, høyst 5 mm fra buen`,
  'arc-as-line': (n) => `${n} ${n === 1 ? 'bue' : 'buer'} (.BUE, .BUEP, .KLOTOIDE …) kunne ikke tolkes som sirkelbue og er tatt med som rette linjer mellom punktene`,
  'point-ref-ignored': (n) => `${n} ${n === 1 ? 'referanse' : 'referanser'} i ..REF til punkter er ikke brukt (en flate avgrenses av kurver)`
};

/** Options for {@link readAreaFile}. */
export interface ReadFileOptions {
  /** The CRS when the file does not state one (EPSG code in any known form). */
  crs?: string;
  /** Guess EPSG:25832/25833 for GeoJSON in metres without a CRS (the app asks the user to confirm). */
  guessUtm?: boolean;
  /** Progress: `parse` while the file is read, `check` while each polygon is validated; fraction 0–1. */
  onProgress?: (phase: 'parse' | 'check', fraction: number) => void;
}

const fail = (reason: ReadFileReason, fileName: string, message: string): ReadFileError => ({ ok: false, reason, message: `${fileName}: ${message}` });

/** A file whose reader found no usable polygon: name the first one it had to skip, if any. */
const noPolygons = (fileName: string, skipped: readonly { reason: string }[], none: string): ReadFileError =>
  fail('no-polygons', fileName, skipped[0] ? `ingen flater kunne brukes; den første: ${skipped[0].reason}.` : none);

/** The GeoJSON reader's file-level reasons, passed on as they are. */
const FILE_REASONS = ['invalid-json', 'not-geojson', 'unknown-crs', 'crs-conflict', 'crs-needed', 'no-features', 'outside-norway'] as const satisfies readonly ReadFileReason[];

/** True when a declared ..TEGNSETT names the character set the file was read in. */
function sameCharset(declared: string, used: SosiEncoding): boolean {
  const d = declared.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (used === 'utf-8') return d === 'UTF8';
  if (used === 'windows-1252') return d === 'ANSI' || d === 'ISO88591' || d === 'WINDOWS1252';
  if (used === 'iso-8859-10') return d === 'ISO885910';
  if (used === 'cp865') return d === 'DOSN8';
  return d === 'ND7' || d === 'DECN7';
}

function decodeText(bytes: Uint8Array): { text: string; note: string | null } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), note: null };
  } catch {
    return { text: new TextDecoder('iso-8859-1').decode(body), note: 'fila er ikke gyldig UTF-8 (som GeoJSON skal være); lest som ISO 8859-1' };
  }
}

/**
 * Reads a file of polygons by its extension: GeoJSON (.geojson/.json, any supported CRS), SOSI
 * (.sos), GML (.gml: Plan-GML, FKB-AR5) or a zipped shapefile (.zip). Validates every polygon,
 * repairs what is unambiguous (unclosed rings, repeated points), skips the rest with a reason,
 * and reprojects to EPSG:25832 for planar areas. Attributes are kept as read. Never throws;
 * a file that gives nothing usable is an error whose message names the file and the reason.
 */
export async function readAreaFile(bytes: Uint8Array, fileName: string, options: ReadFileOptions = {}): Promise<ReadFileOk | ReadFileError> {
  if (bytes.length === 0) return fail('empty', fileName, 'fila er tom.');
  if (bytes.length > MAX_INPUT_BYTES) {
    return fail('too-large', fileName, `fila er for stor (${Math.round(bytes.length / 1e6)} MB; grensen er ${MAX_INPUT_BYTES / 1024 / 1024} MB). Del den opp, for eksempel per område.`);
  }
  const format = formatOf(fileName);
  if (!format) return fail('unknown-format', fileName, `ukjent filtype; appen leser ${INPUT_EXTENSIONS.join(', ')} (GeoJSON, SOSI, GML og shapefil i zip).`);
  const progress = options.onProgress;
  progress?.('parse', 0);

  const notes: string[] = [];
  let json: unknown;
  let fileCrs: CrsCode | null = null;
  let skipped: { id: string; reason: string }[] = [];
  let notAreas: NotAreas = { lines: 0, points: 0 };
  if (format === 'geojson') {
    const { text, note } = decodeText(bytes);
    if (note) notes.push(note);
    try {
      json = JSON.parse(text);
    } catch (e) {
      return fail('invalid-json', fileName, `ikke gyldig JSON (${(e as Error).message}); er fila avkortet?`);
    }
  } else if (format === 'sosi') {
    const r = parseSosi(bytes, { onProgress: progress ? (f) => progress('parse', f) : undefined });
    if (!r.ok) return fail('not-sosi', fileName, r.error.message);
    if (!r.result.crs && !options.crs) {
      return fail('crs-needed', fileName, `ukjent ..KOORDSYS ${r.result.koordsys ?? '(mangler)'}; oppgi koordinatsystem (f.eks. EPSG:25832).`);
    }
    if (!r.result.complete) notes.push('fila slutter uten .SLUTT og kan være avkortet');
    const declared = r.result.declaredEncoding;
    notes.push(`tegnsett: ${ENCODING_NAMES[r.result.encoding]}${declared && !sameCharset(declared, r.result.encoding) ? ` (fila oppgir ${declared})` : ''}`);
    for (const n of r.result.notes) notes.push(SOSI_NOTES[n.code](n.count));
    fileCrs = r.result.crs;
    json = r.result.features;
    notAreas = r.result.notAreas;
    skipped = r.result.skipped.map((x) => ({ id: x.id, reason: `${x.reason} (linje ${x.line})` }));
    if (!r.result.features.features.length) return noPolygons(fileName, skipped, `fila har ingen flater (.FLATE)${notAreasCount(notAreas) ? `, bare ${notAreasCount(notAreas)}` : ''}.`);
  } else if (format === 'gml') {
    const { text } = decodeText(bytes);
    const r = parseGml(text);
    if (!r.ok) return fail('not-gml', fileName, r.error.message);
    if (!r.result.crs && !options.crs) {
      return fail('crs-needed', fileName, `ukjent srsName ${r.result.srsName ?? '(mangler)'}; oppgi koordinatsystem (f.eks. EPSG:25832).`);
    }
    fileCrs = r.result.crs;
    json = r.result.features;
    skipped = r.result.skipped;
    notAreas = r.result.notAreas;
    if (r.result.arcs) notes.push(SOSI_NOTES['arcs-densified'](r.result.arcs).replace('(.BUEP, .SIRKELP, .SIRKEL)', '(gml:Arc, ArcString, Circle)'));
    if (!r.result.features.features.length) return noPolygons(fileName, skipped, `fila har ingen flater${notAreasCount(notAreas) ? `, bare ${notAreasCount(notAreas)}` : ''}.`);
  } else {
    const r = await parseShapefileZip(bytes);
    if (!r.ok) return fail(r.error.reason, fileName, r.error.message);
    if (r.result.prj && !r.result.crs && !options.crs) {
      return fail('crs-needed', fileName, `koordinatsystemet i .prj er ikke støttet («${r.result.prj.slice(0, 60)}…»); oppgi koordinatsystem (f.eks. EPSG:25832).`);
    }
    notes.push(`shapefil-lag ${r.result.layer}, tegnsett ${r.result.encoding}${r.result.prj ? '' : ', ingen .prj'}`);
    fileCrs = r.result.crs;
    json = r.result.features;
  }
  progress?.('parse', 1);

  const withCrs = fileCrs ? { ...(json as FeatureCollection), crs: { type: 'name', properties: { name: fileCrs } } } : json;
  const read = readAreasFromJson(withCrs, fileName, {
    crs: fileCrs ? undefined : options.crs,
    skipBad: true,
    guessUtm: options.guessUtm,
    onProgress: progress ? (f) => progress('check', f) : undefined
  });
  if (!read.ok) {
    // The GeoJSON reader's messages already start with the file name. A reason that is not a
    // file-level one means every feature failed validation (the message names the first).
    const reason = (FILE_REASONS as readonly string[]).includes(read.error.reason) ? (read.error.reason as ReadFileReason) : 'no-polygons';
    return { ok: false, reason, message: read.error.message };
  }
  progress?.('check', 1);
  if (read.areaScale !== null && Math.abs(read.areaScale - 1) > 0.001) {
    const pct = Math.abs(read.areaScale - 1) * 100;
    notes.push(
      `planart areal i EPSG:25832 er ${pct.toFixed(pct < 10 ? 2 : 0).replace('.', ',')} % ${read.areaScale > 1 ? 'større' : 'mindre'} enn i fila (${read.crs}), fordi dataene ligger langt fra UTM sone 32; appen og kommandolinjen regner i EPSG:25832`
    );
  }
  if (OLD_DATUM_CRS.includes(read.crs)) notes.push(`${read.crs} (NGO1948 eller ED50) er et gammelt datum; posisjonene er regnet om med EPSGs parametre og kan avvike noen meter`);
  return {
    ok: true,
    format,
    crs: read.crs,
    crsFrom: read.crsFrom === 'crs-member' ? 'file' : read.crsFrom,
    featuresRead: read.featuresRead + skipped.length,
    areas: read.areas,
    skipped: [...skipped, ...read.skipped.map((x) => ({ id: x.id, reason: x.reason }))],
    repaired: read.repaired,
    notAreas,
    notes
  };
}
