import { describe, expect, it } from 'vitest';
import { centroidPlanar } from './centroid.ts';
import { distancePointToLineStringM, distancePointToPointM, nearestPoint, nearestPointOnLine } from './distance.ts';

describe('distances (planar, metres)', () => {
  it('point to point and point to line', () => {
    expect(distancePointToPointM([0, 0], [3, 4])).toBe(5);
    const line = { type: 'LineString' as const, coordinates: [[0, 0], [100, 0], [100, 100]] };
    expect(distancePointToLineStringM([50, 30], line)).toBe(30);
    expect(distancePointToLineStringM([130, 50], line)).toBe(30);
    expect(distancePointToLineStringM([-3, -4], line)).toBe(5);
    expect(distancePointToLineStringM([0, 50], { type: 'MultiLineString', coordinates: [[[10, 0], [10, 100]], [[-20, 0], [-20, 100]]] })).toBe(10);
  });

  it('finds the nearest point', () => {
    expect(nearestPoint([0, 0], [{ id: 'a', coordinates: [10, 0] }, { id: 'b', coordinates: [0, 5] }])).toEqual({ id: 'b', distanceM: 5 });
    expect(nearestPoint([0, 0], [])).toBeNull();
  });
});

describe('centroidPlanar', () => {
  it('is area-weighted, with holes subtracted, in either winding', () => {
    expect(centroidPlanar({ type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] })).toEqual([5, 5]);
    expect(centroidPlanar({ type: 'Polygon', coordinates: [[[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]]] })).toEqual([5, 5]);
    // 20×10 with the right half's 10×10 removed as a hole → the left square's centre.
    const c = centroidPlanar({ type: 'Polygon', coordinates: [[[0, 0], [20, 0], [20, 10], [0, 10], [0, 0]], [[10, 0], [20, 0], [20, 10], [10, 10], [10, 0]]] });
    expect(c[0]).toBeCloseTo(5, 9);
    expect(c[1]).toBeCloseTo(5, 9);
    const m = centroidPlanar({ type: 'MultiPolygon', coordinates: [[[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]], [[[100, 0], [110, 0], [110, 10], [100, 10], [100, 0]]]] });
    expect(m).toEqual([55, 5]);
  });
});

describe('nearestPointOnLine', () => {
  it('gives the nearest point of a segment, a vertex past its end, and of the nearest part', () => {
    const line = { type: 'MultiLineString' as const, coordinates: [[[0, 0], [100, 0]], [[0, 50], [0, 60]]] };
    expect(nearestPointOnLine([30, 20], line)).toEqual({ at: [30, 0], distanceM: 20 });
    expect(nearestPointOnLine([130, 40], line)).toEqual({ at: [100, 0], distanceM: 50 });
    expect(nearestPointOnLine([-3, 58], line)).toEqual({ at: [0, 58], distanceM: 3 });
    expect(nearestPointOnLine([5, 5], { type: 'LineString', coordinates: [[1, 2]] })).toEqual({ at: [1, 2], distanceM: 5 });
    expect(nearestPointOnLine([5, 5], { type: 'LineString', coordinates: [] })).toBeNull();
  });
});
