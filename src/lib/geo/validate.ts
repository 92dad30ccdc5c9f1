import type { MultiPolygon, Polygon, Position } from 'geojson';
import { codeText, type Coded, type KeysAfter, type TextParam } from '../i18n/messages/import.ts';
import { orient } from './predicates.ts';
import { certainlyValid, topologySteps, type PolygonRings, type TopologyProblem } from './topology.ts';

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
  'holes-nested',
  'parts-overlap',
  'interior-disconnected',
  'zero-area',
  'too-complex'
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

const fmt = (p: Position) => `(${(p[0] as number).toFixed(1)}, ${(p[1] as number).toFixed(1)})`;

/** «ring 2» or «del 1, ring 2» (numbered from 1), as a coded text. */
const whereOf = (part: number | null, ring: number): Coded =>
  part === null ? { code: 'geo.where.ring', params: { ring: ring + 1 } } : { code: 'geo.where.part', params: { part: part + 1, ring: ring + 1 } };

/** A refusal with code `geo.invalid.<what>` (the text names the feature). */
function fail(featureId: string, reason: ValidationReason, what: KeysAfter<'geo.invalid.'>, params: Record<string, TextParam> = {}, detail?: GeoError['detail']): { ok: false; error: GeoError } {
  const problem: Coded = { code: `geo.invalid.${what}`, params: { id: featureId, ...params } };
  return { ok: false, error: { reason, featureId, ...problem, message: codeText(problem), detail } };
}

function allCollinear(ring: readonly Position[]): boolean {
  const [a, b] = ring as [Position, Position];
  return ring.every((c) => orient(a[0] as number, a[1] as number, b[0] as number, b[1] as number, c[0] as number, c[1] as number) === 0);
}

