import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { planChanges, planChangeSummary } from './plan-versions.ts';

const square = (x: number, side = 100): Polygon => ({ type: 'Polygon', coordinates: [[[x, 0], [x + side, 0], [x + side, side], [x, side], [x, 0]]] });
const area = (id: string, x: number, props: Record<string, unknown> = {}, side = 100): Feature => ({
  type: 'Feature',
  properties: { id, navn: id.toUpperCase(), omrade: 'O', arealformal: 1300, arealbruksstatus: 2, kategori: 'kontor', kilde: 'demo', ...props },
  geometry: square(x, side)
});
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

describe('planChanges', () => {
  it('matches areas by id and lists each difference once, by kind', () => {
    const earlier = fc([
      area('same', 0, { planversjon: '2015' }),
      area('built', 200),
      area('gone', 400),
      area('formal', 600, { arealformal: 1160, arealbruksstatus: 1 }),
      area('reshaped', 800, {}, 100),
      area('kategori', 1000)
    ]);
    const later = fc([area('same', 0), area('new', 1200), area('built', 200, { arealbruksstatus: 1 }), area('formal', 600, { arealbruksstatus: 1 }), area('reshaped', 800, {}, 110), area('kategori', 1000, { kategori: 'kombinert' })]);
    const changes = planChanges(earlier, later);
    expect(changes.map((c) => [c.id, c.kind])).toEqual([
      ['new', 'added'],
      ['gone', 'removed'],
      ['built', 'realised'],
      ['formal', 'formal-changed'],
      ['reshaped', 'changed'],
      ['kategori', 'changed']
    ]);
    const gone = changes.find((c) => c.id === 'gone');
    expect(gone?.before).toEqual({ arealbruksstatus: 2, arealformal: 1300, kategori: 'kontor', daa: 10 });
    expect(gone?.after).toBeNull();
    expect(changes.find((c) => c.id === 'new')?.before).toBeNull();
    expect(planChangeSummary(changes)).toEqual([
      { kind: 'added', count: 1, daa: 10 },
      { kind: 'removed', count: 1, daa: 10 },
      { kind: 'realised', count: 1, daa: 10 },
      { kind: 'formal-changed', count: 1, daa: 10 },
      { kind: 'changed', count: 2, daa: 12.1 + 10 }
    ]);
  });

  it('finds nothing between a version and itself', () => {
    const v = fc([area('a', 0), area('b', 200)]);
    expect(planChanges(v, v)).toEqual([]);
  });
});
