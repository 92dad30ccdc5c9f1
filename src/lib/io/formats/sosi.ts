import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { CrsCode } from '../../geo/crs.ts';
import { circleRing, circleRing3, densifyArc3 } from '../../geo/arc.ts';
import { orient } from '../../geo/segments.ts';
import { coded, count, nbText, skip, type Coded } from '../coded.ts';
import { noPolygons, refuse, type FormatReader, MAX_AREA_VERTICES, MAX_RING_VERTICES as SHARED_RING_LIMIT } from './driver.ts';
import { sameCharset, sosiCharset, type SosiCharset, type SosiEncoding } from './sosi-charset.ts';

export { decodeSosi, type SosiEncoding } from './sosi-charset.ts';

/** Why a .FLATE could not be built. */
export type SosiSkipCode = 'no-ref' | 'bad-ref' | 'missing-ref' | 'ref-cycle' | 'bad-coordinate' | 'degenerate-ring' | 'repeated-ref' | 'ring-too-large';

/** A feature the reader could not use: its id, the line it starts on, a code, and the reason coded (`problem`) and in bokmål. */
export interface SosiSkipped {
  id: string;
  line: number;
  code: SosiSkipCode;
  reason: string;
  problem: Coded;
}

/** Something the user should know about the file that did not stop a feature (counted per kind). */
export interface SosiNote {
  code: 'arcs-densified' | 'arc-as-line' | 'point-ref-ignored';
  count: number;
}

/** What a SOSI file gave: polygons (.FLATE) with their attributes, in the file's CRS ([E, N]). */
export interface SosiResult {
  crs: CrsCode | null;
  /** The SOSI KOORDSYS code as written (22 = EUREF89 UTM 32, 23 = UTM 33, …). */
  koordsys: number | null;
  /** The character set the text was read in, and the one ..TEGNSETT declares. */
  encoding: SosiEncoding;
  declaredEncoding: string | null;
  features: FeatureCollection<Polygon | MultiPolygon>;
  skipped: SosiSkipped[];
  /** Objects that are not areas, counted once: curves (.KURVE, .LINJE, .BUEP …) and points (.PUNKT, .SYMBOL, .TEKST …). */
  notAreas: { lines: number; points: number };
  notes: SosiNote[];
  /** False when the file ends without .SLUTT (it may have been cut short). */
  complete: boolean;
}

/** A SOSI problem that stops the whole file (not a SOSI file, no header), coded and in bokmål. */
export interface SosiError extends Coded {
  reason: 'not-sosi' | 'no-header' | 'too-large';
  message: string;
}

/**
 * SOSI ..KOORDSYS → EPSG (SOSI del 1, «Koordinatsystemkode»): 1–8 NGO1948 Gauss-Krüger akse I–VIII,
 * 21–26 EUREF89 UTM sone 31–36, 31–36 ED50 UTM sone 31–36, 84 EUREF89 geografisk.
 */
export function crsOfKoordsys(code: number): CrsCode | null {
  if (code >= 1 && code <= 8) return `EPSG:2739${code}` as CrsCode;
  if (code >= 21 && code <= 26) return `EPSG:2583${code - 20}` as CrsCode;
  if (code >= 31 && code <= 36) return `EPSG:230${code}` as CrsCode;
  if (code === 84) return 'EPSG:4258';
  return null;
}

/** Most vertices one ring may have: a larger ring is skipped with its reason. */
export const MAX_RING_VERTICES = SHARED_RING_LIMIT;
/**
 * Most vertices all flates of a file may have together. Curves are shared by reference, so a small
 * file that references one long curve from many flates would otherwise grow without bound (and
 * the copies made after reading, reprojected twice, would exhaust memory); such a file is refused.
 */
export const MAX_TOTAL_VERTICES = MAX_AREA_VERTICES;

/** Thrown inside the flate builder when the file passes {@link MAX_TOTAL_VERTICES}; caught in parseSosi. */
class TooManyVertices extends Error {}

/** The kinds of group the reader tells apart, as codes (any other kind is K_OTHER). */
const K_OTHER = 0;
const K_HODE = 1;
const K_FLATE = 2;
// Curves a .FLATE can reference: K_KURVE … K_BEZIER; the first three are plain (no arcs).
const K_KURVE = 3;
const K_LINJE = 4;
const K_RASTER = 5;
const K_BUEP = 6;
const K_SIRKELP = 7;
const K_SIRKEL = 8;
const K_BUE = 9;
const K_KLOTOIDE = 10;
const K_BEZIER = 11;
// Points: K_PUNKT … K_SVERM.
const K_PUNKT = 12;
const K_SVERM = 15;
const KIND_CODES = new Map<string, number>([
  ['HODE', K_HODE],
  ['FLATE', K_FLATE],
  ['KURVE', K_KURVE],
  ['LINJE', K_LINJE],
  ['RASTER', K_RASTER],
  ['BUEP', K_BUEP],
  ['SIRKELP', K_SIRKELP],
  ['SIRKEL', K_SIRKEL],
  ['BUE', K_BUE],
  ['KLOTOIDE', K_KLOTOIDE],
  ['BEZIER', K_BEZIER],
  ['PUNKT', K_PUNKT],
  ['SYMBOL', 13],
  ['TEKST', 14],
  ['SVERM', K_SVERM]
]);
/** Groups whose geometry is a line a .FLATE can reference. */
const isLine = (k: number) => k >= K_KURVE && k <= K_BEZIER;
/** Groups whose geometry is one or more points. */
const isPoint = (k: number) => k >= K_PUNKT && k <= K_SVERM;
/** Curves made without notes (not arcs): their positions are the same however often they are made. */
const isPlainCurve = (k: number) => k >= K_KURVE && k <= K_RASTER;
/**
 * Groups whose attributes are read: a .FLATE's become properties, the header gives
 * KOORDSYS/ENHET/ORIGO, a .SIRKEL its RADIUS (and groups of other kinds keep theirs, unread).
 * Curves and points (nearly every group of a file) keep none.
 */
const keepsAttrs = (k: number) => !(isLine(k) && k !== K_SIRKEL) && !isPoint(k);

/**
 * A typed array half as long again (at least `need`), with the same numbers first (zeros after).
 * Its memory is handed over (ArrayBuffer.prototype.transfer): the old array's is freed at once,
 * not when the collector finds the array (which, for arrays grown while a large file is read, is
 * mostly after the import); copied where transfer is not known.
 */
