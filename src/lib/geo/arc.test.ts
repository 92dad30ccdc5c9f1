import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ringAreaSigned } from './area.ts';
import { circleRing, circleRing3, circleThrough, densifyArc3 } from './arc.ts';

const close = (ring: Position[]) => [...ring, ring[0] as Position];

describe('circleThrough', () => {
  it('finds the circle through three points, also at UTM magnitudes', () => {
    const c = circleThrough([580_100, 6_633_000], [580_000, 6_633_100], [579_900, 6_633_000]);
    expect(c?.cx).toBeCloseTo(580_000, 6);
    expect(c?.cy).toBeCloseTo(6_633_000, 6);
    expect(c?.r).toBeCloseTo(100, 6);
  });

  it('gives null for points on a line or repeated points', () => {
    expect(circleThrough([0, 0], [1, 1], [2, 2])).toBeNull();
    expect(circleThrough([5, 5], [5, 5], [5, 5])).toBeNull();
  });
});

describe('densifyArc3 (SOSI .BUEP)', () => {
  it('a half circle through its top: area πr²/2 to 5e-5, the end points exact, at most 0.5° per chord', () => {
    const a: Position = [580_100, 6_633_000];
    const c: Position = [579_900, 6_633_000];
    const arc = densifyArc3(a, [580_000, 6_633_100], c) as Position[];
    expect(arc[0]).toEqual(a);
    expect(arc.at(-1)).toEqual(c);
    expect(arc.length - 1).toBeGreaterThanOrEqual(360);
    // Closed by the straight diameter back to a: the half disc.
    const area = Math.abs(ringAreaSigned(close(arc)));
    expect(Math.abs(area / ((Math.PI * 100 ** 2) / 2) - 1)).toBeLessThan(2e-5);
    for (const p of arc) expect(Math.hypot((p[0] as number) - 580_000, (p[1] as number) - 6_633_000)).toBeCloseTo(100, 6);
  });

  it('follows the side of the middle point: clockwise and counter-clockwise arcs bulge opposite ways', () => {
    const up = densifyArc3([1, 0], [0, 1], [-1, 0]) as Position[];
    const down = densifyArc3([1, 0], [0, -1], [-1, 0]) as Position[];
    expect(Math.max(...up.map((p) => p[1] as number))).toBeCloseTo(1, 6);
    expect(Math.min(...down.map((p) => p[1] as number))).toBeCloseTo(-1, 6);
  });

  it('an arc of more than half a turn goes the long way, through the middle point', () => {
    const arc = densifyArc3([1, 0], [-1, 0], [0, -1]) as Position[];
    // From angle 0 counter-clockwise through 180° to 270°: three quarters of the circle.
    expect(arc.length - 1).toBeGreaterThanOrEqual(540);
    expect(arc.some((p) => Math.abs((p[1] as number) - 1) < 1e-4)).toBe(true);
  });

  it('three points on a line stay a polyline; non-finite points give null', () => {
    expect(densifyArc3([0, 0], [1, 0], [2, 0])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0]
    ]);
    expect(densifyArc3([0, 0], [Number.NaN, 0], [2, 0])).toBeNull();
  });
});

describe('circles (SOSI .SIRKELP, .SIRKEL)', () => {
  it('circleRing3: the whole circle, closed at the first point, area πr² to 1e-4', () => {
    const ring = circleRing3([10, 0], [0, 10], [-10, 0]) as Position[];
    expect(ring[0]).toEqual([10, 0]);
    expect(ring.at(-1)).toEqual([10, 0]);
    expect(Math.abs(ringAreaSigned(ring) / (Math.PI * 100) - 1)).toBeLessThan(1e-4);
  });

  it('circleRing: centre and radius; no ring for a radius that is not positive', () => {
    const ring = circleRing(0, 0, 1000) as Position[];
    expect(Math.abs(ringAreaSigned(ring) / (Math.PI * 1e6) - 1)).toBeLessThan(1e-4);
    expect(circleRing(0, 0, 0)).toBeNull();
    expect(circleRing(0, 0, Number.NaN)).toBeNull();
  });
});
