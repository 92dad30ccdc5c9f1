import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTopologyProblem } from './topology.ts';

// A polygon of one small ring is first looked at pair by pair (topology.ts, certainlySimple) and
// only goes to the sweep when that look cannot clear it. The same ring next to a far-away second
// part always goes to the sweep: the answers must be the same, valid or not, problem for problem.

const closed = (ring: number[][]) => [...ring, ring[0] as number[]];

/** Drops consecutive repeated points (the rings the sweep is given have none). */
const dedupe = (ring: number[][]) => ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]?.[0] || p[1] !== ring[i - 1]?.[1]);

/** A star-shaped ring snapped to a grid of `step`: simple, or touching, folding or crossing itself where the grid merges points. */
const starRing = (step: number) =>
  fc.array(fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 5_000, max: 100_000 })), { minLength: 3, maxLength: 60 }).map((ps) =>
    dedupe(
      closed(
        ps.map(([jitter, mm], i) => {
          const a = ((i + jitter / 100) / ps.length) * 2 * Math.PI;
          const r = mm / 1000;
          return [Math.round((r * Math.cos(a)) / step) * step, Math.round((r * Math.sin(a)) / step) * step];
        })
      )
    )
  );

/** Points on a small grid: mostly crossing, touching and collinear. */
const gridRing = fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 })), { minLength: 3, maxLength: 30 }).map((ps) => dedupe(closed(ps)));

const ring = fc.oneof(starRing(0.001), starRing(1), starRing(10), gridRing).filter((r) => r.length >= 4 && r[0]?.[0] === r.at(-1)?.[0] && r[0]?.[1] === r.at(-1)?.[1]);

/** A triangle far to the right of every ring above. */
const far = [[1000, 0], [1010, 0], [1005, 10], [1000, 0]];

describe('findTopologyProblem: the pairwise look at a lone small ring', () => {
  it('gives the answer the sweep gives for the same ring', () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(ring, (r) => {
        const alone = findTopologyProblem([[r]]);
        const swept = findTopologyProblem([[r], [far]]);
        if (alone) invalid++;
        else valid++;
        expect(alone).toEqual(swept);
      }),
      { numRuns: 4000, seed: 20261130 }
    );
    expect(valid).toBeGreaterThan(500);
    expect(invalid).toBeGreaterThan(500);
  });

  it('leaves rings with three points in a line to the sweep, which finds them valid', () => {
    const straight = [[0, 0], [5, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    expect(findTopologyProblem([[straight]])).toBeNull();
    const spike = [[0, 0], [10, 0], [10, 10], [10, 5], [10, 20], [0, 10], [0, 0]];
    expect(findTopologyProblem([[spike]])).toMatchObject({ kind: 'self-intersection' });
  });
});
