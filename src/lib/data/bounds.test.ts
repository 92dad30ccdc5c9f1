import { describe, expect, it } from 'vitest';
import { boundsOf, boundsOfGeometries } from './bounds.ts';

describe('boundsOf', () => {
  it('spans points, lines and multipolygons', () => {
    expect(
      boundsOf({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [10.4, 59.8] } },
          {
            type: 'Feature',
            properties: {},
            geometry: { type: 'MultiPolygon', coordinates: [[[[10.3, 59.5], [10.6, 59.5], [10.6, 59.9], [10.3, 59.5]]]] }
          }
        ]
      })
    ).toEqual([[10.3, 59.5], [10.6, 59.9]]);
  });

  it('is null for an empty collection', () => {
    expect(boundsOf({ type: 'FeatureCollection', features: [] })).toBeNull();
  });
});

describe('boundsOfGeometries', () => {
  it('spans the geometries given, and is null for none', () => {
    const square = (x: number, y: number) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] });
    expect(boundsOfGeometries([square(10, 59), square(11.5, 58)])).toEqual([[10, 58], [12.5, 60]]);
    expect(boundsOfGeometries([])).toBeNull();
  });
});
