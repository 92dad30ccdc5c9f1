/**
 * Tilgang and avgang of næringsareal between two plan versions, by planar overlay in EPSG:25832
 * (never by ids: a feature may be split, merged, moved or renumbered between versions).
 *
 * Rules:
 * - Only næringsareal counts; the caller passes each plan's næring features (the app's mapping
 *   decides which, and gives status 1 nåværende or 2 framtidig, see {@link AREALBRUKSSTATUS}).
 * - Within one plan, features are made disjoint in order: a feature owns what no earlier feature
 *   of its plan covers. So each plan's næring is dissolved (per arealformål and status too) and
 *   an overlap inside one plan counts once, for the earlier feature.
 * - tilgang: næring in NEW that was not næring in OLD, by the NEW feature's arealformål and status.
 *   avgang: the reverse, by the OLD feature's arealformål and status. A change of arealformål
 *   or status between næring codes (1300 → 1150) is neither.
 * - realisert: næring in both, status 2 (framtidig) in OLD and 1 (nåværende) in NEW. Realised
 *   land is not tilgang or avgang. (1 → 2 is uendret.)
 * - Per feature: its owned area is split into parts: NEW features into tilgang, realisert and
 *   uendret; OLD features into avgang, realisert and uendret. Its `change` is its largest part
 *   (plurality); on a tie the first of uendret, realisert, tilgang/avgang (a feature owning no
 *   area is uendret).
 *
 * Invariants (tested): the parts of a feature add up to its area; the tilgang parts of the NEW
 * features add up to `tilgangM2`, the avgang parts of the OLD ones to `avgangM2`, and the
 * realisert parts of either side to `realisertM2`; so Σ area(NEW) − Σ area(OLD) = `nettoM2`.
 * `byArealformal` and `byStatus` split the same totals. diff(A, A) is all uendret with no
 * tilgang or avgang, and tilgang(A, B) = avgang(B, A) per arealformål.
 *
 * Shared areas under {@link OVERLAP_NOISE_M2} (1 mm²) between the plans are rounding noise and
 * ignored. Overlay failures never throw: a feature whose owned part cannot be computed is left out (a
 * problem `plan-diff.feature-left-out`); an intersection polyclip cannot compute is measured by
 * the exact area method instead (`plan-diff.overlap-fallback`) or, if that fails too, counted as
 * none (`plan-diff.overlap-left-out`). Inputs are not modified.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import Flatbush from 'flatbush';
import { claimInOrder, fromShape, overlapAreas, overlay, overlayOrigin, shapeArea, shapeBox, toShape, type Origin, type Shape } from '../geo/overlay.ts';
import { AREALBRUKSSTATUS } from './norms.ts';

/** A næring feature of one plan version. Geometry in EPSG:25832 (planar, valid). */
export interface PlanDiffFeature {
  id: string;
  /** The SOSI arealformål code as text («1300»), the key of {@link PlanDiffResult.byArealformal}. */
  arealformal: string;
  /** Arealbruksstatus: 1 nåværende, 2 framtidig. */
  status: 1 | 2;
  geometry: Polygon | MultiPolygon;
}

export type PlanChange = 'tilgang' | 'avgang' | 'realisert' | 'uendret';
export type PlanSource = 'old' | 'new';

/** What happened to one feature. Areas in m², planar in EPSG:25832. */
export interface PlanDiffFeatureResult {
  id: string;
  source: PlanSource;
  arealformal: string;
  status: 1 | 2;
  /** Its largest part (see the rules at the top of the module). */
  change: PlanChange;
  /** The area the feature owns in its plan: its own area less what earlier features of the plan cover. */
  areaM2: number;
  /** Its area by what happened to it; sums to `areaM2`. `tilgang` is 0 for OLD features, `avgang` 0 for NEW ones. */
  partsM2: Record<PlanChange, number>;
}

/** Tilgang and avgang in m². */
export interface TilgangAvgang {
  tilgangM2: number;
  avgangM2: number;
}

/** Something the overlay could not do as planned; `detail` is the geometry library's message. */
export interface PlanDiffProblem {
  code: 'plan-diff.feature-left-out' | 'plan-diff.overlap-fallback' | 'plan-diff.overlap-left-out';
  params: { source?: PlanSource; id?: string; oldId?: string; newId?: string; detail: string };
}

