import { arealregnskap, type Ar5Feature, type Arealregnskap } from '$lib/domain/arealregnskap.ts';
import { defaultNorms } from '$lib/domain/norms.ts';
import type { PlanArea } from '$lib/domain/plan-area.ts';
import { baselineIndicators, runScenario } from '$lib/scenario/run.ts';
import type { Scenario } from '$lib/scenario/scenario.ts';
import { loadScenarios } from '$lib/scenario/scenario-store.ts';
import type { KeyValueStorage } from '$lib/scenario/sketch-store.ts';
import { DatasetState } from '$lib/state/dataset.svelte.ts';

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

  /** The report for the chosen scenario (recomputed when the choice or the data change). */
  report = $derived.by((): Arealregnskap | null => {
    const data = this.dataset.data;
    if (!data) return null;
    const { scenario, run } = this;
    return arealregnskap({
      planAreas: data.planAreas,
      // An imported AR5 file (all its area types) feeds the same tables as the demo AR5.
      ar5: (this.dataset.imports.jordbruk?.ar5?.features ?? data.ar5?.features ?? []) as Ar5Feature[],
      scenario: scenario && run ? { navn: scenario.navn, changes: scenario.changes, areas: run.areas, effects: run.effects } : null,
      norms: scenario?.norms ?? defaultNorms(),
      demo: !this.dataset.imported.naering,
      planVersion: this.planVersion
    });
  });

  /** The engine's figures for the chosen scenario (or the plan): capacity over time, per area, indicators. */
  indicators = $derived(this.run?.indicators ?? (this.dataset.data ? baselineIndicators(this.dataset.data) : null));

  /** The earlier plan version compared with the plan in use; null: the first there is. */
  versionId = $state<string | null>(null);

  /** The earlier plan versions there are to compare with (the demo data's, for now). */
  get versionOptions(): { id: string; label: string }[] {
    return (this.dataset.data?.planVersions ?? []).map((v) => ({ id: v.id, label: v.label }));
  }

  /** The chosen earlier plan version (the first there is by default), or null. */
  get planVersion(): { label: string; planAreas: PlanArea[] } | null {
    const all = this.dataset.data?.planVersions ?? [];
    const v = all.find((x) => x.id === this.versionId) ?? all[0];
    return v ? { label: v.label, planAreas: v.planAreas } : null;
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
