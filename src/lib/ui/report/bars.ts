/**
 * What a report bar chart draws: bars whose value shows as zero at the chart's rounding are left
 * out (no «−0,0» and no empty bar), and the value axis always holds zero and leaves room beyond
 * the longest bar on each side for its value label, so a label never runs into the row names.
 */

/** A value as shown with `digits` decimals is zero. */
export const showsAsZero = (value: number, digits: number): boolean => Math.abs(value) < 0.5 * 10 ** -digits;

/** The bars to draw: those that do not show as zero. */
export function visibleBars<B extends { value: number }>(bars: readonly B[], digits: number): B[] {
  return bars.filter((b) => !showsAsZero(b.value, digits));
}

/**
 * The value axis: from the lowest to the highest of `sums` (the bar ends) and 0, widened by
 * `room` of the span on each side that has bars (for the value labels). [0, 1] without values.
 */
export function valueDomain(sums: readonly number[], room = 0.18): [number, number] {
  const lo = Math.min(0, ...sums);
  const hi = Math.max(0, ...sums);
  const span = hi - lo;
  if (span === 0) return [0, 1];
  return [lo < 0 ? lo - room * span : 0, hi > 0 ? hi + room * span : 0];
}
