import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaPlanarM2 } from '../../geo/area.ts';
import { parseGml } from './gml.ts';

const dir = path.resolve(import.meta.dirname, '../../../../tests/fixtures/io/gml');
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
    expect(r.result.skipped).toEqual([{ id: 'kp.2', reason: 'objektet har ingen flategeometri', code: 'io.gml.no-surface', params: {} }]);
  });

  it('reads AR5 without namespace prefixes, srsName in URL form', () => {
    const r = parseGml(read('ar5-uten-prefiks.gml'));
    expect(r.ok && r.result.crs).toBe('EPSG:25832');
    expect(r.ok && r.result.features.features[0]?.properties?.arealtype).toBe(21);
    expect(r.ok && areaPlanarM2(r.result.features.features[0]!.geometry)).toBeCloseTo(5000, 6);
  });

  it('refuses text without coordinates', () => {
    expect(parseGml('<a><b>tekst</b></a>')).toEqual({ ok: false, error: { reason: 'not-gml', code: 'io.gml.not-gml', params: {}, message: expect.stringContaining('ikke GML') } });
  });

  it.each(['kommuneplan-25833.gml', 'fkb-ar5-ringer-og-buer.gml'])('returns a result or a typed error for truncated and damaged copies of %s, never throws', (file) => {
    const good = read(file);
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

describe('parseGml reads damaged and unusual XML forgivingly, and never changes numbers silently', () => {
  const square = '<posList>0 0 10 0 10 10 0 10 0 0</posList>';
  const feature = (id: string, extra = '') => `<F gml:id="${id}">${extra}<Polygon srsName="EPSG:25832"><exterior><LinearRing>${square}</LinearRing></exterior></Polygon></F>`;
  const properties = (text: string) => {
    const r = parseGml(text);
    if (!r.ok) throw new Error(r.error.message);
    return r.result.features.features.map((f) => f.properties);
  };

  it('keeps CDATA as it is, expands predefined entities and character references in text, not other entities', () => {
    expect(properties(`<C><member>${feature('a', '<navn><![CDATA[a &amp; <b>]]> &amp; &#xE6;&#248; &nbsp;</navn>')}</member></C>`)).toEqual([{ gml_id: 'a', navn: 'a &amp; <b> & æø &nbsp;' }]);
  });

  it('keeps a `<` that starts no tag as text instead of dropping it (a damaged coordinate is not read as another number)', () => {
    expect(properties(`<C><member>${feature('a', '<navn>a < b</navn>')}</member></C>`)).toEqual([{ gml_id: 'a', navn: 'a < b' }]);
    const r = parseGml(`<C><member>${feature('a').replace('10 10', '10< 10')}</member></C>`);
    expect(r.ok && r.result.skipped.map((s) => s.code)).toEqual(['io.gml.bad-exterior']);
  });

  it('reads a feature once when its member is left open and the next member nests inside it', () => {
    expect(properties(`<C><member>${feature('a')}<member>${feature('b')}</member></C>`)).toEqual([{ gml_id: 'a' }, { gml_id: 'b' }]);
  });

  it('reads an unterminated comment or processing instruction as text and goes on', () => {
    expect(properties(`<C><!-- no end <? no end <member>${feature('a')}</member></C>`)).toEqual([{ gml_id: 'a' }]);
  });

  it('joins text split by comments as one text', () => {
    const split = feature('a').replace('0 0 10 0', '0 0 <!-- x -->10<!-- y --> 0');
    expect(properties(`<C><member>${split}</member></C>`)).toEqual([{ gml_id: 'a' }]);
  });
});

describe('parseGml on FKB-AR5 as agencies write it', () => {
  it('joins a gml:Ring of curveMembers, densifies gml:Arc, uses the surface beside a posisjon point, and counts border lines', () => {
    const r = parseGml(read('fkb-ar5-ringer-og-buer.gml'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.result.crs).toBe('EPSG:25832');
    const [skog, dyrka] = r.result.features.features;
    expect(skog?.properties).toMatchObject({ gml_id: 'ar5.flate.1', arealtype: 30, treslag: 31, skogbonitet: 14 });
    expect(skog?.geometry.type).toBe('Polygon');
    expect(areaPlanarM2(skog!.geometry)).toBeCloseTo(10_000, 6);
    // Five positions: the two curves' shared corners are not repeated.
    expect((skog!.geometry as { coordinates: number[][][] }).coordinates[0]).toHaveLength(5);
    expect(Math.abs(areaPlanarM2(dyrka!.geometry) / ((Math.PI * 100 ** 2) / 2) - 1)).toBeLessThan(2e-5);
    expect(r.result.arcs).toBe(1);
    expect(r.result.notAreas).toEqual({ lines: 2, points: 0 });
    expect(r.result.skipped).toEqual([]);
  });

  it('reads latitude-first positions of EPSG:4258 in URN form as longitude, latitude', () => {
    const r = parseGml(read('grader-4258-bredde-forst.gml'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.result.crs).toBe('EPSG:4258');
    expect((r.result.features.features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]?.[0]).toEqual([10.43, 59.83]);
  });
});
