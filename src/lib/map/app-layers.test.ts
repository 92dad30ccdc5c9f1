import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { APP_LAYERS, APP_LAYER_IDS, DEFAULT_VISIBLE_LAYERS, type AppLayerId } from '$lib/layers/catalogue.ts';
import { appSourcesAndLayers, sourceId } from './app-layers.ts';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

describe('appSourcesAndLayers draws the catalogue', () => {
  const data = Object.fromEntries(APP_LAYER_IDS.map((id) => [id, empty])) as Record<AppLayerId, FeatureCollection>;
  const { sources, layers } = appSourcesAndLayers(data, new Set(DEFAULT_VISIBLE_LAYERS));

  it('one source per app layer and exactly the MapLibre layers the catalogue names, in its order', () => {
    expect(Object.keys(sources).sort()).toEqual(APP_LAYER_IDS.map(sourceId).sort());
    expect(layers.map((l) => l.id)).toEqual(APP_LAYERS.flatMap((l) => [...l.mapLayerIds]));
  });

  it('hides what the catalogue hides by default', () => {
    const hidden = layers.filter((l) => l.layout?.visibility === 'none').map((l) => l.id);
    expect(hidden).toEqual(['app-abc-soner-linje']);
  });
});
