import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { circleRing3, densifyArc3 } from '../../geo/arc.ts';
import { normalizeCrs, type CrsCode } from '../../geo/crs.ts';
import { coded, count, nbText, skip, type Coded, type Skipped } from '../coded.ts';
import { noPolygons, refuse, type FormatReader } from './driver.ts';
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

const LINE_ELEMENTS = new Set(['LineString', 'Curve', 'MultiCurve', 'MultiLineString', 'CompositeCurve', 'OrientableCurve']);
const POINT_ELEMENTS = new Set(['Point', 'MultiPoint']);

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
  /** Coordinate dimension in force here: the nearest srsDimension on the element or above it (2 by default). */
  dim?: number;
}

/** Sets each element's coordinate dimension from the nearest srsDimension at or above it (iterative: no recursion). */
function inheritDimensions(root: El): void {
  const stack: [El, number][] = [[root, 2]];
  while (stack.length) {
    const [el, above] = stack.pop() as [El, number];
    const own = Number(el.attrs.srsDimension);
    el.dim = Number.isInteger(own) && own >= 2 ? own : above;
    for (const c of el.children) stack.push([c, el.dim]);
  }
}

function parseAttrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const key = (m[1] as string).replace(/^.*:/, '');
    out[key] = m[3] ?? m[4] ?? '';
  }
  return out;
}

const decodeEntities = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');

