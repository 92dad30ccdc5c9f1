import type { FeatureCollection } from 'geojson';
import type { LngLatBounds } from '$lib/data/bounds.ts';
import type { ScenarioIndicators } from '$lib/domain/indicators.ts';
import { bboxOf, type BBox } from '$lib/geo/bbox.ts';
import { projectPosition, reprojectGeometry } from '$lib/geo/crs.ts';
import { printFrame, type ChangedArea } from '$lib/scenario/print-frame.ts';
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
  /** The changed areas the map frames and labels, and the box around them (EPSG:25832). */
  frame = $state.raw<{ areas: ChangedArea[]; box: BBox | null }>({ areas: [], box: null });
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
    this.frame = printFrame(chosen.changes, data.areas);
  }

  /** The map's view: the changed areas with their margin (WGS84), or null: the whole kommune. */
  get focus(): LngLatBounds | null {
    const b = this.frame.box;
    if (!b) return null;
    const [w, s] = projectPosition([b[0], b[1]], 'EPSG:25832', 'EPSG:4326');
    const [e, n] = projectPosition([b[2], b[3]], 'EPSG:25832', 'EPSG:4326');
    return [
      [w as number, s as number],
      [e as number, n as number]
    ];
  }

  /** The changed areas' names on the map, at the middle of each area's bounds (WGS84). */
  get labels(): { id: string; text: string; at: [number, number] }[] {
    return this.frame.areas.map((a) => {
      const b = bboxOf(a.geometry);
      const [lng, lat] = projectPosition([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2], 'EPSG:25832', 'EPSG:4326');
      return { id: a.id, text: a.navn, at: [lng as number, lat as number] };
    });
  }

  /** The scenario's new sites (WGS84), drawn on the map with the sketches' layer as gains. */
  get addedSites(): FeatureCollection {
    return {
      type: 'FeatureCollection',
      features: this.frame.areas
        .filter((a) => this.scenario?.changes.some((c) => c.enabled && c.type === 'add-site' && c.site.id === a.id))
        .map((a) => ({ type: 'Feature', id: a.id, properties: { id: a.id, navn: a.navn }, geometry: reprojectGeometry(a.geometry, 'EPSG:25832', 'EPSG:4326') }))
    };
  }

}
