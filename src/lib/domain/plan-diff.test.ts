import fc from 'fast-check';
import type { Polygon, Position } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dominantChange, planDiff, planDiffByGroup, planDiffShapes, type PlanDiffFeature, type PlanDiffResult } from './plan-diff.ts';
import { areaPlanarM2 } from '../geo/area.ts';
import { poly, rect, X, Y } from '../geo/fixtures.test-helper.ts';

// polyclip-ts as it is, except that a test can make an operation throw (as it may on degenerate input).
const failing = vi.hoisted(() => ({ ops: new Set<string>() }));
vi.mock('polyclip-ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('polyclip-ts')>();
  const wrap =
    <F extends (...a: never[]) => unknown>(name: string, f: F) =>
    (...args: Parameters<F>) => {
      if (failing.ops.has(name)) throw new Error(`forced ${name} failure`);
      return f(...args);
    };
  return { ...real, difference: wrap('difference', real.difference), intersection: wrap('intersection', real.intersection) };
});
afterEach(() => failing.ops.clear());

// Squares in EPSG:25832 near Asker; 100 m × 100 m = 10 daa = 10 000 m².
const f = (id: string, arealformal: string, status: 1 | 2, geometry: PlanDiffFeature['geometry']): PlanDiffFeature => ({ id, arealformal, status, geometry });

/** Deep-frozen, so any attempt to modify an input throws. */
function frozen<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) frozen(x);
    Object.freeze(v);
  }
  return v;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The invariants of the module doc, in m² (to `eps`). */
function expectInvariants(r: PlanDiffResult, eps = 1e-6) {
  const of = (source: 'old' | 'new') => r.features.filter((x) => x.source === source);
  for (const x of r.features) {
    expect(sum(Object.values(x.partsM2))).toBeCloseTo(x.areaM2, 6);
    expect(x.partsM2[x.source === 'old' ? 'tilgang' : 'avgang']).toBe(0);
    expect(x.change).toBe(dominantChange(x.partsM2, x.source));
  }
  expect(Math.abs(sum(of('new').map((x) => x.partsM2.tilgang)) - r.tilgangM2)).toBeLessThan(eps);
  expect(Math.abs(sum(of('old').map((x) => x.partsM2.avgang)) - r.avgangM2)).toBeLessThan(eps);
  expect(Math.abs(sum(of('new').map((x) => x.partsM2.realisert)) - r.realisertM2)).toBeLessThan(eps);
  expect(Math.abs(sum(of('old').map((x) => x.partsM2.realisert)) - r.realisertM2)).toBeLessThan(eps);
  // So the features' areas differ by the netto: Σ area(NEW) − Σ area(OLD) = tilgang − avgang.
  expect(Math.abs(sum(of('new').map((x) => x.areaM2)) - sum(of('old').map((x) => x.areaM2)) - r.nettoM2)).toBeLessThan(eps * 10);
  expect(r.nettoM2).toBeCloseTo(r.tilgangM2 - r.avgangM2, 9);
  const formal = Object.values(r.byArealformal);
  expect(Math.abs(sum(formal.map((v) => v.tilgangM2)) - r.tilgangM2)).toBeLessThan(eps);
  expect(Math.abs(sum(formal.map((v) => v.avgangM2)) - r.avgangM2)).toBeLessThan(eps);
  const status = Object.values(r.byStatus);
  expect(Math.abs(sum(status.map((v) => v.tilgangM2)) - r.tilgangM2)).toBeLessThan(eps);
  expect(Math.abs(sum(status.map((v) => v.avgangM2)) - r.avgangM2)).toBeLessThan(eps);
}

