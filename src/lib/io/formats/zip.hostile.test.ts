// Hostile zip files (issue #16): zip bombs, overlapping and duplicate entries, too many entries,
// ZIP64, unsafe names. Each is built byte by byte here (node:zlib is used only to make deflate
// data, in the test) and must be refused with a coded reason, in bounded time and memory.
import { constants, deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Coded } from '../coded.ts';
import { MAX_INPUT_BYTES, readAreaFile } from '../read-file.ts';
import { parseShapefileZip } from './shapefile.ts';
import { latin1, writeDbf, writeShp, writeZip, writeZipRecords, type ZipRecord } from './shapefile.test-helper.ts';
import { MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES } from './zip.ts';

const MiB = 1024 * 1024;
const LIMIT_MB = MAX_INPUT_BYTES / MiB;

/** The deflate end: an empty final fixed-Huffman block (BFINAL=1, BTYPE=01, end-of-block). */
const FINAL_BLOCK = deflateRawSync(new Uint8Array(0));

/**
 * A raw deflate stream that inflates to `mib` MiB of `block`'s content, about 1000:1 for zeros:
 * one MiB compressed with a full flush (byte-aligned, no back-references into earlier blocks, RFC
 * 1951 §3.2.4), repeated, then a final empty block. No 1 GiB buffer is ever made.
 */
function repeatedDeflate(mib: number, block: Uint8Array = new Uint8Array(MiB)): Uint8Array {
  const one = deflateRawSync(block, { finishFlush: constants.Z_FULL_FLUSH });
  const out = new Uint8Array(one.length * mib + FINAL_BLOCK.length);
  for (let i = 0; i < mib; i++) out.set(one, i * one.length);
  out.set(FINAL_BLOCK, one.length * mib);
  return out;
}

/** Runs `run` while sampling the process's RSS: the result, the time taken and the peak RSS growth. */
async function measured<T>(run: () => Promise<T>): Promise<{ result: T; ms: number; rssGrowth: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  try {
    const result = await run();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms: performance.now() - t0, rssGrowth: peak - before };
  } finally {
    clearInterval(timer);
  }
}

/** The zip problem of a refusal: the problem itself for `too-large`, else the detail of «ikke en gyldig zip-fil». */
function zipProblem(r: Awaited<ReturnType<typeof parseShapefileZip>>): Coded | null {
  if (r.ok) return null;
  if (r.error.reason === 'too-large') return { code: r.error.code, params: r.error.params };
  const detail = r.error.params.detail;
  return typeof detail === 'object' && 'code' in detail ? detail : null;
}

const square: [number, number][][] = [
  [
    [585000, 6634000],
    [585000, 6634400],
    [585400, 6634400],
    [585400, 6634000],
    [585000, 6634000]
  ]
];
const shp = writeShp([square]);
const dbf = writeDbf([{ NAVN: 'Bjørnsletta' }], latin1);
const stored = (name: string, data: Uint8Array): ZipRecord => ({ name, method: 0, data, size: data.length });

/** Budget for each case: the old reader took 35 s or ran out of memory; these take milliseconds. */
const BUDGET_MS = 5_000;
const RSS_BUDGET = 1024 * MiB;

