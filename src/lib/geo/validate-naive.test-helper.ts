import type { MultiPolygon, Polygon, Position } from 'geojson';
import Flatbush from 'flatbush';
import { codeText, type Coded, type KeysAfter, type TextParam } from '../i18n/messages/import.ts';
import { orient, pointInRing, segmentContact } from './segments.ts';

/** Why a geometry was refused. The UI translates these (and the finer `code` of a {@link GeoError}). */
export const VALIDATION_REASONS = [
  'empty',
  'not-polygonal',
  'non-finite-coordinate',
  'too-few-points',
  'unclosed-ring',
  'self-intersection',
  'rings-cross',
  'hole-outside',
  'zero-area'
] as const;

/** One of {@link VALIDATION_REASONS}. */
export type ValidationReason = (typeof VALIDATION_REASONS)[number];

/**
 * A refused geometry: the reason, the feature it belongs to, and the problem as a code
 * (`geo.invalid.*`, with the feature, ring and position) whose bokmål text is `message`.
 */
export interface GeoError extends Coded {
  reason: ValidationReason | (string & {});
  featureId: string;
  message: string;
  detail?: { part?: number; ring?: number; position?: number[] };
}

/** The result of validating a geometry: the geometry (unchanged) or a typed error. */
export type ValidationResult = { ok: true; geometry: Polygon | MultiPolygon } | { ok: false; error: GeoError };

interface Seg {
  ring: number;
  i: number;
  a: Position;
  b: Position;
}

const fmt = (p: Position) => `(${(p[0] as number).toFixed(1)}, ${(p[1] as number).toFixed(1)})`;

/** «ring 2» or «del 1, ring 2» (numbered from 1), as a coded text. */
const whereOf = (part: number | null, ring: number): Coded =>
  part === null ? { code: 'geo.where.ring', params: { ring: ring + 1 } } : { code: 'geo.where.part', params: { part: part + 1, ring: ring + 1 } };

/** A refusal with code `geo.invalid.<what>` (the text names the feature). */
function fail(featureId: string, reason: ValidationReason, what: KeysAfter<'geo.invalid.'>, params: Record<string, TextParam> = {}, detail?: GeoError['detail']): ValidationResult {
  const problem: Coded = { code: `geo.invalid.${what}`, params: { id: featureId, ...params } };
  return { ok: false, error: { reason, featureId, ...problem, message: codeText(problem), detail } };
}

function allCollinear(ring: readonly Position[]): boolean {
  const [a, b] = ring as [Position, Position];
  return ring.every((c) => orient(a[0] as number, a[1] as number, b[0] as number, b[1] as number, c[0] as number, c[1] as number) === 0);
}

/** Rings of one polygon without consecutive duplicate positions (which are harmless). */
function dedupe(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

function crossings(rings: Position[][]): { kind: 'self' | 'rings'; ring: number; other: number; at: Position } | null {
  const segs: Seg[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i < ring.length - 1; i++) segs.push({ ring: r, i, a: ring[i] as Position, b: ring[i + 1] as Position });
  });
  const ringLen = rings.map((r) => r.length - 1);
  const check = (s: Seg, t: Seg) => {
    const c = segmentContact(s.a, s.b, t.a, t.b);
    if (c === 'none') return null;
    if (s.ring === t.ring) {
      const n = ringLen[s.ring] as number;
      const adjacent = Math.abs(s.i - t.i) === 1 || Math.abs(s.i - t.i) === n - 1;
      if (adjacent && c === 'touch') return null;
      return { kind: 'self' as const, ring: s.ring, other: t.ring, at: s.a };
    }
    if (c === 'touch') return null;
    return { kind: 'rings' as const, ring: s.ring, other: t.ring, at: s.a };
  };
  if (segs.length <= 64) {
    for (let x = 0; x < segs.length; x++) {
      for (let y = x + 1; y < segs.length; y++) {
        const hit = check(segs[x] as Seg, segs[y] as Seg);
        if (hit) return hit;
      }
    }
    return null;
  }
  const index = new Flatbush(segs.length);
  for (const s of segs) {
    index.add(Math.min(s.a[0] as number, s.b[0] as number), Math.min(s.a[1] as number, s.b[1] as number), Math.max(s.a[0] as number, s.b[0] as number), Math.max(s.a[1] as number, s.b[1] as number));
  }
  index.finish();
  for (let x = 0; x < segs.length; x++) {
    const s = segs[x] as Seg;
    const found = index.search(
      Math.min(s.a[0] as number, s.b[0] as number),
      Math.min(s.a[1] as number, s.b[1] as number),
      Math.max(s.a[0] as number, s.b[0] as number),
      Math.max(s.a[1] as number, s.b[1] as number)
    );
    for (const y of found) {
      if (y <= x) continue;
      const hit = check(s, segs[y] as Seg);
      if (hit) return hit;
    }
  }
  return null;
}

