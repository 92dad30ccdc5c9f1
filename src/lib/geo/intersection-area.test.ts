import { featureCollection, intersect, polygon as turfPolygon } from '@turf/turf';
import fc from 'fast-check';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaPlanarM2 } from './area.ts';
import { intersectionAreaM2 } from './intersection-area.ts';
import { poly, rect, X, Y } from './fixtures.test-helper.ts';

const L = poly([[X, Y], [X + 200, Y], [X + 200, Y + 100], [X + 100, Y + 100], [X + 100, Y + 200], [X, Y + 200], [X, Y]]);

describe('intersectionAreaM2: hand cases', () => {
  it.each([
    ['identical squares', poly(rect(0, 0, 100, 100)), poly(rect(0, 0, 100, 100)), 10000],
    ['identical squares, opposite winding', poly(rect(0, 0, 100, 100)), poly([...rect(0, 0, 100, 100)].reverse()), 10000],
    ['square inside square', poly(rect(0, 0, 100, 100)), poly(rect(25, 25, 75, 75)), 2500],
    ['touching squares (shared edge only)', poly(rect(0, 0, 100, 100)), poly(rect(100, 0, 200, 100)), 0],
    ['touching at a corner', poly(rect(0, 0, 100, 100)), poly(rect(100, 100, 200, 200)), 0],
    ['half overlap along a shared edge', poly(rect(0, 0, 100, 100)), poly(rect(0, 0, 50, 100)), 5000],
    ['shared edge halves, offset', poly(rect(0, 0, 100, 100)), poly(rect(50, -50, 150, 50)), 2500],
    ['L-shape vs square in its notch', L, poly(rect(90, 90, 130, 130)), 700],
    ['L-shape vs square over its arm', L, poly(rect(150, -50, 250, 50)), 2500],
    ['disjoint', poly(rect(0, 0, 10, 10)), poly(rect(50, 50, 60, 60)), 0],
    ['square with hole vs square over the hole', poly(rect(0, 0, 100, 100), rect(40, 40, 60, 60)), poly(rect(30, 30, 70, 70)), 1600 - 400],
    ['square vs the hole exactly', poly(rect(0, 0, 100, 100), rect(40, 40, 60, 60)), poly(rect(40, 40, 60, 60)), 0],
    ['cross', poly(rect(0, 40, 100, 60)), poly(rect(40, 0, 60, 100)), 400],
    // Boundaries meeting at vertices only, where an edge's side may not be carried over from the one before.
    ['diamond with its corners on the square\'s sides', poly(rect(0, 0, 100, 100)), poly([[X + 50, Y], [X + 100, Y + 50], [X + 50, Y + 100], [X, Y + 50], [X + 50, Y]]), 5000],
    ['diamond touching the square from outside at one corner', poly(rect(0, 0, 100, 100)), poly([[X + 50, Y], [X + 0, Y - 50], [X + 50, Y - 100], [X + 100, Y - 50], [X + 50, Y]]), 0],
    ['notch dipping to the other\'s side at one vertex', poly([[X, Y], [X + 100, Y], [X + 100, Y + 100], [X + 50, Y + 50], [X, Y + 100], [X, Y]]), poly(rect(0, 50, 100, 150)), 2500],
    ['zigzag crossing a side at vertices', poly(rect(0, 0, 100, 100)), poly([[X, Y - 20], [X + 25, Y], [X + 50, Y - 20], [X + 75, Y], [X + 100, Y - 20], [X + 100, Y + 40], [X, Y + 40], [X, Y - 20]]), 4000]
  ])('%s', (_name, a, b, want) => {
    expect(intersectionAreaM2(a, b)).toBeCloseTo(want, 6);
    expect(intersectionAreaM2(b, a)).toBeCloseTo(want, 6);
  });

  it('sums MultiPolygon parts', () => {
    const m: MultiPolygon = { type: 'MultiPolygon', coordinates: [[rect(0, 0, 100, 100)], [rect(200, 0, 300, 100)]] };
    expect(intersectionAreaM2(m, poly(rect(50, 0, 250, 50)))).toBeCloseTo(2500 + 2500, 6);
  });

  it('does not modify its inputs', () => {
    const a = poly([...rect(0, 0, 100, 100)].reverse());
    const b = poly(rect(50, 50, 150, 150));
    const before = JSON.stringify([a, b]);
    intersectionAreaM2(a, b);
    expect(JSON.stringify([a, b])).toBe(before);
  });
});

