import type { ScenarioIndicators } from '$lib/domain/indicators.ts';
import { tr } from '$lib/i18n/lang.svelte.ts';
import { baselineIndicators, mapChanges, runScenario, type MapChange } from '$lib/scenario/run.ts';
import type { Scenario } from '$lib/scenario/scenario.ts';
import { loadScenarios } from '$lib/scenario/scenario-store.ts';
import type { KeyValueStorage } from '$lib/scenario/sketch-store.ts';
import { DatasetState } from '$lib/state/dataset.svelte.ts';

/**
 * The print of a scenario for a meeting (`/utskrift?scenario=…&mot=…`): the scenario from this
 * browser's store, run on the dataset, and what it is compared with (another scenario, or the
 * baseline).
 */
export class ScenarioPrintState {
  readonly dataset = new DatasetState();
  scenario = $state.raw<Scenario | null>(null);
  result = $state.raw<ScenarioIndicators | null>(null);
  other = $state.raw<{ name: string; indicators: ScenarioIndicators } | null>(null);
  /** The scenario's changes by feature id, for the map. */
  changes = $state.raw<Map<string, MapChange>>(new Map());
  /** Why the print cannot be made. */
  error = $state<string | null>(null);

  /** Start-up: language and data, then the scenario named in the address. */
  async start(url: URL, storage: KeyValueStorage): Promise<void> {
    const loaded = await this.dataset.start(url);
    if (!loaded) {
      this.error = this.dataset.error?.message ?? '';
      return;
    }
    const data = loaded.data;
    const all = loadScenarios(storage).scenarios;
    const chosen = all.find((s) => s.id === url.searchParams.get('scenario'));
    if (!chosen) {
      this.error = tr('print.notFound');
      return;
    }
    const vs = all.find((s) => s.id === url.searchParams.get('mot') && s.id !== chosen.id);
    this.other = vs ? { name: vs.navn, indicators: runScenario(data, vs).indicators } : { name: tr('scenario.baseline'), indicators: baselineIndicators(data) };
    this.result = runScenario(data, chosen).indicators;
    this.scenario = chosen;
    this.changes = mapChanges(chosen.changes);
  }
}
