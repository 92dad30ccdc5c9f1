// A small zip reader for the shapefile driver, made to survive hostile archives (issue #16): zip
// bombs, overlapping entries, duplicate names, huge entry counts, ZIP64. It runs in Node and in the
// browser worker alike, so it inflates with DecompressionStream (no node:zlib). Structure names and
// offsets are from the PKWARE APPNOTE (.ZIP File Format Specification, version 6.3.10).
import { coded, type Coded } from '../coded.ts';

const MiB = 1024 * 1024;

/**
 * The most bytes the entries read from one archive may unpack to in all (300 MB, the same as
 * `MAX_INPUT_BYTES` in read-file.ts: a zip may not give more than the largest file we read).
 */
export const MAX_UNZIPPED_BYTES = 300 * MiB;

/** The most central directory records an archive may have (a shapefile needs four). */
export const MAX_ZIP_ENTRIES = 10_000;

/** One file in a zip archive, as its central directory record and local header give it. */
export interface ZipEntry {
  /** The name as stored (decoded as UTF-8), with its folders. */
  name: string;
  /** Compression method (APPNOTE 4.4.5): 0 stored, 8 deflated. */
  method: number;
  /** The size of the data as stored, from the central directory. */
  compressedSize: number;
  /** The size unpacked, as the central directory declares it. */
  size: number;
  /** Where the local file header starts. */
  headerOffset: number;
  /** Where the data starts, after the local header's name and extra field. */
  dataOffset: number;
}

/** A zip archive's entries, or why it cannot be read. */
export type ZipListing = { ok: true; entries: ZipEntry[] } | { ok: false; problem: Coded };

/** The unpacked bytes of the entries asked for (in the same order), or why they cannot be read. */
export type ZipRead = { ok: true; files: Uint8Array[] } | { ok: false; problem: Coded; tooLarge: boolean };

/** A problem found while walking the archive; caught in the exported functions, which never throw. */
class ZipError extends Error {
  readonly problem: Coded;
  constructor(problem: Coded) {
    super(problem.code);
    this.problem = problem;
  }
}

const zipError = (...args: Parameters<typeof coded>) => new ZipError(coded(...args));

const SIG_EOCD = 0x06054b50; // APPNOTE 4.3.16 end of central directory record
const SIG_CENTRAL = 0x02014b50; // APPNOTE 4.3.12 central directory file header
const SIG_LOCAL = 0x04034b50; // APPNOTE 4.3.7 local file header
/** A 16- or 32-bit field set to all ones means «the real value is in a ZIP64 record» (APPNOTE 4.4.1.4, 4.5.3). */
const ZIP64_16 = 0xffff;
const ZIP64_32 = 0xffffffff;

/**
 * Lists the entries of a zip archive: finds the end of central directory record (APPNOTE 4.3.16),
 * walks the central directory (4.3.12) and each entry's local header (4.3.7), with bounds checked
 * at every step, so a truncated or damaged archive gives a coded problem, never a loop. Refuses
 * ZIP64 archives (4.3.14, 4.5.3), more than {@link MAX_ZIP_ENTRIES} entries, entries whose header
 * and data overlap another's (the same bytes listed twice: the amplification behind
 * «overlapping» zip bombs, refused as Info-ZIP and GDAL do), and a name listed twice. Inflates
 * nothing. Never throws.
 */
export function listZip(bytes: Uint8Array): ZipListing {
  try {
    const entries = walkDirectory(bytes);
    checkOverlap(entries);
    const seen = new Set<string>();
    for (const e of entries) {
      if (seen.has(e.name)) throw zipError('io.zip.duplicate-name', { name: e.name });
      seen.add(e.name);
    }
    return { ok: true, entries };
  } catch (e) {
    if (e instanceof ZipError) return { ok: false, problem: e.problem };
    throw e;
  }
}

function walkDirectory(bytes: Uint8Array): ZipEntry[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The record is 22 bytes plus a comment of up to 65 535 bytes, at the very end (APPNOTE 4.3.16).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (v.getUint32(i, true) === SIG_EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw zipError('io.zip.no-directory');
  const onDisk = v.getUint16(end + 8, true);
  const count = v.getUint16(end + 10, true);
  const cdSize = v.getUint32(end + 12, true);
  let p = v.getUint32(end + 16, true);
  if (onDisk === ZIP64_16 || count === ZIP64_16 || cdSize === ZIP64_32 || p === ZIP64_32) throw zipError('io.zip.zip64');
  if (count > MAX_ZIP_ENTRIES) throw zipError('io.zip.too-many-entries', { count, limit: MAX_ZIP_ENTRIES });
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    // Central directory file header (APPNOTE 4.3.12): method at 10, compressed size at 20,
    // uncompressed size at 24, name/extra/comment lengths at 28/30/32, local header offset at 42.
    if (p + 46 > bytes.length || v.getUint32(p, true) !== SIG_CENTRAL) throw zipError('io.zip.bad-directory');
    const method = v.getUint16(p + 10, true);
    const compressedSize = v.getUint32(p + 20, true);
    const size = v.getUint32(p + 24, true);
    const nameLen = v.getUint16(p + 28, true);
    const skip = nameLen + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
    const headerOffset = v.getUint32(p + 42, true);
    if (p + 46 + nameLen > bytes.length) throw zipError('io.zip.bad-directory');
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + skip;
    if (compressedSize === ZIP64_32 || size === ZIP64_32 || headerOffset === ZIP64_32) throw zipError('io.zip.zip64');
    // Local file header (APPNOTE 4.3.7): name and extra field lengths at 26 and 28, data after them.
    // Its own sizes may be zero (data descriptor, 4.3.9); the central directory's are used.
    if (headerOffset + 30 > bytes.length || v.getUint32(headerOffset, true) !== SIG_LOCAL) throw zipError('io.zip.bad-local-header', { name });
    const dataOffset = headerOffset + 30 + v.getUint16(headerOffset + 26, true) + v.getUint16(headerOffset + 28, true);
    if (dataOffset + compressedSize > bytes.length) throw zipError('io.zip.truncated', { name });
    entries.push({ name, method, compressedSize, size, headerOffset, dataOffset });
  }
  return entries;
}