function grown<T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(a: T, need: number): T {
  const n = Math.max(need, Math.ceil(a.length * 1.5));
  const make = a.constructor as new (x: number | ArrayBuffer) => T;
  if (typeof a.buffer.transfer === 'function') return new make(a.buffer.transfer(n * a.BYTES_PER_ELEMENT));
  const b = new make(n);
  b.set(a);
  return b;
}

/** Frees a typed array's memory now (see {@link grown}); the array is empty after. */
function release(a: Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Float64Array<ArrayBuffer>): void {
  if (typeof a.buffer.transfer === 'function' && !a.buffer.detached) a.buffer.transfer(0);
}

/**
 * Every group of a file (header, flater, curves, points …), by its index in the file, in typed
 * arrays: a kommuneplan has a hundred thousand groups or more, and an object of their own for
 * each, with its id and attributes as strings, was most of the memory the reading took (kept to
 * the end of the import, as the collector seldom runs before it ends). What a group has as text
 * is kept as where it is in the file: its attribute lines are decoded again when a flate is
 * made, its coordinates read again from the bytes (see `span`). Only the ..REF text is kept.
 */
class GroupTable {
  count = 0;
  /** Its kind (K_…). */
  kind = new Uint8Array(1024);
  /** The line it starts on (1-based). */
  line = new Int32Array(1024);
  /** Its serial number when it is a plain decimal integer below 2^31 (nearly always); otherwise -1, and the id as written in `odd`. */
  idNum = new Int32Array(1024);
  readonly odd = new Map<number, string>();
  /**
   * Where its coordinates are (file units, before ENHET and ORIGO). With `span` 1, in the file:
   * the bytes from `from` to `to` are its coordinate lines (lines of numbers, two a point, and
   * lines the reader skips), read again when the group is used; the caller keeps the file's
   * bytes anyway, so nearly no coordinate is stored twice. Otherwise (a ..NØH block, numbers on
   * a text line, a second ..NØ block …) in the file's {@link CoordBuffer}: N and E interleaved
   * from `from` to `to`.
   */
  span = new Uint8Array(1024);
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  /** How many points it has (either way). */
  points = new Int32Array(1024);
  /** The first coordinate line that could not be read, for the groups that have one. */
  readonly badLine = new Map<number, number>();
  /** How many ..REF items name it (counted before flates are built; a hint for keeping its positions). */
  uses = new Int32Array(1024);
  /** Its attribute lines: the pairs from `attrFrom` in the file's {@link AttrLines} to the next group's `attrFrom` (the end for the last group). */
  attrFrom = new Int32Array(1024);
  /** The ..REF text, continuation lines included ('' for none). */
  readonly refs: string[] = [];

  add(kind: number, line: number, id: string, attrsAt: number): number {
    const i = this.count++;
    if (i >= this.kind.length) {
      const need = i + 1;
      this.kind = grown(this.kind, need);
      this.line = grown(this.line, need);
      this.idNum = grown(this.idNum, need);
      this.span = grown(this.span, need);
      this.from = grown(this.from, need);
      this.to = grown(this.to, need);
      this.points = grown(this.points, need);
      this.uses = grown(this.uses, need);
      this.attrFrom = grown(this.attrFrom, need);
    }
    this.kind[i] = kind;
    this.line[i] = line;
    const n = isPlainSerial(id) ? Number(id) : -1;
    if (n >= 0 && n <= 0x7fffffff) this.idNum[i] = n;
    else {
      this.idNum[i] = -1;
      if (id) this.odd.set(i, own(id));
    }
    this.span[i] = 1;
    this.from[i] = 0;
    this.to[i] = 0;
    this.points[i] = 0;
    this.uses[i] = 0;
    this.attrFrom[i] = attrsAt;
    this.refs.push('');
    return i;
  }

  /** Frees its arrays (the table is not used after). */
  release(): void {
    for (const a of [this.kind, this.line, this.idNum, this.span, this.from, this.to, this.points, this.uses, this.attrFrom]) release(a);
  }

  /** The id as written ('' for none). */
  id(i: number): string {
    const n = this.idNum[i] as number;
    return n < 0 ? (this.odd.get(i) ?? '') : String(n);
  }

  /** The key it is found by (see {@link refKey}), or null without an id. */
  key(i: number): number | string | null {
    const n = this.idNum[i] as number;
    if (n >= 0) return n;
    const id = this.odd.get(i);
    return id ? refKey(serialKey(id)) : null;
  }
}

/**
 * Groups by key ({@link refKey}), the last group with a key winning: keys that are numbers below
 * 2^31 (nearly all) in an open-addressing table of typed arrays, sized once for the file's groups,
 * any other key in a Map. A Map of a hundred thousand groups and more is rebuilt as it grows,
 * and was, with the tables it left behind, a tenth of the memory the reading took.
 */
class GroupIndex {
  private readonly keys: Int32Array<ArrayBuffer>;
  private readonly values: Int32Array<ArrayBuffer>;
  private readonly shift: number;
  /** An odd multiplier of its own for each table, so no file can choose keys that all meet. */
  private readonly mult = (Math.floor(Math.random() * 0x40000000) * 2 + 1) | 0;
  private readonly other = new Map<number | string, number>();

  constructor(groups: number) {
    let bits = 4;
    while (1 << bits < 2 * groups) bits++;
    this.keys = new Int32Array(1 << bits).fill(-1);
    this.values = new Int32Array(1 << bits);
    this.shift = 32 - bits;
  }

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let at = Math.imul(key, this.mult) >>> this.shift;
    for (;;) {
      const k = this.keys[at] as number;
      if (k === key || k === -1) return at;
      at = (at + 1) & mask;
    }
  }

  set(key: number | string, group: number): void {
    if (typeof key === 'number' && key >= 0 && key <= 0x7fffffff && Number.isInteger(key)) {
      const at = this.slot(key);
      this.keys[at] = key;
      this.values[at] = group;
    } else this.other.set(key, group);
  }

  /** Frees its arrays (the index is not used after). */
  release(): void {
    release(this.keys);
    release(this.values);
  }

  get(key: number | string): number | undefined {
    if (typeof key === 'number' && key >= 0 && key <= 0x7fffffff && Number.isInteger(key)) {
      const at = this.slot(key);
      return this.keys[at] === key ? (this.values[at] as number) : undefined;
    }
    return this.other.get(key);
  }
}

/** The lines of the groups' attributes, as [start, end) byte pairs, in one growing array (a group's are contiguous). */
class AttrLines {
  data: Int32Array<ArrayBuffer> = new Int32Array(2048);
  /** Pairs stored. */
  length = 0;
  push(start: number, end: number): void {
    if (2 * this.length + 2 > this.data.length) this.data = grown(this.data, 2 * this.length + 2);
    this.data[2 * this.length] = start;
    this.data[2 * this.length + 1] = end;
    this.length++;
  }
}

