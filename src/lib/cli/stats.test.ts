import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { unpackOverlapIndex } from '../geo/overlap.ts';
import { ar5Indexes, ar5OverlapsOf, ar5OverlapsShared, ar5OverlapsWith, ar5PackedIndexes, packAreas, sharedAr5Overlaps, unpackAr5Indexes } from './stats.ts';

const square = (x: number, y: number, d: number): Position[] => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y]
];

/** AR5 polygons on a 10 × 10 grid of 100 m squares, types by place (21, 22, 23 farmland; 30 forest; 11 built). */
const ar5 = Array.from({ length: 100 }, (_, i) => ({
  geometry25832: { type: 'Polygon' as const, coordinates: [square(580000 + (i % 10) * 100, 6630000 + Math.floor(i / 10) * 100, 100)] },
  properties: { arealtype: [21, 22, 23, 30, 11][i % 5] }
}));

/** 70 areas across the grid: squares, one with a hole, one in two parts, one outside. */
const areas: (Polygon | MultiPolygon)[] = [
  ...Array.from({ length: 67 }, (_, i): Polygon => ({ type: 'Polygon', coordinates: [square(580013 + (i % 9) * 97, 6630031 + Math.floor(i / 9) * 113, 140)] })),
  { type: 'Polygon', coordinates: [square(580100, 6630100, 400), [...square(580200, 6630200, 100)].reverse()] },
  { type: 'MultiPolygon', coordinates: [[square(580050, 6630850, 60)], [square(580750, 6630050, 60)]] },
  { type: 'Polygon', coordinates: [square(590000, 6640000, 50)] }
];

describe('ar5OverlapsShared', () => {
  const expected = ar5OverlapsWith(ar5Indexes(ar5), areas);

  it('gives every area once, with the figures of ar5OverlapsWith, from packed indexes and areas', () => {
    const packed = ar5PackedIndexes(ar5, SharedArrayBuffer);
    const indexes = unpackAr5Indexes(packed);
    const shared = unpackOverlapIndex(packAreas(areas, SharedArrayBuffer));
    const next = new Int32Array(new SharedArrayBuffer(4));
    const out = sharedAr5Overlaps(packed.byType.keyNames, areas.length, SharedArrayBuffer);
    expect(ar5OverlapsShared(indexes, shared, next, out)).toBe(areas.length);
    expect(ar5OverlapsOf(out, areas.length)).toEqual(expected);
    // The figures are there to compare: farmland in most areas, other types with it in some, none outside.
    expect(expected.filter((o) => (o.farmlandByClassM2['21'] ?? 0) > 0).length).toBeGreaterThan(20);
    expect(expected.filter((o) => (o.byTypeM2['30'] ?? 0) > 0 && (o.byTypeM2['22'] ?? 0) > 0).length).toBeGreaterThan(5);
    expect(expected[69]?.byTypeM2).toEqual({});
    // Nothing is left for a thread that comes after.
    expect(ar5OverlapsShared(indexes, shared, next, out)).toBe(0);
  });

  it('takes only what the other thread has not: the two together are every area once', () => {
    const indexes = ar5Indexes(ar5);
    const shared = unpackOverlapIndex(packAreas(areas, ArrayBuffer));
    const next = new Int32Array(new SharedArrayBuffer(4));
    const out = sharedAr5Overlaps(indexes.byType.keys.filter((k, i, all) => all.indexOf(k) === i), areas.length, ArrayBuffer);
    // As if the other thread had taken the first run of areas (and not written them yet).
    Atomics.store(next, 0, 32);
    expect(ar5OverlapsShared(indexes, shared, next, out)).toBe(areas.length - 32);
    const got = ar5OverlapsOf(out, areas.length);
    expect(got.slice(32)).toEqual(expected.slice(32));
    expect(got.slice(0, 32).every((o) => Object.keys(o.byTypeM2).length === 0 && Object.values(o.farmlandByClassM2).every((v) => v === 0))).toBe(true);
  });
});
