import { defaultNorms } from '$lib/domain/norms.ts';
import { tr } from '$lib/i18n/lang.svelte.ts';
import { baselineIndicators, mapChanges, runScenario } from '$lib/scenario/run.ts';
import type { DatasetState } from '$lib/state/dataset.svelte.ts';
import type { ScenarioState } from '$lib/state/scenarios.svelte.ts';

/**
 * The scenarios run on the dataset in use: the baseline, the active scenario, and what it is
 * compared with (the baseline or another scenario), as figures and as changes on the maps.
 */
export class ScenarioRuns {
  /** The scenario the active one is compared with (null: the baseline). */
  compareId = $state<string | null>(null);
  /** Whether the comparison is also shown as two maps side by side. */
  sideBySide = $state(false);
  private dataset: DatasetState;
  private scenarios: ScenarioState;

  constructor(dataset: DatasetState, scenarios: ScenarioState) {
    this.dataset = dataset;
    this.scenarios = scenarios;
  }

  /** The baseline's figures (null until the data is loaded). */
  baseline = $derived.by(() => (this.dataset.data ? baselineIndicators(this.dataset.data) : null));

  /** The active scenario's figures and change effects. */
  active = $derived.by(() => {
    const a = this.scenarios.active;
    const data = this.dataset.data;
    return a && data ? runScenario(data, a) : null;
  });

  /** What the active scenario is compared with: the baseline or another scenario. */
  comparison = $derived.by(() => {
    const other = this.scenarios.list.find((x) => x.id === this.compareId && x.id !== this.scenarios.activeId);
    const data = this.dataset.data;
    if (!other || !data) return { indicators: this.baseline, name: tr('scenario.baseline'), norms: defaultNorms() };
    return { indicators: runScenario(data, other).indicators, name: other.navn, norms: other.norms };
  });

  /** The active scenario's changes by feature id, for the map. */
  activeChanges = $derived.by(() => mapChanges(this.scenarios.active?.changes));

  /** The compared scenario's changes by feature id, for the second map. */
  comparedChanges = $derived.by(() => mapChanges(this.scenarios.list.find((x) => x.id === this.compareId)?.changes));

  /** Whether two maps are shown (side by side, with an active scenario). */
  get split(): boolean {
    return this.sideBySide && this.scenarios.active !== null;
  }
}