/**
 * A string of its own. In V8, text cut from a longer string (13 characters or more) is a view
 * into it, and keeps all of it alive: an attribute value or ..REF cut from a decoded batch of
 * lines would keep the whole batch for as long as it is kept (to the end of parsing, then as a
 * property). A short string is made anew from its character codes, which also stores it in one
 * byte a character when it can be (Æ, Ø and Å included; decoded UTF-8 text is two bytes a
 * character); a long one is joined to another (a flat copy) and cut from that.
 */
function own(s: string): string {
  const n = s.length;
  if (n > OWN_CODES) return ` ${s}`.slice(1);
  const codes = (ownCodes[n] ??= new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) codes[i] = s.charCodeAt(i);
  return String.fromCharCode.apply(null, codes);
}
const OWN_CODES = 256;
/** Arrays of character codes by length, reused (an array's length is never changed). */
const ownCodes: number[][] = [];

/**
 * Short strings met again and again in a file (attribute names, codes such as
 * «KpArealformålOmråde» or «1300») as one string each, instead of a copy for every flate: a
 * kommuneplan repeats a few dozen names and codes for each of its tens of thousands of flater.
 * {@link own} copies; the first copy of each text is kept, up to a bound (a file of endless
 * distinct values gets copies past it). One table for each parse.
 */
class Interned {
  private readonly table = new Map<string, string>();
  get(s: string): string {
    if (s.length > INTERN_LENGTH) return own(s);
    const hit = this.table.get(s);
    if (hit !== undefined) return hit;
    const o = own(s);
    if (this.table.size < INTERN_MAX) this.table.set(o, o);
    return o;
  }
}
const INTERN_LENGTH = 40;
const INTERN_MAX = 20_000;

/**
 * The coordinates of groups that cannot be read again from the file's bytes (see GroupTable.span), in
 * one growing buffer (N and E interleaved, as read): a group's coordinates are contiguous, since
 * they are only added while it is the group being read. Eight bytes a number, instead of a JS
 * array per group or per point.
 */
class CoordBuffer {
  data: Float64Array<ArrayBuffer>;
  length = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(1024, capacity));
  }
  push(a: number, b: number): void {
    if (this.length + 2 > this.data.length) this.data = grown(this.data, this.length + 2);
    this.data[this.length++] = a;
    this.data[this.length++] = b;
  }
}

/**
 * Bytes a line of numbers may hold: digits, signs, decimal points and blanks (a line feed ends
 * the line). Such a line is the same in every character set SOSI uses, so coordinate lines are
 * read from the bytes without being decoded; any other line is decoded and read as text.
 */
const NUMBER_BYTE = (() => {
  const t = new Uint8Array(256);
  for (const c of '0123456789+-. \t\r\v\f') t[c.charCodeAt(0)] = 1;
  return t;
})();

/** What a line is to the reader: blank, numbers only (read from the bytes), or text (decoded). */
const BLANK = 0;
const NUMBERS = 1;
const TEXT = 2;

/** Lines are walked this many at a time at most … */
const LINE_BATCH = 4096;
/** … and their text decoded about this many bytes at a time (each decoder call has a fixed cost). */
const TEXT_BATCH = 1 << 16;

/**
 * The lines of a file's bytes, split at line feeds as the decoded text would be. Each line has
 * where it starts and ends, its first non-blank byte, and its kind: BLANK; NUMBERS (only
 * {@link NUMBER_BYTE}s, not starting with a dot), read by the parser from the bytes; or TEXT (the
 * rest), decoded. Lines are walked in batches, and the TEXT lines of a batch are copied together
 * (each ending in a line feed), decoded in one call and split, so a file's numbers (most of its
 * bytes) are never decoded and no string of the whole file is made.
 */
class SosiLines {
  readonly charset: SosiCharset;
  readonly bytes: Uint8Array;
  /** The current line: start, end (its line feed or the end of the bytes), first non-blank byte, kind. */
  start = 0;
  end = 0;
  first = 0;
  kind = BLANK;
  /** Where the first line not yet walked starts (past the end when there is none). */
  private walked: number;
  private count = 0;
  private at = 0;
  private readonly starts = new Float64Array(LINE_BATCH);
  private readonly ends = new Float64Array(LINE_BATCH);
  private readonly firsts = new Float64Array(LINE_BATCH);
  private readonly kinds = new Uint8Array(LINE_BATCH);
  /** For each TEXT line of the batch, its index in `texts`. */
  private readonly textOf = new Int32Array(LINE_BATCH);
  private texts: string[] = [];
  private scratch = new Uint8Array(TEXT_BATCH + 1024);

  constructor(charset: SosiCharset) {
    this.charset = charset;
    this.bytes = charset.body;
    this.walked = charset.start;
  }

  /** Moves to the next line; false when there is none. */
  advance(): boolean {
    if (++this.at >= this.count && !this.fill()) return false;
    const k = this.at;
    this.start = this.starts[k] as number;
    this.end = this.ends[k] as number;
    this.first = this.firsts[k] as number;
    this.kind = this.kinds[k] as number;
    return true;
  }

  /** The decoded text of the current line, which is a TEXT line. */
  text(): string {
    return this.texts[this.textOf[this.at] as number] ?? '';
  }

  /** Walks the next batch of lines and decodes its TEXT lines; false at the end of the bytes. */
  private fill(): boolean {
    const b = this.bytes;
    const size = b.length;
    let n = 0;
    let used = 0;
    let texts = 0;
    while (n < LINE_BATCH && used < TEXT_BATCH && this.walked <= size) {
      const start = this.walked;
      let end = start;
      while (end < size && NUMBER_BYTE[b[end] as number] === 1) end++;
      let plain = true;
      if (end < size && b[end] !== 10) {
        plain = false;
        while (end < size && b[end] !== 10) end++;
      }
      let first = start;
      while (first < end && (b[first] as number) <= 32) first++;
      const kind = !plain || (first < end && b[first] === 46) ? TEXT : first === end ? BLANK : NUMBERS;
      this.starts[n] = start;
      this.ends[n] = end;
      this.firsts[n] = first;
      this.kinds[n] = kind;
      if (kind === TEXT) {
        this.textOf[n] = texts++;
        const len = end - start;
        if (used + len + 1 > this.scratch.length) {
          const grown = new Uint8Array(Math.max(this.scratch.length * 2, used + len + 1));
          grown.set(this.scratch.subarray(0, used));
          this.scratch = grown;
        }
        if (len < 64) for (let i = 0; i < len; i++) this.scratch[used + i] = b[start + i] as number;
        else this.scratch.set(b.subarray(start, end), used);
        used += len;
        this.scratch[used++] = 10;
      }
      n++;
      this.walked = end + 1;
    }
    if (n === 0) return false;
    this.texts = texts ? this.charset.decode(this.scratch.subarray(0, used)).split('\n') : [];
    this.count = n;
    this.at = 0;
    return true;
  }
}

