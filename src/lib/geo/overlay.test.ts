import type { MultiPolygon, Polygon, Position } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { areaPlanarM2 } from './area.ts';
import { claimInOrder, fromShape, overlapAreas, overlay, overlayOrigin, shapeArea, shapeBox, SNAP_GRID, toShape, type Shape } from './overlay.ts';
import { poly, rect, X, Y } from './fixtures.test-helper.ts';

// polyclip-ts as it is, except that the tests can make an operation throw (as it does on some
// degenerate input): `failing.calls` counts down the calls that throw.
const failing = vi.hoisted(() => ({ ops: new Set<string>(), calls: Infinity }));
vi.mock('polyclip-ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('polyclip-ts')>();
  const wrap =
    <F extends (...a: never[]) => unknown>(name: string, f: F) =>
    (...args: Parameters<F>) => {
      if (failing.ops.has(name) && failing.calls-- > 0) throw new Error(`Unable to complete output ring (${name})`);
      return f(...args);
    };
  return { ...real, union: wrap('union', real.union), difference: wrap('difference', real.difference), intersection: wrap('intersection', real.intersection) };
});
afterEach(() => {
  failing.ops.clear();
  failing.calls = Infinity;
});

const O = [X, Y] as const;
const sq = (x0: number, y0: number, x1: number, y1: number): Shape => toShape(poly(rect(x0, y0, x1, y1)), O);

describe('local coordinates', () => {
  it('takes the lower-left corner in whole kilometres as origin', () => {
    expect(overlayOrigin([poly(rect(123.4, 567.8, 2000, 3000)), poly(rect(-10, 5, 0, 6))])).toEqual([579000, 6633000]);
    expect(overlayOrigin([])).toEqual([0, 0]);
  });

  it('shifts to the origin and back, keeping holes and parts', () => {
    const m: MultiPolygon = { type: 'MultiPolygon', coordinates: [[rect(0, 0, 100, 100), rect(40, 40, 60, 60)], [rect(200, 0, 300, 50)]] };
    const s = toShape(m, O);
    expect(s[0]?.[0]?.[1]).toEqual([100, 0]);
    expect(shapeArea(s)).toBeCloseTo(areaPlanarM2(m), 9);
    expect(fromShape(s, O)).toEqual(m);
    expect(fromShape(toShape(poly(rect(0, 0, 1, 1)), O), O)).toEqual(poly(rect(0, 0, 1, 1)));
    expect(fromShape([], O)).toBeNull();
    expect(shapeBox(s)).toEqual([0, 0, 300, 100]);
  });
});

describe('overlay: squares with known answers', () => {
  it.each([
    ['union of two overlapping squares', 'union', sq(0, 0, 100, 100), [sq(50, 0, 150, 100)], 15000],
    ['union of touching squares', 'union', sq(0, 0, 100, 100), [sq(100, 0, 200, 100)], 20000],
    ['difference', 'difference', sq(0, 0, 100, 100), [sq(50, 0, 150, 100)], 5000],
    ['difference leaving a hole', 'difference', sq(0, 0, 100, 100), [sq(40, 40, 60, 60)], 9600],
    ['difference of several', 'difference', sq(0, 0, 100, 100), [sq(0, 0, 50, 50), sq(50, 50, 100, 100)], 5000],
    ['intersection', 'intersection', sq(0, 0, 100, 100), [sq(50, 50, 150, 150)], 2500],
    ['intersection of touching squares is empty', 'intersection', sq(0, 0, 100, 100), [sq(100, 0, 200, 100)], 0],
    ['intersection with nothing of the subject', 'intersection', [] as Shape, [sq(0, 0, 1, 1)], 0]
  ] as const)('%s', (_name, op, a, others, want) => {
    const r = overlay(op, a, others);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(shapeArea(r.shape)).toBeCloseTo(want, 6);
      expect(r.snapped).toBe(false);
    }
  });

  it('does not modify its inputs', () => {
    const a = sq(0, 0, 100, 100);
    const b = sq(50, 50, 150, 150);
    const before = JSON.stringify([a, b]);
    overlay('difference', a, [b]);
    overlay('union', a, [b]);
    claimInOrder([a, b, a]);
    overlapAreas([a], [b]);
    expect(JSON.stringify([a, b])).toBe(before);
  });
});

describe('overlay: when polyclip-ts throws', () => {
  it('tries once more on coordinates snapped to 1 mm', () => {
    failing.ops.add('difference');
    failing.calls = 1;
    const r = overlay('difference', sq(0, 0, 100.0004, 100), [sq(50, 0, 150, 100)]);
    expect(r).toMatchObject({ ok: true, snapped: true });
    if (r.ok) expect(shapeArea(r.shape)).toBeCloseTo(5000, 6);
    expect(SNAP_GRID).toBe(0.001);
  });

  it('says so, and never throws, when the snapped attempt fails too', () => {
    failing.ops.add('union');
    const r = overlay('union', sq(0, 0, 1, 1), [sq(1, 0, 2, 1)]);
    expect(r).toEqual({ ok: false, op: 'union', detail: 'Unable to complete output ring (union)' });
  });

  it('claimInOrder lists the shape whose piece failed and goes on', () => {
    failing.ops.add('difference');
    const { pieces, failed } = claimInOrder([sq(0, 0, 100, 100), sq(50, 0, 150, 100), sq(500, 0, 600, 100)]);
    expect(failed.map((f) => f.index)).toEqual([1]);
    expect(pieces[1]).toBeNull();
    expect(shapeArea(pieces[0] as Shape)).toBeCloseTo(10000, 6);
    expect(shapeArea(pieces[2] as Shape)).toBeCloseTo(10000, 6);
  });

  it('overlapAreas measures with the exact area method instead', () => {
    failing.ops.add('intersection');
    const r = overlapAreas([sq(0, 0, 100, 100)], [sq(50, 50, 150, 150), sq(300, 300, 400, 400)]);
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]?.m2).toBeCloseTo(2500, 6);
    expect(r.fallbacks).toEqual([{ a: 0, b: 0, detail: 'Unable to complete output ring (intersection)' }]);
    expect(r.failed).toEqual([]);
  });
});

describe('claimInOrder and overlapAreas', () => {
  it('makes shapes disjoint in order, so the pieces add up to the union', () => {
    const shapes = [sq(0, 0, 100, 100), sq(50, 0, 150, 100), sq(0, 0, 100, 100), sq(25, 25, 75, 75), sq(500, 0, 600, 100)];
    const { pieces, failed } = claimInOrder(shapes);
    expect(failed).toEqual([]);
    expect(pieces.map((p) => shapeArea(p as Shape))).toEqual([10000, 5000, 0, 0, 10000].map((v) => expect.closeTo(v, 6)));
    const union = overlay('union', shapes[0] as Shape, shapes.slice(1));
    expect(union.ok && shapeArea(union.shape)).toBeCloseTo(25000, 6);
  });

  it('gives every pair with shared area, and none for touching or distant shapes', () => {
    const a = [sq(0, 0, 100, 100), null, sq(1000, 0, 1100, 100)];
    const b = [sq(100, 0, 200, 100), sq(50, 50, 150, 150), sq(0, 0, 10, 10)];
    const r = overlapAreas(a, b);
    expect(r.pairs).toEqual([
      { a: 0, b: 1, m2: expect.closeTo(2500, 6) },
      { a: 0, b: 2, m2: expect.closeTo(100, 6) }
    ]);
    expect(overlapAreas([], b).pairs).toEqual([]);
    expect(overlapAreas(a, [null]).pairs).toEqual([]);
  });
});