describe('zip bombs', () => {
  it('caps the unpacked bytes at the input limit: a zip gives no more than the largest file read', () => {
    expect(MAX_UNZIPPED_BYTES).toBe(MAX_INPUT_BYTES);
  });

  it('refuses a 1 MB zip whose .shp unpacks to 1 GiB (declared in the directory), naming the limit, before inflating', async () => {
    const zip = writeZipRecords([{ name: 'kp.shp', method: 8, data: repeatedDeflate(1024), size: 1024 * MiB }, stored('kp.dbf', dbf)]);
    expect(zip.length).toBeLessThan(1.2e6);
    const { result, ms, rssGrowth } = await measured(() => parseShapefileZip(zip));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(rssGrowth).toBeLessThan(RSS_BUDGET);
    expect(!result.ok && result.error.reason).toBe('too-large');
    expect(zipProblem(result)).toEqual({ code: 'io.zip.too-large', params: { name: 'kp.shp', limit: LIMIT_MB } });
    // The user gets one line naming the file, the entry and the limit.
    const file = await readAreaFile(zip, 'kart.zip');
    expect(!file.ok && file.reason).toBe('too-large');
    expect(!file.ok && file.message).toBe(`kart.zip: kp.shp: pakket ut blir fila over ${LIMIT_MB} MB (grensen)`);
  }, 120_000);

  it('stops at the declared size when an entry declares 1 MiB and unpacks to 1 GiB', async () => {
    const zip = writeZipRecords([{ name: 'kp.shp', method: 8, data: repeatedDeflate(1024), size: MiB }]);
    const { result, ms, rssGrowth } = await measured(() => parseShapefileZip(zip));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(rssGrowth).toBeLessThan(RSS_BUDGET);
    expect(!result.ok && result.error.reason).toBe('not-zip');
    expect(zipProblem(result)).toEqual({ code: 'io.zip.size-mismatch', params: { name: 'kp.shp', size: MiB } });
  }, 120_000);

  it('refuses entries that together declare more than the limit, though each is under it', async () => {
    const half = (LIMIT_MB / 2 + 10) * MiB;
    const zip = writeZipRecords([
      { name: 'kp.shp', method: 8, data: repeatedDeflate(half / MiB), size: half },
      { name: 'kp.dbf', method: 8, data: repeatedDeflate(half / MiB), size: half }
    ]);
    const { result, ms, rssGrowth } = await measured(() => parseShapefileZip(zip));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(rssGrowth).toBeLessThan(RSS_BUDGET);
    expect(!result.ok && result.error.reason).toBe('too-large');
    expect(zipProblem(result)).toEqual({ code: 'io.zip.too-large-total', params: { names: 'kp.shp, kp.dbf', limit: LIMIT_MB } });
  }, 120_000);

  it('refuses an entry that unpacks to less than it declares, and a stored entry whose sizes differ', async () => {
    const short = writeZipRecords([{ name: 'kp.shp', method: 8, data: deflateRawSync(shp), size: shp.length + 1 }, stored('kp.dbf', dbf)]);
    expect(zipProblem(await parseShapefileZip(short))).toEqual({ code: 'io.zip.size-mismatch', params: { name: 'kp.shp', size: shp.length + 1 } });
    const storedLie = writeZipRecords([{ name: 'kp.shp', method: 0, data: shp, size: 2 * shp.length }]);
    expect(zipProblem(await parseShapefileZip(storedLie))).toEqual({ code: 'io.zip.size-mismatch', params: { name: 'kp.shp', size: 2 * shp.length } });
  });
});

describe('overlapping and duplicate entries', () => {
  it('refuses 101 directory records pointing at one 64 MiB deflated entry, without inflating it 101 times', async () => {
    // Random bytes over 16 values: a deflate stream of about 64 MiB that inflates to 128 MiB.
    let seed = 1;
    const noise = new Uint8Array(MiB).map(() => 0x41 + ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 28));
    const data = repeatedDeflate(128, noise);
    expect(data.length).toBeGreaterThan(60 * MiB);
    const zip = writeZipRecords(
      [{ name: 'kp.shp', method: 8, data, size: 128 * MiB }],
      Array.from({ length: 101 }, () => ({ entry: 0 }))
    );
    const { result, ms, rssGrowth } = await measured(() => parseShapefileZip(zip));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(rssGrowth).toBeLessThan(RSS_BUDGET);
    expect(!result.ok && result.error.reason).toBe('not-zip');
    expect(zipProblem(result)).toEqual({ code: 'io.zip.overlap', params: { name: 'kp.shp', other: 'kp.shp' } });
  }, 120_000);

  it('refuses an entry nested inside another one’s data, whatever their names', async () => {
    // kp.dbf is stored, and its data is a whole local header and data of kp.shp, which a second
    // directory record points into.
    const inner = writeZipRecords([stored('kp.shp', shp)]).subarray(0, 30 + 'kp.shp'.length + shp.length);
    const zip = writeZipRecords([stored('kp.dbf', inner)], [{ entry: 0 }, { entry: 0, name: 'kp.shp', offset: 30 + 'kp.dbf'.length, compressedSize: shp.length, size: shp.length }]);
    expect(zipProblem(await parseShapefileZip(zip))).toEqual({ code: 'io.zip.overlap', params: { name: 'kp.dbf', other: 'kp.shp' } });
  });

  it('refuses a name that is in the zip twice, also when only the extension differs in case', async () => {
    const twice = writeZipRecords([stored('kp.shp', shp), stored('kp.dbf', dbf), stored('kp.shp', writeShp([]))]);
    expect(zipProblem(await parseShapefileZip(twice))).toEqual({ code: 'io.zip.duplicate-name', params: { name: 'kp.shp' } });
    const cased = writeZip({ 'kp.shp': shp, 'kp.dbf': dbf, 'kp.DBF': dbf });
    expect(zipProblem(await parseShapefileZip(cased))).toEqual({ code: 'io.zip.duplicate-name', params: { name: 'kp.DBF' } });
  });

  it('inflates only the layer’s own files: a damaged or huge entry beside it is never read', async () => {
    const zip = writeZipRecords([
      stored('kp.shp', shp),
      stored('kp.dbf', dbf),
      { name: 'gammel/kp-2019.dbf', method: 8, data: latin1('not deflate data at all'), size: 1000 },
      { name: 'ortofoto.tif', method: 8, data: repeatedDeflate(1024), size: 1024 * MiB }
    ]);
    const { result, ms } = await measured(() => parseShapefileZip(zip));
    expect(ms).toBeLessThan(BUDGET_MS);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.result.features.features.map((f) => f.properties?.NAVN)).toEqual(['Bjørnsletta']);
  }, 120_000);
});

