import { readFileSync } from 'node:fs';
import path from 'node:path';
import { areaPlanarM2 } from '../geo/area.ts';
import { describe, expect, it } from 'vitest';
import { runStats } from '../cli/stats.ts';
import { importPlanFile } from './import-plan.ts';
import { formatOf } from './formats/index.ts';
import { latin1, PRJ_25832, writeDbf, writeShp, writeZip } from './formats/shapefile.test-helper.ts';
import { readAreaFile } from './read-file.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const bytesOf = (p: string) => new Uint8Array(readFileSync(path.join(root, p)));
const GEOJSON = 'tests/fixtures/io/geojson/kommuneplan-25833.geojson';
const GEOJSON_NO_CRS = 'tests/fixtures/io/geojson/kommuneplan-25833-uten-crs.geojson';
const SOSI = 'tests/fixtures/io/sosi/flate-med-hull-iso8859-1.sos';
const GML = 'tests/fixtures/io/gml/kommuneplan-25833.gml';

describe('formatOf', () => {
  it('chooses the reader by extension', () => {
    expect(['a.geojson', 'b.JSON', 'c.sos', 'd.gml', 'e.zip', 'f.txt'].map(formatOf)).toEqual(['geojson', 'geojson', 'sosi', 'gml', 'shapefile', null]);
  });
});