/** The text of ASCII bytes. */
function ascii(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i] as number);
  return s;
}

/** 10^0 … 10^22, each exact in a double. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * The number a token of {@link NUMBER_BYTE}s stands for, exactly as Number() reads its text. A
 * sign, digits and one decimal point are read here: an integer below 2^53 divided by an exact
 * power of ten is correctly rounded, as Number() is. Anything else goes to Number().
 */
function tokenNumber(b: Uint8Array, start: number, end: number): number {
  let i = start;
  const neg = b[i] === 45;
  if (neg || b[i] === 43) i++;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < end; i++) {
    const c = b[i] as number;
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) frac = 0;
    else return Number(ascii(b, start, end));
  }
  if (digits === 0 || m >= 2 ** 53 || frac > 22) return Number(ascii(b, start, end));
  const v = frac > 0 ? m / (POW10[frac] as number) : m;
  return neg ? -v : v;
}

/** The position of a `!` comment outside quotes, or -1. */
function commentStart(line: string): number {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '!') return i;
  }
  return -1;
}

function unquote(v: string): string {
  const t = v.trim();
  return t.length >= 2 && (t[0] === '"' || t[0] === "'") && t.endsWith(t[0]) ? t.slice(1, -1) : t;
}

/** A value as a property: plain decimal numbers become numbers (not codes with a leading zero like «0618», nor quoted values). */
function propertyValue(raw: string): string | number {
  const t = raw.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'")) return unquote(t);
  if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(t)) return Number(t);
  return t;
}

/** Splits a line on blanks without a regular expression (linear in its length). */
function words(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const blank = i === s.length || s.charCodeAt(i) <= 32;
    if (blank && start >= 0) {
      out.push(s.slice(start, i));
      start = -1;
    } else if (!blank && start < 0) start = i;
  }
  return out;
}

/** True when every point of a ring lies on the line through its first two distinct points. */
function collinear(ring: readonly Position[]): boolean {
  const a = ring[0] as Position;
  const b = ring.find((p) => p[0] !== a[0] || p[1] !== a[1]);
  if (!b) return true;
  return ring.every((c) => orient(a[0] as number, a[1] as number, b[0] as number, b[1] as number, c[0] as number, c[1] as number) === 0);
}

/** True for a plain decimal integer without a leading zero, of at most 15 digits (so exact as a number). */
function isPlainSerial(id: string): boolean {
  const n = id.length;
  let plain = n > 0 && n <= 15 && (id.charCodeAt(0) !== 48 || n === 1);
  for (let i = 0; plain && i < n; i++) {
    const c = id.charCodeAt(i);
    plain = c >= 48 && c <= 57;
  }
  return plain;
}

/**
 * A group's serial number as the key it is found by: `String(Number(id))`, so «007» and «7» are
 * one group, or the id as written when it is not a number. A plain decimal integer without a
 * leading zero (nearly every id) is its own key, without the round trip through a number.
 */
function serialKey(id: string): string {
  if (isPlainSerial(id)) return id;
  const key = String(Number(id));
  return key === 'NaN' ? id : key;
}

/**
 * A serial key ({@link serialKey}) as the reader's map holds it: a plain integer as its number
 * (no string is kept for it), any other key as its text. One key for one serial key either way.
 */
function refKey(serial: string): number | string {
  return isPlainSerial(serial) ? Number(serial) : serial;
}

/** One ..REF item: a group id, reversed or not, in the outer ring or in a hole. */
interface Ref {
  id: string;
  reversed: boolean;
}

/**
 * Parses a ..REF value: `:12 :-13 (:14 :15) -:16`. A reference is `:` and a serial number; a minus
 * sign after the colon (`:-13`, the form in files from every modern tool) or before it (`-:16`)
 * reverses the curve. Parentheses hold a hole (an «øy»), which may open on one line and close on
 * another. Returns the outer ring's refs and one list per hole, or the first token it cannot read.
 */
export function parseRefs(text: string): { outer: Ref[]; holes: Ref[][] } | { bad: string } {
  const outer: Ref[] = [];
  const holes: Ref[][] = [];
  let hole: Ref[] | null = null;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch.charCodeAt(0) <= 32) {
      i++;
      continue;
    }
    if (ch === '(') {
      hole = [];
      holes.push(hole);
      i++;
      continue;
    }
    if (ch === ')') {
      hole = null;
      i++;
      continue;
    }
    const start = i;
    let reversed = false;
    if (text[i] === '-') {
      reversed = true;
      i++;
    }
    if (text[i] !== ':') return { bad: text.slice(start, Math.min(text.length, start + 20)).split(/\s/)[0] ?? ch };
    i++;
    if (text[i] === '-') {
      reversed = !reversed;
      i++;
    }
    const digits = i;
    while (i < text.length && (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57)) i++;
    if (i === digits) return { bad: text.slice(start, Math.min(text.length, start + 20)).split(/\s/)[0] ?? ch };
    (hole ?? outer).push({ id: serialKey(text.slice(digits, i)), reversed });
  }
  return { outer, holes };
}

/**
 * Parses the SOSI text format (versions 3.x–5.0) into polygons, the way GDAL's SOSI driver (FYBA)
 * builds them: each .FLATE's ..REF curves (.KURVE, .LINJE, .BUEP arcs densified, .SIRKELP/.SIRKEL
 * circles; defined before or after the flate) are joined in the order given, a reversed reference
 * (`:-N`, or the older `-:N`) taken backwards; references in parentheses make holes, and a
 * reference to another .FLATE in a hole uses that flate's outer ring. Coordinates: every ..NØ /
 * ..NØH block of a group (height dropped), one or more points per line, point attributes after
 * the numbers (`... ...KP 1`) ignored; scaled by ..ENHET and shifted by ..ORIGO-NØ, returned as
 * [E, N] in the CRS of ..KOORDSYS (see {@link crsOfKoordsys}). Attributes keep their names as
 * written (nested ones joined with «.», repeated ones as a list). Rings are closed and consecutive
 * duplicate points dropped; the rings are NOT checked for validity here (the caller validates and
 * repairs). A flate that cannot be built is skipped with code, reason and line; curves and points
 * are counted, not returned. Linear in the file's size; never throws.
 */
