import { m2ToDaa } from '../geo/area.ts';
import { planDiff, type PlanChange, type PlanDiffFeature, type PlanDiffProblem, type PlanDiffResult, type PlanSource } from '../domain/plan-diff.ts';
import { coded, count, nbText } from '../io/coded.ts';
import { naeringLayerFrom } from '../io/plan-layers.ts';
import type { ReadFileOk } from '../io/read-file.ts';

/** One næring feature in the CLI's `diff` output: its change (largest part) and the area it owns in its plan. */
export interface DiffFeatureOut {
  id: string;
  source: PlanSource;
  change: PlanChange;
  area_daa: number;
}

/**
 * The CLI's `diff` output (JSON), in this key order. Areas are planar in EPSG:25832, in daa
 * rounded to 3 decimals (the nearest m²); each figure is rounded from the unrounded m², so a sum
 * of rounded figures may differ from the rounded total by up to 0.0005 daa per term.
 */
export interface DiffOut {
  /** The CRS the areas are measured in. */
  crs: 'EPSG:25832';
  tilgang_daa: number;
  avgang_daa: number;
  /** tilgang − avgang. */
  netto_daa: number;
  /** Every arealformål of either plan's næring features, in code order. */
  by_arealformal: Record<string, { tilgang_daa: number; avgang_daa: number }>;
  realisert_daa: number;
  /** OLD næring features in file order, then NEW ones. */
  features: DiffFeatureOut[];
}

/** The arealformål key of a næring feature without a code. */
export const NO_AREALFORMAL = 'ukjent';

/**
 * The næring features of a file as the app's import picks them (src/lib/io/plan-layers.ts
 * `naeringLayerFrom`: known non-næring arealformål and features without arealbruksstatus left
 * out, status 3 counted as 1, ids made unique), ready for {@link planDiff}. Geometry in EPSG:25832.
 */
export function naeringFeatures(read: ReadFileOk, source: string): PlanDiffFeature[] {
  return naeringLayerFrom(read.areas, source).layer.features.map((f) => {
    const p = f.properties ?? {};
    const formal = String(p.arealformal ?? '').trim();
    return { id: String(p.id), arealformal: formal === '' ? NO_AREALFORMAL : formal, status: p.arealbruksstatus === 2 ? 2 : 1, geometry: f.geometry };
  });
}

const daa = (m2: number) => {
  const v = Math.round(m2ToDaa(m2) * 1000) / 1000;
  return v === 0 ? 0 : v; // no -0
};

/** The engine's result as the CLI prints it. */
export function diffOut(r: PlanDiffResult): DiffOut {
  return {
    crs: 'EPSG:25832',
    tilgang_daa: daa(r.tilgangM2),
    avgang_daa: daa(r.avgangM2),
    netto_daa: daa(r.nettoM2),
    by_arealformal: Object.fromEntries(Object.entries(r.byArealformal).map(([k, v]) => [k, { tilgang_daa: daa(v.tilgangM2), avgang_daa: daa(v.avgangM2) }])),
    realisert_daa: daa(r.realisertM2),
    features: r.features.map((f) => ({ id: f.id, source: f.source, change: f.change, area_daa: daa(f.areaM2) }))
  };
}

/** What `diff` computes with: the two plan files as read by readAreaFile, and their names (for messages). */
export interface DiffCommandInput {
  old: ReadFileOk;
  new: ReadFileOk;
  oldName: string;
  newName: string;
}

/** One line (the bokmål text of its code) per feature the files or the overlay had to leave out, for standard error. */
export function diffNotes(input: DiffCommandInput, problems: readonly PlanDiffProblem[]): string[] {
  const notes: string[] = [];
  for (const [read, name] of [
    [input.old, input.oldName],
    [input.new, input.newName]
  ] as const) {
    const n = read.skipped.length;
    if (n) notes.push(nbText(coded('io.diff.skipped', { file: name, n: count('object', n), ids: read.skipped.map((s) => s.id).slice(0, 10).join(', ') })));
  }
  for (const p of problems) {
    const { source, id, oldId, newId, detail } = p.params;
    const file = source === 'old' ? input.oldName : input.newName;
    // An overlap measured by the exact area method instead ('plan-diff.overlap-fallback') is as
    // exact as the overlay: nothing to tell.
    if (p.code === 'plan-diff.feature-left-out') notes.push(nbText(coded('io.diff.feature-left-out', { file, id: String(id), detail: String(detail) })));
    else if (p.code === 'plan-diff.overlap-left-out') notes.push(nbText(coded('io.diff.overlap-left-out', { oldId: String(oldId), newId: String(newId), detail: String(detail) })));
  }
  return notes;
}

/**
 * Runs `diff` on two plan versions already read: the næring features of each (the app's mapping),
 * tilgang, avgang and realisert by planar overlay in EPSG:25832, per arealformål and per feature.
 * Gives the output, the engine's full result and the notes for standard error.
 */
export function runDiff(input: DiffCommandInput): { out: DiffOut; result: PlanDiffResult; notes: string[] } {
  const result = planDiff(naeringFeatures(input.old, input.oldName), naeringFeatures(input.new, input.newName));
  return { out: diffOut(result), result, notes: diffNotes(input, result.problems) };
}
