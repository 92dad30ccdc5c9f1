import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { circleRing3, densifyArc3 } from '../../geo/arc.ts';
import { normalizeCrs, type CrsCode } from '../../geo/crs.ts';
import { coded, count, nbText, skip, type Coded, type Skipped } from '../coded.ts';
import { noPolygons, refuse, type FormatReader, MAX_AREA_VERTICES, MAX_RING_VERTICES as SHARED_RING_LIMIT } from './driver.ts';
import { decodeText } from './text.ts';

/** What a GML file gave: polygons with their simple attributes, in the file's CRS ([E, N]). */
export interface GmlResult {
  crs: CrsCode | null;
  srsName: string | null;
  features: FeatureCollection<Polygon | MultiPolygon>;
  /** Features the reader could not use, and why. */
  skipped: Skipped[];
  /** Features without a surface, counted once by their geometry: curves (boundary lines) and points. */
  notAreas: { lines: number; points: number };
  /** Arc segments (gml:Arc, ArcString, Circle) densified into lines. */
  arcs: number;
}

/** A GML problem that stops the whole file, coded and in bokmål. */
export interface GmlError extends Coded {
  /** `not-gml`: no coordinates; `too-large`: the file passes one of the reader's limits (named in the message). */
  reason: 'not-gml' | 'too-large';
  message: string;
}

/** Deepest nesting of elements the reader accepts (real GML is less than 30 levels deep); deeper files are refused. */
export const MAX_DEPTH = 1_000;
/**
 * Most XML nodes a file may have: elements, comments, processing instructions, CDATA sections,
 * declarations and stray end tags (a real 300 MB GML file has fewer than 10 million elements).
 * Bounds the element tree (about 30 bytes an element) and the work on it; a file with more is refused.
 */
export const MAX_NODES = 10_000_000;
/**
 * Most features (children of wfs:member / gml:featureMember) a file may have; a file with more is
 * refused. Each area read is validated and reprojected after reading (about 40 µs and 5 KB each):
 * this keeps a whole import under about 15 s and 1.5 GB. A real 300 MB FKB-AR5 file has about
 * 150 000 features.
 */
export const MAX_FEATURES = 250_000;
/** Most vertices one ring may have: a feature with a larger ring is skipped with its reason. */
export const MAX_RING_VERTICES = SHARED_RING_LIMIT;
/** Most vertices all areas of a file may have together, arcs densified; a file with more is refused. */
export const MAX_TOTAL_VERTICES = MAX_AREA_VERTICES;

/** The reader's limits (the constants above by default; lower in tests). */
export interface GmlLimits {
  maxDepth: number;
  maxNodes: number;
  maxFeatures: number;
  maxRingVertices: number;
  maxTotalVertices: number;
}

const LIMITS: GmlLimits = { maxDepth: MAX_DEPTH, maxNodes: MAX_NODES, maxFeatures: MAX_FEATURES, maxRingVertices: MAX_RING_VERTICES, maxTotalVertices: MAX_TOTAL_VERTICES };

/** Longest srsName quoted in a message. */
const MAX_QUOTED_SRS_NAME = 200;
/** Distinct element names kept as one shared string each (real GML has a few hundred). */
const MAX_SHARED_NAMES = 10_000;

const LINE_ELEMENTS = new Set(['LineString', 'Curve', 'MultiCurve', 'MultiLineString', 'CompositeCurve', 'OrientableCurve']);
const POINT_ELEMENTS = new Set(['Point', 'MultiPoint']);
/** Elements whose children are features. */
const MEMBER_ELEMENTS = new Set(['member', 'featureMember', 'featureMembers']);
/** Surfaces: each is read once, by its own rings (a ring never reads a surface nested inside it). */
const SURFACE_ELEMENTS = new Set(['Polygon', 'PolygonPatch']);
const COORDINATE_ELEMENTS = new Set(['posList', 'pos', 'coordinates']);
const ARC_ELEMENTS = new Set(['Arc', 'ArcString', 'Circle']);

/**
 * The elements of a document in document order, by index: 0 is the document itself, and the
 * subtree of element `e` is the elements `e` … `end[e] − 1`. Walks are loops over indices: no
 * recursion, and about 30 bytes an element.
 */
