/**
 * How the comparison chart shows one figure in A and B: the bar's signed length (−1…1 of the
 * widest), and its label. Relative to A where A is not 0; from 0 the change has no percentage, so
 * the bar is full length in the direction of the change and the label gives the change itself.
 * The sign is always the sign of B − A: a loss is never drawn or labelled as a gain.
 */
export interface DiffBar {
  /** B − A relative to |A| (or ±1 from 0). */
  rel: number;
  /** What the label shows: a percentage, or the change in the figure's own unit. */
  label: { kind: 'pct'; value: number } | { kind: 'abs'; value: number } | null;
}

export function diffBar(a: number, b: number): DiffBar {
  const d = b - a;
  if (d === 0) return { rel: 0, label: null };
  if (a === 0) return { rel: Math.sign(d), label: { kind: 'abs', value: d } };
  const rel = d / Math.abs(a);
  return { rel, label: { kind: 'pct', value: 100 * rel } };
}
