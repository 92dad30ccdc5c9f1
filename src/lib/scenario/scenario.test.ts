import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaPlanarM2 } from '../geo/area.ts';
import { applyScenario, moveChange, toggleChange, type PlanArea, type ScenarioChange } from './scenario.ts';

const X = 580000;
const Y = 6633000;
const rect = (x0: number, w: number, h: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[X + x0, Y], [X + x0 + w, Y], [X + x0 + w, Y + h], [X + x0, Y + h], [X + x0, Y]]]
});
const area = (id: string, status: 1 | 2, geometry: Polygon, extra: Partial<PlanArea> = {}): PlanArea => ({
  id,
  navn: id,
  omrade: 'Billingstad/Slependen',
  status,
  arealformal: 1300,
  kategori: 'kontor',
  utnyttelseBraProsent: null,
  statusTomt: status === 2 ? 'regulert' : null,
  geometry,
  ...extra
});
const baseline = [area('billingstad', 1, rect(0, 200, 210)), area('framtid', 2, rect(1000, 100, 210)), area('tofte', 2, rect(2000, 100, 100), { omrade: 'Tofte' })];
const m2 = (a: PlanArea) => areaPlanarM2(a.geometry);
const total = (areas: readonly PlanArea[], status: 1 | 2) => areas.filter((a) => a.status === status).reduce((t, a) => t + m2(a), 0);

describe('applyScenario', () => {
  it('a rezoning of Billingstad to bolig lowers næring by exactly its area and reports it as avgang', () => {
    const change: ScenarioChange = { id: 'c1', enabled: true, type: 'rezone', areaId: 'billingstad', to: 'bolig' };
    const r = applyScenario(baseline, [change], m2);
    expect(total(baseline, 1) - total(r.areas, 1)).toBe(42000);
    expect(r.effects).toEqual([{ changeId: 'c1', tilgangM2: 0, avgangM2: 42000 }]);
  });

  it('disabling a change restores the baseline totals; the baseline is never modified', () => {
    const before = JSON.stringify(baseline);
    const changes: ScenarioChange[] = [{ id: 'c1', enabled: true, type: 'rezone', areaId: 'billingstad', to: 'bolig' }];
    const off = applyScenario(baseline, toggleChange(changes, 'c1', false), m2);
    expect(total(off.areas, 1)).toBe(total(baseline, 1));
    expect(off.effects).toEqual([]);
    expect(JSON.stringify(baseline)).toBe(before);
  });

  it('adds a sketched site as future næring (tilgang) and moves framtidig to nåværende without tilgang', () => {
    const site = area('skisse-1', 2, rect(5000, 50, 100), { omrade: 'Ny' });
    const r = applyScenario(
      baseline,
      [
        { id: 'a', enabled: true, type: 'add-site', site },
        { id: 'b', enabled: true, type: 'rezone', areaId: 'framtid', to: 'naavaerende' }
      ],
      m2
    );
    expect(total(r.areas, 2)).toBe(total(baseline, 2) - 21000 + 5000);
    expect(total(r.areas, 1)).toBe(total(baseline, 1) + 21000);
    expect(r.effects.map((e) => [e.tilgangM2, e.avgangM2])).toEqual([
      [5000, 0],
      [0, 0]
    ]);
  });

  it('order matters only where two changes touch the same area', () => {
    const setU = (id: string, v: number): ScenarioChange => ({ id, enabled: true, type: 'set-utnyttelse', areaId: 'framtid', utnyttelseBraProsent: v });
    const other: ScenarioChange = { id: 'o', enabled: true, type: 'set-category', areaId: 'tofte', kategori: 'lager/produksjon' };
    const ab = applyScenario(baseline, [setU('a', 100), other, setU('b', 200)], m2);
    const moved = applyScenario(baseline, moveChange([setU('a', 100), other, setU('b', 200)], 1, 0), m2);
    expect(moved.areas).toEqual(ab.areas);
    const ba = applyScenario(baseline, [setU('b', 200), other, setU('a', 100)], m2);
    expect(ab.areas.find((a) => a.id === 'framtid')?.utnyttelseBraProsent).toBe(200);
    expect(ba.areas.find((a) => a.id === 'framtid')?.utnyttelseBraProsent).toBe(100);
  });

  it('explains a change that finds nothing to change', () => {
    const r = applyScenario(
      baseline,
      [
        { id: 'x', enabled: true, type: 'rezone', areaId: 'tofte', to: 'lnf' },
        { id: 'y', enabled: true, type: 'set-category', areaId: 'tofte', kategori: 'kontor' }
      ],
      m2
    );
    expect(r.effects[1]?.note).toContain('finnes ikke');
  });
});
