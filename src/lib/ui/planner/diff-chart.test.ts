import { describe, expect, it } from 'vitest';
import { diffBar } from './diff-chart.ts';

describe('diffBar: the sign of every bar is the sign of the change', () => {
  it.each([
    [100, 150, 0.5, { kind: 'pct', value: 50 }],
    [100, 50, -0.5, { kind: 'pct', value: -50 }],
    [-100, -150, -0.5, { kind: 'pct', value: -50 }],
    [0, 25, 1, { kind: 'abs', value: 25 }],
    // Once drawn as a green «+100 %»: a loss from zero.
    [0, -25, -1, { kind: 'abs', value: -25 }],
    [7, 7, 0, null]
  ])('%d → %d', (a, b, rel, label) => {
    const r = diffBar(a, b);
    expect(r.rel).toBeCloseTo(rel, 12);
    expect(r.label).toEqual(label);
  });
});