/** Throws when two entries' local header and data (header start to data end) share a byte. */
function checkOverlap(entries: readonly ZipEntry[]): void {
  const byOffset = [...entries].sort((a, b) => a.headerOffset - b.headerOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const a = byOffset[i - 1] as ZipEntry;
    const b = byOffset[i] as ZipEntry;
    if (b.headerOffset < a.dataOffset + a.compressedSize) throw zipError('io.zip.overlap', { name: a.name, other: b.name });
  }
}

/**
 * False for a name that would leave the folder it is unpacked into: an absolute path, a drive
 * letter, or a `..` segment (with / or \ as separator; APPNOTE 4.4.17.1 allows neither). Nothing
 * is written to disk here, but such an entry is no layer either, so the reader ignores it.
 */
export function isPlainName(name: string): boolean {
  if (/^[\\/]/.test(name) || /^[A-Za-z]:/.test(name) || name.includes('\0')) return false;
  return !name.split(/[\\/]/).includes('..');
}

/**
 * Unpacks the given entries of an archive listed by {@link listZip}. First the declared sizes are
 * checked: an entry, or all of them together, over `limit` bytes ({@link MAX_UNZIPPED_BYTES}) is
 * refused before anything is inflated (`tooLarge`). Then each entry is inflated chunk by chunk
 * and stopped as soon as it passes its declared size, so a lying directory cannot make it
 * produce more; an entry that unpacks to more or less than it declares is damaged. Together the
 * two checks keep the output under `limit` whatever the archive says. Stored and deflated
 * (APPNOTE 4.4.5 methods 0 and 8) entries are supported. Never throws.
 */
export async function readZipEntries(bytes: Uint8Array, entries: readonly ZipEntry[], limit: number = MAX_UNZIPPED_BYTES): Promise<ZipRead> {
  const mb = limit / MiB;
  const huge = entries.find((e) => e.size > limit);
  if (huge) return { ok: false, tooLarge: true, problem: coded('io.zip.too-large', { name: huge.name, limit: mb }) };
  if (entries.reduce((s, e) => s + e.size, 0) > limit) {
    return { ok: false, tooLarge: true, problem: coded('io.zip.too-large-total', { names: entries.map((e) => e.name).join(', '), limit: mb }) };
  }
  const files: Uint8Array[] = [];
  for (const e of entries) {
    const data = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    let file: Uint8Array | 'mismatch' | 'damaged';
    if (e.method === 0) file = e.compressedSize === e.size ? data : 'mismatch';
    else if (e.method === 8) file = await inflateExactly(data, e.size);
    else return { ok: false, tooLarge: false, problem: coded('io.zip.unknown-method', { name: e.name, method: e.method }) };
    if (file === 'mismatch') return { ok: false, tooLarge: false, problem: coded('io.zip.size-mismatch', { name: e.name, size: e.size }) };
    if (file === 'damaged') return { ok: false, tooLarge: false, problem: coded('io.zip.bad-deflate', { name: e.name }) };
    files.push(file);
  }
  return { ok: true, files };
}

/** How much compressed data is handed to the inflater at a time. */
const INPUT_CHUNK = 64 * 1024;

/**
 * Inflates raw deflate data (RFC 1951, zip method 8) that should give exactly `size` bytes,
 * reading the output chunk by chunk and cancelling as soon as it passes `size` (`mismatch`, as
 * when it ends short). The input is fed in small chunks, so no more than about one chunk's
 * output is ever buffered beyond the `size` bytes kept.
 */
async function inflateExactly(data: Uint8Array, size: number): Promise<Uint8Array | 'mismatch' | 'damaged'> {
  let fed = 0;
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      if (fed >= data.length) return controller.close();
      const next = Math.min(data.length, fed + INPUT_CHUNK);
      controller.enqueue(data.subarray(fed, next) as Uint8Array<ArrayBuffer>);
      fed = next;
    }
  });
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const out = new Uint8Array(size);
  let n = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (n + value.length > size) {
        await reader.cancel().catch(() => undefined);
        return 'mismatch';
      }
      out.set(value, n);
      n += value.length;
    }
  } catch {
    // Invalid deflate data, a stream cut short, or junk after its end.
    return 'damaged';
  }
  return n === size ? out : 'mismatch';
}
