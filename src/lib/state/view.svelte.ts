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

  constructor(initial: ViewQuery) {
    this.basemap = initial.basemap;
    this.layers = new Set(initial.layers);
  }

  /** Shows or hides one layer (a new set, so effects that read `layers` rerun). */
  setLayerVisible(id: AppLayerId, visible: boolean): void {
    const next = new Set(this.layers);
    if (visible) next.add(id);
    else next.delete(id);
    this.layers = next;
  }

  /** The part of the state that goes into the URL. */
  get query(): ViewQuery {
    return { basemap: this.basemap, layers: this.layers };
  }
}
