import { describe, expect, it } from 'vitest';
import { countPositions, everyPosition } from './positions.ts';

describe('positions in parsed GeoJSON', () => {
  const square = [[0, 0], [1, 0], [1, 1], [0, 0]];
  const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { navn: 'a', tall: [1, 2] }, geometry: { type: 'Polygon', coordinates: [square] } }] };

  it('counts the positions of a coordinate array, a geometry or a collection (arrays of numbers in properties count too)', () => {
    expect(countPositions([square, square])).toBe(8);
    expect(countPositions(fc)).toBe(5);
    expect(countPositions(null)).toBe(0);
  });

  it('stops counting one past the limit, and at the first position the visitor refuses', () => {
    expect(countPositions([square, square], 2)).toBe(3);
    const seen: unknown[] = [];
    expect(everyPosition([square], (p) => (seen.push(p), p[0] === 0))).toBe(false);
    expect(seen).toEqual([[0, 0], [1, 0]]);
  });

  it('walks 100 000 levels of nesting without recursion', () => {
    let deep: unknown = [1, 2];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(countPositions(deep)).toBe(1);
  });
});