describe('planDiff: squares with hand-computed answers', () => {
  // OLD: o1 framtidig 1300; o2 nåværende 1300; o3 nåværende 1160; o4 (1150) overlaps o1's right half, so owns only 50 m × 100 m.
  const oldPlan = frozen([
    f('o1', '1300', 2, poly(rect(0, 0, 100, 100))),
    f('o2', '1300', 1, poly(rect(200, 0, 300, 100))),
    f('o3', '1160', 1, poly(rect(400, 0, 500, 100))),
    f('o4', '1150', 1, poly(rect(50, 0, 150, 100)))
  ]);
  // NEW: n1 realises o1; n2 moves o2 60 m east; n3 keeps the lower half of o3 as 1150 framtidig; n4 is new land.
  const newPlan = frozen([
    f('n1', '1300', 1, poly(rect(0, 0, 100, 100))),
    f('n2', '1300', 1, poly(rect(260, 0, 360, 100))),
    f('n3', '1150', 2, poly(rect(400, 0, 500, 50))),
    f('n4', '1800', 2, poly(rect(600, 0, 700, 100)))
  ]);
  const r = planDiff(oldPlan, newPlan);

  it('totals: tilgang 6 + 10 daa, avgang 6 + 5 + 5 daa, realisert 10 daa', () => {
    // tilgang: n2 east of o2 (60 m × 100 m) and all of n4; avgang: o2 west of n2, o3's upper
    // half, o4's own half (o1's half of it belongs to o1). o1 → n1 is realised, not tilgang.
    expect(r.tilgangM2).toBeCloseTo(16000, 6);
    expect(r.avgangM2).toBeCloseTo(16000, 6);
    expect(r.nettoM2).toBeCloseTo(0, 6);
    expect(r.realisertM2).toBeCloseTo(10000, 6);
    expect(r.problems).toEqual([]);
  });

  it('per arealformål (code of the side that has it) and per status', () => {
    const c = (v: number) => expect.closeTo(v, 6);
    expect(r.byArealformal).toEqual({
      '1150': { tilgangM2: c(0), avgangM2: c(5000) },
      '1160': { tilgangM2: c(0), avgangM2: c(5000) },
      '1300': { tilgangM2: c(6000), avgangM2: c(6000) },
      '1800': { tilgangM2: c(10000), avgangM2: c(0) }
    });
    expect(Object.keys(r.byArealformal)).toEqual(['1150', '1160', '1300', '1800']);
    expect(r.byStatus).toEqual({ naavaerende: { tilgangM2: c(6000), avgangM2: c(16000) }, framtidig: { tilgangM2: c(10000), avgangM2: c(0) } });
  });

  it('per feature: the largest part, a tie going to uendret', () => {
    expect(r.features.map((x) => [x.source, x.id, x.change, Math.round(x.areaM2)])).toEqual([
      ['old', 'o1', 'realisert', 10000],
      ['old', 'o2', 'avgang', 10000], // 6 000 avgang, 4 000 uendret
      ['old', 'o3', 'uendret', 10000], // 5 000 avgang, 5 000 uendret: a tie
      ['old', 'o4', 'avgang', 5000],
      ['new', 'n1', 'realisert', 10000],
      ['new', 'n2', 'tilgang', 10000], // 6 000 tilgang, 4 000 uendret
      ['new', 'n3', 'uendret', 5000], // 1160 → 1150 and nåværende → framtidig: still næring
      ['new', 'n4', 'tilgang', 10000]
    ]);
    expect(r.features[1]?.partsM2).toEqual({ tilgang: 0, avgang: expect.closeTo(6000, 6), realisert: 0, uendret: expect.closeTo(4000, 6) });
    expectInvariants(r);
  });

  it('filling a hole is tilgang; nåværende → framtidig is uendret', () => {
    const withHole = [f('a', '1300', 1, poly(rect(0, 0, 300, 300), rect(100, 100, 200, 200)))];
    const filled = [f('a', '1300', 2, poly(rect(0, 0, 300, 300)))];
    const d = planDiff(withHole, filled);
    expect(d.tilgangM2).toBeCloseTo(10000, 6);
    expect(d.avgangM2).toBeCloseTo(0, 6);
    expect(d.realisertM2).toBe(0);
    expect(d.features.map((x) => [x.source, x.change, Math.round(x.areaM2)])).toEqual([
      ['old', 'uendret', 80000],
      ['new', 'uendret', 90000]
    ]);
    expectInvariants(d);
  });

  it('dissolves overlaps inside one plan: a copy owns nothing, MultiPolygon parts count once each', () => {
    const a = [
      f('m', '1300', 1, { type: 'MultiPolygon', coordinates: [[rect(0, 0, 100, 100)], [rect(200, 0, 300, 100)]] }),
      f('kopi', '1160', 2, poly(rect(0, 0, 100, 100))),
      f('halv', '1300', 2, poly(rect(250, 0, 350, 100)))
    ];
    const d = planDiff([], a);
    expect(d.tilgangM2).toBeCloseTo(25000, 6);
    expect(d.features.map((x) => [x.id, x.change, Math.round(x.areaM2)])).toEqual([
      ['m', 'tilgang', 20000],
      ['kopi', 'uendret', 0],
      ['halv', 'tilgang', 5000]
    ]);
    expect(d.byArealformal).toEqual({ '1160': { tilgangM2: 0, avgangM2: 0 }, '1300': { tilgangM2: expect.closeTo(25000, 6), avgangM2: 0 } });
    expect(d.byStatus.framtidig.tilgangM2).toBeCloseTo(5000, 6);
    expectInvariants(d);
  });

  it('gives zeros for two empty plans, and the codes in code order', () => {
    expect(planDiff([], [])).toEqual({
      tilgangM2: 0,
      avgangM2: 0,
      nettoM2: 0,
      realisertM2: 0,
      byArealformal: {},
      byStatus: { naavaerende: { tilgangM2: 0, avgangM2: 0 }, framtidig: { tilgangM2: 0, avgangM2: 0 } },
      features: [],
      problems: []
    });
    const d = planDiff([f('a', 'ukjent', 1, poly(rect(0, 0, 1, 1))), f('b', '1800', 1, poly(rect(5, 0, 6, 1)))], [f('c', '130', 1, poly(rect(9, 0, 10, 1)))]);
    expect(Object.keys(d.byArealformal)).toEqual(['130', '1800', 'ukjent']);
  });
});

