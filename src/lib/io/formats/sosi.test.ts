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

describe('parseSosi: coordinates read again from the bytes, attributes decoded again', () => {
  // The reader keeps where a group's coordinate lines and attribute lines are in the file, and
  // reads them again when a flate is made; lines it cannot read again from the bytes send the
  // group's coordinates to a buffer. Either way the flate must be the one the text gives.
  const header = '.HODE\n..TEGNSETT UTF-8\n..TRANSPAR\n...KOORDSYS 22\n...ORIGO-NØ 6600000 500000\n...ENHET 0.01\n';
  const square = ['3300000 8000000', '3300000 8010000', '3310000 8010000', '3310000 8000000', '3300000 8000000'];
  const flate = (id: string, ref: string) => `.FLATE ${id}:\n..OBJTYPE KpArealformålOmråde\n..REF ${ref}\n..NØ\n3305000 8005000\n`;
  const parse = (text: string) => {
    const r = parseSosi(new TextEncoder().encode(text));
    if (!r.ok) throw new Error(r.error.message);
    return r.result;
  };
  const ringOf = (text: string) => (parse(text).features.features[0]?.geometry as { coordinates: number[][][] } | undefined)?.coordinates[0];
  const plain = ringOf(`${header}.KURVE 1:\n..NØ\n${square.join('\n')}\n${flate('2', ':1')}.SLUTT\n`);

  it('reads a plain curve in the file’s CRS, closed with its first position', () => {
    expect(plain).toEqual([[580000, 6633000], [580100, 6633000], [580100, 6633100], [580000, 6633100], [580000, 6633000]]);
  });

  it.each([
    ['a comment line among the coordinates', `..NØ\n${square.slice(0, 2).join('\n')}\n! en kommentar\n${square.slice(2).join('\n')}`],
    ['a point attribute on its own line', `..NØ\n${square.slice(0, 2).join('\n')}\n...KP 1\n${square.slice(2).join('\n')}`],
    ['point attributes after the numbers', `..NØ\n${square.map((l) => `${l} ...KP 1`).join('\n')}`],
    ['coordinates on the ..NØ line', `..NØ ${square[0]}\n${square.slice(1).join('\n')}`],
    ['two ..NØ blocks', `..NØ\n${square.slice(0, 3).join('\n')}\n..NØ\n${square.slice(3).join('\n')}`],
    ['two ..NØ blocks with an attribute between', `..NØ\n${square.slice(0, 3).join('\n')}\n..KVALITET 82\n..NØ\n${square.slice(3).join('\n')}`],
    ['heights (..NØH)', `..NØH\n${square.map((l) => `${l} 1234`).join('\n')}`],
    ['blank lines and CRLF', `..NØ\r\n${square.join('\r\n\r\n')}\r`],
    ['several points on one line', `..NØ\n${square.slice(0, 2).join(' ')}\n${square.slice(2).join('  ')}`]
  ])('gives the same ring for a curve with %s', (_, coords) => {
    expect(ringOf(`${header}.KURVE 1:\n${coords}\n${flate('2', ':1')}.SLUTT\n`)).toEqual(plain);
    // The curve used backwards by a second flate, defined after it, and by a third before it.
    const both = parse(`${header}${flate('3', ':-1')}.KURVE 1:\n${coords}\n${flate('2', ':1')}.SLUTT\n`);
    expect(both.features.features.map((f) => (f.geometry as { coordinates: number[][][] }).coordinates[0])).toEqual([[...(plain ?? [])].reverse(), plain]);
  });

  it('skips a flate whose curve has a line it cannot read, naming the line, wherever the coordinates were kept', () => {
    for (const coords of [`..NØ\n${square[0]}\n${square[1]} 7\n${square.slice(2).join('\n')}`, `..NØ\n${square[0]} ...KP 1\n12 x3\n${square.slice(2).join('\n')}`]) {
      const r = parse(`${header}.KURVE 1:\n${coords}\n${flate('2', ':1')}.SLUTT\n`);
      expect(r.features.features).toHaveLength(0);
      expect(r.skipped).toMatchObject([{ id: '2', code: 'bad-coordinate', problem: { params: { curve: '1', line: 10 } } }]);
    }
  });

  it('finds curves by serial number however written (007 is 7), keeps ids as written, and ids past 2^31', () => {
    const r = parse(
      `${header}.KURVE 007:\n..NØ\n${square.join('\n')}\n.KURVE 3000000000:\n..NØ\n${square.join('\n')}\n.KURVE A1:\n..NØ\n${square.join('\n')}\n` +
        `${flate('10', ':7')}${flate('123456789012345', ':3000000000')}${flate('X-1', ':-7')}${flate('11', ':8')}.SLUTT\n`
    );
    expect(r.features.features.map((f) => f.properties?.sosi_id)).toEqual(['10', '123456789012345', 'X-1']);
    expect(r.skipped).toMatchObject([{ id: '11', code: 'missing-ref', problem: { params: { curve: '8' } } }]);
  });

  it('reads attributes as written: nested names, continuation lines, comments, quotes, repeated names', () => {
    const attrs =
      '..OBJTYPE KpArealformålOmråde ! formål\n..OMRÅDENAVN "Næringsområde ! Øst"\n..AREALFORMÅL 1300\n..KVALITET\n...MÅLEMETODE 82\n...NØYAKTIGHET 10\n' +
      '..MERKNAD første linje\nandre linje\n1234\n..PLANID 0618\n..PLANID 0619\n';
    const r = parse(`${header}.KURVE 1:\n..NØ\n${square.join('\n')}\n.FLATE 2:\n${attrs}..REF :1\n..NØ\n3305000 8005000\n.SLUTT\n`);
    expect(r.features.features[0]?.properties).toEqual({
      sosi_id: '2',
      OBJTYPE: 'KpArealformålOmråde',
      OMRÅDENAVN: 'Næringsområde ! Øst',
      AREALFORMÅL: 1300,
      KVALITET: '',
      'KVALITET.MÅLEMETODE': 82,
      'KVALITET.NØYAKTIGHET': 10,
      MERKNAD: 'første linje andre linje 1234',
      PLANID: ['0618', '0619']
    });
  });
});
