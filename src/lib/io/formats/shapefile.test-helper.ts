// Writes small shapefiles and zip files by hand (from the ESRI Shapefile Technical Description
// and the PKWARE APPNOTE), so the tests need no writer library and every byte is known.

/** One polygon record: rings as [x, y][] (outer clockwise, holes counter-clockwise). */
export type ShpPolygon = [number, number][][];

/** A .shp file of polygons (shape type 5); `null` entries are null shapes. */
export function writeShp(polygons: readonly (ShpPolygon | null)[]): Uint8Array {
  const records = polygons.map((rings) => {
    if (!rings) {
      const b = new DataView(new ArrayBuffer(4));
      b.setInt32(0, 0, true);
      return new Uint8Array(b.buffer);
    }
    const points = rings.flat();
    const size = 44 + 4 * rings.length + 16 * points.length;
    const b = new DataView(new ArrayBuffer(size));
    b.setInt32(0, 5, true);
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => b.setFloat64(4 + 8 * i, v, true));
    b.setInt32(36, rings.length, true);
    b.setInt32(40, points.length, true);
    let start = 0;
    rings.forEach((r, i) => {
      b.setInt32(44 + 4 * i, start, true);
      start += r.length;
    });
    const p0 = 44 + 4 * rings.length;
    points.forEach((p, i) => {
      b.setFloat64(p0 + 16 * i, p[0], true);
      b.setFloat64(p0 + 16 * i + 8, p[1], true);
    });
    return new Uint8Array(b.buffer);
  });
  const total = 100 + records.reduce((s, r) => s + 8 + r.length, 0);
  const out = new Uint8Array(total);
  const h = new DataView(out.buffer);
  h.setInt32(0, 9994, false);
  h.setInt32(24, total / 2, false);
  h.setInt32(28, 1000, true);
  h.setInt32(32, 5, true);
  let off = 100;
  records.forEach((r, i) => {
    h.setInt32(off, i + 1, false);
    h.setInt32(off + 4, r.length / 2, false);
    out.set(r, off + 8);
    off += 8 + r.length;
  });
  return out;
}

/** A .dbf with character fields (width 40), each value encoded with `encode`. */
export function writeDbf(rows: readonly Record<string, string>[], encode: (s: string) => Uint8Array): Uint8Array {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const width = 40;
  const headerLength = 32 + 32 * names.length + 1;
  const recordLength = 1 + width * names.length;
  const out = new Uint8Array(headerLength + recordLength * rows.length + 1);
  const h = new DataView(out.buffer);
  out[0] = 0x03;
  out.set([126, 1, 1], 1);
  h.setUint32(4, rows.length, true);
  h.setUint16(8, headerLength, true);
  h.setUint16(10, recordLength, true);
  names.forEach((n, i) => {
    const o = 32 + 32 * i;
    out.set(new TextEncoder().encode(n.slice(0, 10)), o);
    out[o + 11] = 'C'.charCodeAt(0);
    out[o + 16] = width;
  });
  out[headerLength - 1] = 0x0d;
  rows.forEach((r, i) => {
    const o = headerLength + recordLength * i;
    out[o] = 0x20;
    names.forEach((n, j) => {
      const field = new Uint8Array(width).fill(0x20);
      field.set(encode(r[n] ?? '').subarray(0, width));
      out.set(field, o + 1 + width * j);
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

/** Latin-1 bytes of a string (every character must be ≤ U+00FF). */
export const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Raw deflate (no zlib header), as zip method 8 holds it. */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * A zip file with the given entries stored uncompressed, or deflated (method 8) where
 * `deflated` gives the compressed bytes of an entry.
 */
export function writeZip(entries: Record<string, Uint8Array>, deflated: Record<string, Uint8Array> = {}): Uint8Array {
  return writeZipRecords(
    Object.entries(entries).map(([name, raw]) => {
      const packed = deflated[name];
      return { name, method: packed ? 8 : 0, data: packed ?? raw, size: raw.length, crc: crc32(raw) };
    })
  );
}

/** One entry as it lies in a zip file: its data as stored (deflated for method 8) and what its headers declare. */
export interface ZipRecord {
  name: string;
  /** 0 stored, 8 deflated (APPNOTE 4.4.5). */
  method: number;
  /** The bytes after the local header (compressed for method 8). */
  data: Uint8Array;
  /** The uncompressed size the headers declare (need not be true). */
  size: number;
  /** The CRC-32 the headers declare (0 unless given). */
  crc?: number;
}

/**
 * A central directory record: which entry's local header it points at (`entry`, an index into the
 * records), and what it declares where that differs from the entry (another name, sizes, offset).
 */
export interface CentralRecord {
  entry: number;
  name?: string;
  size?: number;
  compressedSize?: number;
  offset?: number;
}

/**
 * A zip file written field by field (PKWARE APPNOTE 4.3.7 local file header, 4.3.12 central
 * directory header, 4.3.16 end of central directory record), so tests can make it lie: sizes that
 * are not true, several central records pointing at one local header, duplicate names. By default
 * there is one central record per entry, declaring what the entry declares.
 */
export function writeZipRecords(entries: readonly ZipRecord[], central: readonly CentralRecord[] = entries.map((_, entry) => ({ entry }))): Uint8Array {
  const locals: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const { name, method, data, size, crc = 0 } of entries) {
    const nameBytes = new TextEncoder().encode(name);
    const local = new Uint8Array(30 + nameBytes.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(8, method, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, data.length, true);
    l.setUint32(22, size, true);
    l.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    locals.push(local, data);
    offsets.push(offset);
    offset += local.length + data.length;
  }
  const centrals = central.map((r) => {
    const e = entries[r.entry] as ZipRecord;
    const nameBytes = new TextEncoder().encode(r.name ?? e.name);
    const record = new Uint8Array(46 + nameBytes.length);
    const c = new DataView(record.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(10, e.method, true);
    c.setUint32(16, e.crc ?? 0, true);
    c.setUint32(20, r.compressedSize ?? e.data.length, true);
    c.setUint32(24, r.size ?? e.size, true);
    c.setUint16(28, nameBytes.length, true);
    c.setUint32(42, r.offset ?? (offsets[r.entry] as number), true);
    record.set(nameBytes, 46);
    return record;
  });
  const cdSize = centrals.reduce((s, x) => s + x.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, centrals.length, true);
  e.setUint16(10, centrals.length, true);
  e.setUint32(12, cdSize, true);
  e.setUint32(16, offset, true);
  const all = [...locals, ...centrals, end];
  const out = new Uint8Array(all.reduce((s, x) => s + x.length, 0));
  let o = 0;
  for (const x of all) {
    out.set(x, o);
    o += x.length;
  }
  return out;
}

/** The ESRI WKT for ETRS89 / UTM zone 32N, as ArcGIS and QGIS write it in a .prj. */
export const PRJ_25832 =
  'PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

/** The ESRI WKT for ETRS89 / UTM zone 33N. */
export const PRJ_25833 = PRJ_25832.replace('Zone_32N', 'Zone_33N').replace('"Central_Meridian",9.0', '"Central_Meridian",15.0');