/** Rings of one polygon without consecutive duplicate positions (which are harmless); the ring itself when it has none. */
function dedupe(ring: readonly Position[]): readonly Position[] {
  let repeats = false;
  for (let i = 1; i < ring.length && !repeats; i++) {
    const a = ring[i - 1] as Position;
    const b = ring[i] as Position;
    repeats = a[0] === b[0] && a[1] === b[1];
  }
  if (!repeats) return ring;
  const out: Position[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** The rings of one polygon, well-formed (closed, ≥ 3 distinct corners, finite, non-zero shell), or the refusal. */
function wellFormedRings(rings: unknown, featureId: string, part: number | null): { ok: false; error: GeoError } | PolygonRings {
  const where = (r: number) => whereOf(part, r);
  if (!Array.isArray(rings) || rings.length === 0) return fail(featureId, 'empty', 'empty', {}, { part: part ?? undefined });
  const cleaned: (readonly Position[])[] = [];
  // Index loops, not entries(): one pass over every position of the file, without an [index, value] pair each.
  for (let r = 0; r < rings.length; r++) {
    const ring: unknown = rings[r];
    if (!Array.isArray(ring) || ring.length === 0) return fail(featureId, 'empty', 'empty-ring', { where: where(r) }, { part: part ?? undefined, ring: r });
    for (let k = 0; k < ring.length; k++) {
      const p: unknown = ring[k];
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
  const outer = cleaned[0] as readonly Position[];
  if (allCollinear(outer)) return fail(featureId, 'zero-area', 'zero-area', { where: where(0) }, { part: part ?? undefined, ring: 0 });
  return cleaned;
}

/** The refusal for a topological problem (numbers from 0 in `problem`, from 1 in the text). */
function topologyFailure(problem: TopologyProblem, featureId: string, multi: boolean): ValidationResult {
  const partOf = (p: number) => (multi ? p : null);
  const at = (p: [number, number]) => ({ position: [...p] });
  switch (problem.kind) {
    case 'self-intersection':
      return fail(featureId, 'self-intersection', 'self-intersection', { where: whereOf(partOf(problem.part), problem.ring), at: fmt(problem.at) }, { part: partOf(problem.part) ?? undefined, ring: problem.ring, ...at(problem.at) });
    case 'rings-cross':
      return fail(featureId, 'rings-cross', 'rings-cross', { where: whereOf(partOf(problem.part), problem.ring), other: problem.other + 1, at: fmt(problem.at) }, { part: partOf(problem.part) ?? undefined, ring: problem.other, ...at(problem.at) });
    case 'hole-outside':
      return fail(featureId, 'hole-outside', 'hole-outside', { where: whereOf(partOf(problem.part), problem.ring) }, { part: partOf(problem.part) ?? undefined, ring: problem.ring });
    case 'holes-nested':
      return fail(featureId, 'holes-nested', 'holes-nested', { where: whereOf(partOf(problem.part), problem.ring), other: problem.other + 1 }, { part: partOf(problem.part) ?? undefined, ring: problem.ring });
    case 'interior-disconnected':
      return fail(featureId, 'interior-disconnected', 'interior-disconnected', { where: whereOf(partOf(problem.part), problem.ring), other: problem.other + 1, at: fmt(problem.at) }, { part: partOf(problem.part) ?? undefined, ring: problem.other, ...at(problem.at) });
    case 'parts-overlap':
      return problem.at
        ? fail(featureId, 'parts-overlap', 'parts-overlap-at', { part: problem.part + 1, other: problem.other + 1, at: fmt(problem.at) }, { part: problem.other, ...at(problem.at) })
        : fail(featureId, 'parts-overlap', 'parts-overlap', { part: problem.part + 1, other: problem.other + 1 }, { part: problem.other });
    case 'too-complex':
      return fail(featureId, 'too-complex', 'too-complex');
  }
}

/** Options for {@link validatePolygonal}. */
export interface ValidateOptions {
  /** Refuse with `too-complex` rather than go on past this time (ms since the epoch, as Date.now()). */
  deadline?: number;
}

/**
 * Checks that a geometry is a valid Polygon or MultiPolygon, by the OGC rules GEOS `is_valid`
 * applies: not empty, finite coordinates, closed rings with at least three distinct corners,
 * non-zero area; no ring crossing or touching itself, rings of a polygon touching only at points
 * that do not cut its interior in two, holes inside their own shell and not inside each other,
 * parts of a MultiPolygon not overlapping (they may touch at points). Consecutive duplicate
 * points are tolerated. O(n log n) for n vertices (topology.ts: a plane sweep with exact
 * predicates). Never throws; the input is not modified.
 */
export function validatePolygonal(geometry: unknown, featureId: string, options: ValidateOptions = {}): ValidationResult {
  let steps: Generator<void, ValidationResult>;
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (g !== null && typeof g === 'object' && g.type === 'Polygon') {
    const rings = wellFormedRings(g.coordinates, featureId, null);
    if ('error' in rings) return rings;
    // The common case, a polygon of one small ring clear of itself, without setting up the steps.
    if (certainlyValid([rings])) return { ok: true, geometry: geometry as Polygon };
    steps = polygonSteps(rings, geometry as Polygon, featureId, options);
  } else steps = validationSteps(geometry, featureId, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * {@link validatePolygonal} that gives the thread back every few milliseconds (a zero-delay
 * timer between steps of the sweep), so a server that checks a large geometry still answers
 * other requests meanwhile. Same answer as the synchronous one.
 */
export async function validatePolygonalAsync(geometry: unknown, featureId: string, options: ValidateOptions & { sliceMs?: number } = {}): Promise<ValidationResult> {
  const slice = options.sliceMs ?? 8;
  const steps = validationSteps(geometry, featureId, options);
  let since = Date.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (Date.now() - since >= slice) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      since = Date.now();
    }
  }
}

/** The topology checks of a Polygon whose rings are well-formed, pausing between steps of the sweep. */
function* polygonSteps(rings: PolygonRings, geometry: Polygon, featureId: string, options: ValidateOptions): Generator<void, ValidationResult> {
  const problem = yield* topologySteps([rings], options);
  return problem ? topologyFailure(problem, featureId, false) : { ok: true, geometry };
}

/** The checks of {@link validatePolygonal}, pausing between steps of the sweep. */
function* validationSteps(geometry: unknown, featureId: string, options: ValidateOptions): Generator<void, ValidationResult> {
  if (geometry === null || geometry === undefined) return fail(featureId, 'empty', 'no-geometry');
  if (typeof geometry !== 'object' || !('type' in geometry)) return fail(featureId, 'not-polygonal', 'no-type');
  const g = geometry as { type: unknown; coordinates?: unknown };
  if (g.type === 'Polygon') {
    const rings = wellFormedRings(g.coordinates, featureId, null);
    if ('error' in rings) return rings;
    return yield* polygonSteps(rings, geometry as Polygon, featureId, options);
  }
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return fail(featureId, 'empty', 'empty');
    const parts: PolygonRings[] = [];
    for (const [i, polygon] of g.coordinates.entries()) {
      const rings = wellFormedRings(polygon, featureId, i);
      if ('error' in rings) return rings;
      parts.push(rings);
    }
    const problem = yield* topologySteps(parts, options);
    return problem ? topologyFailure(problem, featureId, true) : { ok: true, geometry: geometry as MultiPolygon };
  }
  return fail(featureId, 'not-polygonal', 'not-polygonal', { type: String(g.type) });
}