/** The diff of two plan versions. Areas in m², planar in EPSG:25832. */
export interface PlanDiffResult {
  tilgangM2: number;
  avgangM2: number;
  /** tilgang − avgang. */
  nettoM2: number;
  realisertM2: number;
  /** By arealformål: every code of either plan's features, in code order. */
  byArealformal: Record<string, TilgangAvgang>;
  /** By status: tilgang by NEW status, avgang by OLD status. */
  byStatus: { naavaerende: TilgangAvgang; framtidig: TilgangAvgang };
  /** OLD features in their order, then NEW ones (a feature left out, see `problems`, is not listed). */
  features: PlanDiffFeatureResult[];
  problems: PlanDiffProblem[];
}

/**
 * Shared area below this (m²; one square millimetre) between a NEW and an OLD piece is noise: the
 * pieces' crossing points are rounded to floating point, so pieces that touch can seem to overlap
 * by ~1e-17 m². Such pairs count as no overlap.
 */
export const OVERLAP_NOISE_M2 = 1e-6;

/** The order ties between parts are broken in. */
const TIE_ORDER: readonly PlanChange[] = ['uendret', 'realisert', 'tilgang', 'avgang'];

/** The largest part; ties go to the first in {@link TIE_ORDER}. */
export function dominantChange(parts: Readonly<Record<PlanChange, number>>, source: PlanSource): PlanChange {
  const candidates = TIE_ORDER.filter((c) => c !== (source === 'old' ? 'tilgang' : 'avgang'));
  let best = candidates[0] as PlanChange;
  for (const c of candidates) if (parts[c] > parts[best]) best = c;
  return best;
}

