import type { Geometry } from 'geojson';
import { boundsOf, type LngLatBounds } from '$lib/data/bounds.ts';
import type { AppLayerId, BasemapId } from '$lib/layers/catalogue.ts';
import type { ViewQuery } from '$lib/state/url.ts';

/** A feature the user clicked, as the side panel shows it. */
export interface SelectedFeature {
  layer: AppLayerId;
  id: string | number;
  title: string;
  properties: Record<string, unknown>;
}

/** What the user sees: basemap, visible layers, selection and whether the basemap failed. */
export class ViewState {
  basemap = $state<BasemapId>('topograatone');
  layers = $state.raw<ReadonlySet<AppLayerId>>(new Set());
  selected = $state.raw<SelectedFeature | null>(null);
  basemapUnavailable = $state(false);
  /** On a phone, which half of the planner is shown: the panels or the map. */
  phoneView = $state<'panels' | 'map'>('panels');
  #mapReady = $state(false);
  #firstMapDrawn: () => void = () => {};
  /** Resolves when {@link mapReady} is first set: what waits for the first map (the figures). */
  readonly firstMap = new Promise<void>((resolve) => (this.#firstMapDrawn = resolve));
  /** Where the map should move to (WGS84 bounds), e.g. an area picked from the list; null: stay. */
  focus = $state.raw<LngLatBounds | null>(null);

  constructor(initial: ViewQuery) {
    this.basemap = initial.basemap;
    this.layers = new Set(initial.layers);
  }

  /** The main map has been drawn with its data once (`kart-klart`): panels not needed for the first map load after it. */
  get mapReady(): boolean {
    return this.#mapReady;
  }

  set mapReady(ready: boolean) {
    this.#mapReady = ready;
    if (ready) this.#firstMapDrawn();
  }

  /** Shows or hides one layer (a new set, so effects that read `layers` rerun). */
  setLayerVisible(id: AppLayerId, visible: boolean): void {
    const next = new Set(this.layers);
    if (visible) next.add(id);
    else next.delete(id);
    this.layers = next;
  }

  /** Selects a feature found without the map (the area list) and moves the map to it. */
  pick(feature: SelectedFeature, geometry: Geometry | null): void {
    this.selected = feature;
    // On a phone the map comes forward, with the area's panel over it.
    this.phoneView = 'map';
    if (geometry) this.focus = boundsOf({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }] });
  }

  /** The part of the state that goes into the URL. */
  get query(): ViewQuery {
    return { basemap: this.basemap, layers: this.layers };
  }
}
