/**
 * Round axis ticks for a value range: a step of 1, 2, 2.5 or 5 times a power of ten giving about
 * `count` intervals, and the range widened to whole steps (a line chart's axis need not start at
 * zero; its title and tick labels say where it starts).
 */
export function niceTicks(min: number, max: number, count = 4): { lo: number; hi: number; ticks: number[] } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { lo: 0, hi: 1, ticks: [0, 1] };
  if (max < min) [min, max] = [max, min];
  if (max === min) {
    const pad = Math.abs(max) > 0 ? Math.abs(max) * 0.05 : 1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / Math.max(1, count);
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p) as number;
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let i = 0; lo + i * step <= hi + step * 1e-9 && i < 50; i++) ticks.push(Number((lo + i * step).toPrecision(12)));
  return { lo, hi, ticks };
}
