import fc from 'fast-check';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { intersectionAreaM2 } from './intersection-area.ts';
import { buildOverlapIndex, overlapByKey, buildPackedOverlapIndex, unpackOverlapIndex } from './overlap.ts';
import { expected, fixtureCases } from './fixtures.test-helper.ts';

describe('overlapByKey: golden fixtures (tests/fixtures/geo/overlap)', () => {
  for (const c of fixtureCases('overlap')) {
    it(c.name, () => {
      const coll = c.input as FeatureCollection<Polygon>;
      const [area, ...farmland] = coll.features as [Feature<Polygon>, ...Feature<Polygon>[]];
      const index = buildOverlapIndex(farmland.map((f) => ({ geometry: f.geometry, key: String(f.properties?.arealtype) })));
      const r = overlapByKey(index, area.geometry);
      const got = { totalM2: r.totalM2, byKeyM2: r.byKeyM2 };
      const want = expected(c.outFile, { method: 'se tests/fixtures/geo/README.md', ...got });
      expect(got.totalM2).toBeCloseTo(want.totalM2, 6);
      expect(Object.keys(got.byKeyM2).sort()).toEqual(Object.keys(want.byKeyM2).sort());
      for (const [k, v] of Object.entries(want.byKeyM2)) expect(got.byKeyM2[k]).toBeCloseTo(v, 6);
    });
  }
});

const square = (x: number, y: number, s: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]] as Position[]]
});

describe('overlapByKey', () => {
  const grid = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.constantFrom('21', '22', '23')), { maxLength: 60 });

  it('equals a brute-force sum over all items, while intersecting only those nearby', () => {
    fc.assert(
      fc.property(grid, fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 900 }), fc.integer({ min: 10, max: 300 }), (cells, ax, ay, size) => {
        // Non-overlapping 25 m cells on a grid, like AR5.
        const seen = new Set<string>();
        const items = cells
          .filter(([i, j]) => !seen.has(`${i},${j}`) && seen.add(`${i},${j}`))
          .map(([i, j, key]) => ({ geometry: square(580000 + i * 25, 6633000 + j * 25, 25), key }));
        const area = square(580000 + ax, 6633000 + ay, size);
        const r = overlapByKey(buildOverlapIndex(items), area);
        const brute = items.reduce((s, it) => s + intersectionAreaM2(area, it.geometry), 0);
        const byKeySum = Object.values(r.byKeyM2).reduce((s, v) => s + v, 0);
        return Math.abs(r.totalM2 - brute) < 1e-6 && Math.abs(byKeySum - r.totalM2) < 1e-6 && r.totalM2 <= size * size + 1e-6 && r.candidates <= items.length;
      }),
      { numRuns: 150 }
    );
  });

  it('skips items far from the area', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ geometry: square(580000 + (i % 40) * 100, 6633000 + Math.floor(i / 40) * 100, 50), key: '21' }));
    const r = overlapByKey(buildOverlapIndex(items), square(580000, 6633000, 120));
    expect(r.candidates).toBeLessThanOrEqual(4);
    // 50×50 + 20×50 + 50×20 + 20×20 of the four nearest 50 m squares.
    expect(r.totalM2).toBeCloseTo(2500 + 1000 + 1000 + 400, 6);
  });

  it('gives the same polygons, tree and figures built packed into SharedArrayBuffers and unpacked (as the CLI hands its AR5 index to another thread)', () => {
    const withHole: Polygon = { type: 'Polygon', coordinates: [square(580000, 6633000, 100).coordinates[0] as Position[], [...(square(580040, 6633040, 20).coordinates[0] as Position[])].reverse()] };
    // Clockwise and not closed: packed closed and counter-clockwise, as preparePolygon makes it.
    const open = (square(580300, 6633000, 80).coordinates[0] as Position[]).slice(0, 4).reverse();
    const items = [
      { geometry: withHole, key: '21' },
      { geometry: { type: 'MultiPolygon' as const, coordinates: [square(580100, 6633000, 50).coordinates, [[]], square(580200, 6633000, 50).coordinates] }, key: '30' },
      { geometry: { type: 'Polygon' as const, coordinates: [open] }, key: '21' },
      { geometry: { type: 'Polygon' as const, coordinates: [] }, key: '99' },
      { geometry: { type: 'Polygon' as const, coordinates: [[], square(580000, 6633000, 10).coordinates[0] as Position[]] }, key: '99' }
    ];
    const index = buildOverlapIndex(items);
    const packed = buildPackedOverlapIndex(items, SharedArrayBuffer);
    expect(packed.xy.buffer).toBeInstanceOf(SharedArrayBuffer);
    const again = unpackOverlapIndex(structuredClone(packed));
    expect(again.keys).toEqual(['21', '30', '21', '99', '99']);
    for (let i = 0; i < index.size; i++) expect(again.polygon(i)).toEqual(index.polygon(i));
    // The tree is read from the packed data, not built again: the same nodes as the index's, in the shared buffer.
    expect(again.tree?.data).toBeInstanceOf(SharedArrayBuffer);
    expect(new Uint8Array(again.tree?.data as ArrayBufferLike)).toEqual(new Uint8Array(index.tree?.data as ArrayBufferLike));
    for (const area of [square(580030, 6633030, 300), square(579990, 6632990, 500), square(580045, 6633045, 5)]) expect(overlapByKey(again, area)).toEqual(overlapByKey(index, area));
    expect(overlapByKey(again, square(580030, 6633030, 300)).byKeyM2['21']).toBeCloseTo(70 * 70 - 20 * 20 + 30 * 50, 6);
    expect(overlapByKey(unpackOverlapIndex(buildPackedOverlapIndex([])), square(0, 0, 10))).toEqual({ totalM2: 0, byKeyM2: {}, candidates: 0 });
  });

  it('is empty for an empty index', () => {
    expect(overlapByKey(buildOverlapIndex([]), square(0, 0, 10))).toEqual({ totalM2: 0, byKeyM2: {}, candidates: 0 });
  });
});
