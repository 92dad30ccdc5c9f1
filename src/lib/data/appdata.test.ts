import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { defaultNorms } from '../domain/norms.ts';
import { bboxOf } from '../geo/bbox.ts';
import { reprojectGeometry } from '../geo/crs.ts';
import { buildAppData, type AppDataFile } from '../geodata/build.ts';
import { SOURCE_LAYERS, validateSources, type SourceFile, type SourceLayer } from '../geodata/validate.ts';
import { kommuneTotals, loadAppData, mapLayersOf, type MapLayersData } from './appdata.ts';
import { datasetFrom, mapLayersFrom } from './load.ts';
import { withImports, type StoredImport } from './imported.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (f: string) => JSON.parse(readFileSync(path.join(root, f), 'utf8')) as unknown;
const kilde = (f: string) => `geodata/kilder/${f}`;

/** The demo data file as the build makes it, from the committed sources. */
function demoFile(): AppDataFile {
  const boundaryFeature = read('geodata/asker-3203-kommunegrense-kartverket-2024-M.geojson') as Feature<MultiPolygon>;
  const boundary = reprojectGeometry(boundaryFeature.geometry, 'EPSG:4326', 'EPSG:25832');
  const files = Object.fromEntries(
    SOURCE_LAYERS.map((l) => {
      const file = kilde(`${l === 'jordbruk' ? 'jordbruk-ar5-demo' : l}.geojson`);
      return [l, { file, json: read(file) }];
    })
  ) as Record<SourceLayer, SourceFile>;
  const r = validateSources(files, boundary, {
    ar5Other: { file: kilde('ar5-ovrige-demo.geojson'), json: read(kilde('ar5-ovrige-demo.geojson')) },
    planVersions: [{ id: 'kommuneplan-2015', label: 'Kommuneplan 2015, demodata', year: 2015, source: { file: kilde('naeringsareal-2015.geojson'), json: read(kilde('naeringsareal-2015.geojson')) } }]
  });
  if (!r.ok) throw new Error(r.problems[0]?.message);
  return JSON.parse(buildAppData(r.dataset, { type: 'FeatureCollection', features: [boundaryFeature] })) as AppDataFile;
}

