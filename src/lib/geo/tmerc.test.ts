import fc from 'fast-check';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { ensureFullProjections, projectPosition, registerSlowProjections } from './crs.ts';
import { PROJ4_DEFS } from './crs-proj4.ts';
import { mercatorForward, mercatorInverse, utmForward, utmInverse } from './tmerc.ts';

describe('UTM and web Mercator without proj4 (the map page’s conversions)', () => {
  it('agrees with proj4 to well under a millimetre over Norway, in every zone 31–36, both ways', () => {
    fc.assert(
      fc.property(fc.integer({ min: 31, max: 36 }), fc.double({ min: -7, max: 7, noNaN: true }), fc.double({ min: 57, max: 72, noNaN: true }), (zone, dLon, lat) => {
        const lon = zone * 6 - 183 + dLon;
        const def = PROJ4_DEFS[`EPSG:258${zone}` as 'EPSG:25832'];
        const [x, y] = proj4(PROJ4_DEFS['EPSG:4326'], def).forward([lon, lat]) as [number, number];
        const [fx, fy] = utmForward(lon, lat, zone);
        expect(Math.hypot(fx - x, fy - y)).toBeLessThan(1e-4);
        const [ilon, ilat] = utmInverse(x, y, zone);
        // 1e-9 degrees is about 0.1 mm.
        expect(Math.abs(ilon - lon)).toBeLessThan(1e-9);
        expect(Math.abs(ilat - lat)).toBeLessThan(1e-9);
      }),
      { numRuns: 2000 }
    );
  });

  it('puts Asker stasjon where proj4 has it, and web Mercator the same as proj4', () => {
    const asker = [10.4346, 59.8333];
    const p = proj4(PROJ4_DEFS['EPSG:4326'], PROJ4_DEFS['EPSG:25832']).forward(asker) as [number, number];
    const q = utmForward(asker[0] as number, asker[1] as number, 32);
    expect(q[0]).toBeCloseTo(p[0], 6);
    expect(q[1]).toBeCloseTo(p[1], 6);
    const m = proj4(PROJ4_DEFS['EPSG:4326'], PROJ4_DEFS['EPSG:3857']).forward(asker) as [number, number];
    expect(mercatorForward(asker[0] as number, asker[1] as number)[0]).toBeCloseTo(m[0], 6);
    expect(mercatorForward(asker[0] as number, asker[1] as number)[1]).toBeCloseTo(m[1], 6);
    expect(mercatorInverse(m[0], m[1])[1]).toBeCloseTo(asker[1] as number, 10);
  });

  it('converts the app’s CRS without proj4; an old datum without it loaded is a clear error, and works once it is', async () => {
    registerSlowProjections(null);
    try {
      expect(projectPosition([580_000, 6_630_000], 'EPSG:25832', 'EPSG:25833')[1]).toBeGreaterThan(6_600_000);
      expect(() => projectPosition([0, 0], 'EPSG:27393', 'EPSG:25832')).toThrow(/crs\.not-loaded/);
    } finally {
      (await import('./crs-proj4.ts')).registerProj4();
    }
    await ensureFullProjections();
    const [x, y] = projectPosition([0, 0], 'EPSG:27393', 'EPSG:25832');
    expect(x).toBeGreaterThan(500_000);
    expect(y).toBeGreaterThan(6_400_000);
  });
});
