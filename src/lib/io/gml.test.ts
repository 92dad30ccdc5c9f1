import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaPlanarM2 } from '../geo/area.ts';
import { parseGml } from './gml.ts';

const dir = path.resolve(import.meta.dirname, '../../../tests/fixtures/io/gml');
const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');

describe('parseGml', () => {
  it('reads Plan-GML in EPSG:25833 with a hole and 3D coordinates', () => {
    const r = parseGml(read('kommuneplan-25833.gml'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.result.crs).toBe('EPSG:25833');
    const [f] = r.result.features.features;
    expect(f?.properties).toMatchObject({ gml_id: 'kp.1', arealformål: 1300, arealbruksstatus: 2, områdenavn: 'Tofte havn & Sætre' });
    expect(areaPlanarM2(f!.geometry)).toBeCloseTo(9600, 6);
    expect((f!.geometry as { coordinates: number[][][] }).coordinates[0]?.[0]).toEqual([249000, 6627000]);
    expect(r.result.skipped).toEqual([{ id: 'kp.2', reason: 'objektet har ingen flategeometri' }]);
  });

  it('reads AR5 without namespace prefixes, srsName in URL form', () => {
    const r = parseGml(read('ar5-uten-prefiks.gml'));
    expect(r.ok && r.result.crs).toBe('EPSG:25832');
    expect(r.ok && r.result.features.features[0]?.properties?.arealtype).toBe(21);
    expect(r.ok && areaPlanarM2(r.result.features.features[0]!.geometry)).toBeCloseTo(5000, 6);
  });

  it('refuses text without coordinates', () => {
    expect(parseGml('<a><b>tekst</b></a>')).toEqual({ ok: false, error: { reason: 'not-gml', message: expect.stringContaining('ikke GML') } });
  });

  it('returns a result or a typed error for truncated and damaged files, never throws', () => {
    const good = read('kommuneplan-25833.gml');
    fc.assert(
      fc.property(fc.nat(good.length), fc.array(fc.tuple(fc.nat(good.length - 1), fc.constantFrom('<', '>', '/', '"', ' ', 'x', '9')), { maxLength: 20 }), (cut, flips) => {
        const chars = [...good.slice(0, cut)];
        for (const [i, c] of flips) if (i < chars.length) chars[i] = c;
        const r = parseGml(chars.join(''));
        return r.ok ? Array.isArray(r.result.features.features) : r.error.reason === 'not-gml';
      }),
      { numRuns: 200 }
    );
  });
});
