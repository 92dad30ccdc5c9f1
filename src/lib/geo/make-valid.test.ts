import fc from 'fast-check';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaPlanarM2, ringAreaSigned } from './area.ts';
import { FIXTURES } from './fixtures.test-helper.ts';
import { makeValidPolygonal, type MakeValidResult } from './make-valid.ts';
import { validatePolygonal } from './validate.ts';

/** What GEOS (shapely.make_valid) says per feature; written only by scripts/oracles/make-valid-goldens.py. */
interface Golden {
  oracle: string;
  features: Record<string, { is_valid: boolean; area_before: number; area_after: number; parts: number; geos_type: string }>;
}

const DIR = path.join(FIXTURES, 'make-valid');
const REL = 1e-6;
const ABS = 1e-6;

function close(got: number, want: number): boolean {
  return Math.abs(got - want) <= Math.max(ABS, REL * Math.abs(want));
}

function partCount(g: Polygon | MultiPolygon | null): number {
  if (!g) return 0;
  return g.type === 'Polygon' ? 1 : g.coordinates.length;
}

function polygonsOf(g: Polygon | MultiPolygon | null): Position[][][] {
  if (!g) return [];
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Closed rings, no repeated consecutive points, shells counter-clockwise and holes clockwise. */
function expectWellFormed(r: MakeValidResult, label: string): void {
  for (const poly of polygonsOf(r.geometry)) {
    poly.forEach((ring, k) => {
      const first = ring[0] as Position;
      const last = ring[ring.length - 1] as Position;
      expect([first[0], first[1]], `${label}: ring closed`).toEqual([last[0], last[1]]);
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1] as Position;
        const b = ring[i] as Position;
        expect(a[0] === b[0] && a[1] === b[1], `${label}: repeated point in ring ${k}`).toBe(false);
      }
      if (k === 0) expect(ringAreaSigned(ring), `${label}: shell counter-clockwise`).toBeGreaterThan(0);
      else expect(ringAreaSigned(ring), `${label}: hole clockwise`).toBeLessThan(0);
    });
  }
}

const cases = readdirSync(path.join(DIR, 'in'))
  .filter((f) => f.endsWith('.geojson'))
  .sort()
  .map((f) => f.replace(/\.geojson$/, ''));

describe('makeValidPolygonal: GEOS goldens (tests/fixtures/geo/make-valid)', () => {
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });

  for (const name of cases) {
    it(name, () => {
      const outFile = path.join(DIR, 'out', `${name}.json`);
      // Goldens come only from scripts/oracles/make-valid-goldens.py; a missing one is an error.
      expect(existsSync(outFile), `${outFile} mangler: kjør python3 scripts/oracles/make-valid-goldens.py`).toBe(true);
      const golden = JSON.parse(readFileSync(outFile, 'utf8')) as Golden;
      expect(golden.oracle).toMatch(/GEOS/);
      const coll = JSON.parse(readFileSync(path.join(DIR, 'in', `${name}.geojson`), 'utf8')) as FeatureCollection;
      const ids = coll.features.map((f) => String(f.properties?.id));
      expect([...ids].sort()).toEqual(Object.keys(golden.features).sort());
      const failures: string[] = [];
      for (const f of coll.features) {
        const id = String(f.properties?.id);
        const want = golden.features[id];
        if (!want) throw new Error(`no golden for ${id}`);
        // The fixtures are invalid inputs; a valid one would test nothing (GEOS returns it as is).
        if (want.is_valid) failures.push(`${id}: GEOS calls the input valid`);
        const input = f.geometry as Polygon | MultiPolygon;
        const before = structuredClone(input);
        const r = makeValidPolygonal(input);
        expect(input, `${id}: input untouched`).toEqual(before);
        // Only fixtures that say so (property `tilbakefall`, the expected reason) may take the fallback.
        const expectedFallback = f.properties?.tilbakefall as string | undefined;
        if ((r.fallbackReason ?? undefined) !== expectedFallback) failures.push(`${id}: fallback ${r.fallbackReason} (expected ${expectedFallback})`);
        if (!close(r.areaM2Before, want.area_before)) failures.push(`${id}: area before ${r.areaM2Before} vs GEOS ${want.area_before}`);
        if (!close(r.areaM2After, want.area_after)) failures.push(`${id}: area after ${r.areaM2After} vs GEOS ${want.area_after}`);
        if (partCount(r.geometry) !== want.parts) failures.push(`${id}: ${partCount(r.geometry)} parts vs GEOS ${want.parts}`);
        if (r.geometry) {
          const v = validatePolygonal(r.geometry, id);
          if (!v.ok) failures.push(`${id}: result invalid: ${v.error.message}`);
          expect(r.areaM2After).toBeCloseTo(areaPlanarM2(r.geometry), 9);
        } else if (want.area_after !== 0) failures.push(`${id}: null, GEOS has area ${want.area_after}`);
        expectWellFormed(r, id);
      }
      expect(failures).toEqual([]);
    });
  }
});

