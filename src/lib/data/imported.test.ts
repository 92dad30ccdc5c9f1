import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { AppDataFile } from '../geodata/build.ts';
import { countOutside, importedFiles, withImports, type StoredImport } from './imported.ts';

const fc = (ids: string[], x = 583000): FeatureCollection => ({
  type: 'FeatureCollection',
  features: ids.map((id, i) => ({
    type: 'Feature',
    properties: { id },
    geometry: { type: 'Polygon', coordinates: [[[x + i * 200, 6635000], [x + i * 200 + 100, 6635000], [x + i * 200 + 100, 6635100], [x + i * 200, 6635000]]] }
  }))
});

const demo = {
  meta: { label: 'demo', crs: 'EPSG:25832', kilde: '', lisens: '' },
  layers: { naeringsareal: fc(['d1', 'd2']), vekstomrader: fc(['v']), jordbruk: fc(['j']), stasjoner: fc([]), jernbane: fc([]), veger: fc([]) },
  kommunegrense: { type: 'FeatureCollection', features: [] }
} as unknown as AppDataFile;

const stored = (kind: 'naering' | 'jordbruk', ids: string[], x?: number): StoredImport =>
  ({ kind, fileName: `${kind}.sos`, importedAt: '2026-11-29T12:00:00Z', report: {} as StoredImport['report'], layer: fc(ids, x) }) as StoredImport;

describe('withImports', () => {
  it('puts imported layers in place of the demo layers and leaves the rest and the input alone', () => {
    const before = JSON.stringify(demo);
    const out = withImports(demo, { naering: stored('naering', ['k1']) });
    expect(out.layers.naeringsareal.features.map((f) => f.properties?.id)).toEqual(['k1']);
    expect(out.layers.jordbruk.features.map((f) => f.properties?.id)).toEqual(['j']);
    expect(out.layers.vekstomrader).toBe(demo.layers.vekstomrader);
    expect(JSON.stringify(demo)).toBe(before);
    expect(withImports(demo, { jordbruk: stored('jordbruk', ['a', 'b']) }).layers.jordbruk.features).toHaveLength(2);
    expect(importedFiles({ jordbruk: stored('jordbruk', []) })).toEqual({ naering: null, jordbruk: 'jordbruk.sos' });
  });
});

describe('countOutside', () => {
  // A WGS84 box around Asker (about 10.2–10.6° E, 59.7–59.95° N).
  const asker: FeatureCollection = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[10.2, 59.7], [10.6, 59.7], [10.6, 59.95], [10.2, 59.95], [10.2, 59.7]]] } }]
  };
  it('counts areas wholly outside the kommune (the mark of a wrong CRS)', () => {
    expect(countOutside(fc(['a', 'b']), asker)).toEqual({ n: 0, total: 2 });
    // EPSG:25833 eastings read as EPSG:25832: some 330 km west.
    expect(countOutside(fc(['a', 'b', 'c'], 247000), asker)).toEqual({ n: 3, total: 3 });
  });
});
