import { describe, expect, it } from 'vitest';
import { niceTicks } from './ticks.ts';

describe('round axis ticks', () => {
  it('gives whole steps around the data, not from zero', () => {
    expect(niceTicks(40_000, 51_000)).toEqual({ lo: 40_000, hi: 55_000, ticks: [40_000, 45_000, 50_000, 55_000] });
    expect(niceTicks(40_000, 49_000)).toEqual({ lo: 40_000, hi: 50_000, ticks: [40_000, 42_500, 45_000, 47_500, 50_000] });
    expect(niceTicks(0.3, 0.92, 3)).toEqual({ lo: 0.25, hi: 1, ticks: [0.25, 0.5, 0.75, 1] });
  });
  it('copes with one value, reversed bounds and non-numbers', () => {
    expect(niceTicks(100, 100).ticks.length).toBeGreaterThan(1);
    expect(niceTicks(10, 0)).toEqual(niceTicks(0, 10));
    expect(niceTicks(Number.NaN, 1)).toEqual({ lo: 0, hi: 1, ticks: [0, 1] });
  });
});
