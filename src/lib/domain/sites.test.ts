import { describe, expect, it } from 'vitest';
import { filterSites, type Site } from './sites.ts';

const site = (id: string, daa: number, extra: Partial<Site> = {}): Site => ({
  id,
  navn: id,
  omrade: 'x',
  areaM2: daa * 1000,
  areaDaa: daa,
  arealformal: 1300,
  status: 2,
  statusTomt: 'regulert',
  kategori: 'kontor',
  abc: 'A',
  egnethet: 'god',
  station: { navn: 's', distanceM: daa * 10 },
  roadM: null,
  jobsLand: 0,
  jobsFloorLow: 0,
  jobsFloorHigh: 0,
  geometry: { type: 'Polygon', coordinates: [] },
  ...extra
});
const all = [site('Ålesund', 10), site('Berg', 40, { statusTomt: 'byggeklar', abc: 'C', egnethet: 'dårlig' }), site('Aker', 25)];
const base = { minDaa: 0, readiness: null, abc: null, fitOnly: false, sort: 'size' as const };

describe('filterSites', () => {
  it('filters by size, readiness, ABC class and fit', () => {
    expect(filterSites(all, { ...base, minDaa: 20 }, 'nb').map((s) => s.id)).toEqual(['Berg', 'Aker']);
    expect(filterSites(all, { ...base, readiness: 'byggeklar' }, 'nb').map((s) => s.id)).toEqual(['Berg']);
    expect(filterSites(all, { ...base, abc: 'A' }, 'nb').map((s) => s.id)).toEqual(['Aker', 'Ålesund']);
    expect(filterSites(all, { ...base, fitOnly: true }, 'nb').map((s) => s.id)).toEqual(['Aker', 'Ålesund']);
  });

  it('sorts by size, station distance or name (Norwegian alphabet: Å last)', () => {
    expect(filterSites(all, { ...base, sort: 'station' }, 'nb').map((s) => s.id)).toEqual(['Ålesund', 'Aker', 'Berg']);
    expect(filterSites(all, { ...base, sort: 'name' }, 'nb').map((s) => s.id)).toEqual(['Aker', 'Berg', 'Ålesund']);
  });
});
