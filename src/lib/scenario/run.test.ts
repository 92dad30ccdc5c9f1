import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { scenarioIndicators } from '../domain/indicators.ts';
import { AREALBRUKSSTATUS, AREALFORMAL, defaultNorms } from '../domain/norms.ts';
import { areaPlanarM2 } from '../geo/area.ts';
import { projectPosition } from '../geo/crs.ts';
import { baselineIndicators, mapChanges, runScenario, siteFromSketch, SKETCH_OMRADE } from './run.ts';
import type { PlanArea, ScenarioChange, ScenarioChangeBody } from './scenario.ts';
import type { Sketch } from './sketches.ts';

const X = 580000;
const Y = 6633000;
const rect = (x0: number, w: number, h: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[X + x0, Y], [X + x0 + w, Y], [X + x0 + w, Y + h], [X + x0, Y + h], [X + x0, Y]]]
});
const area = (id: string, status: 1 | 2, geometry: Polygon): PlanArea => ({
  id,
  navn: id,
  omrade: 'Asker sentrum',
  status,
  arealformal: 1300,
  kategori: 'kontor',
  utnyttelseBraProsent: null,
  statusTomt: status === 2 ? 'regulert' : null,
  geometry
});
const base = {
  planAreas: [area('naa', 1, rect(0, 200, 210)), area('fram', 2, rect(1000, 200, 210))],
  ctx: { norms: defaultNorms(), farmland: null, stations: [], mainRoads: [] }
};
const change = (c: ScenarioChangeBody & { id: string; enabled?: boolean }): ScenarioChange => ({ enabled: true, ...c }) as ScenarioChange;

describe('runScenario', () => {
  it('with no changes gives the baseline figures', () => {
    const r = runScenario(base, { changes: [], norms: defaultNorms() });
    expect(r.effects).toEqual([]);
    expect(r.indicators).toEqual(baselineIndicators(base));
    expect(r.indicators.framtidigDaa).toBeCloseTo(42, 9);
  });

  it('applies the enabled changes and reports each effect', () => {
    const r = runScenario(base, { changes: [change({ id: 'c1', type: 'rezone', areaId: 'fram', to: 'lnf' })], norms: defaultNorms() });
    expect(r.effects).toEqual([{ changeId: 'c1', tilgangM2: 0, avgangM2: 42000 }]);
    expect(r.indicators.framtidigDaa).toBe(0);
    expect(r.indicators.avgangDaa).toBeCloseTo(42, 9);
  });

  it("computes with the scenario's own norms, not the context's", () => {
    const norms = { ...defaultNorms(), bruttoTomtM2PerArbeidsplass: 210 };
    const r = runScenario(base, { changes: [], norms });
    expect(r.indicators).toEqual(scenarioIndicators(base.planAreas, [], { ...base.ctx, norms }));
    expect(r.indicators.capacity.land).toBeCloseTo(2 * baselineIndicators(base).capacity.land, 9);
  });

  it('never modifies the baseline', () => {
    const before = JSON.stringify(base.planAreas);
    runScenario(base, { changes: [change({ id: 'c1', type: 'set-category', areaId: 'naa', kategori: 'offentlig' })], norms: defaultNorms() });
    expect(JSON.stringify(base.planAreas)).toBe(before);
  });
});

describe('mapChanges', () => {
  it('marks added sites as tilgang, rezoning away as avgang, and other changes as endret', () => {
    const site = area('ny', 2, rect(3000, 10, 10));
    const m = mapChanges([
      change({ id: '1', type: 'add-site', site }),
      change({ id: '2', type: 'rezone', areaId: 'a', to: 'bolig' }),
      change({ id: '3', type: 'rezone', areaId: 'b', to: 'naavaerende' }),
      change({ id: '4', type: 'set-category', areaId: 'c', kategori: 'kontor' }),
      change({ id: '5', type: 'set-utnyttelse', areaId: 'd', utnyttelseBraProsent: 120 })
    ]);
    expect([...m]).toEqual([
      ['ny', 'tilgang'],
      ['a', 'avgang'],
      ['b', 'endret'],
      ['c', 'endret'],
      ['d', 'endret']
    ]);
  });

  it('leaves out disabled changes; the later of two changes to one area counts', () => {
    const m = mapChanges([
      change({ id: '1', type: 'rezone', areaId: 'a', to: 'lnf', enabled: false }),
      change({ id: '2', type: 'set-category', areaId: 'b', kategori: 'kontor' }),
      change({ id: '3', type: 'rezone', areaId: 'b', to: 'lnf' })
    ]);
    expect([...m]).toEqual([['b', 'avgang']]);
  });

  it('gives an empty map for no scenario', () => {
    expect(mapChanges(undefined).size).toBe(0);
  });
});

describe('siteFromSketch', () => {
  const [lon, lat] = projectPosition([X, Y], 'EPSG:25832', 'EPSG:4326');
  const d = 0.001;
  const sketch: Sketch = {
    id: 'skisse-1',
    navn: 'Ny tomt',
    kategori: 'lager/produksjon',
    utnyttelseBraProsent: 90,
    status: 'byggeklar',
    geometry: { type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] }
  };

  it('makes a planned (framtidig) næring area with the sketch fields', () => {
    const s = siteFromSketch(sketch);
    expect(s).toMatchObject({ id: 'skisse-1', navn: 'Ny tomt', omrade: SKETCH_OMRADE, status: 2, arealformal: 1300, kategori: 'lager/produksjon', utnyttelseBraProsent: 90, statusTomt: 'byggeklar' });
    expect(s.status).toBe(AREALBRUKSSTATUS.framtidig);
  });

  it('gives arealformål 1160 (tjenesteyting) for the category offentlig', () => {
    expect(siteFromSketch({ ...sketch, kategori: 'offentlig' }).arealformal).toBe(AREALFORMAL.tjenesteyting);
    expect(AREALFORMAL).toEqual({ naeringsbebyggelse: 1300, tjenesteyting: 1160 });
  });

  it('reprojects the shape from WGS84 to EPSG:25832', () => {
    const s = siteFromSketch(sketch);
    const first = (s.geometry as Polygon).coordinates[0]?.[0] as number[];
    expect(first[0]).toBeCloseTo(X, 3);
    expect(first[1]).toBeCloseTo(Y, 3);
    // About 56 m × 111 m at 59.8° N.
    expect(areaPlanarM2(s.geometry)).toBeGreaterThan(5000);
    expect(areaPlanarM2(s.geometry)).toBeLessThan(7000);
  });
});