describe('planDiffShapes: the land behind the figures, for the map', () => {
  const oldPlan = frozen([
    f('o1', '1300', 2, poly(rect(0, 0, 100, 100))),
    f('o2', '1300', 1, poly(rect(200, 0, 300, 100))),
    f('o3', '1160', 1, poly(rect(400, 0, 500, 100)))
  ]);
  const newPlan = frozen([
    f('n1', '1300', 1, poly(rect(0, 0, 100, 100))),
    f('n2', '1300', 1, poly(rect(260, 0, 360, 100))),
    f('n4', '1800', 2, poly(rect(600, 0, 700, 100)))
  ]);
  const { shapes, problems } = planDiffShapes(oldPlan, newPlan);
  const box = (g: Polygon | { type: 'MultiPolygon'; coordinates: Position[][][] }) => {
    const xs = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2);
    return [Math.min(...xs.map((p) => p[0] as number)) - X, Math.min(...xs.map((p) => p[1] as number)) - Y, Math.max(...xs.map((p) => p[0] as number)) - X, Math.max(...xs.map((p) => p[1] as number)) - Y].map((v) => Math.round(v * 1000) / 1000);
  };

  it('gives each gain, loss and realised part where it lies, with its area', () => {
    expect(problems).toEqual([]);
    expect(shapes.map((s) => [s.change, s.source, s.id, s.arealformal, s.status, Math.round(s.areaM2), box(s.geometry)])).toEqual([
      ['realisert', 'new', 'n1', '1300', 1, 10000, [0, 0, 100, 100]],
      ['tilgang', 'new', 'n2', '1300', 1, 6000, [300, 0, 360, 100]],
      ['tilgang', 'new', 'n4', '1800', 2, 10000, [600, 0, 700, 100]],
      ['avgang', 'old', 'o2', '1300', 1, 6000, [200, 0, 260, 100]],
      ['avgang', 'old', 'o3', '1160', 1, 10000, [400, 0, 500, 100]]
    ]);
    for (const s of shapes) expect(areaPlanarM2(s.geometry)).toBeCloseTo(s.areaM2, 6);
  });

  it('adds up to the figures of planDiff, per change, and leaves the inputs as they were', () => {
    const r = planDiff(oldPlan, newPlan);
    const of = (c: string) => sum(shapes.filter((s) => s.change === c).map((s) => s.areaM2));
    expect(of('tilgang')).toBeCloseTo(r.tilgangM2, 6);
    expect(of('avgang')).toBeCloseTo(r.avgangM2, 6);
    expect(of('realisert')).toBeCloseTo(r.realisertM2, 6);
  });

  it('never throws: a part the overlay cannot compute is left out and named', () => {
    failing.ops.add('difference');
    const r = planDiffShapes(oldPlan, newPlan);
    // Parts with nothing of the other plan near need no overlay (n4, o3); the others fail.
    expect(r.shapes.map((s) => [s.change, s.id])).toEqual([
      ['realisert', 'n1'],
      ['tilgang', 'n4'],
      ['avgang', 'o3']
    ]);
    expect(r.problems.map((p) => [p.code, p.params.source, p.params.id])).toEqual([
      ['plan-diff.feature-left-out', 'new', 'n1'],
      ['plan-diff.feature-left-out', 'new', 'n2'],
      ['plan-diff.feature-left-out', 'old', 'o1'],
      ['plan-diff.feature-left-out', 'old', 'o2']
    ]);
  });
});