interface Tree {
  /** Local name of each element (prefix dropped). */
  name: string[];
  /** The index after each element's last descendant. */
  end: Int32Array;
  /** Coordinate dimension in force at each element: the nearest srsDimension on it or above it (2 by default). */
  dim: Int32Array;
  /** Each element's own text (entities decoded); blank runs between other content become one space. */
  text: string[];
  /** gml:id (any prefix) of the elements that have one. */
  ids: Map<number, string>;
  /** The first srsName in the document. */
  srsName: string | null;
  /** Whether any element is a posList, pos or coordinates. */
  hasCoordinates: boolean;
  /** The wfs:member / gml:featureMember(s) elements, in document order. */
  members: number[];
}

/** A limit the file passed: the parse stops and the file is refused with this problem. */
class LimitPassed extends Error {
  readonly problem: Coded;
  constructor(problem: Coded) {
    super(problem.code);
    this.problem = problem;
  }
}

/** A ring passed the most vertices a ring may have: its feature is skipped. */
class RingTooLarge extends Error {}

/** True for a character `\s` matches (ECMAScript white space and line terminators). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** True when every character of `s` is white space. */
function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

/** True for a code point XML 1.0 allows in a document (the `Char` production). */
const isXmlChar = (c: number): boolean => c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The value of a hex or decimal digit, or -1. */
function digitValue(c: number, hex: boolean): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (!hex) return -1;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * The character reference (`&#65;`, `&#x41;`) or predefined entity (`&lt;` …) at `amp` and the index
 * after it, or null when there is none to expand there. A reference to a code point XML does not
 * allow (0, control characters, surrogates, above U+10FFFF) is not expanded: it stays as written.
 */
function referenceAt(s: string, amp: number): { char: string; end: number } | null {
  if (s.charCodeAt(amp + 1) === 35 /* # */) {
    const hex = (s.charCodeAt(amp + 2) | 0x20) === 120; /* x or X */
    let i = amp + (hex ? 3 : 2);
    const first = i;
    let value = 0;
    for (let d = digitValue(s.charCodeAt(i), hex); d >= 0; d = digitValue(s.charCodeAt(++i), hex)) value = Math.min(value * (hex ? 16 : 10) + d, 0x110000);
    if (i === first || s.charCodeAt(i) !== 59 /* ; */ || !isXmlChar(value)) return null;
    return { char: String.fromCodePoint(value), end: i + 1 };
  }
  // The predefined names have 2–4 letters: look no further (a text of `&` without `;` stays linear).
  let semi = amp + 1;
  while (semi <= amp + 5 && semi < s.length && s.charCodeAt(semi) !== 59) semi++;
  if (s.charCodeAt(semi) !== 59) return null;
  const name = s.slice(amp + 1, semi);
  return Object.hasOwn(PREDEFINED, name) ? { char: PREDEFINED[name] as string, end: semi + 1 } : null;
}

/**
 * Expands the five predefined entities and character references (decimal and hex). Anything else
 * is kept as written: named entities a DTD would declare (no DTD is read, so nothing expands into
 * more text or fetches anything) and references to code points XML does not allow (`&#0;`,
 * `&#xD800;`, `&#99999999;`). Linear in the length of the text; never throws.
 */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  const parts: string[] = [];
  let from = 0;
  while (amp >= 0) {
    const ref = referenceAt(s, amp);
    if (ref) {
      parts.push(s.slice(from, amp), ref.char);
      from = ref.end;
    }
    amp = s.indexOf('&', ref ? ref.end : amp + 1);
  }
  parts.push(s.slice(from));
  return parts.join('');
}

/** The local name of a qualified name (the prefix dropped). */
const localName = (qname: string): string => qname.slice(qname.lastIndexOf(':') + 1);

/** The attributes the reader uses. */
interface Attributes {
  id?: string;
  srsName?: string;
  srsDimension?: string;
}

/**
 * The attributes the reader uses (gml:id, srsName, srsDimension; any prefix) in the text of a start
 * tag between `from` and `to`, or null when it has none of them. Quoted values only; other
 * attributes are passed over. Linear in the length of the tag.
 */
