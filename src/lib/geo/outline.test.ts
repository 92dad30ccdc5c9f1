import { describe, expect, it } from 'vitest';
import { outlinePath } from './outline.ts';

describe('outlinePath', () => {
  it('fits a square at the equator to the box, north up', () => {
    const sq = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
    expect(outlinePath(sq)).toBe('M4.0,56.0L56.0,56.0L56.0,4.0L4.0,4.0L4.0,56.0Z');
  });

  it('shortens longitude by the cosine of the latitude, so a «square» in degrees at 60° N is half as wide', () => {
    const sq = { type: 'Polygon' as const, coordinates: [[[10, 60], [11, 60], [11, 61], [10, 61], [10, 60]]] };
    expect(outlinePath(sq)).toBe('M4.0,56.0L30.0,56.0L30.0,4.0L4.0,4.0L4.0,56.0Z');
  });

  it('draws each part of a multipolygon and leaves out holes', () => {
    const mp = {
      type: 'MultiPolygon' as const,
      coordinates: [
        [
          [[0, 0], [1, 0], [1, 1], [0, 0]],
          [[0.2, 0.1], [0.3, 0.1], [0.3, 0.2], [0.2, 0.1]]
        ],
        [[[2, 0], [3, 0], [3, 1], [2, 0]]]
      ]
    };
    const d = outlinePath(mp);
    expect(d.split(' ')).toHaveLength(2);
    expect(d.startsWith('M4.0,56.0L21.3,56.0')).toBe(true);
  });
});
