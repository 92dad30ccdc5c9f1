import type { FeatureCollection } from 'geojson';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mapLayersOf } from '$lib/data/appdata.ts';
import { DATA_URL, MAP_DATA_URL } from '$lib/data/load.ts';
import { defaultNorms } from '$lib/domain/norms.ts';
import type { AppDataFile } from '$lib/geodata/build.ts';
import { DatasetState } from '$lib/state/dataset.svelte.ts';
import { ViewState } from '$lib/state/view.svelte.ts';

/** A square (EPSG:25832) of `side` metres at (x, y). */
const square = (x: number, y: number, side: number) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + side, y], [x + side, y + side], [x, y + side], [x, y]]] });
const fc = (features: FeatureCollection['features']): FeatureCollection => ({ type: 'FeatureCollection', features });
const area = (id: string, status: 1 | 2, x: number) => ({
  type: 'Feature' as const,
  properties: { id, navn: id, arealbruksstatus: status, arealformal: 1300, kategori: 'kontor', utnyttelse_bra_prosent: 100, kilde: 'demo' },
  geometry: square(x, 6630000, 200)
});

/** A small data file: two næring areas, one field, one station. */
const file: AppDataFile = {
  meta: { label: 'Demodata', crs: 'EPSG:25832', kilde: '', lisens: '' },
  layers: {
    naeringsareal: fc([area('n-1', 1, 580000), area('n-2', 2, 581000)]),
    vekstomrader: fc([]),
    jordbruk: fc([{ type: 'Feature', properties: { id: 'j-1', arealtype: 21, kilde: 'demo' }, geometry: square(581100, 6630000, 50) }]),
    stasjoner: fc([{ type: 'Feature', properties: { id: 's-1', navn: 'Asker' }, geometry: { type: 'Point', coordinates: [580500, 6630500] } }]),
    jernbane: fc([]),
    veger: fc([])
  },
  kommunegrense: fc([{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[10.2, 59.7], [10.6, 59.7], [10.6, 59.95], [10.2, 59.95], [10.2, 59.7]]] } }])
};

describe('DatasetState.start', () => {
  /** The URLs asked for, in order. */
  let asked: string[] = [];
  beforeEach(() => {
    asked = [];
    const files: Record<string, unknown> = { [DATA_URL]: file, [MAP_DATA_URL]: mapLayersOf(file, defaultNorms()) };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        asked.push(url);
        return url in files ? new Response(JSON.stringify(files[url]), { headers: { 'content-type': 'application/json' } }) : new Response('', { status: 404 });
      })
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('gives the map layers and the figures together without `figuresAfter`', async () => {
    const dataset = new DatasetState();
    const loaded = await dataset.start(new URL('http://localhost/'));
    expect(loaded?.data.areas.size).toBe(2);
    expect(dataset.loaded).toBe(loaded);
    expect(dataset.mapLayers).toBe(loaded?.data.map);
    expect(asked).toEqual([DATA_URL]);
  });

  it('with `figuresAfter`, gives the map layers first and the figures once it resolves (the first map is drawn first)', async () => {
    const dataset = new DatasetState();
    const view = new ViewState({ basemap: 'ingen', layers: new Set() });
    const started = dataset.start(new URL('http://localhost/'), null, view.firstMap);
    await vi.waitFor(() => expect(dataset.mapLayers).not.toBeNull());
    // From the ready-made map file; the data file is asked for at once too, but read later.
    expect(asked.sort()).toEqual([MAP_DATA_URL, DATA_URL].sort());
    expect(dataset.mapLayers).toEqual(mapLayersOf(file, defaultNorms()));
    expect(dataset.mapLayers?.['naering-naa'].features.map((f) => f.properties?.id)).toEqual(['n-1']);
    // Nothing more until the map is ready.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(dataset.loaded).toBeNull();
    expect(dataset.data).toBeNull();
    expect(dataset.demoFile).toBeNull();
    const map = dataset.mapLayers;
    view.mapReady = true;
    const loaded = await started;
    expect(dataset.loaded).toBe(loaded);
    expect(loaded?.totals.currentDaa).toBeCloseTo(40, 6);
    expect(loaded?.totals.futureDaa).toBeCloseTo(40, 6);
    // The figures' dataset draws the same layers: the map is not made anew.
    expect(dataset.mapLayers).toBe(map);
    expect(loaded?.data.map).toBe(map);
    expect(dataset.demoFile?.meta.label).toBe('Demodata');
  });

  it('says why when the map file cannot be loaded', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 404 })));
    const dataset = new DatasetState();
    expect(await dataset.start(new URL('http://localhost/'), null, Promise.resolve())).toBeNull();
    expect(dataset.error?.message).toContain('404');
    expect(dataset.mapLayers).toBeNull();
  });
});

describe('ViewState.firstMap', () => {
  it('resolves when the map is first ready, also when set by the fallback', async () => {
    const view = new ViewState({ basemap: 'ingen', layers: new Set() });
    let resolved = false;
    void view.firstMap.then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    expect(view.mapReady).toBe(false);
    view.mapReady = true;
    await view.firstMap;
    expect(resolved).toBe(true);
    expect(view.mapReady).toBe(true);
  });
});