const sq = (x: number, y: number, s: number): Position[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];

describe('makeValidPolygonal: behaviour', () => {
  it('leaves a valid polygon as it is (same area, still valid)', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [sq(580000, 6633000, 100), sq(580010, 6633010, 10).reverse()] };
    const r = makeValidPolygonal(g);
    expect(r.fallback).toBeUndefined();
    expect(r.areaM2After).toBe(9900);
    expect(r.areaM2Before).toBe(9900);
    expect(r.geometry?.type).toBe('Polygon');
    expect(validatePolygonal(r.geometry, 'x').ok).toBe(true);
  });

  it('fills a pentagram by the even-odd rule (five points, not the centre)', () => {
    const ring: Position[] = [];
    for (let i = 0; i <= 5; i++) ring.push([100 * Math.cos(Math.PI / 2 + (i * 4 * Math.PI) / 5), 100 * Math.sin(Math.PI / 2 + (i * 4 * Math.PI) / 5)]);
    ring[5] = ring[0] as Position;
    const r = makeValidPolygonal({ type: 'Polygon', coordinates: [ring] });
    expect(r.areaM2After).toBeCloseTo(7756.7675, 3);
    expect(partCount(r.geometry)).toBe(5);
  });

  it('returns null for a ring collapsed to a line, and for degenerate rings', () => {
    expect(makeValidPolygonal({ type: 'Polygon', coordinates: [[[0, 0], [10, 0], [5, 0], [0, 0]]] })).toEqual({ geometry: null, areaM2Before: 0, areaM2After: 0 });
    expect(makeValidPolygonal({ type: 'Polygon', coordinates: [[[1, 1], [1, 1], [1, 1], [1, 1]]] }).geometry).toBeNull();
  });

  it('never throws, even on input the callers should have refused', () => {
    const odd: unknown[] = [
      { type: 'Polygon', coordinates: [] },
      { type: 'Polygon', coordinates: [[]] },
      { type: 'Polygon', coordinates: [[[0, 0]]] },
      { type: 'Polygon', coordinates: [[[0, 0], [1, 1]]] },
      { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1]]] },
      { type: 'MultiPolygon', coordinates: [] },
      { type: 'MultiPolygon', coordinates: [[], [[]]] },
      { type: 'Polygon', coordinates: [[[0, 0], [Number.NaN, 1], [1, 1], [0, 0]]] },
      { type: 'Polygon', coordinates: [[[0, 0], [1e308, 0], [1e308, 1e308], [0, 0]]] },
      { type: 'Polygon', coordinates: [[[0, 0], [5e-324, 0], [5e-324, 5e-324], [0, 5e-324], [0, 0]]] }
    ];
    for (const g of odd) {
      const r = makeValidPolygonal(g as Polygon);
      if (r.geometry) expect(validatePolygonal(r.geometry, 'odd').ok).toBe(true);
    }
  });

  it('a hole touching its shell at one point stays a hole (valid by the project validator)', () => {
    // ESRI-style inverted hole: the ring touches itself at (10, 20).
    const ring: Position[] = [[0, 0], [20, 0], [20, 20], [10, 20], [6, 12], [14, 12], [10, 20], [0, 20], [0, 0]];
    const r = makeValidPolygonal({ type: 'Polygon', coordinates: [ring] });
    expect(r.geometry?.type).toBe('Polygon');
    expect((r.geometry as Polygon).coordinates).toHaveLength(2);
    expect(r.areaM2After).toBe(368);
    expect(validatePolygonal(r.geometry, 'x').ok).toBe(true);
  });

  it('property: any rings give a valid, idempotent result inside their box, without fallback', () => {
    const pt = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }));
    // Millimetre coordinates, as in real data (subnormal numbers are covered by «never throws»).
    const mm = fc.integer({ min: 0, max: 50_000 }).map((v) => v / 1000);
    const fpt = fc.tuple(mm, mm);
    const ring = fc.oneof(fc.array(pt, { minLength: 3, maxLength: 16 }), fc.array(fpt, { minLength: 3, maxLength: 16 }));
    fc.assert(
      fc.property(fc.array(ring, { minLength: 1, maxLength: 3 }), fc.boolean(), (rings, asMulti) => {
        const closed = rings.map((r) => [...r, r[0]] as Position[]);
        const g: Polygon | MultiPolygon = asMulti ? { type: 'MultiPolygon', coordinates: closed.map((r) => [r]) } : { type: 'Polygon', coordinates: closed };
        const r = makeValidPolygonal(g);
        expect(r.fallback).toBeUndefined();
        if (r.geometry) expect(validatePolygonal(r.geometry, 'p').ok).toBe(true);
        expectWellFormed(r, 'p');
        // The result lies inside the rings' bounding box.
        const xs = closed.flat().map((p) => p[0] as number);
        const ys = closed.flat().map((p) => p[1] as number);
        expect(r.areaM2After).toBeLessThanOrEqual((Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys)) + 1e-9);
        // Idempotent: the result is valid, so repairing it again changes nothing.
        if (r.geometry) {
          const again = makeValidPolygonal(r.geometry);
          expect(again.fallback).toBeUndefined();
          expect(Math.abs(again.areaM2After - r.areaM2After)).toBeLessThanOrEqual(1e-9 * Math.max(1, r.areaM2After));
          expect(partCount(again.geometry)).toBe(partCount(r.geometry));
        }
      }),
      { numRuns: 300, seed: 20240611 }
    );
  });
});

/** A zig-zag out and a phase-shifted zig-zag back: about one crossing per tooth. */
function serpentine(vertices: number): Position[] {
  const half = vertices / 2;
  const ring: Position[] = [];
  for (let i = 0; i < half; i++) ring.push([580000 + i * 2.5, 6633000 + (i % 2 ? 40 : 0) + (i % 7) * 0.37]);
  for (let i = half - 1; i >= 0; i--) ring.push([580000 + i * 2.5 + 0.9, 6633000 + (i % 2 ? 3 : 37) - (i % 5) * 0.29]);
  ring.push(ring[0] as Position);
  return ring;
}

describe('makeValidPolygonal: time budget', () => {
  it('repairs a 20 000-vertex self-intersecting serpentine in under 5 s', () => {
    const ring = serpentine(20_000);
    const t0 = performance.now();
    const r = makeValidPolygonal({ type: 'Polygon', coordinates: [ring] });
    const ms = performance.now() - t0;
    expect(r.fallback).toBeUndefined();
    expect(r.geometry).not.toBeNull();
    expect(validatePolygonal(r.geometry, 'serpentine').ok).toBe(true);
    expect(partCount(r.geometry)).toBeGreaterThan(1000);
    expect(ms).toBeLessThan(5000);
  });
});
