import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { parseDbf, parseShp } from 'shpjs';
import { normalizeCrs, type CrsCode } from '../../geo/crs.ts';
import { coded, nbText, type Coded } from '../coded.ts';
import { refuse, type FormatReader } from './driver.ts';
import { isValidUtf8 } from './text.ts';
import { isPlainName, listZip, readZipEntries, type ZipEntry } from './zip.ts';

/** What a zipped shapefile gave: its features in the file's own CRS, with the attributes as read. */
export interface ShapefileResult {
  /** The CRS the .prj describes, or null when there is no .prj or it is not one we know. */
  crs: CrsCode | null;
  /** The .prj text (WKT) as found, for messages. */
  prj: string | null;
  /** The layer's name (the .shp file name without extension). */
  layer: string;
  /** The attribute encoding used: the .cpg's, else UTF-8 when the bytes are valid UTF-8, else ISO 8859-1. */
  encoding: string;
  features: FeatureCollection<Geometry | null>;
}

/** A problem that stops the whole file, coded and in bokmål. */
export interface ShapefileError extends Coded {
  reason: 'not-zip' | 'too-large' | 'no-shp' | 'several-layers' | 'bad-shp';
  message: string;
}

/**
 * Walks the .shp records with bounds checks before the parser sees them, so a damaged file is
 * refused with the record it breaks at instead of making the parser loop or read past the end.
 * Returns the coded reason, or null when the structure holds.
 */
function checkShp(shp: DataView): Coded | null {
  if (shp.byteLength < 100 || shp.getInt32(0, false) !== 9994) return coded('io.shp.no-header');
  let offset = 100;
  let n = 0;
  while (offset + 8 <= shp.byteLength) {
    n++;
    const len = shp.getInt32(offset + 4, false) * 2;
    if (len < 0 || offset + 8 + len > shp.byteLength) return coded('io.shp.record-outside', { n });
    if (len >= 4) {
      const type = shp.getInt32(offset + 8, true);
      if ([3, 5, 13, 15, 23, 25].includes(type)) {
        const c = offset + 12;
        if (len < 44) return coded('io.shp.record-short', { n });
        const parts = shp.getInt32(c + 32, true);
        const points = shp.getInt32(c + 36, true);
        if (parts < 0 || points < 0 || 44 + 4 * parts + 16 * points > len) return coded('io.shp.record-counts', { n });
        let prev = 0;
        for (let i = 0; i < parts; i++) {
          const start = shp.getInt32(c + 40 + 4 * i, true);
          if (start < prev || start > points) return coded('io.shp.record-parts', { n });
          prev = start;
        }
      }
    }
    offset += 8 + len;
  }
  return null;
}

/** Checks the .dbf header against the file's length (see {@link checkShp}). */
function checkDbf(dbf: DataView): Coded | null {
  if (dbf.byteLength < 33) return coded('io.shp.dbf-short');
  const records = dbf.getUint32(4, true);
  const headerLen = dbf.getUint16(8, true);
  const recLen = dbf.getUint16(10, true);
  if (headerLen < 33 || recLen < 1 || headerLen + records * recLen > dbf.byteLength) return coded('io.shp.dbf-truncated');
  let fields = 0;
  for (let o = 32; o + 32 < headerLen; o += 32) fields += dbf.getUint8(o + 16);
  if (fields + 1 > recLen) return coded('io.shp.dbf-fields');
  return null;
}

/**
 * The CRS a shapefile's .prj (ESRI or OGC WKT) describes: an EPSG authority code if present,
 * else EUREF89/ETRS89 UTM zone 32/33, WGS 84 geographic or Web Mercator by name. Null otherwise.
 */
export function crsFromPrj(wkt: string): CrsCode | null {
  const authorities = [...wkt.matchAll(/AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)].map((m) => m[1]);
  // The last AUTHORITY in WKT1 belongs to the outermost CRS (PROJCS or GEOGCS).
  const last = authorities[authorities.length - 1];
  if (last) {
    const c = normalizeCrs(`EPSG:${last}`);
    if (c) return c;
  }
  const id = /ID\s*\[\s*"EPSG"\s*,\s*(\d+)\s*\]\s*\]\s*$/i.exec(wkt.trim());
  if (id) {
    const c = normalizeCrs(`EPSG:${id[1]}`);
    if (c) return c;
  }
  const flat = wkt.replace(/[\s_]+/g, ' ').toLowerCase();
  const projected = /^\s*(projcs|projcrs)/.test(flat);
  if (projected) {
    if (/(etrs|euref|etrf)/.test(flat)) {
      if (/utm zone 32/.test(flat) || /utm 32n/.test(flat)) return 'EPSG:25832';
      if (/utm zone 33/.test(flat) || /utm 33n/.test(flat)) return 'EPSG:25833';
    }
    if (/mercator auxiliary sphere|web mercator|pseudo mercator|popular visualisation/.test(flat)) return 'EPSG:3857';
    return null;
  }
  if (/^\s*(geogcs|geogcrs)/.test(flat) && /wgs 1984|wgs 84|wgs84/.test(flat)) return 'EPSG:4326';
  return null;
}

