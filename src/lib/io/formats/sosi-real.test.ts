// The real public SOSI samples (tests/fixtures/io/sosi/ekte/, licences in its README) read the way
// GDAL reads them. Goldens: gdal.json, made once with GDAL 3.6 / GEOS by
// scripts/oracles/sosi-goldens.py (CI does not need GDAL).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaPlanarM2 } from '../../geo/area.ts';
import { makeValidPolygonal } from '../../geo/make-valid.ts';
import { validatePolygonal } from '../../geo/validate.ts';
import { readAreaFile } from '../read-file.ts';
import { parseSosi } from './sosi.ts';

const dir = path.resolve(import.meta.dirname, '../../../../tests/fixtures/io/sosi/ekte');
const read = (f: string) => new Uint8Array(readFileSync(path.join(dir, f)));

interface GdalPolygon {
  area_m2: number;
  valid: boolean;
  makevalid_m2: number;
  area_m2_25832?: number;
  makevalid_m2_25832?: number;
}
interface GdalFile {
  gdal: 'read' | 'cannot-open';
  layers?: Record<string, number>;
  polygons?: number;
  invalid?: number;
  area_m2?: number;
  makevalid_m2?: number;
  area_m2_25832?: number;
  makevalid_m2_25832?: number;
  per_polygon?: GdalPolygon[];
}
const golden = JSON.parse(readFileSync(path.join(dir, 'gdal.json'), 'utf8')) as { files: Record<string, GdalFile> };
const readable = Object.entries(golden.files).filter(([, g]) => g.gdal === 'read');

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('real SOSI files read as GDAL reads them', () => {
  it('has a golden for every sample and every sample in the golden', () => {
    const files = readFileSync(path.join(dir, 'README.md'), 'utf8');
    for (const f of Object.keys(golden.files)) expect(files).toContain(f);
    expect(readable.length).toBeGreaterThanOrEqual(7);
  });

  it.each(readable)('%s: the same polygons, areas and validity as GDAL', (file, g) => {
    const r = parseSosi(read(file));
    if (!r.ok) throw new Error(r.error.message);
    const fs = r.result.features.features;
    expect(fs).toHaveLength(g.polygons as number);
    expect(r.result.skipped).toEqual([]);
    // Polygon areas (planar, file CRS), compared sorted: GDAL's FID order is not the file's.
    const ours = fs.map((f) => areaPlanarM2(f.geometry)).sort((a, b) => a - b);
    ours.forEach((a, i) => expect(rel(a, g.per_polygon?.[i]?.area_m2 as number)).toBeLessThan(1e-6));
    expect(rel(ours.reduce((s, a) => s + a, 0), g.area_m2 as number)).toBeLessThan(1e-4);
    // Validity as GEOS judges it.
    expect(fs.filter((f) => !validatePolygonal(f.geometry, 'x').ok)).toHaveLength(g.invalid as number);
    // Lines and points are counted as GDAL's layers count them.
    expect(r.result.notAreas).toEqual({ lines: g.layers?.lines ?? 0, points: g.layers?.points ?? 0 });
  });

  it.each(readable.filter(([, g]) => (g.invalid ?? 0) > 0))('%s: repaired polygons keep the area GEOS MakeValid keeps', (file, g) => {
    const r = parseSosi(read(file));
    if (!r.ok) throw new Error(r.error.message);
    const after = r.result.features.features.reduce((s, f) => {
      const checked = validatePolygonal(f.geometry, 'x');
      return s + (checked.ok ? areaPlanarM2(f.geometry) : makeValidPolygonal(f.geometry).areaM2After);
    }, 0);
    expect(rel(after, g.makevalid_m2 as number)).toBeLessThan(1e-6);
  });

  it.each(readable.filter(([, g]) => (g.polygons ?? 0) > 0))('%s: readAreaFile gives GDAL+MakeValid areas in EPSG:25832, with every repair reported', async (file, g) => {
    const r = await readAreaFile(read(file), file);
    if (!r.ok) throw new Error(r.message);
    expect(r.format).toBe('sosi');
    expect(r.skipped).toEqual([]);
    expect(r.areas).toHaveLength(g.polygons as number);
    const total = r.areas.reduce((s, a) => s + areaPlanarM2(a.geometry25832), 0);
    expect(rel(total, g.makevalid_m2_25832 as number)).toBeLessThan(1e-5);
    const made = r.repaired.filter((x) => x.code === 'made-valid');
    expect(made).toHaveLength(g.invalid as number);
    // Before: the invalid polygons' area as GEOS measures it (in EPSG:25832); after: MakeValid's.
    const invalid = (g.per_polygon ?? []).filter((p) => !p.valid);
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    expect(sum(made.map((x) => x.area_m2_before))).toBeCloseTo(sum(invalid.map((p) => p.area_m2_25832 as number)), 0);
    expect(sum(made.map((x) => x.area_m2_after))).toBeCloseTo(sum(invalid.map((p) => p.makevalid_m2_25832 as number)), 0);
    for (const x of made) expect(x.area_m2_after).toBeGreaterThan(0);
    expect(r.notes.some((n) => n.startsWith('tegnsett:'))).toBe(true);
  });

  it('buer.sos (GDAL cannot open it): 21 curves with .BUEP arcs, no flate, cut short — said plainly', async () => {
    const r = parseSosi(read('buer.sos'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.result.encoding).toBe('utf-8');
    expect(r.result.crs).toBe('EPSG:25832');
    expect(r.result.features.features).toEqual([]);
    expect(r.result.notAreas).toEqual({ lines: 21, points: 0 });
    expect(r.result.complete).toBe(false);
    const f = await readAreaFile(read('buer.sos'), 'buer.sos');
    expect(f).toEqual({
      ok: false,
      reason: 'no-polygons',
      code: 'io.file.sosi-only',
      params: { objects: { code: 'io.n.other.line', params: { n: 21 } } },
      message: 'buer.sos: fila har ingen flater (.FLATE), bare 21 linjer.'
    });
  });

  it('valid_with_island_refs.sos (GDAL cannot open it): every ..REF form parsed, collapsed rings skipped with a reason', () => {
    const r = parseSosi(read('valid_with_island_refs.sos'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.result.crs).toBeNull();
    expect(r.result.encoding).toBe('windows-1252');
    // The curves are test data on one straight line: every ring has zero area.
    expect(r.result.skipped.map((s) => [s.id, s.code])).toEqual([
      ['10', 'degenerate-ring'],
      ['11', 'degenerate-ring'],
      ['12', 'degenerate-ring'],
      ['13', 'degenerate-ring']
    ]);
    expect(r.result.notAreas).toEqual({ lines: 5, points: 0 });
  });

  it('issue5.SOS: ANSI (cp1252), CRLF and a flate without centre point read with Æ/Ø/Å right', () => {
    const r = parseSosi(read('issue5.SOS'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.result.encoding).toBe('windows-1252');
    expect(r.result.declaredEncoding).toBe('ANSI');
    expect(r.result.features.features[0]?.properties).toMatchObject({ admnivaa: 'andre nivå', fylkesnr: 1, OBJTYPE: 'fylker' });
  });
});

describe('files far from UTM zone 32 say so plainly', () => {
  it('flate_oy.sos (KOORDSYS 25, in Finland): areas reported in EPSG:25832 with how much they differ from the file', async () => {
    const r = await readAreaFile(read('flate_oy.sos'), 'flate_oy.sos');
    if (!r.ok) throw new Error(r.message);
    const g = golden.files['flate_oy.sos'] as GdalFile;
    // GDAL: 1 999 900 m² in EPSG:25835, 2 022 412 m² reprojected to EPSG:25832: 1,13 % more.
    const pct = (((g.area_m2_25832 as number) / (g.area_m2 as number) - 1) * 100).toFixed(2).replace('.', ',');
    expect(r.notes).toContain(`planart areal i EPSG:25832 er ${pct} % større enn i fila (EPSG:25835), fordi dataene ligger langt fra UTM sone 32; appen og kommandolinjen regner i EPSG:25832`);
  });

  it('1001_Hoyde.sos (KOORDSYS 22) gets no such note', async () => {
    const r = await readAreaFile(read('1001_Hoyde.sos'), '1001_Hoyde.sos');
    expect(r.ok && r.notes.some((n) => n.includes('UTM sone 32'))).toBe(false);
  });
});
