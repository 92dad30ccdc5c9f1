import { describe, expect, it } from 'vitest';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { basemapStyle, carryOverAppLayers } from './style.ts';

const app: StyleSpecification = {
  version: 8,
  sources: { 'app-grense': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
  layers: [
    { id: 'app-grense-flate', type: 'fill', source: 'app-grense' },
    { id: 'app-grense-linje', type: 'line', source: 'app-grense' }
  ]
};

describe('basemapStyle', () => {
  it('always has a plain background; tiled basemaps add one raster source from Kartverket', () => {
    const topo = basemapStyle('topograatone');
    expect(topo.layers.map((l) => l.id)).toEqual(['basemap-bakgrunn', 'basemap-topograatone']);
    const src = topo.sources['basemap-topograatone'];
    expect(src?.type).toBe('raster');
    expect(src && 'tiles' in src ? src.tiles : []).toEqual([
      'https://cache.kartverket.no/v1/wmts/1.0.0/topograatone/default/webmercator/{z}/{y}/{x}.png'
    ]);
    expect(src && 'attribution' in src ? src.attribution : '').toBe('© Kartverket');
    const plain = basemapStyle('ingen');
    expect(plain.layers.map((l) => l.id)).toEqual(['basemap-bakgrunn']);
    expect(Object.keys(plain.sources)).toEqual([]);
  });
});

describe('carryOverAppLayers', () => {
  it('puts the previous style’s own layers on top of the new basemap, in order', () => {
    const previous = carryOverAppLayers(app, basemapStyle('topograatone'));
    const next = carryOverAppLayers(previous, basemapStyle('topo'));
    expect(next.layers.map((l) => l.id)).toEqual(['basemap-bakgrunn', 'basemap-topo', 'app-grense-flate', 'app-grense-linje']);
    expect(Object.keys(next.sources).sort()).toEqual(['app-grense', 'basemap-topo']);
  });

  it('returns the new style unchanged when there was none before, and mutates neither input', () => {
    const fresh = basemapStyle('ingen');
    expect(carryOverAppLayers(undefined, fresh)).toBe(fresh);
    const before = JSON.stringify(app);
    const nextBefore = JSON.stringify(fresh);
    carryOverAppLayers(app, fresh);
    expect(JSON.stringify(app)).toBe(before);
    expect(JSON.stringify(fresh)).toBe(nextBefore);
  });
});
