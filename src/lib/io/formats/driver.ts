// What every format's reader gives (the common shape read-file.ts works on), and the helpers the
// readers share. The registry of formats is index.ts.
import type { CrsCode } from '../../geo/crs.ts';
import { coded, count, type Coded, type Skipped } from '../coded.ts';

/**
 * The most vertices the areas of one file may have in all. Through the whole import (reading,
 * validation, repair, reprojection to EPSG:25832 and WGS84) 3 000 000 vertices take about 15 s
 * and 1.5 GB on a 2-core machine, so every file stays well inside 30 s and 2 GB; a real kommune
 * export is far smaller (a 50 MB SOSI plan has about 2 000 000). Each reader stops at the limit
 * as early as it can, and read-file.ts checks the total for every format.
 */
export const MAX_AREA_VERTICES = 3_000_000;

/** The most vertices one ring may have (a ring over it is skipped with a reason). */
export const MAX_RING_VERTICES = 1_000_000;

/** The file formats the importers read. */
export type InputFormat = 'geojson' | 'sosi' | 'gml' | 'shapefile';

/** Why a file could not be read at all. */
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

/** Objects of a file that are not areas: lines (SOSI curves, GML curves) and points. */
export interface NotAreas {
  lines: number;
  points: number;
}

/** What a reader got from a file: its features, before validation and reprojection. */
export interface FormatRead {
  ok: true;
  /** GeoJSON (a FeatureCollection, a Feature or a polygon) in the file's own CRS. */
  json: unknown;
  /** The CRS the file states outside GeoJSON's `crs` member (SOSI, GML, .prj), or null. */
  crs: CrsCode | null;
  /** Objects the reader could not make into a polygon, with the reason. */
  skipped: Skipped[];
  notAreas: NotAreas;
  /** What the user should know about the file (character set, arcs, a file cut short). */
  notes: Coded[];
}

/** A file the reader refused as a whole: a coarse reason and the coded problem (without the file name). */
export interface FormatRefusal extends Coded {
  ok: false;
  reason: ReadFileReason;
}

/** Options every reader gets. */
export interface FormatOptions {
  /** The CRS the user gave, if any (a reader that finds no CRS in the file refuses without it). */
  crs?: string;
  /** Progress while the file is parsed, 0–1. */
  onProgress?: (fraction: number) => void;
}

/** Reads a file's bytes into the common shape. Never throws. */
export type FormatReader = (bytes: Uint8Array, options: FormatOptions) => Promise<FormatRead | FormatRefusal>;

/** One format: its name, the file extensions it is chosen by, and its reader. */
export interface FormatDriver {
  id: InputFormat;
  name: string;
  /** Extensions offered by the file picker and named in messages. */
  extensions: readonly string[];
  /** Further extensions read as this format, not offered. */
  alsoReads: readonly string[];
  read: FormatReader;
}

/** A refusal of a whole file. */
export const refuse = (reason: ReadFileReason, problem: Coded): FormatRefusal => ({ ok: false, reason, code: problem.code, params: problem.params });

/** «658 linjer og 12 punkter», or null when there are none. */
function notAreasText(n: NotAreas): Coded | null {
  const parts = [n.lines ? count('line', n.lines) : null, n.points ? count('point', n.points) : null].filter((x) => x !== null);
  if (parts.length === 2) return coded('io.n.and', { a: parts[0] as Coded, b: parts[1] as Coded });
  return parts[0] ?? null;
}

/**
 * A file whose reader found no usable polygon: names the first one it had to skip, or else says
 * what the file has (`none` without objects, `only` with the lines and points it has instead).
 */
export function noPolygons(skipped: readonly Skipped[], notAreas: NotAreas, none: Coded, only: (objects: Coded) => Coded): FormatRefusal {
  const first = skipped[0];
  if (first) return refuse('no-polygons', coded('io.file.no-usable-flate', { problem: { code: first.code, params: first.params } }));
  const objects = notAreasText(notAreas);
  return refuse('no-polygons', objects ? only(objects) : none);
}
