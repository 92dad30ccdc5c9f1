import { describe, expect, it } from 'vitest';
import { labelsToShow } from './labels.ts';

const r = (left: number, top: number, w = 50, h = 10) => ({ left, top, right: left + w, bottom: top + h });

describe('labelsToShow', () => {
  it('keeps labels in priority order and hides those overlapping a kept one', () => {
    expect(labelsToShow([r(0, 0), r(20, 5), r(0, 30), r(100, 0)])).toEqual([true, false, true, true]);
  });

  it('counts the gap as overlap', () => {
    expect(labelsToShow([r(0, 0), r(51, 0)], 2)).toEqual([true, false]);
    expect(labelsToShow([r(0, 0), r(53, 0)], 2)).toEqual([true, true]);
  });
});