describe('planDiff never throws', () => {
  it('leaves out a feature whose owned part the overlay cannot compute, and says which', () => {
    failing.ops.add('difference');
    const d = planDiff([], [f('a', '1300', 1, poly(rect(0, 0, 100, 100))), f('b', '1300', 1, poly(rect(50, 0, 150, 100)))]);
    expect(d.problems).toEqual([{ code: 'plan-diff.feature-left-out', params: { source: 'new', id: 'b', detail: 'forced difference failure' } }]);
    expect(d.features.map((x) => x.id)).toEqual(['a']);
    expect(d.tilgangM2).toBeCloseTo(10000, 6);
  });

  it('measures an overlap polyclip cannot compute with the exact area method', () => {
    failing.ops.add('intersection');
    const d = planDiff([f('o', '1300', 2, poly(rect(0, 0, 100, 100)))], [f('n', '1300', 1, poly(rect(50, 0, 150, 100)))]);
    expect(d.problems).toEqual([{ code: 'plan-diff.overlap-fallback', params: { newId: 'n', oldId: 'o', detail: 'forced intersection failure' } }]);
    expect(d.realisertM2).toBeCloseTo(5000, 6);
    expect(d.tilgangM2).toBeCloseTo(5000, 6);
    expectInvariants(d);
  });

  it('measures touching pieces polyclip cannot intersect as touching (no snapping there)', () => {
    // Found by the property below: polyclip throws on (f1 − f0) ∩ f0; snapped to 1 mm, the
    // pieces seemed to share 0.002 m² of realised land.
    const tri = (...ps: [number, number][]) => poly([...ps, ps[0] as [number, number]].map(([x, y]) => [X + x, Y + y]));
    const a = [f('f0', '1300', 1, tri([0, 65], [0, 0], [354, 146])), f('f1', '1300', 2, tri([182, 113], [317, 250], [184, 83]))];
    const d = planDiff(a, a);
    expect(d.realisertM2).toBe(0);
    expect(d.tilgangM2).toBeLessThan(1e-6);
    expect(d.problems.length).toBeGreaterThan(0);
    expect(d.problems.every((p) => p.code === 'plan-diff.overlap-fallback')).toBe(true);
    expect(d.features.find((x) => x.id === 'f1')?.areaM2).toBeCloseTo(1860.0698441968389, 6); // shapely: f1.difference(f0).area
  });

  it('copes with a feature without coordinates, a collapsed ring and near-coincident edges', () => {
    const eps = 1e-9;
    const d = planDiff(
      [f('tom', '1300', 1, { type: 'Polygon', coordinates: [] }), f('a', '1300', 1, poly(rect(0, 0, 100, 100)))],
      [f('strek', '1300', 1, poly([[X, Y], [X + 10, Y], [X + 20, Y], [X, Y]])), f('b', '1300', 1, poly(rect(eps, -eps, 100 + eps, 100)))]
    );
    expect(d.tilgangM2).toBeLessThan(1e-3);
    expect(d.avgangM2).toBeLessThan(1e-3);
    expect(d.features.find((x) => x.id === 'b')?.change).toBe('uendret');
    expectInvariants(d, 1e-3);
  });
});

// Plans of up to five features: rectangles on a 10 m grid and triangles (which may collapse).
const formal = fc.constantFrom('1300', '1150', '1160');
const status = fc.constantFrom<1 | 2>(1, 2);
const rectArb = fc
  .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }))
  .map(([x, y, w, h]) => poly(rect(x * 10, y * 10, (x + w) * 10, (y + h) * 10)));
const pt = fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }));
const triArb = fc.tuple(pt, pt, pt).map(([a, b, c]) => poly([a, b, c, a].map(([x, y]) => [X + x, Y + y])));
const planArb = fc.array(
  fc.tuple(formal, status, fc.oneof(rectArb, triArb)).map(([a, s, g]) => ({ arealformal: a, status: s, geometry: g })),
  { maxLength: 5 }
).map((xs) => xs.map((x, i) => ({ id: `f${i}`, ...x })) as PlanDiffFeature[]);

