import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { areaPlanarM2, m2ToDaa } from '../geo/area.ts';

/**
 * How an area differs between an earlier plan version and a later one (same id = same area):
 * `added` in the later plan only, `removed` in the earlier only (rezoned), `realised` framtidig
 * (2) then and nåværende (1) now, `formal-changed` another arealformål, `changed` anything else
 * (another shape, kategori, plot status …).
 */
export type PlanChangeKind = 'added' | 'removed' | 'realised' | 'formal-changed' | 'changed';

/** The kinds in the order they are listed. */
export const PLAN_CHANGE_KINDS: readonly PlanChangeKind[] = ['added', 'removed', 'realised', 'formal-changed', 'changed'];

/** An area as one plan version has it. */
export interface PlanAreaState {
  arealbruksstatus: number;
  arealformal: number;
  kategori: string;
  daa: number;
}

/** One area that differs between two plan versions. */
export interface PlanChange {
  id: string;
  navn: string;
  omrade: string;
  kind: PlanChangeKind;
  /** The earlier version's area, or null when it is not in the earlier plan. */
  before: PlanAreaState | null;
  /** The later version's area, or null when it is not in the later plan. */
  after: PlanAreaState | null;
}

const stateOf = (f: Feature): PlanAreaState => ({
  arealbruksstatus: Number(f.properties?.arealbruksstatus),
  arealformal: Number(f.properties?.arealformal),
  kategori: String(f.properties?.kategori ?? ''),
  daa: m2ToDaa(areaPlanarM2(f.geometry as Polygon | MultiPolygon))
});

/** Properties that say which version a feature belongs to, not what the plan says. */
const VERSION_ONLY = new Set(['planversjon']);
const planProps = (f: Feature) =>
  JSON.stringify(
    Object.entries(f.properties ?? {})
      .filter(([k]) => !VERSION_ONLY.has(k))
      .sort(([a], [b]) => (a < b ? -1 : 1))
  );

/**
 * The areas that differ between two versions of the næring plan, matched by `id`: by kind (in
 * {@link PLAN_CHANGE_KINDS} order), then in file order (the later file's, then the earlier's).
 * Areas the same in both (properties other than `planversjon`, and geometry) are not listed.
 */
export function planChanges(earlier: FeatureCollection, later: FeatureCollection): PlanChange[] {
  const before = new Map(earlier.features.map((f) => [String(f.properties?.id), f]));
  const after = new Map(later.features.map((f) => [String(f.properties?.id), f]));
  const out: PlanChange[] = [];
  const change = (f: Feature, kind: PlanChangeKind, b: Feature | undefined, a: Feature | undefined) =>
    out.push({ id: String(f.properties?.id), navn: String(f.properties?.navn ?? ''), omrade: String(f.properties?.omrade ?? ''), kind, before: b ? stateOf(b) : null, after: a ? stateOf(a) : null });
  for (const [id, a] of after) {
    const b = before.get(id);
    if (!b) {
      change(a, 'added', undefined, a);
      continue;
    }
    const [sb, sa] = [b.properties?.arealbruksstatus, a.properties?.arealbruksstatus];
    if (sb === 2 && sa === 1) change(a, 'realised', b, a);
    else if (b.properties?.arealformal !== a.properties?.arealformal) change(a, 'formal-changed', b, a);
    else if (planProps(a) !== planProps(b) || JSON.stringify(a.geometry) !== JSON.stringify(b.geometry)) change(a, 'changed', b, a);
  }
  for (const [id, b] of before) if (!after.has(id)) change(b, 'removed', b, undefined);
  return PLAN_CHANGE_KINDS.flatMap((k) => out.filter((c) => c.kind === k));
}

/** Count and area (daa; the later version's area, the earlier's for removed areas) of the changes of each kind. */
export function planChangeSummary(changes: readonly PlanChange[]): { kind: PlanChangeKind; count: number; daa: number }[] {
  return PLAN_CHANGE_KINDS.map((kind) => {
    const of = changes.filter((c) => c.kind === kind);
    return { kind, count: of.length, daa: of.reduce((s, c) => s + ((c.after ?? c.before)?.daa ?? 0), 0) };
  });
}