function readAttributes(src: string, from: number, to: number): Attributes | null {
  let out: Attributes | null = null;
  let i = from;
  while (i < to) {
    while (i < to && isSpace(src.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < to && !isSpace(src.charCodeAt(i)) && src.charCodeAt(i) !== 61 /* = */) i++;
    const nameEnd = i;
    while (i < to && isSpace(src.charCodeAt(i))) i++;
    if (i >= to || src.charCodeAt(i) !== 61) continue;
    i++;
    while (i < to && isSpace(src.charCodeAt(i))) i++;
    const quote = src.charCodeAt(i);
    if (quote !== 34 && quote !== 39) {
      while (i < to && !isSpace(src.charCodeAt(i))) i++;
      continue;
    }
    const valueStart = ++i;
    while (i < to && src.charCodeAt(i) !== quote) i++;
    if (i >= to) break;
    const name = localName(src.slice(nameStart, nameEnd));
    if (name === 'id' || name === 'srsName' || name === 'srsDimension') (out ??= {})[name] = decodeEntities(src.slice(valueStart, i));
    i++;
  }
  return out;
}

/**
 * The end of a markup declaration (`<!DOCTYPE …>` with its internal subset, `<!ENTITY …>`) that
 * starts at `lt`: the index after its `>`, or -1 when the text ends first. Quoted strings and
 * comments inside are passed over; the declaration is never interpreted.
 */
function declarationEnd(src: string, lt: number): number {
  let depth = 0;
  let i = lt + 2;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 34 || c === 39) {
      const close = src.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close + 1;
    } else if (c === 60 /* < */ && src.startsWith('<!--', i)) {
      const close = src.indexOf('-->', i + 4);
      if (close < 0) return -1;
      i = close + 3;
    } else {
      if (c === 91 /* [ */) depth++;
      else if (c === 93 /* ] */) depth = Math.max(0, depth - 1);
      else if (c === 62 /* > */ && depth === 0) return i + 1;
      i++;
    }
  }
  return -1;
}

/** True for a character that can start an element name after `<` (as forgiving as before: anything but white space, `>`, `/` and `!`). */
function startsName(c: number): boolean {
  return !Number.isNaN(c) && !isSpace(c) && c !== 62 && c !== 47 && c !== 33;
}

/**
 * Finds `token` in `src` at or after a position that never decreases between calls, remembering
 * the last answer: a search that found nothing stays so, and one that found a later occurrence
 * needs no new search. Many unterminated comments cost one scan, not one each.
 */
function forwardFinder(src: string, token: string): (from: number) => number {
  let found = -2;
  return (from) => {
    if (found === -1 || found >= from) return found;
    found = src.indexOf(token, from);
    return found;
  };
}

/** True for a character that ends an element name. */
const endsName = (c: number): boolean => isSpace(c) || c === 47 /* / */ || c === 33; /* ! */