describe('importPlanFile for næringsareal', () => {
  it('reads GeoJSON in EPSG:25833, keeps næring by status, leaves bolig out and counts it', async () => {
    const r = await importPlanFile({ bytes: bytesOf(GEOJSON), fileName: 'kp.geojson', kind: 'naering' });
    if (!r.ok) throw new Error(r.message);
    expect(r.report).toMatchObject({ format: 'geojson', crs: 'EPSG:25833', crsFrom: 'file', featuresRead: 3, kept: 2, skipped: [] });
    expect(r.report.totalsDaa.naavaerende).toBeCloseTo(100, 3);
    expect(r.report.totalsDaa.framtidig).toBeCloseTo(50, 3);
    expect(r.report.leftOut).toEqual([{ code: 'annet-formal', value: '1110', name: 'Boligbebyggelse', count: 1, ids: ['kp-103'] }]);
    const [a, b] = r.layer.features;
    expect(a?.properties).toMatchObject({ id: 'kp-101', navn: 'Testområde Øst (nåværende næring)', arealformal: 1300, arealbruksstatus: 1, kategori: 'kombinert', kilde: 'kp.geojson' });
    expect(b?.properties).toMatchObject({ id: 'kp-102', arealbruksstatus: 2 });
    // The layer is in EPSG:25832 (eastings near 583 000 m, not 247 000 m).
    const x = (a?.geometry.coordinates[0] as number[][])[0]?.[0] ?? 0;
    expect(x).toBeGreaterThan(582_000);
  });

  it('guesses EPSG:25833 for the same file without a crs member, and the user can choose instead', async () => {
    const r = await importPlanFile({ bytes: bytesOf(GEOJSON_NO_CRS), fileName: 'kp.geojson', kind: 'naering' });
    expect(r.ok && r.report.crs).toBe('EPSG:25833');
    expect(r.ok && r.report.crsFrom).toBe('guessed');
    const chosen = await importPlanFile({ bytes: bytesOf(GEOJSON_NO_CRS), fileName: 'kp.geojson', kind: 'naering', crs: 'EPSG:25833' });
    expect(chosen.ok && chosen.report.crsFrom).toBe('option');
    // Read as zone 32 instead, the areas land some 330 km west, in the North Sea (the app warns
    // when imported areas lie outside the kommune).
    const wrong = await importPlanFile({ bytes: bytesOf(GEOJSON_NO_CRS), fileName: 'kp.geojson', kind: 'naering', crs: 'EPSG:25832' });
    expect(wrong.ok && (wrong.layer.features[0]?.geometry.coordinates[0] as number[][])[0]?.[0]).toBeLessThan(250_000);
  });

  it('reads SOSI (AREALFORMÅL, AREALBRUKSSTATUS, OMRÅDENAVN) and lists the skipped flate with its line', async () => {
    const r = await importPlanFile({ bytes: bytesOf(SOSI), fileName: 'kp.sos', kind: 'naering' });
    if (!r.ok) throw new Error(r.message);
    expect(r.report.kept).toBe(1);
    expect(r.layer.features[0]?.properties).toMatchObject({ navn: 'Åsbråten næringspark, Ærø', arealformal: 1300, arealbruksstatus: 1 });
    expect(r.report.skipped).toEqual([{ id: '11', reason: expect.stringMatching(/kurve 99.*\(linje \d+\)/), code: 'io.sosi.at-line', params: { problem: { code: 'io.sosi.missing-ref', params: { curve: '99' } }, line: expect.any(Number) } }]);
    expect(r.report.fileNotes).toContain('tegnsett: ISO 8859-1/ANSI (Windows-1252)');
    expect(r.report.totalsDaa.naavaerende).toBeCloseTo(9.6, 6);
  });

  it('reads Plan-GML in EPSG:25833', async () => {
    const r = await importPlanFile({ bytes: bytesOf(GML), fileName: 'kp.gml', kind: 'naering' });
    if (!r.ok) throw new Error(r.message);
    expect(r.report).toMatchObject({ format: 'gml', crs: 'EPSG:25833', crsFrom: 'file' });
    expect(r.layer.features[0]?.properties?.navn).toBe('Tofte havn & Sætre');
  });

  it('keeps unknown arealformål as kombinert and lists them; status 3 counts as nåværende and is listed', async () => {
    const sq = (x: number): [number, number][] => [[x, 6634000], [x, 6634100], [x + 100, 6634100], [x + 100, 6634000], [x, 6634000]];
    const zip = writeZip({
      'kp.shp': writeShp([[sq(585000)], [sq(585200)], [sq(585400)]]),
      'kp.dbf': writeDbf(
        [
          { OMRADENAVN: 'Ukjent kode', AREALFORMA: '1999', AREALBRUK: '2' },
          { OMRADENAVN: 'Videreutvikling', AREALFORMA: '1300', AREALBRUK: '3' },
          { OMRADENAVN: 'Uten status', AREALFORMA: '1300', AREALBRUK: '' }
        ],
        latin1
      ),
      'kp.prj': new TextEncoder().encode(PRJ_25832)
    });
    // Shapefile field names are cut to ten characters, so the importer also reads «arealbruk».
    const r = await importPlanFile({ bytes: zip, fileName: 'kp.zip', kind: 'naering' });
    if (!r.ok) throw new Error(r.message);
    expect(r.report.notes.map((n) => [n.code, n.value, n.count])).toEqual([
      ['ukjent-formal', '1999', 1],
      ['status-3', '3', 1]
    ]);
    expect(r.report.leftOut.map((n) => [n.code, n.count])).toEqual([['mangler-status', 1]]);
    expect(r.report.totalsDaa.naavaerende).toBeCloseTo(10, 6);
    expect(r.report.totalsDaa.framtidig).toBeCloseTo(10, 6);
  });

  it('refuses a file with polygons but no næring, naming what it expected', async () => {
    const r = await importPlanFile({ bytes: bytesOf('tests/fixtures/io/gml/ar5-uten-prefiks.gml'), fileName: 'ar5.gml', kind: 'naering' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^ar5\.gml: .*ingen næringsareal/);
  });
});

describe('importPlanFile for AR5 farmland', () => {
  it('keeps arealtype 21, 22 and 23 and counts the other types', async () => {
    const r = await importPlanFile({ bytes: bytesOf('tests/fixtures/io/gml/ar5-uten-prefiks.gml'), fileName: 'ar5.gml', kind: 'jordbruk' });
    if (!r.ok) throw new Error(r.message);
    expect(r.report.kept).toBeGreaterThan(0);
    expect(r.layer.features.every((f) => [21, 22, 23].includes(f.properties?.arealtype as number))).toBe(true);
    expect(Object.keys(r.report.totalsDaa)).toEqual(['21', '22', '23']);
  });
});

describe('readAreaFile refuses bad files with the file name and the reason', () => {
  const cases: [string, Uint8Array, string, RegExp][] = [
    ['tom.geojson', new Uint8Array(), 'empty', /^tom\.geojson: fila er tom/],
    ['kart.png', latin1('PNG'), 'unknown-format', /^kart\.png: ukjent filtype/],
    ['avkortet.geojson', latin1('{"type":"FeatureCollection","features":[{"type":"Fea'), 'invalid-json', /^avkortet\.geojson: ikke gyldig JSON/],
    ['punkter.geojson', latin1('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[10.4,59.8]}}]}'), 'no-polygons', /^punkter\.geojson: /],
    ['ikke.sos', latin1('hei'), 'not-sosi', /^ikke\.sos: ikke en SOSI-fil/],
    ['ukjent.sos', latin1('.HODE\n..KOORDSYS 99\n.FLATE 1:\n..REF :1\n.KURVE 1:\n..NØ\n0 0\n.SLUTT\n'), 'crs-needed', /^ukjent\.sos: ukjent \.\.KOORDSYS 99/],
    ['kart.zip', latin1('PK nei'), 'not-zip', /^kart\.zip: ikke en gyldig zip-fil/],
    [
      'utenfor.geojson',
      latin1('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[-60,10],[-59,10],[-59,11],[-60,10]]]}}]}'),
      'outside-norway',
      /^utenfor\.geojson: koordinatene havner utenfor Norge/
    ]
  ];
  for (const [name, bytes, reason, message] of cases) {
    it(`${name}: ${reason}`, async () => {
      const r = await readAreaFile(bytes, name);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.reason).toBe(reason);
        expect(r.message).toMatch(message);
      }
    });
  }

  it('reads GeoJSON that is not UTF-8 as ISO 8859-1 and says so', async () => {
    const text = '{"type":"Feature","properties":{"navn":"Ærø"},"geometry":{"type":"Polygon","coordinates":[[[10.4,59.8],[10.41,59.8],[10.41,59.81],[10.4,59.8]]]}}';
    const r = await readAreaFile(latin1(text), 'latin1.geojson');
    if (!r.ok) throw new Error(r.message);
    expect(r.areas[0]?.properties.navn).toBe('Ærø');
    expect(r.notes[0]).toMatch(/ikke gyldig UTF-8/);
  });

  it('names the first skipped flate when a SOSI file has none that can be used', async () => {
    const sosi = '.HODE\n..KOORDSYS 22\n.FLATE 1:\n..REF :99\n.SLUTT\n';
    const r = await readAreaFile(latin1(sosi), 'bare-feil.sos');
    expect(!r.ok && r.reason).toBe('no-polygons');
    expect(!r.ok && r.message).toMatch(/^bare-feil\.sos: ingen flater kunne brukes; den første: refererer til kurve 99 .*\(linje 3\)/);
  });

  it('repairs a self-intersecting polygon (a bow tie) instead of refusing it, keeping both triangles', async () => {
    const bow = '{"type":"Feature","id":"sløyfe","properties":{},"geometry":{"type":"Polygon","coordinates":[[[10.4,59.8],[10.41,59.81],[10.41,59.8],[10.4,59.81],[10.4,59.8]]]}}';
    const r = await readAreaFile(latin1(bow), 'sloyfe.geojson');
    if (!r.ok) throw new Error(r.message);
    expect(r.areas[0]?.geometry25832.type).toBe('MultiPolygon');
    const [fix] = r.repaired;
    expect(fix).toMatchObject({ id: 'sløyfe', code: 'made-valid', what: expect.stringContaining('krysser') });
    // The ring's signed area nearly cancels out; the two triangles keep about half of the 0.01° × 0.01° box.
    expect(fix?.area_m2_before).toBeLessThan(fix!.area_m2_after / 10);
    expect(fix?.area_m2_after).toBeCloseTo(areaPlanarM2(r.areas[0]!.geometry25832), 0);
  });

  it('refuses a polygon with nothing to repair (all points on a line) when it is the only one', async () => {
    const line =
      '{"type":"Feature","id":"strek","crs":{"type":"name","properties":{"name":"EPSG:25832"}},"properties":{},"geometry":{"type":"Polygon","coordinates":[[[580000,6633000],[580100,6633100],[580200,6633200],[580000,6633000]]]}}';
    const r = await readAreaFile(latin1(line), 'strek.geojson');
    expect(!r.ok && r.reason).toBe('no-polygons');
    expect(!r.ok && r.message).toMatch(/strek.*null areal/);
  });
});

