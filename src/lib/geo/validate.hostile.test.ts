import { describe, expect, it } from 'vitest';
import { validatePolygonal, validatePolygonalAsync } from './validate.ts';

// Hostile shapes for the validator (issue #16): each within every size limit, each quadratic or
// worse for the validator this replaced (a 20 000-vertex serpentine took 25 s, 100 000 vertices
// > 90 s, 40 000 holes > 120 s). The budgets are loose on purpose: they catch a return to
// quadratic time on a 2-core CI machine, not a few per cent.
const BUDGET_MS = 5000;

/** A simple polygon whose long slanted teeth have boxes that all overlap: n vertices. */
function serpentine(n: number): number[][] {
  const pts: number[][] = [];
  for (let i = 0; i < n / 2; i++) pts.push([0, i * 2], [1000, i * 2 + n]);
  const top = (pts[pts.length - 1] as number[])[1] as number;
  pts.push([1001, top + 10], [-1, top + 10], [-1, -1], pts[0] as number[]);
  return pts;
}

/** A square with k square holes on a grid. */
function manyHoles(k: number): number[][][] {
  const side = Math.ceil(Math.sqrt(k));
  const shell = [[0, 0], [side * 10, 0], [side * 10, side * 10], [0, side * 10], [0, 0]];
  const holes = Array.from({ length: k }, (_, i) => {
    const x = (i % side) * 10 + 2;
    const y = Math.floor(i / side) * 10 + 2;
    return [[x, y], [x + 5, y], [x + 5, y + 5], [x, y + 5], [x, y]];
  });
  return [shell, ...holes];
}

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

describe('validatePolygonal on hostile shapes stays O(n log n)', () => {
  it('accepts a simple 100 000-vertex serpentine', () => {
    const [r, ms] = timed(() => validatePolygonal({ type: 'Polygon', coordinates: [serpentine(100_000)] }, 'serpentin'));
    expect(r.ok).toBe(true);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('finds the one crossing at the far end of a 100 000-vertex serpentine', () => {
    const ring = serpentine(100_000);
    // Move the last tooth tip past the one before it: the two teeth cross.
    const i = ring.length - 6;
    ring[i] = [1000, (ring[i - 2]?.[1] as number) - 1];
    const [r, ms] = timed(() => validatePolygonal({ type: 'Polygon', coordinates: [ring] }, 'serpentin'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.reason).toBe('self-intersection');
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('accepts a polygon with 40 000 holes, and finds the one hole of them outside the shell', () => {
    const rings = manyHoles(40_000);
    const [ok, ms] = timed(() => validatePolygonal({ type: 'Polygon', coordinates: rings }, 'hull'));
    expect(ok.ok).toBe(true);
    expect(ms).toBeLessThan(BUDGET_MS);
    rings[rings.length - 1] = [[-20, -20], [-15, -20], [-15, -15], [-20, -20]];
    const [bad, ms2] = timed(() => validatePolygonal({ type: 'Polygon', coordinates: rings }, 'hull'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.reason).toBe('hole-outside');
    expect(ms2).toBeLessThan(BUDGET_MS);
  });

  it('accepts 20 000 holes that all meet in one point (a fan), and refuses the fan when two of them share an edge', () => {
    const k = 20_000;
    const c = [0, 0];
    const holes = Array.from({ length: k }, (_, i) => {
      const a = (2 * Math.PI * i) / k;
      const b = (2 * Math.PI * (i + 0.5)) / k;
      return [c, [Math.round(1e6 * Math.cos(a)) / 100, Math.round(1e6 * Math.sin(a)) / 100], [Math.round(1e6 * Math.cos(b)) / 100, Math.round(1e6 * Math.sin(b)) / 100], c];
    });
    const shell = [[-20000, -20000], [20000, -20000], [20000, 20000], [-20000, 20000], [-20000, -20000]];
    const [r, ms] = timed(() => validatePolygonal({ type: 'Polygon', coordinates: [shell, ...holes] }, 'vifte'));
    expect(r.ok).toBe(true);
    expect(ms).toBeLessThan(BUDGET_MS);
    holes[1] = [c, holes[0]?.[2] as number[], [Math.round(1e6 * Math.cos((2 * Math.PI * 1.5) / k)) / 100, Math.round(1e6 * Math.sin((2 * Math.PI * 1.5) / k)) / 100], c];
    const bad = validatePolygonal({ type: 'Polygon', coordinates: [shell, ...holes] }, 'vifte');
    expect(bad.ok).toBe(false);
  });

  it('gives up with «too-complex» at a deadline instead of running on (the server passes one)', () => {
    const r = validatePolygonal({ type: 'Polygon', coordinates: [serpentine(100_000)] }, 'serpentin', { deadline: Date.now() - 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.reason).toBe('too-complex');
      expect(r.error.message).toBe('Objekt «serpentin»: geometrien er for kompleks til å sjekkes i tide.');
    }
  });

  it('the async form gives the thread back while it checks (timers run), with the same answer', async () => {
    const g = { type: 'Polygon', coordinates: [serpentine(100_000)] };
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const t = performance.now();
    const r = await validatePolygonalAsync(g, 'serpentin', { sliceMs: 5 });
    const ms = performance.now() - t;
    clearInterval(timer);
    expect(r).toEqual(validatePolygonal(g, 'serpentin'));
    // Never more than a slice or two without a turn for others: many ticks over the run.
    expect(ticks).toBeGreaterThan(ms / 50);
    expect(ticks).toBeGreaterThan(3);
  });
});
