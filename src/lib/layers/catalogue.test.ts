import { describe, expect, it } from 'vitest';
import { APP_LAYERS, APP_LAYER_IDS, BASEMAP_IDS, basemapById, DEFAULT_BASEMAP, DEFAULT_VISIBLE_LAYERS, isAppLayerId, isBasemapId, layerDef } from './catalogue.ts';

describe('the layer catalogue (one table)', () => {
  it('derives the ids from the table, bottom to top, each once', () => {
    expect(APP_LAYER_IDS).toEqual(APP_LAYERS.map((l) => l.id));
    expect(new Set(APP_LAYER_IDS).size).toBe(APP_LAYER_IDS.length);
    expect(APP_LAYER_IDS[0]).toBe('grense');
  });

  it('shows all but the ABC zones by default', () => {
    expect(DEFAULT_VISIBLE_LAYERS).toEqual(APP_LAYER_IDS.filter((id) => id !== 'abc-soner'));
  });

  it('names every MapLibre layer after its app layer, and only clickable layers it has', () => {
    for (const l of APP_LAYERS) {
      for (const m of l.mapLayerIds) expect(m.startsWith(`app-${l.id}-`)).toBe(true);
      for (const c of l.clickable) expect(l.mapLayerIds as readonly string[]).toContain(c);
    }
  });

  it('checks ids from the URL, and knows the basemaps with the first as default', () => {
    expect(isAppLayerId('naering-naa')).toBe(true);
    expect(isAppLayerId('tull')).toBe(false);
    expect(layerDef('jordbruk').entries?.length).toBe(3);
    expect(BASEMAP_IDS).toEqual(['topograatone', 'topo', 'ingen']);
    expect(DEFAULT_BASEMAP).toBe('topograatone');
    expect(isBasemapId('ingen')).toBe(true);
    expect(isBasemapId(null)).toBe(false);
    expect(basemapById('ingen').tiles).toBeNull();
  });
});
