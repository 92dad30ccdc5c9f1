import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaPlanarM2 } from '../../geo/area.ts';
import { crsOfKoordsys, MAX_TOTAL_VERTICES, parseRefs, parseSosi } from './sosi.ts';

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

describe('hostile SOSI: reference amplification', () => {
  const header = '.HODE\n..TEGNSETT UTF-8\n..TRANSPAR\n...KOORDSYS 22\n...ENHET 1\n';
  /** One closed curve of `points` points near Asker, referenced by `flates` flates. */
  function amplified(points: number, flates: number): Uint8Array {
    const lines = [header, '.KURVE 1:', '..NØ'];
    for (let i = 0; i < points; i++) {
      const a = (2 * Math.PI * i) / points;
      lines.push(`${Math.round(6633000 + 100 * Math.sin(a))} ${Math.round(580000 + 100 * Math.cos(a))}`);
    }
    lines.push('6633000 580100');
    for (let f = 0; f < flates; f++) lines.push(`.FLATE ${f + 2}:`, '..REF :1');
    lines.push('.SLUTT');
    return new TextEncoder().encode(lines.join('\n'));
  }

  it('refuses a small file whose flates reference one long curve 100 000 times, naming the limit, in bounded time', () => {
    const bytes = amplified(1000, 100_000);
    expect(bytes.length).toBeLessThan(3_000_000);
    const t0 = performance.now();
    const r = parseSosi(bytes);
    // A loose budget: it stops at the vertex limit instead of building 100 million vertices.
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.reason).toBe('too-large');
    expect(r.error.message).toBe(`flatene i fila har til sammen flere enn ${MAX_TOTAL_VERTICES} hjørner (grensen); del fila opp`);
  });

  it('skips at once a flate whose one ring references the same curve 100 000 times (a 300 kB file)', () => {
    const text = `${header}.KURVE 1:\n..NØ\n${Array.from({ length: 1000 }, (_, i) => `${6633000 + i} ${580000 + (i % 2)}`).join('\n')}\n.FLATE 2:\n..REF ${' :1'.repeat(100_000)}\n.SLUTT\n`;
    const t0 = performance.now();
    const r = parseSosi(new TextEncoder().encode(text));
    expect(performance.now() - t0).toBeLessThan(5_000);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.result.skipped.map((x) => x.code)).toEqual(['repeated-ref']);
  });

  it('skips a ring that uses the same curve twice, with its reason', () => {
    const text = `${header}.KURVE 1:\n..NØ\n6633000 580000\n6633000 580100\n6633100 580100\n6633000 580000\n.FLATE 2:\n..REF :1 :1\n.FLATE 3:\n..REF :1\n.SLUTT\n`;
    const r = parseSosi(new TextEncoder().encode(text));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.result.features.features.map((f) => f.properties?.sosi_id)).toEqual(['3']);
    expect(r.result.skipped).toMatchObject([{ id: '2', code: 'repeated-ref', reason: 'kurve 1 er brukt mer enn én gang i samme ring' }]);
  });
});
