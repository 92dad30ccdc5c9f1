import fc from 'fast-check';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaPlanarM2, areaSphericalM2, m2ToDaa, ringAreaSigned } from './area.ts';
import { crsFromGeoJson, reprojectGeometry, type CrsCode } from './crs.ts';
import { fixtureCases } from './fixtures.test-helper.ts';

interface ExpectedArea {
  method: string;
  tolerance: string;
  features: Record<string, { area_m2: number; area_daa: number }>;
}

describe('areaPlanarM2: golden fixtures (tests/fixtures/geo/area)', () => {
  for (const c of fixtureCases('area')) {
    it(c.name, () => {
      const want = JSON.parse(readFileSync(c.outFile, 'utf8')) as ExpectedArea;
      const tol = Number(/^[\d.e-]+/.exec(want.tolerance)?.[0]);
      expect(tol).toBeGreaterThan(0);
      const coll = c.input as FeatureCollection;
      const crs = (crsFromGeoJson(coll) ?? 'EPSG:4326') as CrsCode;
      const ids = coll.features.map((f) => String(f.properties?.id));
      expect(ids.sort()).toEqual(Object.keys(want.features).sort());
      for (const f of coll.features) {
        const g = reprojectGeometry(f.geometry as Polygon | MultiPolygon, crs, 'EPSG:25832');
        const got = areaPlanarM2(g);
        const exp = want.features[String(f.properties?.id)];
        expect(Math.abs(got / (exp?.area_m2 ?? Number.NaN) - 1), `${f.properties?.id}: ${got} m² vs ${exp?.area_m2}`).toBeLessThanOrEqual(tol);
        expect(m2ToDaa(got)).toBeCloseTo(exp?.area_daa ?? Number.NaN, 1);
      }
    });
  }
});

describe('ringAreaSigned', () => {
  it('is positive counter-clockwise and works with or without the closing position', () => {
    const ccw = [[0, 0], [10, 0], [10, 10], [0, 10]];
    expect(ringAreaSigned(ccw)).toBe(100);
    expect(ringAreaSigned([...ccw, [0, 0]])).toBe(100);
    expect(ringAreaSigned([...ccw].reverse())).toBe(-100);
  });
});

describe('areaSphericalM2', () => {
  it('differs from the planar EPSG:25832 area by under 1 % (contrast only)', () => {
    const sq: Polygon = { type: 'Polygon', coordinates: [[[580000, 6633000], [581000, 6633000], [581000, 6634000], [580000, 6634000], [580000, 6633000]]] };
    const spherical = areaSphericalM2(reprojectGeometry(sq, 'EPSG:25832', 'EPSG:4326'));
    expect(Math.abs(spherical / 1e6 - 1)).toBeLessThan(0.01);
    expect(spherical).not.toBeCloseTo(1e6, 0);
  });
});

const ringArb = fc
  .array(fc.tuple(fc.double({ min: 1, max: 500, noNaN: true }), fc.double({ min: 0, max: 2 * Math.PI, noNaN: true })), { minLength: 3, maxLength: 30 })
  .map((pts) => {
    // A star-shaped ring around a UTM point: sorted angles give a simple polygon.
    const sorted = [...pts].sort((a, b) => a[1] - b[1]);
    const ring: Position[] = sorted.map(([r, a]) => [580000 + r * Math.cos(a), 6633000 + r * Math.sin(a)]);
    return [...ring, ring[0] as Position];
  });

describe('areaPlanarM2: properties', () => {
  it('is invariant under ring rotation and reversal', () => {
    fc.assert(
      fc.property(ringArb, fc.nat(), (ring, k) => {
        const open = ring.slice(0, -1);
        const shift = k % open.length;
        const rotated = [...open.slice(shift), ...open.slice(0, shift)];
        const a = areaPlanarM2({ type: 'Polygon', coordinates: [ring] });
        const b = areaPlanarM2({ type: 'Polygon', coordinates: [[...rotated, rotated[0] as Position]] });
        const c = areaPlanarM2({ type: 'Polygon', coordinates: [[...ring].reverse()] });
        return Math.abs(a - b) <= 1e-9 * Math.max(1, a) && Math.abs(a - c) <= 1e-9 * Math.max(1, a);
      }),
      { numRuns: 200 }
    );
  });

  it('does not modify its input', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]]] };
    const before = JSON.stringify(g);
    areaPlanarM2(g);
    expect(JSON.stringify(g)).toBe(before);
  });
});
