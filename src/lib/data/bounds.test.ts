import { describe, expect, it } from 'vitest';
import { boundsOf } from './bounds.ts';

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