// Random star-shaped polygons (simple by construction), optionally with a small square hole.
const starArb = fc
  .record({
    cx: fc.integer({ min: 0, max: 400 }),
    cy: fc.integer({ min: 0, max: 400 }),
    radii: fc.array(fc.integer({ min: 60, max: 300 }), { minLength: 3, maxLength: 24 }),
    hole: fc.boolean(),
    winding: fc.boolean()
  })
  .map(({ cx, cy, radii, hole, winding }): Polygon => {
    const n = radii.length;
    let ring: Position[] = radii.map((r, i) => [X + cx + r * Math.cos((2 * Math.PI * i) / n), Y + cy + r * Math.sin((2 * Math.PI * i) / n)]);
    if (winding) ring = ring.reverse();
    ring.push(ring[0] as Position);
    const rings = [ring];
    // A hole of half-size 20 around the centre lies inside: every radius is ≥ 60 and cos(π/3) = 0.5.
    if (hole && n >= 6) rings.push(rect(cx - 20, cy - 20, cx + 20, cy + 20));
    return { type: 'Polygon', coordinates: rings };
  });

function turfPlanarIntersection(a: Polygon, b: Polygon): number {
  // polyclip (inside turf.intersect) is planar: fine on UTM metres; its area we take planar too.
  const shift = (p: Polygon): Polygon => ({ type: 'Polygon', coordinates: p.coordinates.map((r) => r.map(([x, y]) => [(x as number) - X, (y as number) - Y])) });
  const r = intersect(featureCollection([turfPolygon(shift(a).coordinates), turfPolygon(shift(b).coordinates)]));
  return r ? areaPlanarM2(r.geometry) : 0;
}

describe('intersectionAreaM2: properties', () => {
  it('agrees with turf.intersect + planar area on random polygons (with holes)', () => {
    fc.assert(
      fc.property(starArb, starArb, (a, b) => {
        const got = intersectionAreaM2(a, b);
        const want = turfPlanarIntersection(a, b);
        return Math.abs(got - want) <= 1e-6 * Math.max(1, want);
      }),
      { numRuns: 150 }
    );
  });

  it('agrees with turf.intersect on lattice rectangles and L-shapes (shared edges, vertices on edges, touching corners)', () => {
    // Coordinates on a 10 m lattice, so boundaries often run together or meet at vertices.
    const lattice = fc.integer({ min: 0, max: 8 }).map((v) => v * 10);
    const shape = fc.record({ x0: lattice, y0: lattice, w: fc.integer({ min: 1, max: 6 }), h: fc.integer({ min: 1, max: 6 }), cut: fc.integer({ min: 0, max: 5 }), reverse: fc.boolean() }).map(({ x0, y0, w, h, cut, reverse }): Polygon => {
      const [x1, y1] = [x0 + w * 10, y0 + h * 10];
      const c = Math.min(cut, w - 1, h - 1) * 10;
      let ring: Position[] = c > 0 ? [[x0, y0], [x1, y0], [x1, y1 - c], [x1 - c, y1 - c], [x1 - c, y1], [x0, y1], [x0, y0]] : [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
      if (reverse) ring = ring.reverse();
      return { type: 'Polygon', coordinates: [ring.map(([x, y]) => [X + (x as number), Y + (y as number)])] };
    });
    fc.assert(
      fc.property(shape, shape, (a, b) => {
        const want = turfPlanarIntersection(a, b);
        return Math.abs(intersectionAreaM2(a, b) - want) <= 1e-6 * Math.max(1, want) && Math.abs(intersectionAreaM2(b, a) - want) <= 1e-6 * Math.max(1, want);
      }),
      { numRuns: 400, seed: 20 }
    );
  });

  it('is never larger than either area, and is symmetric', () => {
    fc.assert(
      fc.property(starArb, starArb, (a, b) => {
        const ab = intersectionAreaM2(a, b);
        const ba = intersectionAreaM2(b, a);
        return ab <= areaPlanarM2(a) * (1 + 1e-9) && ab <= areaPlanarM2(b) * (1 + 1e-9) && Math.abs(ab - ba) <= 1e-6 * Math.max(1, ab);
      }),
      { numRuns: 150 }
    );
  });

  it('of disjoint parts adds up: a ∩ (left ∪ right) = a ∩ left + a ∩ right', () => {
    fc.assert(
      fc.property(starArb, fc.integer({ min: -100, max: 700 }), (a, cut) => {
        const left = poly(rect(-500, -500, cut, 1000));
        const right = poly(rect(cut, -500, 1500, 1000));
        const whole = poly(rect(-500, -500, 1500, 1000));
        const parts = intersectionAreaM2(a, left) + intersectionAreaM2(a, right);
        return Math.abs(parts - intersectionAreaM2(a, whole)) <= 1e-6 * areaPlanarM2(a) && Math.abs(parts - areaPlanarM2(a)) <= 1e-6 * areaPlanarM2(a);
      }),
      { numRuns: 150 }
    );
  });
});
