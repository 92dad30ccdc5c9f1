import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { CrsCode } from '../../geo/crs.ts';
import { circleRing, circleRing3, densifyArc3 } from '../../geo/arc.ts';
import { orient } from '../../geo/segments.ts';
import { coded, count, nbText, skip, type Coded } from '../coded.ts';
import { noPolygons, refuse, type FormatReader, MAX_AREA_VERTICES, MAX_RING_VERTICES as SHARED_RING_LIMIT } from './driver.ts';
import { decodeSosi, sameCharset, type SosiEncoding } from './sosi-charset.ts';

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

/** Groups whose geometry is a line a .FLATE can reference. */
const LINE_KINDS = new Set(['KURVE', 'LINJE', 'BUEP', 'BUE', 'SIRKELP', 'SIRKEL', 'KLOTOIDE', 'BEZIER', 'RASTER']);
/** Groups whose geometry is one or more points. */
const POINT_KINDS = new Set(['PUNKT', 'SYMBOL', 'TEKST', 'SVERM']);

interface Group {
  kind: string;
  id: string;
  line: number;
  /** Attributes in file order (repeated names repeat), with nested names joined by «.». */
  attrs: [string, string][];
  /** Coordinates as read, N and E interleaved (file units, before ENHET and ORIGO). */
  coords: number[];
  /** The ..REF text, continuation lines included. */
  refs: string;
  /** Line of the first coordinate line that could not be read. */
  badCoordLine: number | null;
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
    (hole ?? outer).push({ id: String(Number(text.slice(digits, i))), reversed });
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
  const { text, encoding, declared } = decodeSosi(bytes);
  const groups: Group[] = [];
  let current: Group | null = null;
  let hode: Group | null = null;
  /** What continuation lines (lines without leading dots) add to. */
  let mode: 'none' | 'coords' | 'ref' | 'attr' = 'none';
  let dim = 2;
  /** Attribute names by dot level (2 = `..NAVN`), for nested names. */
  const path: string[] = [];
  let complete = false;
  let sawGroup = false;
  const total = text.length;
  let nextProgress = 0;

  const addCoords = (g: Group, s: string, lineNo: number) => {
    // Numbers first; a point attribute (`...KP 1`, `...KVALITET …`) may follow on the line.
    const ws = words(s);
    let n = 0;
    const nums: number[] = [];
    for (const w of ws) {
      if (w.startsWith('...')) break;
      nums.push(Number(w));
      n++;
    }
    if (n === 0) return;
    const ok = nums.every(Number.isFinite) && (n % dim === 0 || (dim === 3 && n === 2));
    if (!ok) {
      g.badCoordLine ??= lineNo;
      return;
    }
    const step = n % dim === 0 ? dim : 2;
    for (let k = 0; k + 1 < n; k += step) g.coords.push(nums[k] as number, nums[k + 1] as number);
  };

