import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaPlanarM2 } from '../geo/area.ts';
import { parseSosi } from './sosi.ts';

const dir = path.resolve(import.meta.dirname, '../../../tests/fixtures/io/sosi');
const read = (f: string) => new Uint8Array(readFileSync(path.join(dir, f)));

describe('parseSosi', () => {
  it('builds a flate with a hole and a reversed curve from an ISO 8859-1 file', () => {
    const r = parseSosi(read('flate-med-hull-iso8859-1.sos'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.result.crs).toBe('EPSG:25832');
    expect(r.result.encoding).toBe('iso-8859-1');
    const [f] = r.result.features.features;
    expect(r.result.features.features).toHaveLength(1);
    expect(f?.properties).toMatchObject({ sosi_id: '10', AREALFORMÅL: 1300, AREALBRUKSSTATUS: 1, OMRÅDENAVN: 'Åsbråten næringspark, Ærø' });
    expect(f?.geometry.type).toBe('Polygon');
    expect(areaPlanarM2(f!.geometry)).toBeCloseTo(9600, 6);
    const outer = (f!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    expect(outer[0]).toEqual([580400, 6633000]);
    expect(outer.at(-1)).toEqual(outer[0]);
    expect(r.result.skipped).toEqual([{ id: '11', line: expect.any(Number), reason: 'refererer til kurve 99 som ikke finnes' }]);
  });

  it('reads UTF-8 bytes right even under an ISO 8859-1 label', () => {
    const r = parseSosi(read('utf8-under-iso-etikett.sos'));
    expect(r.ok && r.result.encoding).toBe('utf-8');
    expect(r.ok && r.result.features.features[0]?.properties?.OMRÅDENAVN).toBe('Åsbråten næringspark, Ærø');
  });

  it('refuses a file that is not SOSI', () => {
    const r = parseSosi(read('ikke-sosi.sos'));
    expect(r).toEqual({ ok: false, error: { reason: 'not-sosi', message: expect.stringContaining('ikke en SOSI-fil') } });
  });

  it('returns a result or a typed error for truncated and damaged files, never throws', () => {
    const good = read('flate-med-hull-iso8859-1.sos');
    fc.assert(
      fc.property(fc.nat(good.length), fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }), (cut, flips) => {
        const bytes = good.slice(0, cut);
        for (const [i, b] of flips) if (i < bytes.length) bytes[i] = b;
        const r = parseSosi(bytes);
        return r.ok ? Array.isArray(r.result.features.features) : typeof r.error.reason === 'string';
      }),
      { numRuns: 300 }
    );
  });
});
