import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crsFromGeoJson, guessUtmCrs, looksLikeDegrees, normalizeCrs, projectPosition, reprojectGeometry, type CrsCode } from './crs.ts';
import { FIXTURES } from './fixtures.test-helper.ts';

describe('normalizeCrs', () => {
  it.each([
    ['EPSG:25832', 'EPSG:25832'],
    ['epsg:25833', 'EPSG:25833'],
    ['25832', 'EPSG:25832'],
    ['urn:ogc:def:crs:EPSG::25833', 'EPSG:25833'],
    ['urn:ogc:def:crs:EPSG:6.6:5972', 'EPSG:5972'],
    ['http://www.opengis.net/def/crs/EPSG/0/5973', 'EPSG:5973'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326'],
    ['OGC:CRS84', 'EPSG:4326'],
    ['EPSG:3857', 'EPSG:3857']
  ])('%s → %s', (name, code) => {
    expect(normalizeCrs(name)).toBe(code);
  });

  it('refuses what it does not know', () => {
    expect(normalizeCrs('EPSG:27700')).toBeNull();
    expect(normalizeCrs('tull')).toBeNull();
  });
});

describe('crsFromGeoJson', () => {
  it('reads the crs member, or says there is none or it is unknown', () => {
    expect(crsFromGeoJson({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } } })).toBe('EPSG:25832');
    expect(crsFromGeoJson({ type: 'FeatureCollection' })).toBeNull();
    expect(crsFromGeoJson({ crs: { type: 'name', properties: { name: 'EPSG:2154' } } })).toBe('unknown');
  });
});

describe('projection', () => {
  it('puts Asker stasjon where EUREF89 UTM 32 has it', () => {
    const [e, n] = projectPosition([10.4344, 59.8336], 'EPSG:4326', 'EPSG:25832');
    expect(e).toBeCloseTo(580404.79, 1);
    expect(n).toBeCloseTo(6633750.07, 1);
  });

  it('treats 5972/5973 as 25832/25833 and drops heights', () => {
    expect(projectPosition([580000, 6633000, 120], 'EPSG:5972', 'EPSG:25832')).toEqual([580000, 6633000]);
    expect(reprojectGeometry({ type: 'Point', coordinates: [250000, 6630000, 5] }, 'EPSG:5973', 'EPSG:25833').coordinates).toEqual([250000, 6630000]);
  });

  const norway = fc.tuple(fc.double({ min: 5, max: 30, noNaN: true }), fc.double({ min: 58, max: 71, noNaN: true }));

  it('round-trips 25832 → 4326 → 25832 and 25833 → 25832 → 25833 within 1 mm', () => {
    fc.assert(
      fc.property(norway, ([lon, lat]) => {
        const p32 = projectPosition([lon, lat], 'EPSG:4326', 'EPSG:25832');
        const back32 = projectPosition(projectPosition(p32, 'EPSG:25832', 'EPSG:4326'), 'EPSG:4326', 'EPSG:25832');
        const p33 = projectPosition([lon, lat], 'EPSG:4326', 'EPSG:25833');
        const back33 = projectPosition(projectPosition(p33, 'EPSG:25833', 'EPSG:25832'), 'EPSG:25832', 'EPSG:25833');
        return Math.hypot(back32[0] - p32[0], back32[1] - p32[1]) < 1e-3 && Math.hypot(back33[0] - p33[0], back33[1] - p33[1]) < 1e-3;
      }),
      { numRuns: 200 }
    );
  });

  it('does not modify its input', () => {
    const g = { type: 'Polygon' as const, coordinates: [[[10, 59], [11, 59], [11, 60], [10, 59]]] };
    const before = JSON.stringify(g);
    reprojectGeometry(g, 'EPSG:4326', 'EPSG:25832');
    expect(JSON.stringify(g)).toBe(before);
  });
});

describe('looksLikeDegrees and guessUtmCrs', () => {
  it('tells degrees from metres', () => {
    expect(looksLikeDegrees([10.3, 59.4, 10.7, 59.9])).toBe(true);
    expect(looksLikeDegrees([580000, 6633000, 581000, 6634000])).toBe(false);
  });

  it('guesses the zone from coordinates over Norway', () => {
    expect(guessUtmCrs([580000, 6633000, 581000, 6634000])).toBe('EPSG:25832');
    expect(guessUtmCrs([-50000, 6600000, 100000, 6700000])).toBe('EPSG:25833');
    expect(guessUtmCrs([600000, 7600000, 700000, 7700000])).toBe('EPSG:25833');
    expect(guessUtmCrs([1000, 1000, 2000, 2000])).toBeNull();
  });
});

describe('the CRS of real SOSI files (KOORDSYS 21–26, 84, NGO1948 1–8, ED50 31–36)', () => {
  // Golden positions from PROJ 9 through pyproj 3.7 (EPSG database): see tests/fixtures/geo/README.md.
  const golden = JSON.parse(readFileSync(path.join(FIXTURES, 'crs-pyproj.json'), 'utf8')) as Record<string, Record<string, [number, number]>>;
  const places: Record<string, [number, number]> = { asker: [10.4344, 59.8336], tromso: [18.95, 69.65], bergen: [5.33, 60.39] };
  for (const [code, byPlace] of Object.entries(golden)) {
    // EUREF89 and NGO1948 (same Helmert parameters as EPSG) agree to a millimetre; for ED50 PROJ
    // may choose another of EPSG's transformations than ours (Norway onshore), a few metres apart.
    const tol = /^2303/.test(code) ? 5 : 0.001;
    it(`EPSG:${code} agrees with PROJ within ${tol} m`, () => {
      for (const [place, xy] of Object.entries(byPlace)) {
        const ours = projectPosition(places[place] as [number, number], 'EPSG:4326', `EPSG:${code}` as CrsCode);
        const scale = code === '4258' ? 111_000 : 1;
        expect(Math.hypot(ours[0] - xy[0], ours[1] - xy[1]) * scale).toBeLessThan(tol);
      }
    });
  }
  it('knows every one of them by name', () => {
    for (const code of Object.keys(golden)) expect(normalizeCrs(`EPSG:${code}`)).toBe(`EPSG:${code}`);
  });
});