function validatePolygonRings(rings: unknown, featureId: string, part: number | null): ValidationResult | null {
  const where = (r: number) => whereOf(part, r);
  if (!Array.isArray(rings) || rings.length === 0) return fail(featureId, 'empty', 'empty', {}, { part: part ?? undefined });
  const cleaned: Position[][] = [];
  for (const [r, ring] of rings.entries()) {
    if (!Array.isArray(ring) || ring.length === 0) return fail(featureId, 'empty', 'empty-ring', { where: where(r) }, { part: part ?? undefined, ring: r });
    for (const [k, p] of ring.entries()) {
      if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1]) || typeof p[0] !== 'number' || typeof p[1] !== 'number') {
        return fail(featureId, 'non-finite-coordinate', 'non-finite-coordinate', { point: k + 1, where: where(r) }, { part: part ?? undefined, ring: r });
      }
    }
    const first = ring[0] as Position;
    const last = ring[ring.length - 1] as Position;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      return fail(featureId, 'unclosed-ring', 'unclosed-ring', { where: where(r) }, { part: part ?? undefined, ring: r, position: [...first] });
    }
    const d = dedupe(ring as Position[]);
    if (d.length < 4) {
      return fail(featureId, 'too-few-points', 'too-few-points', { where: where(r) }, { part: part ?? undefined, ring: r });
    }
    cleaned.push(d);
  }
  const outer = cleaned[0] as Position[];
  if (allCollinear(outer)) return fail(featureId, 'zero-area', 'zero-area', { where: where(0) }, { part: part ?? undefined, ring: 0 });
  const hit = crossings(cleaned);
  if (hit?.kind === 'self') {
    return fail(featureId, 'self-intersection', 'self-intersection', { where: where(hit.ring), at: fmt(hit.at) }, { part: part ?? undefined, ring: hit.ring, position: [...hit.at] });
  }
  if (hit) {
    return fail(featureId, 'rings-cross', 'rings-cross', { where: where(hit.ring), other: hit.other + 1, at: fmt(hit.at) }, { part: part ?? undefined, ring: hit.other, position: [...hit.at] });
  }
  for (let r = 1; r < cleaned.length; r++) {
    const hole = cleaned[r] as Position[];
    // A hole that crosses nothing is inside or outside as a whole: test its vertices off the shell.
    const status = hole.map((p) => pointInRing(p[0] as number, p[1] as number, outer)).find((s) => s !== 0) ?? 1;
    if (status < 0) return fail(featureId, 'hole-outside', 'hole-outside', { where: where(r) }, { part: part ?? undefined, ring: r });
  }
  return null;
}

/**
 * Checks that a geometry is a valid Polygon or MultiPolygon: not empty, finite coordinates,
 * closed rings with at least three distinct corners, no ring crossing itself or another ring of
 * the same polygon (touching at a point is allowed), holes inside their shell, non-zero area.
 * Consecutive duplicate points are tolerated. Large rings are checked through a spatial index
 * of their segments. Never throws; the input is not modified.
 */
export function validatePolygonal(geometry: unknown, featureId: string): ValidationResult {
  if (geometry === null || geometry === undefined) return fail(featureId, 'empty', 'no-geometry');
  if (typeof geometry !== 'object' || !('type' in geometry)) return fail(featureId, 'not-polygonal', 'no-type');
  const g = geometry as { type: unknown; coordinates?: unknown };
  if (g.type === 'Polygon') {
    const bad = validatePolygonRings(g.coordinates, featureId, null);
    return bad ?? { ok: true, geometry: geometry as Polygon };
  }
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return fail(featureId, 'empty', 'empty');
    for (const [i, polygon] of g.coordinates.entries()) {
      const bad = validatePolygonRings(polygon, featureId, i);
      if (bad) return bad;
    }
    return { ok: true, geometry: geometry as MultiPolygon };
  }
  return fail(featureId, 'not-polygonal', 'not-polygonal', { type: String(g.type) });
}
