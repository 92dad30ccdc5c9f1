import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CrsCode } from '../geo/crs.ts';
import { coded, fileProblem, type Coded, type Skipped } from './coded.ts';
import type { InputFormat, NotAreas } from './formats/driver.ts';
import type { Repair } from './geojson.ts';
import { ar5LayerFrom, jordbrukLayerFrom, naeringLayerFrom, type ImportKind, type ReportGroup } from './plan-layers.ts';
import { readAreaFile, type ReadFileError } from './read-file.ts';

/** The report shown after an import: what was read, kept, left out and why, and the totals. */
export interface ImportReport {
  fileName: string;
  kind: ImportKind;
  format: InputFormat;
  crs: CrsCode;
  crsFrom: 'file' | 'option' | 'degrees' | 'guessed';
  /** Objects in the file. */
  featuresRead: number;
  /** Objects in the app's layer. */
  kept: number;
  /** Objects that could not be used as polygons, with id and the coded reason (with the SOSI line); `reason` in bokmål. */
  skipped: Skipped[];
  /** Objects repaired (rings closed, invalid polygons made valid), with planar areas before and after (m², EPSG:25832). */
  repaired: Repair[];
  /** Objects in the file that are not areas (lines, points), counted once. */
  notAreas: NotAreas;
  /** Valid polygons left out of the layer (not næring, not farmland, no status), by reason. */
  leftOut: ReportGroup[];
  /** Kept objects the user should know about (unknown codes, status 3). */
  notes: ReportGroup[];
  /** Notes on the file itself (encoding, possibly cut short), in bokmål … */
  fileNotes: string[];
  /** … and coded, in the same order (missing in imports kept by older versions). */
  fileNoteCodes?: Coded[];
  /** Planar areas in EPSG:25832, daa: næring by status, or farmland by AR5 class. */
  totalsDaa: Record<string, number>;
  /** AR5 imports: every area type in the file (planar daa in EPSG:25832 by arealtype). */
  ar5DaaByType?: Record<string, number>;
}

/** A successful import: the app layer (EPSG:25832) and its report. */
export interface ImportOk {
  ok: true;
  report: ImportReport;
  layer: FeatureCollection<Polygon | MultiPolygon>;
  /** AR5 imports: the whole AR5 layer (every area type, with treslag and skogbonitet), EPSG:25832. */
  ar5?: FeatureCollection<Polygon | MultiPolygon>;
}

/** What one import asks for. */
export interface ImportRequest {
  bytes: Uint8Array;
  fileName: string;
  kind: ImportKind;
  /** The CRS when the file does not state one (after the user chose or confirmed it). */
  crs?: string;
}

/**
 * Imports a kommuneplan (næringsareal) or AR5 (farmland) file into an app layer: reads it by
 * extension (GeoJSON, SOSI, GML, zipped shapefile), validates, repairs and skips with reasons,
 * reprojects to EPSG:25832 and maps codes to the app's categories. GeoJSON in metres without a
 * CRS gets a guessed UTM zone (`crsFrom: 'guessed'`) that the user must confirm. Never throws.
 */
export async function importPlanFile(req: ImportRequest, onProgress?: (phase: 'parse' | 'check', fraction: number) => void): Promise<ImportOk | ReadFileError> {
  const read = await readAreaFile(req.bytes, req.fileName, { crs: req.crs, guessUtm: true, onProgress });
  if (!read.ok) return read;
  const made = req.kind === 'naering' ? naeringLayerFrom(read.areas, req.fileName) : jordbrukLayerFrom(read.areas, req.fileName);
  const ar5 = req.kind === 'jordbruk' ? ar5LayerFrom(read.areas, req.fileName) : null;
  // An AR5 file without farmland is still AR5 (its farmland layer is then empty); a file without any AR5 type is the wrong kind.
  if (made.kept === 0 && !ar5?.kept) {
    const problem = coded(req.kind === 'naering' ? 'io.file.no-naering' : 'io.file.no-farmland', { n: read.areas.length });
    return { ok: false, ...fileProblem('no-polygons', req.fileName, problem) };
  }
  return {
    ok: true,
    layer: made.layer,
    ...(ar5 ? { ar5: ar5.layer } : {}),
    report: {
      fileName: req.fileName,
      kind: req.kind,
      format: read.format,
      crs: read.crs,
      crsFrom: read.crsFrom,
      featuresRead: read.featuresRead,
      kept: made.kept,
      skipped: read.skipped,
      repaired: read.repaired,
      notAreas: read.notAreas,
      leftOut: made.leftOut,
      notes: made.notes,
      fileNotes: read.notes,
      fileNoteCodes: read.noteCodes,
      totalsDaa: made.totalsDaa,
      ...(ar5 ? { ar5DaaByType: ar5.totalsDaa } : {})
    }
  };
}