describe('loadAppData', () => {
  const file = demoFile();
  const data = loadAppData(file, defaultNorms());

  it('gives the whole AR5 layer in EPSG:25832: farmland and the other types, with arealtype, treslag and skogbonitet', () => {
    const ar5 = data.ar5;
    if (!ar5) throw new Error('mangler AR5');
    expect(ar5.features).toHaveLength(file.layers.jordbruk.features.length + (file.ar5Other?.features.length ?? 0));
    expect(new Set(ar5.features.map((f) => f.properties.arealtype))).toEqual(new Set([11, 12, 21, 22, 23, 30, 50, 60, 81, 82]));
    for (const f of ar5.features) {
      expect(Object.keys(f.properties)).toEqual(['id', 'arealtype', 'treslag', 'skogbonitet', 'kilde']);
      expect(Number.isInteger(f.properties.treslag) && Number.isInteger(f.properties.skogbonitet)).toBe(true);
    }
    const farm = ar5.features.filter((f) => f.properties.arealtype >= 21 && f.properties.arealtype <= 23);
    expect(farm.every((f) => f.properties.treslag === 98 && f.properties.skogbonitet === 98)).toBe(true);
    const skog = ar5.features.filter((f) => f.properties.arealtype === 30);
    expect(new Set(skog.map((f) => f.properties.treslag))).toEqual(new Set([31, 32, 33]));
    expect(new Set(skog.map((f) => f.properties.skogbonitet))).toEqual(new Set([12, 13, 14]));
    // EPSG:25832 (metres), not WGS84.
    expect(ar5.features.every((f) => bboxOf(f.geometry)[0] > 500_000 && bboxOf(f.geometry)[1] > 6_500_000)).toBe(true);
  });

  it('gives the 2015 plan in EPSG:25832, as features and as plan areas', () => {
    expect(data.planVersions.map((v) => [v.id, v.label, v.year])).toEqual([['kommuneplan-2015', 'Kommuneplan 2015, demodata', 2015]]);
    const v = data.planVersions[0];
    if (!v) throw new Error('mangler 2015-planen');
    expect(v.naeringsareal.features).toHaveLength(83);
    expect(v.planAreas.map((a) => a.id)).toEqual(v.naeringsareal.features.map((f) => f.properties?.id));
    const realised = v.planAreas.find((a) => a.id === 'n-drengsrudhagen');
    expect(realised?.status).toBe(2);
    expect(realised?.statusTomt).toBe('regulert');
    expect(data.planAreas.find((a) => a.id === 'n-drengsrudhagen')?.status).toBe(1);
    expect(v.planAreas.find((a) => a.id === 'n-dikemark-kombinert')?.arealformal).toBe(1160);
    expect(v.planAreas.find((a) => a.id === 'n-vollen-naering')?.geometry.type).toBe('Polygon');
  });

  it('keeps what it gave before: today’s areas, map layers and totals', () => {
    expect(data.areas.size).toBe(84);
    expect(data.planAreas).toHaveLength(84);
    expect(Object.keys(data.map)).toEqual(['grense', 'naering-naa', 'naering-framtidig', 'vekst', 'jordbruk', 'veger', 'jernbane', 'stasjoner', 'abc-soner']);
    expect(data.map.jordbruk.features).toHaveLength(704);
    const { totals } = kommuneTotals(data);
    expect(totals.currentDaa).toBeCloseTo(7425, 0);
    expect(totals.futureDaa).toBeCloseTo(5720, 0);
  });

  it('has no AR5 layer or plan versions for imported layers, or a file without them', () => {
    const layer = (kind: 'naering' | 'jordbruk', src: FeatureCollection): StoredImport =>
      ({ kind, fileName: `${kind}.sos`, importedAt: '2026-11-29T12:00:00Z', report: {} as StoredImport['report'], layer: { ...src, features: src.features.map((f) => ({ ...f, properties: { ...f.properties, kilde: `${kind}.sos` } })) } }) as StoredImport;
    const farmImported = loadAppData(withImports(file, { jordbruk: layer('jordbruk', file.layers.jordbruk) }), defaultNorms());
    expect(farmImported.ar5).toBeNull();
    expect(farmImported.planVersions).toHaveLength(1);
    const naeringImported = loadAppData(withImports(file, { naering: layer('naering', file.layers.naeringsareal) }), defaultNorms());
    expect(naeringImported.planVersions).toEqual([]);
    expect(naeringImported.ar5).not.toBeNull();
    const older = loadAppData({ meta: file.meta, layers: file.layers, kommunegrense: file.kommunegrense }, defaultNorms());
    expect(older.ar5).toBeNull();
    expect(older.planVersions).toEqual([]);
  });
});

describe('the map layers ready-made for the first map (#20)', () => {
  const file = demoFile();
  const norms = defaultNorms();
  // As `npm run geodata` writes them (demo-kart.json) and the app reads them.
  const demoMap = JSON.parse(JSON.stringify(mapLayersOf(file, norms))) as MapLayersData;

  it('are, read back, exactly the map layers the app would compute from the data file', () => {
    expect(demoMap).toEqual(mapLayersOf(file, norms));
    expect(mapLayersFrom(demoMap, {})).toEqual(loadAppData(file, norms).map);
  });

  it('with imports, are the map layers of the dataset with the imports (the replaced layers made from them)', () => {
    const layer = (kind: 'naering' | 'jordbruk', src: FeatureCollection): StoredImport =>
      ({ kind, fileName: `${kind}.sos`, importedAt: '2026-11-29T12:00:00Z', report: {} as StoredImport['report'], layer: { ...src, features: src.features.slice(0, 5) } }) as StoredImport;
    for (const imports of [{ naering: layer('naering', file.layers.naeringsareal) }, { jordbruk: layer('jordbruk', file.layers.jordbruk) }, { naering: layer('naering', file.layers.naeringsareal), jordbruk: layer('jordbruk', file.layers.jordbruk) }]) {
      const map = mapLayersFrom(demoMap, imports);
      expect(map).toEqual(mapLayersOf(withImports(file, imports), norms));
      expect(datasetFrom(file, imports, map).totals).toEqual(datasetFrom(file, imports).totals);
    }
    // The demo's own layers are used as they are.
    expect(mapLayersFrom(demoMap, { jordbruk: layer('jordbruk', file.layers.jordbruk) })['naering-naa']).toBe(demoMap['naering-naa']);
  });

  it('are what loadAppData draws when given them, and leave the figures alone', () => {
    const data = loadAppData(file, norms, demoMap);
    expect(data.map).toBe(demoMap);
    expect(kommuneTotals(data).totals).toEqual(kommuneTotals(loadAppData(file, norms)).totals);
  });
});