describe('«Last inn plandata» and the CLI give the same counts and repairs for the same file', () => {
  const file = 'tests/fixtures/io/sosi/kommuneplan-med-feil.sos';

  it('kommuneplan-med-feil.sos: the same read, skipped, repaired (with areas) and not-area counts', async () => {
    const imp = await importPlanFile({ bytes: bytesOf(file), fileName: 'kommuneplan-med-feil.sos', kind: 'naering' });
    if (!imp.ok) throw new Error(imp.message);
    const read = await readAreaFile(bytesOf(file), 'kommuneplan-med-feil.sos');
    if (!read.ok) throw new Error(read.message);
    const cli = runStats({ areas: read, stations: { type: 'FeatureCollection', features: [] }, roads: { type: 'FeatureCollection', features: [] } });
    // What the hand-written file holds (see tests/fixtures/io/sosi/README.md).
    expect(imp.report.featuresRead).toBe(4);
    expect(cli.features.map((f) => [f.id, f.area_m2])).toEqual([
      ['20', 40000],
      ['21', 5000],
      ['22', 10000]
    ]);
    expect(cli.repaired).toEqual([{ id: '21', code: 'made-valid', what: expect.stringContaining('MakeValid'), area_m2_before: 0, area_m2_after: 5000, params: { why: { code: 'io.repair.why.self-intersection', params: {} }, parts: { code: 'io.n.other.part', params: { n: 2 } } } }]);
    expect(cli.skipped).toEqual([{ id: '23', reason: expect.stringMatching(/kurve 99.*\(linje \d+\)/), code: 'io.sosi.at-line', params: { problem: { code: 'io.sosi.missing-ref', params: { curve: '99' } }, line: expect.any(Number) } }]);
    expect(cli.not_areas).toEqual({ lines: 3, points: 2 });
    // The app's report says the same.
    expect(imp.report.repaired).toEqual(cli.repaired);
    expect(imp.report.skipped).toEqual(cli.skipped);
    expect(imp.report.notAreas).toEqual(cli.not_areas);
    expect(imp.report.kept).toBe(2);
    expect(imp.report.leftOut).toMatchObject([{ code: 'annet-formal', value: '1110', count: 1 }]);
    expect(imp.report.totalsDaa).toEqual({ naavaerende: 5, framtidig: 40 });
  });
});