/** Code order: whole numbers by value first, then other codes alphabetically. */
function byCode(a: string, b: string): number {
  const na = /^\d+$/.test(a) ? Number(a) : Number.NaN;
  const nb = /^\d+$/.test(b) ? Number(b) : Number.NaN;
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  if (Number.isFinite(na) !== Number.isFinite(nb)) return Number.isFinite(na) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const detailOf = (e: unknown) => String((e as Error)?.message ?? e).slice(0, 200);

/** Each feature's owned piece (null when it could not be made), problems for those left out. */
function ownedPieces(plan: readonly PlanDiffFeature[], source: PlanSource, origin: Origin, problems: PlanDiffProblem[]): (Shape | null)[] {
  const shapes: Shape[] = [];
  const bad = new Map<number, string>();
  plan.forEach((f, i) => {
    try {
      shapes.push(toShape(f.geometry, origin));
    } catch (e) {
      shapes.push([]);
      bad.set(i, detailOf(e));
    }
  });
  const { pieces, failed } = claimInOrder(shapes);
  for (const { index, detail } of failed) bad.set(index, detail);
  for (const [i, detail] of [...bad].sort((a, b) => a[0] - b[0])) {
    pieces[i] = null;
    problems.push({ code: 'plan-diff.feature-left-out', params: { source, id: (plan[i] as PlanDiffFeature).id, detail } });
  }
  return pieces;
}

/**
 * The diff of two plan versions' næringsareal (see the rules at the top of the module). `oldPlan`
 * and `newPlan` are the næring features of each version, in file order.
 */
export function planDiff(oldPlan: readonly PlanDiffFeature[], newPlan: readonly PlanDiffFeature[]): PlanDiffResult {
  const problems: PlanDiffProblem[] = [];
  const origin = overlayOrigin([...oldPlan, ...newPlan].map((f) => f.geometry));
  const oldPieces = ownedPieces(oldPlan, 'old', origin, problems);
  const newPieces = ownedPieces(newPlan, 'new', origin, problems);

  // Shared area of every NEW piece with every OLD piece; pieces are disjoint within each plan.
  const overlaps = overlapAreas(newPieces, oldPieces);
  const idOf = (plan: readonly PlanDiffFeature[], i: number) => (plan[i] as PlanDiffFeature).id;
  for (const f of overlaps.fallbacks) problems.push({ code: 'plan-diff.overlap-fallback', params: { newId: idOf(newPlan, f.a), oldId: idOf(oldPlan, f.b), detail: f.detail } });
  for (const f of overlaps.failed) problems.push({ code: 'plan-diff.overlap-left-out', params: { newId: idOf(newPlan, f.a), oldId: idOf(oldPlan, f.b), detail: f.detail } });
  const covered = { old: new Float64Array(oldPlan.length), new: new Float64Array(newPlan.length) };
  const realised = { old: new Float64Array(oldPlan.length), new: new Float64Array(newPlan.length) };
  for (const { a, b, m2 } of overlaps.pairs) {
    if (m2 < OVERLAP_NOISE_M2) continue;
    covered.new[a] = (covered.new[a] as number) + m2;
    covered.old[b] = (covered.old[b] as number) + m2;
    if ((newPlan[a] as PlanDiffFeature).status === AREALBRUKSSTATUS.naavaerende && (oldPlan[b] as PlanDiffFeature).status === AREALBRUKSSTATUS.framtidig) {
      realised.new[a] = (realised.new[a] as number) + m2;
      realised.old[b] = (realised.old[b] as number) + m2;
    }
  }

  const result: PlanDiffResult = {
    tilgangM2: 0,
    avgangM2: 0,
    nettoM2: 0,
    realisertM2: 0,
    byArealformal: {},
    byStatus: { naavaerende: { tilgangM2: 0, avgangM2: 0 }, framtidig: { tilgangM2: 0, avgangM2: 0 } },
    features: [],
    problems
  };
  const codes = new Set<string>();
  const sides = [
    { source: 'old', plan: oldPlan, pieces: oldPieces },
    { source: 'new', plan: newPlan, pieces: newPieces }
  ] as const;
  for (const { source, plan, pieces } of sides) {
    plan.forEach((f, i) => {
      const piece = pieces[i];
      if (!piece) return;
      codes.add(f.arealformal);
      const areaM2 = shapeArea(piece);
      const gone = Math.max(0, areaM2 - (covered[source][i] as number));
      const real = realised[source][i] as number;
      const partsM2: Record<PlanChange, number> = { tilgang: 0, avgang: 0, realisert: real, uendret: Math.max(0, areaM2 - gone - real) };
      partsM2[source === 'new' ? 'tilgang' : 'avgang'] = gone;
      result.features.push({ id: f.id, source, arealformal: f.arealformal, status: f.status, change: dominantChange(partsM2, source), areaM2, partsM2 });
      const key = source === 'new' ? 'tilgangM2' : 'avgangM2';
      result[key] += gone;
      const formal = (result.byArealformal[f.arealformal] ??= { tilgangM2: 0, avgangM2: 0 });
      formal[key] += gone;
      result.byStatus[f.status === AREALBRUKSSTATUS.framtidig ? 'framtidig' : 'naavaerende'][key] += gone;
      if (source === 'new') result.realisertM2 += real;
    });
  }
  result.nettoM2 = result.tilgangM2 - result.avgangM2;
  result.byArealformal = Object.fromEntries([...codes].sort(byCode).map((c) => [c, result.byArealformal[c] as TilgangAvgang]));
  return result;
}

/** Tilgang, avgang and realisert of one group of features (a named area), m². */
export interface PlanDiffGroup {
  group: string;
  tilgangM2: number;
  avgangM2: number;
  realisertM2: number;
}

/**
 * The diff per group (e.g. the named area, `omrade`, each feature has in its own plan): tilgang
 * from the NEW features' parts, avgang from the OLD ones', realisert from the NEW side (each
 * realised area appears on both sides; counted once). Groups sorted by name (nb); the sums over
 * the groups are the result's totals.
 */
export function planDiffByGroup(result: PlanDiffResult, groupOf: (source: PlanSource, id: string) => string): PlanDiffGroup[] {
  const groups = new Map<string, PlanDiffGroup>();
  for (const f of result.features) {
    const name = groupOf(f.source, f.id);
    const g = groups.get(name) ?? { group: name, tilgangM2: 0, avgangM2: 0, realisertM2: 0 };
    if (f.source === 'new') {
      g.tilgangM2 += f.partsM2.tilgang;
      g.realisertM2 += f.partsM2.realisert;
    } else g.avgangM2 += f.partsM2.avgang;
    groups.set(name, g);
  }
  return [...groups.values()].sort((a, b) => a.group.localeCompare(b.group, 'nb'));
}

/**
 * For a set of pieces, a function giving the indexes (in order) of those whose bounding box meets a
 * shape's: one flatbush index, so each lookup is a tree search rather than a scan of every piece.
 */
function nearFinder(pieces: readonly (Shape | null)[]): (s: Shape) => number[] {
  const live = pieces.flatMap((p, i) => {
    const b = p ? shapeBox(p) : null;
    return b && Number.isFinite(b[0]) ? [{ i, b }] : [];
  });
  if (!live.length) return () => [];
  const tree = new Flatbush(live.length);
  for (const { b } of live) tree.add(b[0], b[1], b[2], b[3]);
  tree.finish();
  return (s) => {
    const b = shapeBox(s);
    return Number.isFinite(b[0]) ? tree.search(b[0], b[1], b[2], b[3]).map((k) => (live[k] as { i: number }).i).sort((x, y) => x - y) : [];
  };
}

/** Where one feature's land went: its tilgang, avgang or realisert part as a shape (EPSG:25832). */
export interface PlanDiffShape {
  change: Exclude<PlanChange, 'uendret'>;
  /** The feature the part belongs to: a NEW feature for tilgang and realisert, an OLD one for avgang. */
  source: PlanSource;
  id: string;
  arealformal: string;
  status: 1 | 2;
  /** Planar area of `geometry`, m². */
  areaM2: number;
  geometry: Polygon | MultiPolygon;
}

/**
 * The land behind {@link planDiff}'s figures, for a map: per NEW feature its tilgang part (what no
 * OLD næring covers) and, for status 1, its realisert part (what OLD status 2 covered); per OLD
 * feature its avgang part (what no NEW næring covers). Same rules and owned pieces as
 * {@link planDiff}, so the areas add up to its totals (up to the overlay's rounding; tested against
 * it on real polygons). Parts below {@link OVERLAP_NOISE_M2} are left out; an overlay that fails
 * leaves that part out with a problem (`plan-diff.feature-left-out`). Inputs are not modified.
 */
export function planDiffShapes(oldPlan: readonly PlanDiffFeature[], newPlan: readonly PlanDiffFeature[]): { shapes: PlanDiffShape[]; problems: PlanDiffProblem[] } {
  const problems: PlanDiffProblem[] = [];
  const origin = overlayOrigin([...oldPlan, ...newPlan].map((f) => f.geometry));
  const oldPieces = ownedPieces(oldPlan, 'old', origin, problems);
  const newPieces = ownedPieces(newPlan, 'new', origin, problems);
  const nearOld = nearFinder(oldPieces);
  const nearNew = nearFinder(newPieces);
  const shapes: PlanDiffShape[] = [];
  const add = (change: PlanDiffShape['change'], source: PlanSource, f: PlanDiffFeature, parts: Shape) => {
    const kept = parts.filter((p) => shapeArea([p]) >= OVERLAP_NOISE_M2);
    const geometry = fromShape(kept, origin);
    if (geometry) shapes.push({ change, source, id: f.id, arealformal: f.arealformal, status: f.status, areaM2: shapeArea(kept), geometry });
  };
  const failed = (source: PlanSource, id: string, detail: string) => problems.push({ code: 'plan-diff.feature-left-out', params: { source, id, detail } });

  newPlan.forEach((f, i) => {
    const piece = newPieces[i];
    if (!piece) return;
    const near = nearOld(piece);
    const gained = near.length ? overlay('difference', piece, near.map((j) => oldPieces[j] as Shape)) : { ok: true as const, shape: piece };
    if (gained.ok) add('tilgang', 'new', f, gained.shape);
    else failed('new', f.id, gained.detail);
    if (f.status !== AREALBRUKSSTATUS.naavaerende) return;
    const realised: Shape = [];
    for (const j of near) {
      if ((oldPlan[j] as PlanDiffFeature).status !== AREALBRUKSSTATUS.framtidig) continue;
      const r = overlay('intersection', piece, [oldPieces[j] as Shape]);
      if (r.ok) realised.push(...r.shape);
      else failed('new', f.id, r.detail);
    }
    add('realisert', 'new', f, realised);
  });
  oldPlan.forEach((f, j) => {
    const piece = oldPieces[j];
    if (!piece) return;
    const near = nearNew(piece);
    const lost = near.length ? overlay('difference', piece, near.map((i) => newPieces[i] as Shape)) : { ok: true as const, shape: piece };
    if (lost.ok) add('avgang', 'old', f, lost.shape);
    else failed('old', f.id, lost.detail);
  });
  return { shapes, problems };
}