describe('other hostile structures', () => {
  it('refuses more than 10 000 entries before reading them', async () => {
    expect(MAX_ZIP_ENTRIES).toBe(10_000);
    const many = Array.from({ length: MAX_ZIP_ENTRIES }, (_, i) => stored(`f${i}.txt`, new Uint8Array(0)));
    const zip = writeZipRecords([stored('kp.shp', shp), ...many]);
    const { result, ms } = await measured(() => parseShapefileZip(zip));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(zipProblem(result)).toEqual({ code: 'io.zip.too-many-entries', params: { count: MAX_ZIP_ENTRIES + 1, limit: MAX_ZIP_ENTRIES } });
  });

  it('refuses ZIP64 markers (0xFFFFFFFF sizes, 0xFFFF entries) clearly', async () => {
    const sizes = writeZipRecords([stored('kp.shp', shp)], [{ entry: 0, size: 0xffffffff }]);
    expect(zipProblem(await parseShapefileZip(sizes))).toEqual({ code: 'io.zip.zip64', params: {} });
    const offset = writeZipRecords([stored('kp.shp', shp)], [{ entry: 0, offset: 0xffffffff }]);
    expect(zipProblem(await parseShapefileZip(offset))).toEqual({ code: 'io.zip.zip64', params: {} });
    const count = writeZip({ 'kp.shp': shp });
    new DataView(count.buffer).setUint16(count.length - 22 + 10, 0xffff, true);
    expect(zipProblem(await parseShapefileZip(count))).toEqual({ code: 'io.zip.zip64', params: {} });
  });

  it('ignores names with «..», absolute paths and drive letters (nothing is written to disk, but they are no layer)', async () => {
    const zip = writeZip({ 'plan/kp.shp': shp, 'plan/kp.dbf': dbf, '../kp.shp': shp, '/etc/kp.shp': shp, 'C:/temp/kp.shp': shp, 'a\\..\\b.shp': shp });
    const r = await parseShapefileZip(zip);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.result.layer).toBe('kp');
    const only = await parseShapefileZip(writeZip({ '../../kp.shp': shp }));
    expect(!only.ok && only.error.reason).toBe('no-shp');
  });

  it('refuses a stored entry that declares more bytes than the file has, and damaged deflate data, with codes', async () => {
    const cut = writeZipRecords([stored('kp.shp', shp)], [{ entry: 0, compressedSize: shp.length + 1000, size: shp.length + 1000 }]);
    expect(zipProblem(await parseShapefileZip(cut))).toEqual({ code: 'io.zip.truncated', params: { name: 'kp.shp' } });
    const garbage = writeZipRecords([{ name: 'kp.shp', method: 8, data: latin1('not deflate data at all'), size: shp.length }]);
    expect(zipProblem(await parseShapefileZip(garbage))).toEqual({ code: 'io.zip.bad-deflate', params: { name: 'kp.shp' } });
  });

  it('never throws on a deflated zip with flipped bytes in its headers or data: a result or a typed error', async () => {
    const good = writeZipRecords([
      { name: 'kp.shp', method: 8, data: deflateRawSync(shp), size: shp.length },
      { name: 'kp.dbf', method: 8, data: deflateRawSync(dbf), size: dbf.length }
    ]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), async (flips) => {
        const bytes = good.slice();
        for (const [i, v] of flips) bytes[i % bytes.length] = v;
        const r = await parseShapefileZip(bytes);
        if (!r.ok) expect(['not-zip', 'too-large', 'no-shp', 'several-layers', 'bad-shp']).toContain(r.error.reason);
      }),
      { numRuns: 300, seed: 16 }
    );
  });
});