/** A small, forgiving XML reader: elements by local name (prefixes dropped), attributes and text. */
function parseXml(text: string): El | null {
  const root: El = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  const body = text.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, c: string) => c.replace(/</g, '&lt;'));
  for (const m of body.matchAll(/<(\/?)([^\s>/!]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const top = stack[stack.length - 1] as El;
    if (m[5] !== undefined) {
      top.text += decodeEntities(m[5]);
      continue;
    }
    const name = (m[2] as string).replace(/^.*:/, '');
    if (m[1]) {
      // Close the nearest open element of that name (tolerates sloppy nesting).
      for (let i = stack.length - 1; i > 0; i--) {
        if ((stack[i] as El).name === name) {
          stack.length = i;
          break;
        }
      }
      continue;
    }
    const el: El = { name, attrs: parseAttrs(m[3] ?? ''), children: [], text: '' };
    top.children.push(el);
    if (!m[4]) stack.push(el);
  }
  return root.children.length ? root : null;
}

function* descendants(el: El): Generator<El> {
  for (const c of el.children) {
    yield c;
    yield* descendants(c);
  }
}

const find = (el: El, name: string) => [...descendants(el)].find((d) => d.name === name);

/** Numbers of a text as positions of `dim` numbers ([x, y], height dropped); null when they do not fit. */
function positionsOf(text: string, dim: number): Position[] | null {
  const nums = text.trim().split(/\s+/).map(Number);
  if (!nums.length || nums.some((n) => !Number.isFinite(n)) || nums.length % dim !== 0) return null;
  const out: Position[] = [];
  for (let i = 0; i + 1 < nums.length; i += dim) out.push([nums[i] as number, nums[i + 1] as number]);
  return out;
}

/** Reading rings: whether to swap lat/lon to lon/lat, and a count of arcs densified. */
interface RingContext {
  swap: boolean;
  arcs: number;
}

/** The control points under an element (posList, pos or coordinates), in document order. */
function pointsUnder(el: El, ctx: RingContext): Position[] | null {
  const out: Position[] = [];
  for (const d of [el, ...descendants(el)]) {
    let pts: Position[] | null = null;
    if (d.name === 'posList') pts = positionsOf(d.text, d.dim ?? 2);
    else if (d.name === 'pos') pts = positionsOf(d.text, Math.max(2, d.text.trim().split(/\s+/).length));
    else if (d.name === 'coordinates') {
      const pairs = d.text.trim().split(/\s+/).map((t) => t.split(',').map(Number));
      pts = pairs.every((q) => q.length >= 2 && q.every(Number.isFinite)) ? pairs.map((q) => [q[0] as number, q[1] as number]) : null;
    } else continue;
    if (!pts) return null;
    for (const q of pts) out.push(q);
  }
  return ctx.swap ? out.map((q) => [q[1] as number, q[0] as number]) : out;
}

/**
 * The positions of a ring (gml:exterior / gml:interior): a LinearRing, or a gml:Ring of several
 * curveMembers (LineString, Curve with LineStringSegment, Arc, ArcString, Circle segments) joined
 * in order without repeating shared points. Arcs (three points on a circle) are densified as SOSI
 * arcs are. Null when coordinates are missing or cannot be read.
 */
function ringOf(ring: El | undefined, ctx: RingContext): Position[] | null {
  if (!ring) return null;
  const out: Position[] = [];
  const append = (pts: readonly Position[]) => {
    for (const q of pts) {
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
  };
  const walk = (el: El): boolean => {
    if (el.name === 'Arc' || el.name === 'ArcString' || el.name === 'Circle') {
      const pts = pointsUnder(el, ctx);
      if (!pts || pts.length < 3) return false;
      if (el.name === 'Circle') {
        const c = circleRing3(pts[0] as Position, pts[1] as Position, pts[2] as Position);
        if (!c) return false;
        append(c);
      } else {
        for (let i = 0; i + 2 < pts.length; i += 2) append(densifyArc3(pts[i] as Position, pts[i + 1] as Position, pts[i + 2] as Position) ?? []);
      }
      ctx.arcs++;
      return true;
    }
    if (el.name === 'posList' || el.name === 'pos' || el.name === 'coordinates') {
      const pts = pointsUnder(el, ctx);
      if (!pts) return false;
      append(pts);
      return true;
    }
    return el.children.every(walk);
  };
  if (!walk(ring) || out.length === 0) return null;
  return out;
}

/** True for a srsName that gives latitude before longitude (EPSG geographic CRS in URN or URL form). */
function latitudeFirst(srsName: string | null): boolean {
  return srsName !== null && /(?:urn:ogc:def:crs:epsg:[\d.]*:|opengis\.net\/def\/crs\/epsg\/[\d.]+\/)(?:4326|4258)$/i.test(srsName.trim());
}

/**
 * Parses GML features with polygon geometry: Plan-GML (kommuneplan/reguleringsplan 5.0) and
 * FKB-AR5, as wfs:member or gml:featureMember(s), with gml:MultiSurface, Surface/PolygonPatch or
 * Polygon; gml:posList (srsDimension 3 drops the height), gml:pos or gml:coordinates; with or
 * without namespace prefixes. Coordinates are read in E, N order, as the EPSG codes for
 * EUREF89 UTM give them. The CRS comes from srsName (URN or URL forms; 5972/5973 read as
 * 25832/25833). Simple child elements become properties by local name. Never throws.
 */
export function parseGml(text: string): { ok: true; result: GmlResult } | { ok: false; error: Coded & { reason: 'not-gml'; message: string } } {
  const root = parseXml(text);
  if (!root || !find(root, 'posList') && !find(root, 'pos') && !find(root, 'coordinates')) {
    const problem = coded('io.gml.not-gml');
    return { ok: false, error: { reason: 'not-gml', ...problem, message: nbText(problem) } };
  }
  const srsName = [...descendants(root)].map((e) => e.attrs.srsName).find((s) => s !== undefined) ?? null;
  inheritDimensions(root);
  const ctx: RingContext = { swap: latitudeFirst(srsName), arcs: 0 };
  const members = [...descendants(root)].filter((e) => e.name === 'member' || e.name === 'featureMember' || e.name === 'featureMembers').flatMap((m) => m.children);
  const features: Feature<Polygon | MultiPolygon>[] = [];
  const skipped: Skipped[] = [];
  const notAreas = { lines: 0, points: 0 };
  members.forEach((f, i) => {
    const id = f.attrs.id ?? `#${i + 1}`;
    // A feature may have several geometry properties (FKB: `område` surface and `posisjon` point): the surface is used.
    const polys = [...descendants(f)].filter((e) => e.name === 'Polygon' || e.name === 'PolygonPatch');
    if (!polys.length) {
      const all = [...descendants(f)];
      if (all.some((e) => LINE_ELEMENTS.has(e.name))) notAreas.lines++;
      else if (all.some((e) => POINT_ELEMENTS.has(e.name))) notAreas.points++;
      else skipped.push(skip(id, coded('io.gml.no-surface')));
      return;
    }
    const coordinates: Position[][][] = [];
    for (const p of polys) {
      const exterior = p.children.find((c) => c.name === 'exterior' || c.name === 'outerBoundaryIs');
      const outer = ringOf(exterior, ctx);
      if (!outer) {
        skipped.push(skip(id, coded('io.gml.bad-exterior')));
        return;
      }
      const holes = p.children.filter((c) => c.name === 'interior' || c.name === 'innerBoundaryIs').map((h) => ringOf(h, ctx));
      if (holes.some((h) => h === null)) {
        skipped.push(skip(id, coded('io.gml.bad-hole')));
        return;
      }
      coordinates.push([outer, ...(holes as Position[][])]);
    }
    const properties: Record<string, unknown> = { gml_id: id };
    for (const c of f.children) {
      if (c.children.length === 0 && c.text.trim()) {
        const v = c.text.trim();
        properties[c.name] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
      }
    }
    features.push({
      type: 'Feature',
      properties,
      geometry: coordinates.length === 1 ? { type: 'Polygon', coordinates: coordinates[0] as Position[][] } : { type: 'MultiPolygon', coordinates }
    });
  });
  return { ok: true, result: { crs: srsName ? normalizeCrs(srsName) : null, srsName, features: { type: 'FeatureCollection', features }, skipped, notAreas, arcs: ctx.arcs } };
}

/**
 * The GML reader of the registry: {@link parseGml} on the UTF-8 text, refusing a file without a
 * known srsName (unless the user gave a CRS) or without any usable surface; densified arcs noted.
 */
export const read: FormatReader = async (bytes, options) => {
  const r = parseGml(decodeText(bytes).text);
  if (!r.ok) return refuse('not-gml', r.error);
  const gml = r.result;
  if (!gml.crs && !options.crs) return refuse('crs-needed', coded('io.file.gml-crs', { srsName: gml.srsName ?? coded('io.file.missing') }));
  const notes = gml.arcs ? [coded('io.note.gml-arcs', { count: count('arc', gml.arcs) })] : [];
  if (!gml.features.features.length) return noPolygons(gml.skipped, gml.notAreas, coded('io.file.gml-no-surface'), (objects) => coded('io.file.gml-only', { objects }));
  return { ok: true, json: gml.features, crs: gml.crs, skipped: gml.skipped, notAreas: gml.notAreas, notes };
};
