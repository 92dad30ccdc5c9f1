import { APP_LAYER_IDS, DEFAULT_BASEMAP, DEFAULT_VISIBLE_LAYERS, isAppLayerId, isBasemapId, type AppLayerId, type BasemapId } from '$lib/layers/catalogue.ts';

/** The part of the view kept in the query string; the map position lives in the hash. */
export interface ViewQuery {
  basemap: BasemapId;
  layers: ReadonlySet<AppLayerId>;
}

/** Query parameter for the basemap (`?kart=topo`). */
export const BASEMAP_PARAM = 'kart';
/** Query parameter for the visible layers, comma-separated (`?lag=grense,stasjoner`). */
export const LAYERS_PARAM = 'lag';

/**
 * Reads basemap and visible layers from a query string. Unknown values are ignored; a missing
 * `lag` means the default layers (all but those hidden by default), an empty one means none.
 */
export function parseViewQuery(params: URLSearchParams): ViewQuery {
  const kart = params.get(BASEMAP_PARAM);
  const lag = params.get(LAYERS_PARAM);
  const layers =
    lag === null
      ? new Set<AppLayerId>(DEFAULT_VISIBLE_LAYERS)
      : new Set(lag.split(',').map((s) => s.trim()).filter(isAppLayerId));
  return { basemap: isBasemapId(kart) ? kart : DEFAULT_BASEMAP, layers };
}

/**
 * Returns a copy of `url` whose query holds `view` (other parameters and the hash, where MapLibre
 * keeps the map position, are kept). Layers are written in panel order, commas unescaped.
 */
export function withViewQuery(url: URL, view: ViewQuery): URL {
  const out = new URL(url.href);
  const rest = new URLSearchParams(out.search);
  rest.delete(BASEMAP_PARAM);
  rest.delete(LAYERS_PARAM);
  const layers = APP_LAYER_IDS.filter((id) => view.layers.has(id)).join(',');
  const own = `${BASEMAP_PARAM}=${encodeURIComponent(view.basemap)}&${LAYERS_PARAM}=${layers}`;
  const others = rest.toString();
  out.search = others ? `${own}&${others}` : own;
  return out;
}
