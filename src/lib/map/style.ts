import type { LayerSpecification, SourceSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { basemapById, PLAIN_BACKGROUND, type BasemapId } from '$lib/layers/catalogue.ts';

/** Prefix of every source and layer id that belongs to the basemap (not to the app). */
export const BASEMAP_PREFIX = 'basemap';

/**
 * Returns a MapLibre style holding only the basemap: a plain background layer (always, so the
 * app's layers stay readable when tiles fail) and, for tiled basemaps, one raster layer.
 */
export function basemapStyle(id: BasemapId): StyleSpecification {
  const b = basemapById(id);
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [
    { id: `${BASEMAP_PREFIX}-bakgrunn`, type: 'background', paint: { 'background-color': PLAIN_BACKGROUND } }
  ];
  if (b.tiles) {
    sources[`${BASEMAP_PREFIX}-${b.id}`] = {
      type: 'raster',
      tiles: [b.tiles],
      tileSize: 256,
      maxzoom: 18,
      attribution: b.attribution ?? undefined
    };
    layers.push({ id: `${BASEMAP_PREFIX}-${b.id}`, type: 'raster', source: `${BASEMAP_PREFIX}-${b.id}` });
  }
  return { version: 8, name: `Asker – ${b.id}`, sources, layers };
}

/** True for a source or layer id owned by the basemap. */
export function isBasemapOwned(id: string): boolean {
  return id === BASEMAP_PREFIX || id.startsWith(`${BASEMAP_PREFIX}-`);
}

/**
 * Used as MapLibre's `transformStyle` when the basemap changes: returns `next` (the new basemap)
 * with every source and layer of `previous` that does not belong to the basemap carried over on
 * top, in their old order. The app's layers (and any drawing layers) thus survive a basemap
 * switch. Neither input is modified.
 */
export function carryOverAppLayers(previous: StyleSpecification | undefined, next: StyleSpecification): StyleSpecification {
  if (!previous) return next;
  const sources = { ...next.sources };
  for (const [id, source] of Object.entries(previous.sources)) {
    if (!isBasemapOwned(id)) sources[id] = source;
  }
  const carried = previous.layers.filter((l) => !isBasemapOwned(l.id));
  return { ...next, sources, layers: [...next.layers, ...carried] };
}
