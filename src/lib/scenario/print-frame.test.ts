import { describe, expect, it } from 'vitest';
import { poly, rect, X, Y } from '../geo/fixtures.test-helper.ts';
import type { PlanArea } from '../domain/plan-area.ts';
import { printFrame } from './print-frame.ts';
import type { ScenarioChange } from './scenario.ts';

const areas = new Map([
  ['a', { navn: 'Billingstad kontor', geometry: poly(rect(0, 0, 100, 200)) }],
  ['b', { navn: 'Tofte', geometry: poly(rect(1000, 500, 1100, 600)) }]
]);
const site: PlanArea = { id: 's1', navn: 'Ny tomt', omrade: 'Skisser', status: 2, arealformal: 1300, kategori: 'kontor', utnyttelseBraProsent: null, statusTomt: null, geometry: poly(rect(-300, -100, -200, 0)) };

describe('printFrame: what the printed scenario shows', () => {
  it('frames every changed area (largest first) with a margin, a new site with its own shape', () => {
    const changes: ScenarioChange[] = [
      { id: 'c1', enabled: true, type: 'rezone', areaId: 'a', to: 'bolig' },
      { id: 'c2', enabled: true, type: 'add-site', site },
      { id: 'c3', enabled: false, type: 'rezone', areaId: 'b', to: 'lnf' },
      { id: 'c4', enabled: true, type: 'set-category', areaId: 'finnes-ikke', kategori: 'kontor' }
    ];
    const r = printFrame(changes, areas, 50);
    expect(r.areas.map((a) => [a.id, a.navn, a.change, Math.round(a.areaM2)])).toEqual([
      ['a', 'Billingstad kontor', 'avgang', 20000],
      ['s1', 'Ny tomt', 'tilgang', 10000]
    ]);
    expect(r.box).toEqual([X - 350, Y - 150, X + 150, Y + 250]);
  });

  it('has no frame without changes', () => {
    expect(printFrame([], areas)).toEqual({ areas: [], box: null });
  });
});