/** An Int32Array of at least `size` elements holding `a` (doubled when it grows). */
function withRoom(a: Int32Array, size: number): Int32Array {
  if (size <= a.length) return a;
  const b = new Int32Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/** How the XML reader ended: the tree (null without elements), or a limit passed. */
type XmlRead = { tree: Tree | null } | { limit: Coded };

/**
 * A small, forgiving XML reader: elements by local name (prefixes dropped), the attributes the GML
 * reader uses, and text. One pass over the text with `indexOf`, so linear in its length whatever
 * it holds. Comments, processing instructions and declarations (a DOCTYPE with its entities) are
 * passed over; CDATA is text. An end tag closes the nearest open element of its name, in O(1)
 * when there is none (it is ignored: sloppy nesting tolerated). A `<` that starts no markup, or a
 * comment, CDATA section, processing instruction or declaration that never ends, is text and the
 * reading goes on after it; a tag that never ends makes the rest text. Refuses, with the limit,
 * nesting deeper than `limits.maxDepth` and more than `limits.maxNodes` nodes. Throws nothing.
 */
function parseXml(src: string, limits: GmlLimits): XmlRead {
  const tree: Tree = { name: ['#document'], end: new Int32Array(1024), dim: new Int32Array(1024), text: [''], ids: new Map(), srsName: null, hasCoordinates: false, members: [] };
  tree.dim[0] = 2;
  /** The open elements, the document first. */
  const stack: number[] = [0];
  /** How many open elements have each name, so an end tag without one is passed over in O(1). */
  const open = new Map<string, number>();
  /** One string per element name (for the first {@link MAX_SHARED_NAMES}), so the tree does not hold a copy per element. */
  const names = new Map<string, string>();
  let nodes = 0;
  const commentEnd = forwardFinder(src, '-->');
  const cdataEnd = forwardFinder(src, ']]>');
  const instructionEnd = forwardFinder(src, '?>');
  /** False once a declaration was found to have no end (no later one is looked for: the scan stays linear). */
  let declarationsEnd = true;
  /** Where the text not yet given to an element starts. */
  let textFrom = 0;
  let i = 0;

  const top = (): number => stack[stack.length - 1] as number;
  const addText = (piece: string) => {
    const e = top();
    if (e === 0 || piece === '') return;
    if (!isBlank(piece)) tree.text[e] += piece;
    else if ((tree.text[e] as string).length > 0) tree.text[e] += ' ';
  };
  /** Gives the text before `end` to the open element. */
  const flushText = (end: number) => {
    if (end > textFrom && top() !== 0) addText(decodeEntities(src.slice(textFrom, end)));
    textFrom = Math.max(textFrom, end);
  };
  const countNode = () => {
    if (++nodes > limits.maxNodes) throw new LimitPassed(coded('io.gml.too-many-nodes', { max: limits.maxNodes }));
  };
  const shared = (name: string): string => {
    const known = names.get(name);
    if (known !== undefined) return known;
    if (names.size < MAX_SHARED_NAMES) names.set(name, name);
    return name;
  };
  const openElement = (name: string, attrs: Attributes | null, selfClosing: boolean) => {
    const e = tree.name.length;
    const parent = top();
    tree.name.push(name);
    tree.text.push('');
    tree.end = withRoom(tree.end, e + 1);
    tree.dim = withRoom(tree.dim, e + 1);
    const own = Number(attrs?.srsDimension);
    tree.dim[e] = attrs?.srsDimension !== undefined && Number.isInteger(own) && own >= 2 ? Math.min(own, 0x7fffffff) : (tree.dim[parent] as number);
    if (attrs?.id !== undefined) tree.ids.set(e, attrs.id);
    if (tree.srsName === null && attrs?.srsName !== undefined) tree.srsName = attrs.srsName;
    if (COORDINATE_ELEMENTS.has(name)) tree.hasCoordinates = true;
    if (MEMBER_ELEMENTS.has(name)) tree.members.push(e);
    if (selfClosing) tree.end[e] = e + 1;
    else {
      stack.push(e);
      open.set(name, (open.get(name) ?? 0) + 1);
    }
  };
  const closeElement = (name: string) => {
    if (!open.get(name)) return countNode();
    for (;;) {
      const e = stack.pop() as number;
      tree.end[e] = tree.name.length;
      const n = tree.name[e] as string;
      const left = (open.get(n) ?? 1) - 1;
      if (left) open.set(n, left);
      else open.delete(n);
      if (n === name) return;
    }
  };

  try {
    for (let lt = src.indexOf('<'); lt >= 0; lt = src.indexOf('<', i)) {
      const c = src.charCodeAt(lt + 1);
      let end = -1;
      if (c === 33 /* ! */ && src.startsWith('<!--', lt)) {
        const close = commentEnd(lt + 4);
        if (close >= 0) end = close + 3;
      } else if (c === 33 && src.startsWith('<![CDATA[', lt)) {
        const close = cdataEnd(lt + 9);
        if (close >= 0) {
          flushText(lt);
          addText(src.slice(lt + 9, close));
          end = close + 3;
        }
      } else if (c === 33) {
        if (declarationsEnd) end = declarationEnd(src, lt);
        declarationsEnd = end >= 0;
      } else if (c === 63 /* ? */) {
        const close = instructionEnd(lt + 2);
        if (close >= 0) end = close + 2;
      } else if (c === 47 /* / */ || startsName(c)) {
        const gt = src.indexOf('>', lt + 1);
        if (gt < 0) break; // No tag can follow: the rest is text.
        flushText(lt);
        if (c === 47) {
          let nameEnd = lt + 2;
          while (nameEnd < gt && !endsName(src.charCodeAt(nameEnd))) nameEnd++;
          closeElement(localName(src.slice(lt + 2, nameEnd)));
        } else {
          countNode();
          if (stack.length > limits.maxDepth) throw new LimitPassed(coded('io.gml.too-deep', { max: limits.maxDepth }));
          const selfClosing = src.charCodeAt(gt - 1) === 47;
          const tagEnd = selfClosing ? gt - 1 : gt;
          let nameEnd = lt + 1;
          while (nameEnd < tagEnd && !endsName(src.charCodeAt(nameEnd))) nameEnd++;
          openElement(shared(localName(src.slice(lt + 1, nameEnd))), readAttributes(src, nameEnd, tagEnd), selfClosing);
        }
        i = textFrom = gt + 1;
        continue;
      }
      if (end < 0) {
        // A `<` that starts no markup, or markup that never ends, is text.
        i = lt + 1;
        continue;
      }
      // A comment, CDATA section, declaration or processing instruction.
      flushText(lt);
      countNode();
      i = textFrom = end;
    }
    flushText(src.length);
  } catch (e) {
    if (e instanceof LimitPassed) return { limit: e.problem };
    throw e;
  }
  for (const e of stack) tree.end[e] = tree.name.length;
  return { tree: tree.name.length > 1 ? tree : null };
}

/** The index after element `e`'s last descendant. */
const endOf = (tree: Tree, e: number): number => tree.end[e] as number;

/** An XML document as other readers use it (e.g. WMS capabilities): each element's local name, extent and own text. */
export interface XmlOutline {
  /** Local name of each element, in document order (0 is the document). */
  name: readonly string[];
  /** The index after each element's last descendant. */
  end: Int32Array;
  /** Each element's own text (entities decoded). */
  text: readonly string[];
}

/**
 * Reads XML with the same linear, forgiving reader as GML (no entity expansion, depth and node
 * limits): the outline, or null when there is no element or a limit is passed.
 */
export function readXmlOutline(src: string, limits: Partial<Pick<GmlLimits, 'maxDepth' | 'maxNodes'>> = {}): XmlOutline | null {
  const r = parseXml(src, { ...LIMITS, ...limits });
  if (!('tree' in r) || !r.tree) return null;
  return { name: r.tree.name, end: r.tree.end, text: r.tree.text };
}

/** The children of element `e`, in document order. */
function childrenOf(tree: Tree, e: number): number[] {
  const out: number[] = [];
  for (let c = e + 1; c < endOf(tree, e); c = endOf(tree, c)) out.push(c);
  return out;
}

/** Reading rings: whether to swap lat/lon to lon/lat, arcs densified, and vertices read so far in the ring and the file. */
interface RingContext {
  tree: Tree;
  limits: GmlLimits;
  swap: boolean;
  arcs: number;
  /** Vertices read for the current ring (control points and densified arc points). */
  ringPoints: number;
  /** Vertices read in the whole file. */
  vertices: number;
}

/** Calls `each` with every white-space separated token of a text (as `text.trim().split(/\s+/)` gives them) until it returns false. */
function eachToken(text: string, each: (token: string) => boolean): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) return;
    const start = i;
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
    if (!each(text.slice(start, i))) return;
  }
}

