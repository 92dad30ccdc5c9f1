import { describe, expect, it } from 'vitest';
import { showsAsZero, valueDomain, visibleBars } from './bars.ts';

describe('report bar charts: what is drawn', () => {
  it('leaves out bars that show as zero at the chart rounding (no «−0,0»)', () => {
    expect(showsAsZero(-0.04, 1)).toBe(true);
    expect(showsAsZero(0.05, 1)).toBe(false);
    expect(showsAsZero(0.4, 0)).toBe(true);
    const bars = [
      { label: 'Tofte', value: -0.01 },
      { label: 'Hyggen', value: -150 },
      { label: 'Dikemark', value: 250 },
      { label: 'Vollen', value: 0 }
    ];
    expect(visibleBars(bars, 1).map((b) => b.label)).toEqual(['Hyggen', 'Dikemark']);
  });

  it('holds zero and gives room for the labels on each side that has bars', () => {
    expect(valueDomain([-150, 800])).toEqual([-150 - 0.18 * 950, 800 + 0.18 * 950]);
    expect(valueDomain([100, 400])).toEqual([0, 400 + 0.18 * 400]);
    expect(valueDomain([-60, -20])).toEqual([-60 - 0.18 * 60, 0]);
    expect(valueDomain([])).toEqual([0, 1]);
  });
});