/** A refused zip file. */
function fail(reason: ShapefileError['reason'], ...args: Parameters<typeof coded>): { ok: false; error: ShapefileError } {
  const problem = coded(...args);
  return { ok: false, error: { reason, ...problem, message: nbText(problem) } };
}

/**
 * Reads a zipped shapefile (.shp with .dbf, .prj and .cpg beside it) into GeoJSON, keeping the
 * coordinates in the file's own CRS (named from the .prj; reprojection is the caller's).
 * Polygon rings are grouped by orientation (outer clockwise, holes counter-clockwise), as the
 * format says. Attributes are decoded with the .cpg's encoding, or by looking at the bytes when
 * there is none, so Æ, Ø and Å come out right. One layer per zip; only its own files are
 * unpacked, and no more than 300 MB in all (`MAX_UNZIPPED_BYTES` in zip.ts: a zip bomb is
 * `too-large`, an archive with overlapping or duplicate entries `not-zip`). Never throws.
 */
export async function parseShapefileZip(bytes: Uint8Array): Promise<{ ok: true; result: ShapefileResult } | { ok: false; error: ShapefileError }> {
  const listing = listZip(bytes);
  if (!listing.ok) return fail('not-zip', 'io.shp.not-zip', { detail: listing.problem });
  // The shapefile parts by name, with the extension in lower case; nothing is inflated yet.
  const parts = new Map<string, ZipEntry>();
  for (const entry of listing.entries) {
    if (entry.name.includes('__MACOSX') || !isPlainName(entry.name)) continue;
    if (!/\.(shp|dbf|prj|cpg)$/i.test(entry.name)) continue;
    const key = entry.name.replace(/\.(\w+)$/, (_, ext: string) => `.${ext.toLowerCase()}`);
    if (parts.has(key)) return fail('not-zip', 'io.shp.not-zip', { detail: coded('io.zip.duplicate-name', { name: entry.name }) });
    parts.set(key, entry);
  }
  const shps = [...parts.keys()].filter((k) => k.endsWith('.shp'));
  if (!shps.length) return fail('no-shp', 'io.shp.no-shp');
  if (shps.length > 1) return fail('several-layers', 'io.shp.several-layers', { layers: shps.join(', ') });
  const base = (shps[0] as string).slice(0, -4);
  // Only the one layer's own files are unpacked, never the rest of the archive.
  const exts = ['shp', 'dbf', 'prj', 'cpg'].filter((ext) => parts.has(`${base}.${ext}`));
  const unpacked = await readZipEntries(bytes, exts.map((ext) => parts.get(`${base}.${ext}`) as ZipEntry));
  if (!unpacked.ok) {
    if (unpacked.tooLarge) return fail('too-large', unpacked.problem.code, unpacked.problem.params);
    return fail('not-zip', 'io.shp.not-zip', { detail: unpacked.problem });
  }
  const files = new Map(exts.map((ext, i) => [ext, unpacked.files[i] as Uint8Array]));
  const shp = files.get('shp') as Uint8Array;
  const dbf = files.get('dbf');
  const prjBytes = files.get('prj');
  const cpgBytes = files.get('cpg');
  const prj = prjBytes ? new TextDecoder().decode(prjBytes).trim() : null;
  const cpg = cpgBytes ? new TextDecoder().decode(cpgBytes).trim() : '';
  const encoding = cpg || (dbf && !isValidUtf8(dbf.subarray(32)) ? 'ISO-8859-1' : 'UTF-8');
  const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
  const broken = checkShp(view(shp)) ?? (dbf ? checkDbf(view(dbf)) : null);
  if (broken) return fail('bad-shp', 'io.shp.broken', { problem: broken });
  try {
    const geometries = parseShp(view(shp)) as (Geometry | null)[];
    const rows = dbf ? (parseDbf(view(dbf), encoding) as Record<string, unknown>[]) : [];
    const features: Feature<Geometry | null>[] = geometries.map((geometry, i) => ({ type: 'Feature', properties: { ...(rows[i] ?? {}) }, geometry: geometry ?? null }));
    return {
      ok: true,
      result: { crs: prj ? crsFromPrj(prj) : null, prj, layer: base.replace(/^.*[\\/]/, ''), encoding, features: { type: 'FeatureCollection', features } }
    };
  } catch (e) {
    return fail('bad-shp', 'io.shp.unreadable', { detail: (e as Error).message || coded('io.shp.damaged') });
  }
}

/**
 * The shapefile reader of the registry: {@link parseShapefileZip}, refusing a .prj it does not know
 * (unless the user gave a CRS); a note names the layer, its character set and a missing .prj.
 */
export const read: FormatReader = async (bytes, options) => {
  const r = await parseShapefileZip(bytes);
  if (!r.ok) return refuse(r.error.reason, r.error);
  const { prj, crs, layer, encoding, features } = r.result;
  if (prj && !crs && !options.crs) return refuse('crs-needed', coded('io.file.prj-crs', { prj: prj.slice(0, 60) }));
  const note = coded(prj ? 'io.note.shapefile' : 'io.note.shapefile-no-prj', { layer, encoding });
  return { ok: true, json: features, crs, skipped: [], notAreas: { lines: 0, points: 0 }, notes: [note] };
};
