import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaPlanarM2 } from '../../geo/area.ts';
import { crsOfKoordsys, parseRefs, parseSosi } from './sosi.ts';

const dir = path.resolve(import.meta.dirname, '../../../../tests/fixtures/io/sosi');
const read = (f: string) => new Uint8Array(readFileSync(path.join(dir, f)));

describe('parseSosi', () => {
  it('builds a flate with a hole and a reversed curve from an ISO 8859-1 file', () => {
    const r = parseSosi(read('flate-med-hull-iso8859-1.sos'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.result.crs).toBe('EPSG:25832');
    expect(r.result.encoding).toBe('windows-1252');
    const [f] = r.result.features.features;
    expect(r.result.features.features).toHaveLength(1);
    expect(f?.properties).toMatchObject({ sosi_id: '10', AREALFORMÅL: 1300, AREALBRUKSSTATUS: 1, OMRÅDENAVN: 'Åsbråten næringspark, Ærø' });
    expect(f?.geometry.type).toBe('Polygon');
    expect(areaPlanarM2(f!.geometry)).toBeCloseTo(9600, 6);
    const outer = (f!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    expect(outer[0]).toEqual([580400, 6633000]);
    expect(outer.at(-1)).toEqual(outer[0]);
    expect(r.result.skipped).toEqual([
      { id: '11', line: expect.any(Number), code: 'missing-ref', reason: 'refererer til kurve 99 som ikke finnes', problem: { code: 'io.sosi.missing-ref', params: { curve: '99' } } }
    ]);
  });

  it('reads UTF-8 bytes right even under an ISO 8859-1 label', () => {
    const r = parseSosi(read('utf8-under-iso-etikett.sos'));
    expect(r.ok && r.result.encoding).toBe('utf-8');
    expect(r.ok && r.result.features.features[0]?.properties?.OMRÅDENAVN).toBe('Åsbråten næringspark, Ærø');
  });

  it('refuses a file that is not SOSI', () => {
    const r = parseSosi(read('ikke-sosi.sos'));
    expect(r).toEqual({ ok: false, error: { reason: 'not-sosi', code: 'io.sosi.not-sosi', params: {}, message: expect.stringContaining('ikke en SOSI-fil') } });
  });

  // Real files (with `...KP`, `:-N`, several ..NØ blocks, islands, BOM, CRLF, ANSI) and the hand-written
  // one: cut anywhere and bytes changed anywhere, the reader gives a result or a typed error.
  it.each(['flate-med-hull-iso8859-1.sos', 'ekte/flate_oy.sos', 'ekte/non-linear.sos', 'ekte/naturvernomraade.sos', 'ekte/issue5.SOS'])(
    'returns a result or a typed error for truncated and damaged copies of %s, never throws',
    (file) => {
      const whole = read(file);
      // Large real files: fuzz their first 20 kB (header, curves and the first flates).
      const good = whole.subarray(0, Math.min(whole.length, 20_000));
      fc.assert(
        fc.property(fc.nat(good.length), fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }), (cut, flips) => {
          const bytes = good.slice(0, cut);
          for (const [i, b] of flips) if (i < bytes.length) bytes[i] = b;
          const r = parseSosi(bytes);
          return r.ok ? Array.isArray(r.result.features.features) && r.result.skipped.every((x) => typeof x.code === 'string') : typeof r.error.reason === 'string';
        }),
        { numRuns: 150 }
      );
    }
  );

  it('turns SOSI syntax fuzz (refs, parentheses, point attributes, dots) into results, never throws', () => {
    const token = fc.constantFrom('.HODE', '..TEGNSETT UTF-8', '...KOORDSYS 22', '.KURVE 1:', '.KURVE 2:', '.FLATE 3:', '..NØ', '..NØH', '..REF :1 :-2', '..REF -:1 (:2', ':2)', '(:3', ')', '100 200 ...KP 1', '100 200 300', '1 2 3 4', '...KP 1', '..AREALTYPE "30"', '.BUEP 4:', '..REF :-3', '!!!!', '"a ! b"', '.SLUTT');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (lines) => {
        const r = parseSosi(new TextEncoder().encode(lines.join('\n')));
        return r.ok || r.error.reason === 'not-sosi' || r.error.reason === 'no-header';
      }),
      { numRuns: 500 }
    );
  });
});

describe('parseRefs', () => {
  it('reads :N, :-N (reversed, as real files write it), -:N (older form) and holes over several lines', () => {
    expect(parseRefs(' :1 :-2 -:3 (:4 :-5\n :6) (:7)')).toEqual({
      outer: [
        { id: '1', reversed: false },
        { id: '2', reversed: true },
        { id: '3', reversed: true }
      ],
      holes: [
        [
          { id: '4', reversed: false },
          { id: '5', reversed: true },
          { id: '6', reversed: false }
        ],
        [{ id: '7', reversed: false }]
      ]
    });
  });

  it('names the first token it cannot read', () => {
    expect(parseRefs(':1 x2')).toEqual({ bad: 'x2' });
    expect(parseRefs(':1 :')).toEqual({ bad: ':' });
  });
});

describe('crsOfKoordsys', () => {
  it('maps the SOSI table: NGO1948 1–8, EUREF89 UTM 21–26, ED50 UTM 31–36, EUREF89 geographic 84', () => {
    expect([1, 3, 8].map(crsOfKoordsys)).toEqual(['EPSG:27391', 'EPSG:27393', 'EPSG:27398']);
    expect([21, 22, 23, 25, 26].map(crsOfKoordsys)).toEqual(['EPSG:25831', 'EPSG:25832', 'EPSG:25833', 'EPSG:25835', 'EPSG:25836']);
    expect([31, 36].map(crsOfKoordsys)).toEqual(['EPSG:23031', 'EPSG:23036']);
    expect(crsOfKoordsys(84)).toBe('EPSG:4258');
    expect([0, 9, 27, 50, 99].map(crsOfKoordsys)).toEqual([null, null, null, null, null]);
  });
});