export function parseSosi(bytes: Uint8Array, options: { onProgress?: (fraction: number) => void } = {}): { ok: true; result: SosiResult } | { ok: false; error: SosiError } {
  // The bytes are read line by line (SosiLines): lines of numbers straight from the bytes, the
  // other lines (group and attribute lines, ..REF) decoded. The file is never held as one string.
  // What the groups are is kept in a GroupTable: numbers, and where their text is in the file.
  // Coordinates are checked and counted as they are read, and read again from the bytes when a
  // flate uses them; only the few that cannot be go to a buffer of doubles.
  const charset = sosiCharset(bytes);
  const { body, encoding, declared } = charset;
  const lines = new SosiLines(charset);
  const coords = new CoordBuffer(1024);
  const interned = new Interned();
  const groups = new GroupTable();
  const attrLines = new AttrLines();
  /** The group being read (-1 before the first). */
  let current = -1;
  let hode = -1;
  /** What continuation lines (lines without leading dots) add to. */
  let mode: 'none' | 'coords' | 'ref' | 'attr' = 'none';
  let dim = 2;
  /**
   * True when a line met in the current ..NØ block cannot be read again from the bytes as its
   * text was read (a comment line, say): a span must not reach over it, so the group's
   * coordinates go to the buffer if more follow.
   */
  let spanBroken = false;
  let complete = false;
  let sawGroup = false;
  const total = body.length;
  let nextProgress = 0;

  /** Scratch for the coordinates of a span read again (grows to the largest group read). */
  let scratch = new Float64Array(1024);
  /**
   * The `count` numbers of a span, N and E interleaved, in the scratch array (valid until the
   * next call): every number of its lines, up to a `...` word on a line (a point's attributes),
   * read as {@link addCoordBytes} read them.
   */
  const readSpan = (from: number, to: number, count: number): Float64Array<ArrayBuffer> => {
    if (scratch.length < count) scratch = new Float64Array(Math.max(count, scratch.length * 2));
    const out = scratch;
    let k = 0;
    let i = from;
    while (i < to && k < count) {
      if ((body[i] as number) <= 32) {
        i++;
        continue;
      }
      const t = i;
      while (i < to && (body[i] as number) > 32) i++;
      if (i - t >= 3 && body[t] === 46 && body[t + 1] === 46 && body[t + 2] === 46) {
        while (i < to && body[i] !== 10) i++;
        continue;
      }
      out[k++] = tokenNumber(body, t, i);
    }
    return out;
  };

  /** Moves a group's coordinates from its span to the buffer, where later ones can follow them. */
  const toBuffer = (g: number) => {
    if (!groups.span[g]) return;
    const start = coords.length;
    const points = groups.points[g] as number;
    // A group with a bad line is refused wherever it is used: its coordinates are never read.
    if (points > 0 && !groups.badLine.has(g)) {
      const d = readSpan(groups.from[g] as number, groups.to[g] as number, 2 * points);
      for (let k = 0; k < 2 * points; k += 2) coords.push(d[k] as number, d[k + 1] as number);
    }
    groups.span[g] = 0;
    groups.from[g] = start;
    groups.to[g] = coords.length;
  };

  /** True when a line of `n` numbers (in `nums`) is whole points of finite numbers; else marks the group bad. */
  const lineOk = (g: number, n: number, lineNo: number): boolean => {
    let ok = n % dim === 0 || (dim === 3 && n === 2);
    for (let k = 0; ok && k < n; k++) ok = Number.isFinite(nums[k]);
    if (!ok && !groups.badLine.has(g)) groups.badLine.set(g, lineNo);
    return ok;
  };

  /** Adds a line's coordinates (N E, or N E H with ..NØH) to the buffer, or marks the line bad. */
  const addNumbers = (g: number, n: number, lineNo: number) => {
    if (n === 0 || !lineOk(g, n, lineNo)) return;
    const step = n % dim === 0 ? dim : 2;
    for (let k = 0; k + 1 < n; k += step) {
      coords.push(nums[k] as number, nums[k + 1] as number);
      groups.points[g] = (groups.points[g] as number) + 1;
    }
    groups.to[g] = coords.length;
  };
  const nums: number[] = [];

  /** A coordinate line as text. Numbers first; a point attribute (`...KP 1`, `...KVALITET …`) may follow on the line. */
  const addCoords = (g: number, s: string, lineNo: number) => {
    toBuffer(g);
    let n = 0;
    for (const w of words(s)) {
      if (w.startsWith('...')) break;
      nums[n++] = Number(w);
    }
    addNumbers(g, n, lineNo);
  };

  /** A coordinate line read from the bytes, the same way as {@link addCoords} reads its text. */
  const addCoordBytes = (g: number, from: number, to: number, lineNo: number) => {
    let n = 0;
    let i = from;
    for (;;) {
      while (i < to && (body[i] as number) <= 32) i++;
      if (i >= to) break;
      const t = i;
      while (i < to && (body[i] as number) > 32) i++;
      if (i - t >= 3 && body[t] === 46 && body[t + 1] === 46 && body[t + 2] === 46) break;
      nums[n++] = tokenNumber(body, t, i);
    }
    if (n === 0) return;
    if (groups.span[g] && spanBroken) {
      if ((groups.points[g] as number) > 0) toBuffer(g);
      spanBroken = false;
    }
    if (!groups.span[g]) return addNumbers(g, n, lineNo);
    if (!lineOk(g, n, lineNo)) return;
    if (groups.points[g] === 0) groups.from[g] = from;
    groups.to[g] = to;
    groups.points[g] = (groups.points[g] as number) + (n >> 1);
  };

  /** Keeps the current line as one of the current group's attribute lines. */
  const keepAttrLine = () => attrLines.push(lines.start, lines.end);
  /** True when the current group has attribute lines (it is the last group so far). */
  const hasAttrLines = () => attrLines.length !== groups.attrFrom[current];

  let lineNo = 0;
  while (lines.advance()) {
    lineNo++;
    const pos = lines.end + 1;
    if (options.onProgress && pos >= nextProgress) {
      options.onProgress((0.9 * Math.min(pos, total)) / Math.max(1, total));
      nextProgress = pos + 4_000_000;
    }
    if (lines.kind === BLANK) continue;
    let raw: string;
    if (lines.kind === NUMBERS) {
      if (current < 0) continue;
      if (mode === 'coords') {
        addCoordBytes(current, lines.first, lines.end, lineNo);
        continue;
      }
      // Numbers continuing an attribute value (kept as a line of the group's attributes) …
      if (mode === 'attr') {
        if (hasAttrLines()) keepAttrLine();
        continue;
      }
      // … or a ..REF: read as text.
      raw = charset.decode(body.subarray(lines.start, lines.end));
    } else {
      raw = lines.text();
      // A text line inside a span of coordinates: only a line the reader skips there (`...KP 1`) can be read again from the bytes.
      if (mode === 'coords' && current >= 0 && groups.span[current] && !(body[lines.first] === 46 && body[lines.first + 1] === 46 && body[lines.first + 2] === 46)) spanBroken = true;
    }
    const bang = raw.indexOf('!') >= 0 ? commentStart(raw) : -1;
    if (bang >= 0) raw = raw.slice(0, bang);
    const line = raw.trim();
    if (!line) continue;
    if (line[0] !== '.') {
      if (current < 0) continue;
      if (mode === 'coords') addCoords(current, line, lineNo);
      else if (mode === 'ref') groups.refs[current] += ` ${own(line)}`;
      else if (mode === 'attr' && hasAttrLines()) keepAttrLine();
      continue;
    }
    const dots = leadingDots(line);
    const keyEnd = keyEndFrom(line, dots);
    const keyRaw = line.slice(dots, keyEnd);
    const key = keyRaw.toUpperCase();
    const value = line.slice(keyEnd).trim();
    if (!keyRaw) continue;
    if (dots === 1) {
      sawGroup = true;
      if (key === 'SLUTT') {
        complete = true;
        break;
      }
      const kind = KIND_CODES.get(key) ?? K_OTHER;
      current = groups.add(kind, lineNo, value.replace(/:\s*$/, '').trim(), attrLines.length);
      if (kind === K_HODE && hode < 0) hode = current;
      mode = 'none';
      spanBroken = false;
      continue;
    }
    if (current < 0) continue;
    if (key === 'NØ' || key === 'NØH') {
      mode = 'coords';
      dim = key === 'NØH' ? 3 : 2;
      spanBroken = false;
      // A span is one block of ..NØ lines of numbers: heights, numbers on this line or a second block go to the buffer.
      if (groups.span[current] && (dim === 3 || (groups.points[current] as number) > 0)) toBuffer(current);
      if (value) addCoords(current, value, lineNo);
      continue;
    }
    if (dots >= 3 && mode === 'coords') continue; // an attribute of the point just read
    if (key === 'REF' && dots === 2) {
      mode = 'ref';
      const before = groups.refs[current];
      groups.refs[current] = before ? `${before} ${own(value)}` : own(value);
      continue;
    }
    mode = 'attr';
    if (keepsAttrs(groups.kind[current] as number)) keepAttrLine();
  }

  if (!sawGroup || hode < 0) {
    const problem = coded('io.sosi.not-sosi');
    return { ok: false, error: { reason: sawGroup ? 'no-header' : 'not-sosi', ...problem, message: nbText(problem) } };
  }

  /** Bytes of attribute lines joined by line feeds, to be decoded in one call (grows as needed). */
  let joined = new Uint8Array(4096);
  /**
   * A group's attributes in file order as name, value, name, value … (repeated names repeat),
   * nested names joined by «.»: its attribute lines decoded again and read as the first pass read
   * them (continuation lines added to the value before). The strings are cut from the decoded
   * text: made to last with {@link own} where they are kept.
   */
  const attrsOf = (g: number): string[] => {
    const out: string[] = [];
    const from = groups.attrFrom[g] as number;
    const to = g + 1 < groups.count ? (groups.attrFrom[g + 1] as number) : attrLines.length;
    if (from === to) return out;
    const d = attrLines.data;
    let size = 0;
    for (let k = from; k < to; k++) size += (d[2 * k + 1] as number) - (d[2 * k] as number) + 1;
    if (size > joined.length) joined = new Uint8Array(Math.max(size, 2 * joined.length));
    let at = 0;
    for (let k = from; k < to; k++) {
      const s = d[2 * k] as number;
      const e = d[2 * k + 1] as number;
      joined.set(body.subarray(s, e), at);
      at += e - s;
      joined[at++] = 10;
    }
    const texts = charset.decode(joined.subarray(0, at - 1)).split('\n');
    /** Attribute names by dot level (2 = `..NAVN`), for nested names. */
    const path: string[] = [];
    for (const text of texts) {
      let raw = text;
      const bang = raw.indexOf('!') >= 0 ? commentStart(raw) : -1;
      if (bang >= 0) raw = raw.slice(0, bang);
      const line = raw.trim();
      if (!line) continue;
      if (line[0] !== '.') {
        const last = out.length - 1;
        if (last >= 0) out[last] = `${out[last]} ${line}`.trim();
        continue;
      }
      const dots = leadingDots(line);
      const keyEnd = keyEndFrom(line, dots);
      const keyRaw = line.slice(dots, keyEnd);
      path.length = Math.max(0, dots - 2);
      path[dots - 2] = keyRaw;
      out.push(dots === 2 ? keyRaw : path.filter(Boolean).join('.'), line.slice(keyEnd).trim());
    }
    return out;
  };

  const hodeAttrs = attrsOf(hode);
  const headerValue = (k: string) => {
    for (let i = 0; i + 1 < hodeAttrs.length; i += 2) {
      const name = (hodeAttrs[i] as string).toUpperCase();
      if (name === k || name.endsWith(`.${k}`)) return hodeAttrs[i + 1];
    }
    return undefined;
  };
  const koordsysRaw = headerValue('KOORDSYS');
  const koordsys = koordsysRaw === undefined ? Number.NaN : Number(words(koordsysRaw)[0]);
  const enhetValue = Number(headerValue('ENHET') ?? 1);
  const enhet = Number.isFinite(enhetValue) && enhetValue > 0 ? enhetValue : 1;
  const origo = words(headerValue('ORIGO-NØ') ?? '0 0').map(Number);
  const oN = Number.isFinite(origo[0]) ? (origo[0] as number) : 0;
  const oE = Number.isFinite(origo[1]) ? (origo[1] as number) : 0;

  const count = groups.count;
  const kinds = groups.kind;
  /** Groups by key (see {@link refKey}): the last group with an id wins. */
  const byId = new GroupIndex(count);
  for (let g = 0; g < count; g++) {
    if (kinds[g] === K_HODE) continue;
    const key = groups.key(g);
    if (key !== null) byId.set(key, g);
  }
  // References to each group: every `:N` / `:-N` of the ..REF texts (the hint in groups.uses).
  for (let g = 0; g < count; g++) {
    if (kinds[g] !== K_FLATE) continue;
    const r = groups.refs[g] as string;
    for (let i = r.indexOf(':'); i >= 0; i = r.indexOf(':', i + 1)) {
      let j = i + 1;
      if (r.charCodeAt(j) === 45) j++;
      const digits = j;
      let n = 0;
      while (j < r.length && r.charCodeAt(j) >= 48 && r.charCodeAt(j) <= 57) n = n * 10 + (r.charCodeAt(j++) - 48);
      if (j === digits) continue;
      // A plain number (no leading zero, 15 digits at most) is its own key, without cutting the text.
      const plain = j - digits <= 15 && (r.charCodeAt(digits) !== 48 || j - digits === 1);
      const target = byId.get(plain ? n : refKey(serialKey(r.slice(digits, j))));
      if (target !== undefined) groups.uses[target] = (groups.uses[target] as number) + 1;
    }
  }

  const notes = new Map<SosiNote['code'], number>();
  const note = (code: SosiNote['code']) => notes.set(code, (notes.get(code) ?? 0) + 1);
  // Curve tolerance for arcs: half a centimetre in metres, or its equivalent in degrees.
  const arcTolerance = koordsys === 84 ? 5e-8 : 0.005;

  /** A group's coordinates: N and E interleaved in `cd` from `c0` (read again from the bytes for a span). */
  let cd = coords.data;
  let c0 = 0;
  const locate = (g: number) => {
    if (groups.span[g]) {
      cd = readSpan(groups.from[g] as number, groups.to[g] as number, 2 * (groups.points[g] as number));
      c0 = 0;
    } else {
      cd = coords.data;
      c0 = groups.from[g] as number;
    }
  };
  const positions = (g: number): Position[] => {
    const out: Position[] = [];
    locate(g);
    const d = cd;
    for (let k = c0, end = c0 + 2 * (groups.points[g] as number); k < end; k += 2) out.push([(d[k + 1] as number) * enhet + oE, (d[k] as number) * enhet + oN]);
    return out;
  };
  // A curve's positions are made once and shared by the flates that use it; a plain curve's are
  // let go after its last use (an arc's are kept, as its notes are counted once).
  const curveCache = new Map<number, Position[]>();
  const curveOf = (g: number): Position[] => {
    const kind = kinds[g] as number;
    const plain = isPlainCurve(kind);
    const hit = curveCache.get(g);
    if (hit) {
      if (plain && (groups.uses[g] = (groups.uses[g] as number) - 1) <= 0) curveCache.delete(g);
      return hit;
    }
    let pts = positions(g);
    if (kind === K_BUEP || kind === K_SIRKELP) {
      const arc = pts.length === 3 ? (kind === K_BUEP ? densifyArc3(pts[0] as Position, pts[1] as Position, pts[2] as Position, arcTolerance) : circleRing3(pts[0] as Position, pts[1] as Position, pts[2] as Position, arcTolerance)) : null;
      if (arc && arc.length > 3) note('arcs-densified');
      else note('arc-as-line');
      if (arc) pts = arc;
    } else if (kind === K_SIRKEL) {
      const attrs = attrsOf(g);
      const at = attrs.findIndex((k, i) => i % 2 === 0 && k.toUpperCase() === 'RADIUS');
      const r = Number(at >= 0 ? attrs[at + 1] : undefined);
      const c = pts[0];
      const ring = c && pts.length === 1 ? circleRing(c[0] as number, c[1] as number, r * enhet, arcTolerance) : null;
      if (ring) {
        note('arcs-densified');
        pts = ring;
      } else note('arc-as-line');
    } else if (kind === K_BUE || kind === K_KLOTOIDE || kind === K_BEZIER) note('arc-as-line');
    if (!plain || (groups.uses[g] = (groups.uses[g] as number) - 1) > 0) curveCache.set(g, pts);
    return pts;
  };

  type Failed = { code: SosiSkipCode; problem: Coded };
  type Built = { rings: Position[][] } | Failed;
  const failed = (code: SosiSkipCode, problem: Coded): Failed => ({ code, problem });
  const flateCache = new Map<number, Built>();
  /** Flates being built (1), to find a flate that uses itself. */
  const building = new Uint8Array(count);

  let totalVertices = 0;
  const ringFrom = (refs: readonly Ref[], owner: number): Position[] | Failed => {
    const ring: Position[] = [];
    const seen = new Set<string>();
    for (const ref of refs) {
      if (seen.has(ref.id)) return failed('repeated-ref', coded('io.sosi.repeated-ref', { curve: ref.id }));
      seen.add(ref.id);
      const target = byId.get(refKey(ref.id));
      if (target === undefined) return failed('missing-ref', coded('io.sosi.missing-ref', { curve: ref.id }));
      const kind = kinds[target] as number;
      /** The curve's positions; null for a plain curve used once, read straight from its coordinates below. */
      let pts: Position[] | null;
      if (isLine(kind)) {
        const badLine = groups.badLine.get(target);
        if (badLine !== undefined) return failed('bad-coordinate', coded('io.sosi.bad-coordinate', { curve: groups.id(target), line: badLine }));
        pts = isPlainCurve(kind) && (groups.uses[target] as number) <= 1 && !curveCache.has(target) ? null : curveOf(target);
      } else if (kind === K_FLATE) {
        if (target === owner || building[target]) return failed('ref-cycle', coded('io.sosi.ref-cycle', { flate: groups.id(target) }));
        const b = buildFlate(target);
        if (!('rings' in b)) return failed(b.code, coded('io.sosi.via-flate', { flate: groups.id(target), problem: b.problem }));
        pts = b.rings[0] as Position[];
      } else {
        note('point-ref-ignored');
        continue;
      }
      const n = pts ? pts.length : (groups.points[target] as number);
      if (ring.length + n > MAX_RING_VERTICES) return failed('ring-too-large', coded('io.sosi.ring-too-large', { max: MAX_RING_VERTICES }));
      totalVertices += n;
      if (totalVertices > MAX_TOTAL_VERTICES) throw new TooManyVertices();
      if (pts) {
        for (let k = 0; k < n; k++) {
          const p = pts[ref.reversed ? n - 1 - k : k] as Position;
          const last = ring[ring.length - 1];
          if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
        }
        continue;
      }
      // As positions() would make them, without the curve's own array (and none for a repeated point).
      groups.uses[target] = (groups.uses[target] as number) - 1;
      locate(target);
      const d = cd;
      for (let k = 0; k < n; k++) {
        const at = c0 + 2 * (ref.reversed ? n - 1 - k : k);
        const x = (d[at + 1] as number) * enhet + oE;
        const y = (d[at] as number) * enhet + oN;
        const last = ring[ring.length - 1];
        if (!last || last[0] !== x || last[1] !== y) ring.push([x, y]);
      }
    }
    // The ring closed with its first position (the same array, as positions of a shared curve
    // are shared by the flates that use it: a ring of a kommuneplan has a few dozen positions,
    // each an array of its own, and this one need not be one more).
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push(first);
    else if (first && ring.length > 1) ring[ring.length - 1] = first;
    // A copy of the exact size: the ring grew by pushes (with room to spare), and it is kept.
    return ring.slice();
  };

  function buildFlate(g: number): Built {
    const hit = flateCache.get(g);
    if (hit) return hit;
    building[g] = 1;
    const result = ((): Built => {
      const refText = groups.refs[g] as string;
      if (!refText.trim()) return failed('no-ref', coded('io.sosi.no-ref'));
      const parsed = parseRefs(refText);
      if ('bad' in parsed) return failed('bad-ref', coded('io.sosi.bad-ref', { ref: parsed.bad }));
      if (!parsed.outer.length) return failed('no-ref', coded('io.sosi.no-outer-ref'));
      const rings: Position[][] = [];
      for (const [k, refs] of [parsed.outer, ...parsed.holes].entries()) {
        if (k > 0 && !refs.length) continue;
        const ring = ringFrom(refs, g);
        if (!Array.isArray(ring)) return ring;
        // Only a ring with nothing to keep is refused here; crossing rings (signed area 0 for a
        // symmetric bow tie) go on to be validated and repaired.
        if (ring.length < 4 || collinear(ring)) {
          return failed('degenerate-ring', k === 0 ? coded('io.sosi.degenerate-outer') : coded('io.sosi.degenerate-hole', { hole: k }));
        }
        rings.push(ring);
      }
      // In an array of its own size (the rings are kept as the polygon's coordinates).
      return { rings: rings.slice() };
    })();
    building[g] = 0;
    // Kept for the flates that use it as an island (none, mostly: then it is built once).
    if ((groups.uses[g] as number) > 0) flateCache.set(g, result);
    return result;
  }

  const features: Feature<Polygon | MultiPolygon>[] = [];
  const skipped: SosiSkipped[] = [];
  const notAreas = { lines: 0, points: 0 };
  try {
    for (let g = 0; g < count; g++) {
      const kind = kinds[g] as number;
      if (isLine(kind)) notAreas.lines++;
      else if (isPoint(kind)) notAreas.points++;
      if (kind !== K_FLATE) continue;
      const built = buildFlate(g);
      if (!('rings' in built)) {
        skipped.push({ id: groups.id(g), line: groups.line[g] as number, code: built.code, reason: nbText(built.problem), problem: built.problem });
        continue;
      }
      const properties: Record<string, unknown> = { sosi_id: groups.id(g) };
      const attrs = attrsOf(g);
      for (let i = 0; i + 1 < attrs.length; i += 2) {
        const k = interned.get(attrs[i] as string);
        const v = propertyValue(attrs[i + 1] as string);
        // Strings cut from the decoded lines are made strings of their own (see own()).
        const value = typeof v === 'string' ? interned.get(v) : v;
        const before = properties[k];
        properties[k] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
      }
      features.push({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: built.rings } });
      // Its ..REF is not read again (a flate used as an island takes its built rings).
      groups.refs[g] = '';
    }
  } catch (e) {
    if (!(e instanceof TooManyVertices)) throw e;
    const problem = coded('io.sosi.too-many-vertices', { max: MAX_TOTAL_VERTICES });
    return { ok: false, error: { reason: 'too-large', ...problem, message: nbText(problem) } };
  } finally {
    // What the reading kept is not needed after: its memory freed now, not when collected.
    groups.release();
    byId.release();
    release(attrLines.data);
    release(coords.data);
  }
  return {
    ok: true,
    result: {
      crs: Number.isFinite(koordsys) ? crsOfKoordsys(koordsys) : null,
      koordsys: Number.isFinite(koordsys) ? koordsys : null,
      encoding,
      declaredEncoding: declared,
      features: { type: 'FeatureCollection', features },
      skipped,
      notAreas,
      notes: [...notes].map(([code, count]) => ({ code, count })),
      complete
    }
  };
}

