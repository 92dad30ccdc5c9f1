import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crsFromPrj, parseShapefileZip } from './shapefile.ts';
import { deflateRaw, latin1, PRJ_25832, PRJ_25833, writeDbf, writeShp, writeZip, type ShpPolygon } from './shapefile.test-helper.ts';

// Billingstad-like square (clockwise outer ring) with a square hole (counter-clockwise), EPSG:25832.
const outer: [number, number][] = [
  [585000, 6634000],
  [585000, 6634400],
  [585400, 6634400],
  [585400, 6634000],
  [585000, 6634000]
];
const hole: [number, number][] = [
  [585100, 6634100],
  [585200, 6634100],
  [585200, 6634200],
  [585100, 6634200],
  [585100, 6634100]
];
const second: [number, number][] = [
  [586000, 6635000],
  [586000, 6635200],
  [586200, 6635200],
  [586000, 6635000]
];
const polygons: ShpPolygon[] = [[outer, hole], [second]];
const rows = [
  { OMRNAVN: 'Bjørnsletta næringsområde', ARFORMAL: '1300', ARSTATUS: '2' },
  { OMRNAVN: 'Åsbakken/Ærfuglveien', ARFORMAL: '1160', ARSTATUS: '1' }
];

function zipOf(opts: { prj?: string; cpg?: string; encode?: (s: string) => Uint8Array } = {}) {
  const entries: Record<string, Uint8Array> = {
    'plan/kp.shp': writeShp(polygons),
    'plan/kp.dbf': writeDbf(rows, opts.encode ?? latin1)
  };
  if (opts.prj) entries['plan/kp.prj'] = new TextEncoder().encode(opts.prj);
  if (opts.cpg) entries['plan/kp.cpg'] = new TextEncoder().encode(opts.cpg);
  return writeZip(entries);
}

describe('parseShapefileZip', () => {
  it('reads polygons with a hole in the file CRS, and ISO 8859-1 attributes without .cpg', async () => {
    const r = await parseShapefileZip(zipOf({ prj: PRJ_25832 }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.result.crs).toBe('EPSG:25832');
    expect(r.result.layer).toBe('kp');
    expect(r.result.encoding).toBe('ISO-8859-1');
    const [a, b] = r.result.features.features;
    expect(a?.properties).toEqual(rows[0]);
    expect(b?.properties).toEqual(rows[1]);
    expect(a?.geometry?.type).toBe('Polygon');
    const rings = (a?.geometry as { coordinates: number[][][] }).coordinates;
    expect(rings).toHaveLength(2);
    // Coordinates stay in the file's CRS (metres), not reprojected.
    expect(rings.flat()).toEqual(expect.arrayContaining([[585000, 6634000], [585100, 6634100]]));
    expect((b?.geometry as { coordinates: number[][][] }).coordinates[0]).toHaveLength(4);
  });

  it('reads UTF-8 attributes named by a .cpg, and EPSG:25833 from the .prj', async () => {
    const r = await parseShapefileZip(zipOf({ prj: PRJ_25833, cpg: 'UTF-8', encode: (s) => new TextEncoder().encode(s) }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.result.crs).toBe('EPSG:25833');
    expect(r.result.features.features.map((f) => f.properties?.OMRNAVN)).toEqual(['Bjørnsletta næringsområde', 'Åsbakken/Ærfuglveien']);
  });

  it('reads deflated entries (zip method 8), as most zip tools write them', async () => {
    const shp = writeShp(polygons);
    const dbf = writeDbf(rows, latin1);
    const zip = writeZip({ 'kp.shp': shp, 'kp.dbf': dbf }, { 'kp.shp': await deflateRaw(shp), 'kp.dbf': await deflateRaw(dbf) });
    expect(zip.length).toBeLessThan(shp.length + dbf.length);
    const r = await parseShapefileZip(zip);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.result.features.features.map((f) => f.properties?.OMRNAVN)).toEqual(['Bjørnsletta næringsområde', 'Åsbakken/Ærfuglveien']);
  });

  it('gives crs null without a .prj, and typed errors for a zip without .shp, with two layers, or not a zip', async () => {
    const r = await parseShapefileZip(zipOf());
    expect(r.ok && r.result.crs).toBeNull();
    const none = await parseShapefileZip(writeZip({ 'les-meg.txt': new TextEncoder().encode('hei') }));
    expect(!none.ok && none.error.reason).toBe('no-shp');
    const two = await parseShapefileZip(writeZip({ 'a.shp': writeShp(polygons), 'b.shp': writeShp(polygons) }));
    expect(!two.ok && two.error.reason).toBe('several-layers');
    const text = await parseShapefileZip(new TextEncoder().encode('{"type":"FeatureCollection"}'));
    expect(!text.ok && text.error.reason).toBe('not-zip');
  });

  it('never throws on truncated or byte-flipped zips: a result or a typed error', async () => {
    const good = zipOf({ prj: PRJ_25832 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: good.length }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), async (cut, flips) => {
        const bytes = good.slice(0, cut);
        for (const [i, v] of flips) if (bytes.length) bytes[i % bytes.length] = v;
        const r = await parseShapefileZip(bytes);
        if (!r.ok) expect(['not-zip', 'too-large', 'no-shp', 'several-layers', 'bad-shp']).toContain(r.error.reason);
        else expect(Array.isArray(r.result.features.features)).toBe(true);
      }),
      { numRuns: 300, seed: 9 }
    );
  });
});

describe('crsFromPrj', () => {
  it('knows ESRI and OGC WKT for the UTM zones, WGS 84 and Web Mercator', () => {
    expect(crsFromPrj(PRJ_25832)).toBe('EPSG:25832');
    expect(crsFromPrj(PRJ_25833)).toBe('EPSG:25833');
    expect(crsFromPrj('PROJCS["EUREF89 / UTM sone 33",GEOGCS["EUREF89"],AUTHORITY["EPSG","25833"]]')).toBe('EPSG:25833');
    expect(crsFromPrj('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]]')).toBe('EPSG:4326');
    expect(crsFromPrj('PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984"]]')).toBe('EPSG:3857');
    expect(crsFromPrj('PROJCS["NGO_1948_Oslo_Norway_Zone_3",GEOGCS["GCS_NGO_1948_Oslo"]]')).toBeNull();
  });
});
