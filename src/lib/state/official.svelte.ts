import { OFFICIAL_LAYERS, officialFeatureInfoUrl, officialLegendUrl, officialTileUrl, parseFeatureInfo, type OfficialLayerDef, type OfficialLayerId } from '$lib/layers/official.ts';

/** What the app knows of one official layer: not asked yet, asking, its layers, or not available. */
export type OfficialStatus =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; layers: { name: string; title: string }[]; fetchedAt: string | null; stale: boolean }
  | { kind: 'unavailable' };

/** One official layer as the panel and the map use it. */
export interface OfficialLayerView extends OfficialLayerDef {
  visible: boolean;
  opacity: number;
  status: OfficialStatus;
  /** Tiles failed while shown (upstream down and nothing cached for this view). */
  tilesFailed: boolean;
  /** Tiles shown are the last fetched, served from the proxy's cache because the service is down. */
  tilesStale: boolean;
}

/**
 * The official map layers (kommuneplan from DiBK, AR5 from NIBIO) through the app's proxy: off by
 * default; turning one on asks the proxy for the layer names (from the service's GetCapabilities,
 * cached on the server), then the map draws its tiles. A service that cannot be reached gives a
 * quiet notice; the rest of the app is unaffected.
 */
export class OfficialLayers {
  private fetcher: typeof fetch;
  visible = $state.raw<ReadonlySet<OfficialLayerId>>(new Set());
  opacity = $state<Record<OfficialLayerId, number>>(Object.fromEntries(OFFICIAL_LAYERS.map((l) => [l.id, l.opacity])) as Record<OfficialLayerId, number>);
  status = $state<Record<OfficialLayerId, OfficialStatus>>(Object.fromEntries(OFFICIAL_LAYERS.map((l) => [l.id, { kind: 'idle' }])) as Record<OfficialLayerId, OfficialStatus>);
  tilesFailed = $state.raw<ReadonlySet<OfficialLayerId>>(new Set());
  tilesStale = $state.raw<ReadonlySet<OfficialLayerId>>(new Set());

  constructor(fetcher: typeof fetch) {
    this.fetcher = fetcher;
  }

  /** Every official layer with its state, bottom to top. */
  get all(): OfficialLayerView[] {
    return OFFICIAL_LAYERS.map((l) => ({ ...l, visible: this.visible.has(l.id), opacity: this.opacity[l.id], status: this.status[l.id], tilesFailed: this.tilesFailed.has(l.id), tilesStale: this.tilesStale.has(l.id) }));
  }

  /** The raster layers the map draws: shown, with known layer names. */
  get rasters(): { id: OfficialLayerId; tiles: string; opacity: number; attribution: string }[] {
    return this.all.flatMap((l) =>
      l.visible && l.status.kind === 'ready' ? [{ id: l.id, tiles: officialTileUrl(l.service, l.status.layers.map((x) => x.name)), opacity: l.opacity, attribution: l.attribution }] : []
    );
  }

  /** The legend images of a shown layer. */
  legends(l: OfficialLayerView): { src: string; title: string }[] {
    return l.status.kind === 'ready' ? l.status.layers.map((x) => ({ src: officialLegendUrl(l.service, x.name), title: x.title || x.name })) : [];
  }

  /** What the official services say at the last point clicked (null: nothing asked, or closed). */
  info = $state.raw<{ id: OfficialLayerId; attribution: string; facts: { key: string; value: string }[]; failed: boolean }[] | null>(null);

  /** A click on the map at `lngLat` (zoom `zoom`): asks each shown official layer what is there. */
  async query(lngLat: [number, number], zoom: number): Promise<void> {
    const shown = this.all.filter((l) => l.visible && l.status.kind === 'ready');
    if (!shown.length) return;
    this.info = await Promise.all(
      shown.map(async (l) => {
        const names = l.status.kind === 'ready' ? l.status.layers.map((x) => x.name) : [];
        try {
          const r = await this.fetcher(officialFeatureInfoUrl(l.service, names, lngLat, zoom));
          if (!r.ok) throw new Error(String(r.status));
          return { id: l.id, attribution: l.attribution, facts: parseFeatureInfo(await r.text()), failed: false };
        } catch {
          return { id: l.id, attribution: l.attribution, facts: [], failed: true };
        }
      })
    );
  }

  /** Shows or hides a layer; the first showing asks the proxy for its layers. */
  async setVisible(id: OfficialLayerId, on: boolean): Promise<void> {
    const next = new Set(this.visible);
    if (on) next.add(id);
    else next.delete(id);
    this.visible = next;
    const failed = new Set(this.tilesFailed);
    failed.delete(id);
    this.tilesFailed = failed;
    const stale = new Set(this.tilesStale);
    stale.delete(id);
    this.tilesStale = stale;
    if (on && (this.status[id].kind === 'idle' || this.status[id].kind === 'unavailable')) await this.load(id);
  }

  setOpacity(id: OfficialLayerId, value: number): void {
    this.opacity[id] = Math.min(1, Math.max(0, value));
  }

  /** The map could not load tiles of a layer. */
  tileError(id: OfficialLayerId): void {
    if (!this.tilesFailed.has(id)) this.tilesFailed = new Set([...this.tilesFailed, id]);
  }

  /** The map shows a tile of a layer that is the last fetched (the service is down). */
  tileStale(id: OfficialLayerId): void {
    if (!this.tilesStale.has(id)) this.tilesStale = new Set([...this.tilesStale, id]);
  }

  private async load(id: OfficialLayerId): Promise<void> {
    const def = OFFICIAL_LAYERS.find((l) => l.id === id);
    if (!def) return;
    this.status[id] = { kind: 'loading' };
    try {
      const r = await this.fetcher(`/api/offisielt/${def.service}/lag`);
      if (!r.ok) throw new Error(String(r.status));
      const body = (await r.json()) as { layers?: { name: string; title: string }[]; fetchedAt?: string; stale?: boolean };
      const layers = (body.layers ?? []).filter((x) => typeof x?.name === 'string' && x.name);
      this.status[id] = layers.length ? { kind: 'ready', layers, fetchedAt: body.fetchedAt ?? null, stale: body.stale === true } : { kind: 'unavailable' };
    } catch {
      this.status[id] = { kind: 'unavailable' };
    }
  }
}