/** How each kind of SOSI note is counted. */
const NOTE_NOUN = { 'arcs-densified': 'arc', 'arc-as-line': 'arc', 'point-ref-ignored': 'ref' } as const satisfies Record<SosiNote['code'], string>;

/**
 * The SOSI reader of the registry: {@link parseSosi}, refusing a file without a known ..KOORDSYS
 * (unless the user gave a CRS) or without any usable .FLATE, with notes on the character set, arcs
 * and a file that may be cut short. Skipped flates name their line.
 */
export const read: FormatReader = async (bytes, options) => {
  const r = parseSosi(bytes, { onProgress: options.onProgress });
  if (!r.ok) return refuse(r.error.reason === 'too-large' ? 'too-large' : 'not-sosi', r.error);
  const sosi = r.result;
  if (!sosi.crs && !options.crs) return refuse('crs-needed', coded('io.file.sosi-crs', { koordsys: sosi.koordsys ?? coded('io.file.missing') }));
  const notes: Coded[] = [];
  if (!sosi.complete) notes.push(coded('io.note.cut-short'));
  const encoding = coded(`io.charset.${sosi.encoding}`);
  const declared = sosi.declaredEncoding;
  notes.push(declared && !sameCharset(declared, sosi.encoding) ? coded('io.note.charset-declared', { encoding, declared }) : coded('io.note.charset', { encoding }));
  for (const n of sosi.notes) notes.push(coded(`io.note.${n.code}`, { count: count(NOTE_NOUN[n.code], n.count) }));
  const skipped = sosi.skipped.map((x) => skip(x.id, coded('io.sosi.at-line', { problem: x.problem, line: x.line })));
  if (!sosi.features.features.length) return noPolygons(skipped, sosi.notAreas, coded('io.file.sosi-no-flate'), (objects) => coded('io.file.sosi-only', { objects }));
  return { ok: true, json: sosi.features, crs: sosi.crs, skipped, notAreas: sosi.notAreas, notes };
};

/** How many dots a SOSI line starts with (its level: `.FLATE` 1, `..NØ` 2). */
function leadingDots(line: string): number {
  let dots = 0;
  while (dots < line.length && line[dots] === '.') dots++;
  return dots;
}

/** Where the key that starts at `from` ends (the first space or control character). */
function keyEndFrom(line: string, from: number): number {
  let end = from;
  while (end < line.length && line.charCodeAt(end) > 32) end++;
  return end;
}
