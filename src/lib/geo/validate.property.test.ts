import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePolygonal } from './validate.ts';
import { validatePolygonal as previousValidator } from './validate-naive.test-helper.ts';

// The sweep-line validator (topology.ts) against the validator it replaced (kept as
// validate-naive.test-helper.ts: every pair of segments through a box index, O(n²) at worst).
// On polygons where the old rules were complete — one polygon, holes that cannot nest (all the
// same triangle, moved) — they must agree on valid or not, and on why for a single kind of fault.

// Millimetres within a kilometre: where the old floating-point predicates were right. (They were
// not with subnormal numbers: a triangle with corners 5e-324 apart is not flat, as the exact
// predicates now say.)
const coord = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((v) => v / 1000);
const gridCoord = fc.integer({ min: 0, max: 6 });

const closed = (ring: number[][]) => [...ring, ring[0] as number[]];

/** A random ring of 3–14 points: mostly self-intersecting. */
const randomRing = (c: fc.Arbitrary<number>) => fc.array(fc.tuple(c, c), { minLength: 3, maxLength: 14 }).map((ps) => closed(ps.map(([x, y]) => [x, y])));

/** A star-shaped ring (valid): angles sorted, radii random. */
const starRing = fc.array(fc.tuple(fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), fc.double({ min: 50, max: 500, noNaN: true })), { minLength: 3, maxLength: 40 }).map((ps) => {
  const sorted = [...ps].sort((a, b) => a[0] - b[0]);
  return closed(sorted.map(([a, r]) => [Math.round(r * Math.cos(a) * 1000) / 1000, Math.round(r * Math.sin(a) * 1000) / 1000]));
});

/** Translated copies of one triangle: they may cross each other or the shell, never nest. */
const holes = fc.array(fc.tuple(fc.integer({ min: -600, max: 600 }), fc.integer({ min: -600, max: 600 })), { maxLength: 6 }).map((offsets) =>
  offsets.map(([dx, dy]) => closed([[dx, dy], [dx + 60, dy + 5], [dx + 20, dy + 50]]))
);

const polygon = fc.oneof(
  randomRing(coord).map((r) => [r]),
  randomRing(gridCoord).map((r) => [r]),
  fc.tuple(starRing, holes).map(([s, h]) => [s, ...h])
);

describe('the sweep-line validator agrees with the validator it replaced', () => {
  it('on random polygons: the same verdict, and the same reason when the old one names it', () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(polygon, (coordinates) => {
        const g = { type: 'Polygon', coordinates };
        const now = validatePolygonal(g, 'p');
        const before = previousValidator(g, 'p');
        if (now.ok) valid++;
        else invalid++;
        // Touching rings that cut the interior in two are invalid now; the old rules let them pass.
        if (!now.ok && now.error.reason === 'interior-disconnected') return before.ok;
        expect(now.ok).toBe(before.ok);
        if (!now.ok && !before.ok && ['too-few-points', 'zero-area', 'hole-outside', 'unclosed-ring'].includes(before.error.reason)) {
          expect(now.error.reason).toBe(before.error.reason);
        }
        return true;
      }),
      { numRuns: 3000, seed: 20261130 }
    );
    // Both verdicts occur often enough for the agreement to mean something.
    expect(valid).toBeGreaterThan(300);
    expect(invalid).toBeGreaterThan(300);
  });
});