  let pos = 0;
  let lineNo = 0;
  while (pos <= total) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = total;
    lineNo++;
    let raw = text.slice(pos, end);
    pos = end + 1;
    if (options.onProgress && pos >= nextProgress) {
      options.onProgress((0.9 * Math.min(pos, total)) / Math.max(1, total));
      nextProgress = pos + 4_000_000;
    }
    const bang = raw.indexOf('!') >= 0 ? commentStart(raw) : -1;
    if (bang >= 0) raw = raw.slice(0, bang);
    const line = raw.trim();
    if (!line) continue;
    if (line[0] !== '.') {
      if (!current) continue;
      if (mode === 'coords') addCoords(current, line, lineNo);
      else if (mode === 'ref') current.refs += ` ${line}`;
      else if (mode === 'attr' && current.attrs.length) {
        const last = current.attrs[current.attrs.length - 1] as [string, string];
        last[1] = `${last[1]} ${line}`.trim();
      }
      continue;
    }
    let dots = 0;
    while (dots < line.length && line[dots] === '.') dots++;
    let keyEnd = dots;
    while (keyEnd < line.length && line.charCodeAt(keyEnd) > 32) keyEnd++;
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
      current = { kind: key, id: value.replace(/:\s*$/, '').trim(), line: lineNo, attrs: [], coords: [], refs: '', badCoordLine: null };
      if (key === 'HODE') hode ??= current;
      groups.push(current);
      mode = 'none';
      path.length = 0;
      continue;
    }
    if (!current) continue;
    if (key === 'NØ' || key === 'NØH') {
      mode = 'coords';
      dim = key === 'NØH' ? 3 : 2;
      if (value) addCoords(current, value, lineNo);
      continue;
    }
    if (dots >= 3 && mode === 'coords') continue; // an attribute of the point just read
    if (key === 'REF' && dots === 2) {
      mode = 'ref';
      current.refs += ` ${value}`;
      continue;
    }
    mode = 'attr';
    path.length = Math.max(0, dots - 2);
    path[dots - 2] = keyRaw;
    const name = path.filter(Boolean).join('.');
    current.attrs.push([name, value]);
  }

  if (!sawGroup || !hode) {
    const problem = coded('io.sosi.not-sosi');
    return { ok: false, error: { reason: sawGroup ? 'no-header' : 'not-sosi', ...problem, message: nbText(problem) } };
  }

  const headerValue = (k: string) => {
    for (const [name, v] of hode?.attrs ?? []) if (name.toUpperCase() === k || name.toUpperCase().endsWith(`.${k}`)) return v;
    return undefined;
  };
  const koordsysRaw = headerValue('KOORDSYS');
  const koordsys = koordsysRaw === undefined ? Number.NaN : Number(words(koordsysRaw)[0]);
  const enhetValue = Number(headerValue('ENHET') ?? 1);
  const enhet = Number.isFinite(enhetValue) && enhetValue > 0 ? enhetValue : 1;
  const origo = words(headerValue('ORIGO-NØ') ?? '0 0').map(Number);
  const oN = Number.isFinite(origo[0]) ? (origo[0] as number) : 0;
  const oE = Number.isFinite(origo[1]) ? (origo[1] as number) : 0;

  const byId = new Map<string, Group>();
  for (const g of groups) if (g.kind !== 'HODE' && g.id) byId.set(String(Number(g.id)) === 'NaN' ? g.id : String(Number(g.id)), g);

  const notes = new Map<SosiNote['code'], number>();
  const note = (code: SosiNote['code']) => notes.set(code, (notes.get(code) ?? 0) + 1);
  // Curve tolerance for arcs: half a centimetre in metres, or its equivalent in degrees.
  const arcTolerance = koordsys === 84 ? 5e-8 : 0.005;

  const positions = (g: Group): Position[] => {
    const out: Position[] = [];
    for (let k = 0; k + 1 < g.coords.length; k += 2) out.push([(g.coords[k + 1] as number) * enhet + oE, (g.coords[k] as number) * enhet + oN]);
    return out;
  };
  const curveCache = new Map<Group, Position[]>();
  const curveOf = (g: Group): Position[] => {
    const hit = curveCache.get(g);
    if (hit) return hit;
    let pts = positions(g);
    if (g.kind === 'BUEP' || g.kind === 'SIRKELP') {
      const arc = pts.length === 3 ? (g.kind === 'BUEP' ? densifyArc3(pts[0] as Position, pts[1] as Position, pts[2] as Position, arcTolerance) : circleRing3(pts[0] as Position, pts[1] as Position, pts[2] as Position, arcTolerance)) : null;
      if (arc && arc.length > 3) note('arcs-densified');
      else note('arc-as-line');
      if (arc) pts = arc;
    } else if (g.kind === 'SIRKEL') {
      const r = Number(g.attrs.find(([k]) => k.toUpperCase() === 'RADIUS')?.[1]);
      const c = pts[0];
      const ring = c && pts.length === 1 ? circleRing(c[0] as number, c[1] as number, r * enhet, arcTolerance) : null;
      if (ring) {
        note('arcs-densified');
        pts = ring;
      } else note('arc-as-line');
    } else if (g.kind === 'BUE' || g.kind === 'KLOTOIDE' || g.kind === 'BEZIER') note('arc-as-line');
    curveCache.set(g, pts);
    return pts;
  };

  type Failed = { code: SosiSkipCode; problem: Coded };
  type Built = { rings: Position[][] } | Failed;
  const failed = (code: SosiSkipCode, problem: Coded): Failed => ({ code, problem });
  const flateCache = new Map<Group, Built>();
  const building = new Set<Group>();

  let totalVertices = 0;
  const ringFrom = (refs: readonly Ref[], owner: Group): Position[] | Failed => {
    const ring: Position[] = [];
    const seen = new Set<string>();
    for (const ref of refs) {
      if (seen.has(ref.id)) return failed('repeated-ref', coded('io.sosi.repeated-ref', { curve: ref.id }));
      seen.add(ref.id);
      const target = byId.get(ref.id);
      if (!target) return failed('missing-ref', coded('io.sosi.missing-ref', { curve: ref.id }));
      let pts: Position[];
      if (LINE_KINDS.has(target.kind)) {
        if (target.badCoordLine !== null) return failed('bad-coordinate', coded('io.sosi.bad-coordinate', { curve: target.id, line: target.badCoordLine }));
        pts = curveOf(target);
      } else if (target.kind === 'FLATE') {
        if (target === owner || building.has(target)) return failed('ref-cycle', coded('io.sosi.ref-cycle', { flate: target.id }));
        const b = buildFlate(target);
        if (!('rings' in b)) return failed(b.code, coded('io.sosi.via-flate', { flate: target.id, problem: b.problem }));
        pts = b.rings[0] as Position[];
      } else {
        note('point-ref-ignored');
        continue;
      }
      const n = pts.length;
      if (ring.length + n > MAX_RING_VERTICES) return failed('ring-too-large', coded('io.sosi.ring-too-large', { max: MAX_RING_VERTICES }));
      totalVertices += n;
      if (totalVertices > MAX_TOTAL_VERTICES) throw new TooManyVertices();
      for (let k = 0; k < n; k++) {
        const p = pts[ref.reversed ? n - 1 - k : k] as Position;
        const last = ring[ring.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
      }
    }
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0] as number, first[1] as number]);
    return ring;
  };

  function buildFlate(g: Group): Built {
    const hit = flateCache.get(g);
    if (hit) return hit;
    building.add(g);
    const result = ((): Built => {
      if (!g.refs.trim()) return failed('no-ref', coded('io.sosi.no-ref'));
      const parsed = parseRefs(g.refs);
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
      return { rings };
    })();
    building.delete(g);
    flateCache.set(g, result);
    return result;
  }

  const features: Feature<Polygon | MultiPolygon>[] = [];
  const skipped: SosiSkipped[] = [];
  const notAreas = { lines: 0, points: 0 };
  try {
    for (const g of groups) {
      if (LINE_KINDS.has(g.kind)) notAreas.lines++;
      else if (POINT_KINDS.has(g.kind)) notAreas.points++;
      if (g.kind !== 'FLATE') continue;
      const built = buildFlate(g);
      if (!('rings' in built)) {
        skipped.push({ id: g.id, line: g.line, code: built.code, reason: nbText(built.problem), problem: built.problem });
        continue;
      }
      const properties: Record<string, unknown> = { sosi_id: g.id };
      for (const [k, v] of g.attrs) {
        const value = propertyValue(v);
        const before = properties[k];
        properties[k] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
      }
      features.push({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: built.rings } });
    }
  } catch (e) {
    if (!(e instanceof TooManyVertices)) throw e;
    const problem = coded('io.sosi.too-many-vertices', { max: MAX_TOTAL_VERTICES });
    return { ok: false, error: { reason: 'too-large', ...problem, message: nbText(problem) } };
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
