import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { normalizeCrs, type CrsCode } from '../geo/crs.ts';

/** A feature the reader could not use, and why (Norwegian). */
export interface GmlSkipped {
  id: string;
  reason: string;
}

/** What a GML file gave: polygons with their simple attributes, in the file's CRS ([E, N]). */
export interface GmlResult {
  crs: CrsCode | null;
  srsName: string | null;
  features: FeatureCollection<Polygon | MultiPolygon>;
  skipped: GmlSkipped[];
  /** Features without a surface, counted once by their geometry: curves (boundary lines) and points. */
  notAreas: { lines: number; points: number };
}

const LINE_ELEMENTS = new Set(['LineString', 'Curve', 'MultiCurve', 'MultiLineString', 'CompositeCurve', 'OrientableCurve']);
const POINT_ELEMENTS = new Set(['Point', 'MultiPoint']);

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
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

function ringOf(ring: El | undefined, dim: number): Position[] | null {
  if (!ring) return null;
  const posList = find(ring, 'posList');
  let nums: number[];
  let d = dim;
  if (posList) {
    d = Number(posList.attrs.srsDimension ?? dim) || dim;
    nums = posList.text.trim().split(/\s+/).map(Number);
  } else {
    const pos = [...descendants(ring)].filter((x) => x.name === 'pos');
    if (pos.length) {
      const parts = pos.map((p) => p.text.trim().split(/\s+/).map(Number));
      return parts.every((p) => p.length >= 2 && p.every(Number.isFinite)) ? parts.map((p) => [p[0] as number, p[1] as number]) : null;
    }
    const coordinates = find(ring, 'coordinates');
    if (!coordinates) return null;
    const pairs = coordinates.text.trim().split(/\s+/).map((t) => t.split(',').map(Number));
    return pairs.every((p) => p.length >= 2 && p.every(Number.isFinite)) ? pairs.map((p) => [p[0] as number, p[1] as number]) : null;
  }
  if (!nums.length || nums.some((n) => !Number.isFinite(n)) || nums.length % d !== 0) return null;
  const out: Position[] = [];
  for (let i = 0; i + 1 < nums.length; i += d) out.push([nums[i] as number, nums[i + 1] as number]);
  return out;
}

/**
 * Parses GML features with polygon geometry: Plan-GML (kommuneplan/reguleringsplan 5.0) and
 * FKB-AR5, as wfs:member or gml:featureMember(s), with gml:MultiSurface, Surface/PolygonPatch or
 * Polygon; gml:posList (srsDimension 3 drops the height), gml:pos or gml:coordinates; with or
 * without namespace prefixes. Coordinates are read in E, N order, as the EPSG codes for
 * EUREF89 UTM give them. The CRS comes from srsName (URN or URL forms; 5972/5973 read as
 * 25832/25833). Simple child elements become properties by local name. Never throws.
 */
export function parseGml(text: string): { ok: true; result: GmlResult } | { ok: false; error: { reason: 'not-gml'; message: string } } {
  const root = parseXml(text);
  if (!root || !find(root, 'posList') && !find(root, 'pos') && !find(root, 'coordinates')) {
    return { ok: false, error: { reason: 'not-gml', message: 'ikke GML med flater (fant ingen koordinater).' } };
  }
  const srsName = [...descendants(root)].map((e) => e.attrs.srsName).find((s) => s !== undefined) ?? null;
  const dimAttr = [...descendants(root)].map((e) => e.attrs.srsDimension).find((s) => s !== undefined);
  const dim = Number(dimAttr ?? 2) || 2;
  const members = [...descendants(root)].filter((e) => e.name === 'member' || e.name === 'featureMember' || e.name === 'featureMembers').flatMap((m) => m.children);
  const features: Feature<Polygon | MultiPolygon>[] = [];
  const skipped: GmlSkipped[] = [];
  const notAreas = { lines: 0, points: 0 };
  members.forEach((f, i) => {
    const id = f.attrs.id ?? `#${i + 1}`;
    // A feature may have several geometry properties (FKB: `område` surface and `posisjon` point): the surface is used.
    const polys = [...descendants(f)].filter((e) => e.name === 'Polygon' || e.name === 'PolygonPatch');
    if (!polys.length) {
      const all = [...descendants(f)];
      if (all.some((e) => LINE_ELEMENTS.has(e.name))) notAreas.lines++;
      else if (all.some((e) => POINT_ELEMENTS.has(e.name))) notAreas.points++;
      else skipped.push({ id, reason: 'objektet har ingen flategeometri' });
      return;
    }
    const coordinates: Position[][][] = [];
    for (const p of polys) {
      const exterior = p.children.find((c) => c.name === 'exterior' || c.name === 'outerBoundaryIs');
      const outer = ringOf(exterior, dim);
      if (!outer) {
        skipped.push({ id, reason: 'ytterringen mangler eller har ugyldige koordinater' });
        return;
      }
      const holes = p.children.filter((c) => c.name === 'interior' || c.name === 'innerBoundaryIs').map((h) => ringOf(h, dim));
      if (holes.some((h) => h === null)) {
        skipped.push({ id, reason: 'et hull har ugyldige koordinater' });
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
  return { ok: true, result: { crs: srsName ? normalizeCrs(srsName) : null, srsName, features: { type: 'FeatureCollection', features }, skipped, notAreas } };
}