/**
 * Counts `n` vertices read for the current ring (control points and densified arc points): throws
 * {@link RingTooLarge} past the most a ring may have and {@link LimitPassed} past the most the file
 * may have, rings that fail included, so the work stays bounded.
 */
function countPoints(ctx: RingContext, n = 1): void {
  const { maxRingVertices, maxTotalVertices } = ctx.limits;
  ctx.vertices += n;
  if (ctx.vertices > maxTotalVertices) throw new LimitPassed(coded('io.gml.too-many-vertices', { max: maxTotalVertices }));
  ctx.ringPoints += n;
  if (ctx.ringPoints > maxRingVertices) throw new RingTooLarge();
}

/** Numbers of a text as positions of `dim` numbers ([x, y], height dropped); null when they do not fit. */
function positionsOf(text: string, dim: number, ctx: RingContext): Position[] | null {
  const out: Position[] = [];
  let k = 0;
  let x = 0;
  let finite = true;
  eachToken(text, (t) => {
    const v = Number(t);
    if (!Number.isFinite(v)) return (finite = false);
    const at = k++ % dim;
    if (at === 0) x = v;
    else if (at === 1) {
      countPoints(ctx);
      out.push([x, v]);
    }
    return true;
  });
  return finite && k > 0 && k % dim === 0 ? out : null;
}

