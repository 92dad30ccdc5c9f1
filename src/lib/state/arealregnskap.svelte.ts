import type { FeatureCollection } from 'geojson';
import { planAreasOf } from '$lib/data/appdata.ts';
import { arealregnskap, diffFeatures, versionsTable, type Ar5Feature, type Arealregnskap, type PlanVersionSide } from '$lib/domain/arealregnskap.ts';
import { defaultNorms } from '$lib/domain/norms.ts';
import { planDiffShapes } from '$lib/domain/plan-diff.ts';
import { num, tr } from '$lib/i18n/lang.svelte.ts';
import { baselineIndicators, runScenario } from '$lib/scenario/run.ts';
import type { Scenario } from '$lib/scenario/scenario.ts';
import { loadScenarios } from '$lib/scenario/scenario-store.ts';
import type { KeyValueStorage } from '$lib/scenario/sketch-store.ts';
import { DatasetState } from '$lib/state/dataset.svelte.ts';
import { ImportJob } from '$lib/state/import-job.svelte.ts';

/** The id of the plan in use among the versions to compare. */
export const IN_USE = 'gjeldende';

/** A plan version the page can compare: the plan in use, an earlier demo version, or a file. */
export interface PlanVersionOption extends PlanVersionSide {
  id: string;
}

/**
 * The arealregnskap page (`/arealregnskap?scenario=…`): the dataset, this browser's scenarios, and
 * the report for the chosen one (or for the plan as it stands). Choosing another scenario puts it
 * in the address, so a link opens the same report.
 */
export class ArealregnskapState {
  readonly dataset = new DatasetState();
  scenarios = $state.raw<Scenario[]>([]);
  /** The chosen scenario's id; null: the plan as it stands. */
  chosen = $state<string | null>(null);
  /** Why the report cannot be made. */
  error = $state<string | null>(null);

  /** The chosen scenario, or null: the plan as it stands. */
  scenario = $derived(this.scenarios.find((s) => s.id === this.chosen) ?? null);

  /** The chosen scenario run on the data once: its figures, the areas it gave and its effects. */
  run = $derived(this.dataset.data && this.scenario ? runScenario(this.dataset.data, this.scenario) : null);

  /** Tables 1–4 for the chosen scenario (recomputed when the choice or the data change, not when the plan versions do). */
  private base = $derived.by((): Arealregnskap | null => {
    const data = this.dataset.data;
    if (!data) return null;
    const { scenario, run } = this;
    return arealregnskap({
      planAreas: data.planAreas,
      // An imported AR5 file (all its area types) feeds the same tables as the demo AR5.
      ar5: (this.dataset.imports.jordbruk?.ar5?.features ?? data.ar5?.features ?? []) as Ar5Feature[],
      scenario: scenario && run ? { navn: scenario.navn, changes: scenario.changes, areas: run.areas, effects: run.effects } : null,
      norms: scenario?.norms ?? defaultNorms(),
      demo: !this.dataset.imported.naering
    });
  });

  /** The two plan versions compared in table 5 (null: fewer than two to compare). */
  versionPair = $derived.by((): { old: PlanVersionOption; new: PlanVersionOption } | null => {
    const all = this.versionOptions;
    const old = all.find((v) => v.id === this.versionOld) ?? all.find((v) => v.id !== IN_USE);
    const next = all.find((v) => v.id === this.versionNew) ?? all.find((v) => v.id === IN_USE);
    return old && next && old !== next ? { old, new: next } : null;
  });

  /** Table 5 (recomputed only when the versions compared change). */
  versions = $derived(this.versionPair ? versionsTable(this.versionPair) : null);

  /** Where the land of table 5 lies, for its map (computed when the map is shown). */
  versionShapes = $derived(this.versionPair ? planDiffShapes(diffFeatures(this.versionPair.old.planAreas), diffFeatures(this.versionPair.new.planAreas)) : null);

  /** The named area (`omrade`) of a feature of the compared versions, in its own plan. */
  omradeOf = $derived.by(() => {
    const pair = this.versionPair;
    const maps = { old: new Map(pair?.old.planAreas.map((a) => [a.id, a.omrade])), new: new Map(pair?.new.planAreas.map((a) => [a.id, a.omrade])) };
    return (source: 'old' | 'new', id: string) => maps[source].get(id) || id;
  });

  /** The whole report: tables 1–4 and table 5. */
  report = $derived(this.base ? { ...this.base, versions: this.versions } : null);

  /** The engine's figures for the chosen scenario (or the plan): capacity over time, per area, indicators. */
  indicators = $derived(this.run?.indicators ?? (this.dataset.data ? baselineIndicators(this.dataset.data) : null));

  /** Plan versions read from files on this page (kept until the page is closed). */
  versionFiles = $state.raw<PlanVersionOption[]>([]);
  /** The versions compared: ids of {@link versionOptions}; null: the defaults (the first earlier version, to the plan in use). */
  versionOld = $state<string | null>(null);
  versionNew = $state<string | null>(null);
  /** Reads a plan file as another version to compare (the same reader and messages as the import panel). */
  readonly versionImport = new ImportJob((r) => this.addVersionFile(r.report.fileName, r.layer, Object.values(r.report.totalsDaa).reduce((a, b) => a + b, 0)));

  /** The plan versions there are to compare: the plan in use, the demo's earlier versions, and files read on this page. */
  versionOptions = $derived.by((): PlanVersionOption[] => {
    const data = this.dataset.data;
    if (!data) return [];
    const file = this.dataset.imported.naering;
    const inUse: PlanVersionOption = { id: IN_USE, label: file ? tr('arealregnskap.versions.inUseFile', { file }) : tr('arealregnskap.versions.inUse'), planAreas: data.planAreas };
    return [inUse, ...data.planVersions.map((v) => ({ id: v.id, label: v.label, planAreas: v.planAreas })), ...this.versionFiles];
  });

  /** A plan read from a file becomes a version to compare, chosen as the earlier one. */
  addVersionFile(fileName: string, layer: FeatureCollection, daa: number): void {
    const id = `fil-${this.versionFiles.length + 1}`;
    this.versionFiles = [...this.versionFiles, { id, label: fileName, planAreas: planAreasOf(layer) }];
    this.versionOld = id;
    if (this.versionNew === id) this.versionNew = IN_USE;
    this.versionImport.message = { text: () => tr('arealregnskap.versions.fileAdded', { file: fileName, daa: num(daa, 1) }), error: false };
  }

  /** Start-up: language and data, this browser's scenarios, and the one named in the address. */
  async start(url: URL, storage: KeyValueStorage): Promise<void> {
    const loaded = await this.dataset.start(url);
    if (!loaded) {
      this.error = this.dataset.error?.message ?? '';
      return;
    }
    this.scenarios = loadScenarios(storage).scenarios;
    const wanted = url.searchParams.get('scenario');
    this.chosen = this.scenarios.some((s) => s.id === wanted) ? wanted : null;
  }

  /** Chooses a scenario (null: the plan as it stands) and keeps the choice in the address. */
  choose(id: string | null, url: URL): URL {
    this.chosen = id;
    const next = new URL(url);
    if (id) next.searchParams.set('scenario', id);
    else next.searchParams.delete('scenario');
    return next;
  }
}
