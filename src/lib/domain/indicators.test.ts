import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildOverlapIndex } from '../geo/overlap.ts';
import type { PlanArea } from '../scenario/scenario.ts';
import { scenarioIndicators } from './indicators.ts';
import { defaultNorms } from './norms.ts';

const X = 580000;
const Y = 6633000;
const rect = (x0: number, y0: number, w: number, h: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[X + x0, Y + y0], [X + x0 + w, Y + y0], [X + x0 + w, Y + y0 + h], [X + x0, Y + y0 + h], [X + x0, Y + y0]]]
});
const area = (id: string, omrade: string, status: 1 | 2, geometry: Polygon, statusTomt: PlanArea['statusTomt']): PlanArea => ({
  id,
  navn: id,
  omrade,
  status,
  arealformal: 1300,
  kategori: 'lager/produksjon',
  utnyttelseBraProsent: 50,
  statusTomt,
  geometry
});

// 42 000 m² = 100 jobs at 420 m² each.
const areas: PlanArea[] = [
  area('naa', 'Asker sentrum', 1, rect(0, 0, 200, 210), null),
  area('klar', 'Asker sentrum', 2, rect(1000, 0, 200, 210), 'byggeklar'),
  area('senere', 'Tofte', 2, rect(3000, 0, 400, 210), 'rekkefolgekrav')
];
const ctx = {
  norms: defaultNorms(),
  // 15 daa of fulldyrka jord under «senere», and 5 daa innmarksbeite under «klar».
  farmland: buildOverlapIndex([
    { geometry: rect(3000, 0, 150, 100), key: '21' },
    { geometry: rect(1000, 0, 50, 100), key: '23' }
  ]),
  // A station at the middle of «klar»: A; the others are far away: C.
  stations: [{ id: 's', navn: 'Teststasjon', coordinates: [X + 1100, Y + 105] as [number, number] }],
  mainRoads: []
};

describe('scenarioIndicators', () => {
  const r = scenarioIndicators(areas, [{ changeId: 'c', tilgangM2: 84000, avgangM2: 42000 }], ctx);

  it('sums næringsareal and the change effects', () => {
    expect(r.naavaerendeDaa).toBeCloseTo(42, 9);
    expect(r.framtidigDaa).toBeCloseTo(42 + 84, 9);
    expect([r.tilgangDaa, r.avgangDaa, r.nettoDaa]).toEqual([84, 42, 42]);
  });

  it('gives the future capacity in both models and the need coverage', () => {
    expect(r.capacity.land).toBeCloseTo(300, 9);
    // 126 000 m² × 50 %BRA × 0.8 = 50 400 m² net ÷ 250…100 m².
    expect(r.capacity.floorLow).toBeCloseTo(201.6, 9);
    expect(r.capacity.floorHigh).toBeCloseTo(504, 9);
    expect(r.need.aarVedLavVekst).toBeCloseTo(300 / 500, 9);
    expect(r.capacityAll.land).toBeCloseTo(400, 9);
  });

  it('counts each site from the year it is ready, and finds when the reserve runs out', () => {
    const y2020 = r.runway.find((x) => x.year === 2020);
    const y2028 = r.runway.find((x) => x.year === 2028);
    expect(y2020).toEqual({ year: 2020, capacity: 100, needLow: 0, needHigh: 0 });
    expect(y2028?.capacity).toBeCloseTo(300, 9);
    expect(r.runway).toHaveLength(21);
    expect(r.runsOut).toEqual({ atHighRate: 2021, atLowRate: 2021 });
  });

  it('measures farmland in future areas against 15 daa per year', () => {
    expect(r.farmland.byClassDaa).toEqual({ '21': 15, '22': 0, '23': 5 });
    expect(r.farmland.quotaYears).toBeCloseTo(20 / 15, 9);
  });

  it('splits capacity by ABC class and between core and growth areas', () => {
    expect(r.abcShares.A).toBeCloseTo(1 / 3, 9);
    expect(r.abcShares.C).toBeCloseTo(2 / 3, 9);
    expect(r.coreShare).toBeCloseTo(1 / 3, 9);
    expect(r.growthShare).toBeCloseTo(2 / 3, 9);
  });

  it('has one row per named area', () => {
    expect(r.perArea.map((x) => [x.omrade, Math.round(x.naavaerendeDaa), Math.round(x.framtidigDaa), Math.round(x.jobsLand), Math.round(x.farmlandDaa)])).toEqual([
      ['Asker sentrum', 42, 42, 100, 5],
      ['Tofte', 0, 84, 200, 15]
    ]);
  });
});