/** The position of a gml:pos: its first two numbers, when it has at least two and all are numbers. */
function positionOf(text: string, ctx: RingContext): Position[] | null {
  const first: number[] = [];
  let finite = true;
  eachToken(text, (t) => {
    const v = Number(t);
    if (!Number.isFinite(v)) return (finite = false);
    if (first.length < 2) first.push(v);
    return true;
  });
  if (!finite || first.length < 2) return null;
  countPoints(ctx);
  return [[first[0] as number, first[1] as number]];
}

/** The first two numbers of a comma-separated tuple («x,y» or «x,y,z»), when it has two or more and all are numbers. */
function tupleOf(t: string): Position | null {
  const xy: number[] = [];
  let from = 0;
  for (;;) {
    const comma = t.indexOf(',', from);
    const v = Number(t.slice(from, comma < 0 ? t.length : comma));
    if (!Number.isFinite(v)) return null;
    if (xy.length < 2) xy.push(v);
    if (comma < 0) break;
    from = comma + 1;
  }
  return xy.length === 2 ? xy : null;
}

/** The positions of gml:coordinates («x,y x,y» or «x,y,z …»): every tuple has two or more numbers. */
function coordinateTuplesOf(text: string, ctx: RingContext): Position[] | null {
  const out: Position[] = [];
  let ok = true;
  eachToken(text, (t) => {
    const q = tupleOf(t);
    if (!q) return (ok = false);
    countPoints(ctx);
    out.push(q);
    return true;
  });
  return ok && out.length > 0 ? out : null;
}

/** The control points under element `e` (posList, pos or coordinates, `e` included, not inside a nested surface), in document order. */
function pointsUnder(e: number, ctx: RingContext): Position[] | null {
  const { tree } = ctx;
  const out: Position[] = [];
  for (let d = e; d < endOf(tree, e); d++) {
    const name = tree.name[d] as string;
    const text = tree.text[d] as string;
    let pts: Position[] | null;
    if (d !== e && SURFACE_ELEMENTS.has(name)) {
      d = endOf(tree, d) - 1;
      continue;
    } else if (name === 'posList') pts = positionsOf(text, tree.dim[d] as number, ctx);
    else if (name === 'pos') pts = positionOf(text, ctx);
    else if (name === 'coordinates') pts = coordinateTuplesOf(text, ctx);
    else continue;
    if (!pts) return null;
    for (const q of pts) out.push(q);
  }
  return ctx.swap ? out.map((q) => [q[1] as number, q[0] as number]) : out;
}

/** The positions of an Arc, ArcString or Circle element, densified; null when its points cannot make one. */
function arcPositions(e: number, ctx: RingContext): Position[] | null {
  const pts = pointsUnder(e, ctx);
  if (!pts || pts.length < 3) return null;
  let out: Position[] = [];
  if (ctx.tree.name[e] === 'Circle') {
    const circle = circleRing3(pts[0] as Position, pts[1] as Position, pts[2] as Position);
    if (!circle) return null;
    countPoints(ctx, circle.length);
    out = circle;
  } else {
    for (let i = 0; i + 2 < pts.length; i += 2) {
      const arc = densifyArc3(pts[i] as Position, pts[i + 1] as Position, pts[i + 2] as Position) ?? [];
      countPoints(ctx, arc.length);
      for (const q of arc) out.push(q);
    }
  }
  ctx.arcs++;
  return out;
}

/**
 * The positions of a ring (gml:exterior / gml:interior element): a LinearRing, or a gml:Ring of
 * several curveMembers (LineString, Curve with LineStringSegment, Arc, ArcString, Circle segments)
 * joined in order without repeating shared points. Arcs (three points on a circle) are densified
 * as SOSI arcs are. Null when coordinates are missing or cannot be read. A surface nested in the
 * ring is not read as part of it. Vertices are counted by {@link countPoints}.
 */