describe('planDiff: a feature without area', () => {
  it('owns nothing and takes nothing from the others, so a neighbour polyclip could not subtract it from is counted (found by the property below)', () => {
    const tri = (...pts: [number, number][]): PlanDiffFeature['geometry'] => ({ type: 'Polygon', coordinates: [[...pts.map(([x, y]) => [X + x, Y + y]), [X + (pts[0] as [number, number])[0], Y + (pts[0] as [number, number])[1]]]] });
    const a = frozen([
      f('f0', '1300', 1, tri([0, 235], [0, 0], [157, 6])),
      f('f1', '1300', 1, tri([0, 0], [0, 0], [65, 140])),
      f('f2', '1300', 1, tri([0, 206], [51, 142], [280, 0]))
    ]);
    const d = planDiff(a, a);
    expect(d.problems.filter((p) => p.code !== 'plan-diff.overlap-fallback')).toEqual([]);
    expect(d.features.map((x) => [x.source, x.id, x.change])).toEqual([
      ['old', 'f0', 'uendret'],
      ['old', 'f1', 'uendret'],
      ['old', 'f2', 'uendret'],
      ['new', 'f0', 'uendret'],
      ['new', 'f1', 'uendret'],
      ['new', 'f2', 'uendret']
    ]);
    expect(d.features.find((x) => x.id === 'f1')?.areaM2).toBe(0);
    expect(d.tilgangM2).toBeLessThan(1e-6);
    expect(d.avgangM2).toBeLessThan(1e-6);
  });
});

describe('planDiff: properties', () => {
  it('diff(A, A) is all uendret, with no tilgang, avgang or realisert', () => {
    fc.assert(
      fc.property(planArb, (a) => {
        const d = planDiff(a, a);
        expect(d.tilgangM2).toBeLessThan(1e-6);
        expect(d.avgangM2).toBeLessThan(1e-6);
        expect(d.realisertM2).toBe(0);
        expect(d.features.every((x) => x.change === 'uendret')).toBe(true);
        expect(d.problems.filter((p) => p.code !== 'plan-diff.overlap-fallback')).toEqual([]);
      }),
      { numRuns: 60 }
    );
  });

  it('tilgang(A, B) = avgang(B, A), per arealformål and status too; the invariants hold', () => {
    fc.assert(
      fc.property(planArb, planArb, (a, b) => {
        const ab = planDiff(a, b);
        const ba = planDiff(b, a);
        expectInvariants(ab);
        expectInvariants(ba);
        expect(ab.tilgangM2).toBeCloseTo(ba.avgangM2, 6);
        expect(ab.avgangM2).toBeCloseTo(ba.tilgangM2, 6);
        for (const [k, v] of Object.entries(ab.byArealformal)) {
          expect(v.tilgangM2).toBeCloseTo(ba.byArealformal[k]?.avgangM2 ?? Number.NaN, 6);
          expect(v.avgangM2).toBeCloseTo(ba.byArealformal[k]?.tilgangM2 ?? Number.NaN, 6);
        }
        expect(ab.byStatus.framtidig.tilgangM2).toBeCloseTo(ba.byStatus.framtidig.avgangM2, 6);
        expect(ab.byStatus.naavaerende.avgangM2).toBeCloseTo(ba.byStatus.naavaerende.tilgangM2, 6);
      }),
      { numRuns: 60 }
    );
  });
});

describe('planDiffByGroup: per named area', () => {
  const sq = (x: number, y: number, s: number) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });
  it('splits tilgang, avgang and realisert by the group each feature has in its own plan, summing to the totals', () => {
    const oldPlan = [
      { id: 'a', arealformal: '1300', status: 2 as const, geometry: sq(0, 0, 100) },
      { id: 'b', arealformal: '1300', status: 1 as const, geometry: sq(200, 0, 100) }
    ];
    const newPlan = [
      { id: 'a', arealformal: '1300', status: 1 as const, geometry: sq(0, 0, 100) },
      { id: 'c', arealformal: '1300', status: 2 as const, geometry: sq(400, 0, 50) }
    ];
    const result = planDiff(oldPlan, newPlan);
    const group = (_: 'old' | 'new', id: string) => ({ a: 'Asker', b: 'Billingstad', c: 'Asker' })[id as 'a' | 'b' | 'c'];
    const rows = planDiffByGroup(result, group);
    expect(rows.map((r) => [r.group, r.tilgangM2, r.avgangM2, r.realisertM2])).toEqual([
      ['Asker', 2500, 0, 10000],
      ['Billingstad', 0, 10000, 0]
    ]);
    expect(rows.reduce((s, r) => s + r.tilgangM2, 0)).toBeCloseTo(result.tilgangM2, 6);
    expect(rows.reduce((s, r) => s + r.avgangM2, 0)).toBeCloseTo(result.avgangM2, 6);
    expect(rows.reduce((s, r) => s + r.realisertM2, 0)).toBeCloseTo(result.realisertM2, 6);
  });
});