describe('AR5 kept whole', () => {
  it('an FKB-AR5 GML import keeps every area type (with treslag and skogbonitet) beside the farmland layer', async () => {
    const r = await importPlanFile({ bytes: bytesOf('tests/fixtures/io/gml/fkb-ar5-ringer-og-buer.gml'), fileName: 'ar5.gml', kind: 'jordbruk' });
    if (!r.ok) throw new Error(r.message);
    // Farmland as before: only 21/22/23.
    expect(r.layer.features.map((f) => f.properties?.arealtype)).toEqual([21]);
    expect(r.report.totalsDaa['21']).toBeCloseTo(15.708, 2);
    // The whole AR5 layer: skog too, with its treslag and bonitet.
    expect(r.ar5?.features.map((f) => [f.properties?.arealtype, f.properties?.treslag, f.properties?.skogbonitet])).toEqual([
      [30, 31, 14],
      [21, undefined, undefined]
    ]);
    expect(r.report.ar5DaaByType?.['30']).toBeCloseTo(10, 6);
    expect(r.report.ar5DaaByType?.['21']).toBeCloseTo(15.708, 2);
    expect(r.report.notAreas).toEqual({ lines: 2, points: 0 });
    expect(r.report.fileNotes.some((n) => n.includes('gml:Arc'))).toBe(true);
  });

  it('an AR5 file with no farmland at all is still AR5: its farmland layer is empty, its other types are kept', async () => {
    const skog = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'EPSG:25832' } },
      features: [{ type: 'Feature', properties: { id: 's', arealtype: 30 }, geometry: { type: 'Polygon', coordinates: [[[580000, 6633000], [580100, 6633000], [580100, 6633100], [580000, 6633000]]] } }]
    });
    const r = await importPlanFile({ bytes: new TextEncoder().encode(skog), fileName: 'skog.geojson', kind: 'jordbruk' });
    if (!r.ok) throw new Error(r.message);
    expect(r.layer.features).toEqual([]);
    expect(r.ar5?.features).toHaveLength(1);
    const none = await importPlanFile({ bytes: new TextEncoder().encode(skog.replace('"arealtype":30', '"formal":1')), fileName: 'x.geojson', kind: 'jordbruk' });
    expect(none.ok).toBe(false);
  });
});