function ringOf(ring: number | undefined, ctx: RingContext): Position[] | null {
  if (ring === undefined) return null;
  const { tree } = ctx;
  ctx.ringPoints = 0;
  const out: Position[] = [];
  for (let d = ring; d < endOf(tree, ring); ) {
    const name = tree.name[d] as string;
    let pts: Position[] | null;
    if (d !== ring && SURFACE_ELEMENTS.has(name)) {
      d = endOf(tree, d);
      continue;
    } else if (ARC_ELEMENTS.has(name)) pts = arcPositions(d, ctx);
    else if (COORDINATE_ELEMENTS.has(name)) pts = pointsUnder(d, ctx);
    else {
      d++;
      continue;
    }
    if (!pts) return null;
    for (const q of pts) {
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    d = endOf(tree, d);
  }
  return out.length === 0 ? null : out;
}

/** True for a srsName that gives latitude before longitude (EPSG geographic CRS in URN or URL form). */
function latitudeFirst(srsName: string | null): boolean {
  return srsName !== null && /(?:urn:ogc:def:crs:epsg:[\d.]*:|opengis\.net\/def\/crs\/epsg\/[\d.]+\/)(?:4326|4258)$/i.test(srsName.trim());
}

/** The polygons of a feature (never those of a feature nested in it), and whether it has curves or points. */
function geometryOf(tree: Tree, f: number): { surfaces: number[]; lines: boolean; points: boolean } {
  const out = { surfaces: [] as number[], lines: false, points: false };
  for (let d = f + 1; d < endOf(tree, f); d++) {
    const name = tree.name[d] as string;
    if (MEMBER_ELEMENTS.has(name)) d = endOf(tree, d) - 1;
    else if (SURFACE_ELEMENTS.has(name)) out.surfaces.push(d);
    else if (LINE_ELEMENTS.has(name)) out.lines = true;
    else if (POINT_ELEMENTS.has(name)) out.points = true;
  }
  return out;
}

/** The rings of a polygon element, or why its feature cannot be used. */
function polygonOf(p: number, ctx: RingContext): Position[][] | Coded {
  const children = childrenOf(ctx.tree, p);
  const named = (...names: string[]) => children.filter((c) => names.includes(ctx.tree.name[c] as string));
  try {
    const outer = ringOf(named('exterior', 'outerBoundaryIs')[0], ctx);
    if (!outer) return coded('io.gml.bad-exterior');
    const rings = [outer];
    for (const h of named('interior', 'innerBoundaryIs')) {
      const hole = ringOf(h, ctx);
      if (!hole) return coded('io.gml.bad-hole');
      rings.push(hole);
    }
    return rings;
  } catch (e) {
    if (e instanceof RingTooLarge) return coded('io.gml.ring-too-large', { max: ctx.limits.maxRingVertices });
    throw e;
  }
}

/** The simple properties of a feature: its child elements without children, by name, numbers as numbers. */
function propertiesOf(tree: Tree, f: number, id: string): Record<string, unknown> {
  const properties: Record<string, unknown> = { gml_id: id };
  for (const c of childrenOf(tree, f)) {
    const v = (tree.text[c] as string).trim();
    if (endOf(tree, c) === c + 1 && v) properties[tree.name[c] as string] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  }
  return properties;
}

/** The features of the file: the children of wfs:member and gml:featureMember(s) elements, in document order. */
function featuresOf(tree: Tree, maxFeatures: number): number[] {
  const out: number[] = [];
  for (const m of tree.members) {
    for (const c of childrenOf(tree, m)) {
      if (MEMBER_ELEMENTS.has(tree.name[c] as string)) continue;
      out.push(c);
      if (out.length > maxFeatures) throw new LimitPassed(coded('io.gml.too-many-features', { max: maxFeatures }));
    }
  }
  return out;
}

/** A skipped feature; the skip of a reason without values is made once and shared (a file may have many). */
function skipper(): (id: string, why: Coded) => Skipped {
  const plain = new Map<string, Skipped>();
  return (id, why) => {
    if (Object.keys(why.params).length) return skip(id, why);
    const made = plain.get(why.code) ?? skip(id, why);
    plain.set(why.code, made);
    return { ...made, id };
  };
}

const refusal = (reason: GmlError['reason'], problem: Coded): { ok: false; error: GmlError } => ({ ok: false, error: { reason, ...problem, message: nbText(problem) } });

/** The features of a tree with coordinates. Throws {@link LimitPassed}. */
function readFeatures(tree: Tree, limits: GmlLimits): GmlResult {
  const ctx: RingContext = { tree, limits, swap: latitudeFirst(tree.srsName), arcs: 0, ringPoints: 0, vertices: 0 };
  const features: Feature<Polygon | MultiPolygon>[] = [];
  const skipped: Skipped[] = [];
  const skipFeature = skipper();
  const notAreas = { lines: 0, points: 0 };
  featuresOf(tree, limits.maxFeatures).forEach((f, i) => {
    const id = tree.ids.get(f) ?? `#${i + 1}`;
    // A feature may have several geometry properties (FKB: `område` surface and `posisjon` point): the surface is used.
    const geometry = geometryOf(tree, f);
    if (!geometry.surfaces.length) {
      if (geometry.lines) notAreas.lines++;
      else if (geometry.points) notAreas.points++;
      else skipped.push(skipFeature(id, coded('io.gml.no-surface')));
      return;
    }
    const coordinates: Position[][][] = [];
    for (const p of geometry.surfaces) {
      const rings = polygonOf(p, ctx);
      if (!Array.isArray(rings)) {
        skipped.push(skipFeature(id, rings));
        return;
      }
      coordinates.push(rings);
    }
    features.push({
      type: 'Feature',
      properties: propertiesOf(tree, f, id),
      geometry: coordinates.length === 1 ? { type: 'Polygon', coordinates: coordinates[0] as Position[][] } : { type: 'MultiPolygon', coordinates }
    });
  });
  const srsName = tree.srsName;
  return { crs: srsName ? normalizeCrs(srsName) : null, srsName, features: { type: 'FeatureCollection', features }, skipped, notAreas, arcs: ctx.arcs };
}

/**
 * Parses GML features with polygon geometry: Plan-GML (kommuneplan/reguleringsplan 5.0) and
 * FKB-AR5, as wfs:member or gml:featureMember(s), with gml:MultiSurface, Surface/PolygonPatch or
 * Polygon; gml:posList (srsDimension 3 drops the height), gml:pos or gml:coordinates; with or
 * without namespace prefixes. Coordinates are read in E, N order, as the EPSG codes for
 * EUREF89 UTM give them. The CRS comes from srsName (URN or URL forms; 5972/5973 read as
 * 25832/25833). Simple child elements become properties by local name.
 *
 * Safe on hostile input: time linear in the length of the text and memory bounded; no DTD or
 * external entity is read (only the predefined entities and character references are expanded,
 * see {@link decodeEntities}); refuses, naming the limit, a file nested deeper than
 * {@link MAX_DEPTH}, with more than {@link MAX_NODES} nodes, {@link MAX_FEATURES} features or
 * {@link MAX_TOTAL_VERTICES} vertices; skips a feature with a ring over {@link MAX_RING_VERTICES}
 * vertices (`limits` lowers them, for tests). Never throws.
 */
export function parseGml(text: string, limits: Partial<GmlLimits> = {}): { ok: true; result: GmlResult } | { ok: false; error: GmlError } {
  const all: GmlLimits = { ...LIMITS, ...limits };
  const xml = parseXml(text, all);
  if ('limit' in xml) return refusal('too-large', xml.limit);
  if (!xml.tree?.hasCoordinates) return refusal('not-gml', coded('io.gml.not-gml'));
  try {
    return { ok: true, result: readFeatures(xml.tree, all) };
  } catch (e) {
    if (e instanceof LimitPassed) return refusal('too-large', e.problem);
    throw e;
  }
}

/** A srsName as quoted in a message: cut to {@link MAX_QUOTED_SRS_NAME} characters. */
const quotedSrsName = (s: string): string => (s.length > MAX_QUOTED_SRS_NAME ? `${s.slice(0, MAX_QUOTED_SRS_NAME)}…` : s);

/**
 * The GML reader of the registry: {@link parseGml} on the UTF-8 text, refusing a file without a
 * known srsName (unless the user gave a CRS) or without any usable surface, and a file past one
 * of the reader's limits (named in the message); densified arcs noted.
 */
export const read: FormatReader = async (bytes, options) => {
  const r = parseGml(decodeText(bytes).text);
  if (!r.ok) return refuse(r.error.reason, r.error);
  const gml = r.result;
  if (!gml.crs && !options.crs) return refuse('crs-needed', coded('io.file.gml-crs', { srsName: gml.srsName !== null ? quotedSrsName(gml.srsName) : coded('io.file.missing') }));
  const notes = gml.arcs ? [coded('io.note.gml-arcs', { count: count('arc', gml.arcs) })] : [];
  if (!gml.features.features.length) return noPolygons(gml.skipped, gml.notAreas, coded('io.file.gml-no-surface'), (objects) => coded('io.file.gml-only', { objects }));
  return { ok: true, json: gml.features, crs: gml.crs, skipped: gml.skipped, notAreas: gml.notAreas, notes };
};
