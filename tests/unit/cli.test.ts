import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StatsOut } from '../../src/lib/cli/stats.ts';
import { latin1, PRJ_25832, writeDbf, writeShp, writeZip } from '../../src/lib/io/formats/shapefile.test-helper.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => path.join('tests/fixtures/cli', name);

/** Runs the CLI as a user would (Node runs the TypeScript directly), from the project root. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/cli.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Out = StatsOut;

describe('npm run cli -- stats', () => {
  it('prints only JSON with the hand-computed figures', () => {
    const r = cli('stats', fixture('omrader-25832.geojson'), '--farmland', fixture('jordbruk-25832.geojson'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.crs).toBe('EPSG:25832');
    const [sq, l] = out.features;
    expect(sq).toMatchObject({ id: 'kvadrat-asker', name: 'Kvadrat ved Asker stasjon', area_m2: 10000, area_daa: 10, abc: 'A' });
    expect(sq?.jobs_land).toBeCloseTo(23.8, 5);
    expect(sq?.jobs_floor_low).toBe(400);
    expect(sq?.jobs_floor_high).toBe(400);
    expect(sq?.farmland_daa).toBe(5);
    expect(sq?.farmland_daa_by_class).toEqual({ '21': 5, '22': 0, '23': 0 });
    // Every AR5 type is kept beside the farmland classes: the skog polygon covers the whole square.
    expect(sq?.ar5_daa_by_type).toEqual({ '21': 5, '30': 10 });
    expect(sq?.nearest_station?.name).toBe('Asker stasjon');
    expect(sq?.nearest_station?.distance_m).toBeGreaterThan(40);
    expect(sq?.nearest_station?.distance_m).toBeLessThan(50);
    // Spherical area differs from planar UTM by well under 1 %.
    expect(Math.abs((sq?.area_daa_spherical ?? 0) / 10 - 1)).toBeLessThan(0.01);
    expect(l).toMatchObject({ area_m2: 30000, area_daa: 30, jobs_floor_low: 57.6, jobs_floor_high: 144, farmland_daa: 2.5, abc: 'C' });
    expect(l?.jobs_land).toBeCloseTo(71.4, 5);
    expect(l?.ar5_daa_by_type).toEqual({ '22': 2.5 });
    expect(out.totals).toEqual({ area_daa: 40, farmland_daa: 7.5, ar5_daa_by_type: { '21': 5, '22': 2.5, '30': 10 }, jobs_land: 95.2 });
    expect(out.not_areas).toEqual({ lines: 0, points: 0 });
  });

  it('reads degrees without a crs member as EPSG:4326 and says farmland is unknown without a file', () => {
    const r = cli('stats', fixture('omrade-grader.geojson'));
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.crs).toBe('EPSG:4326');
    expect(out.features[0]?.id).toBe('grader');
    expect(out.features[0]?.area_daa).toBeGreaterThan(300);
    expect(out.features[0]?.farmland_daa).toBeNull();
    expect(out.features[0]?.ar5_daa_by_type).toBeNull();
    expect(out.totals.farmland_daa).toBeNull();
    expect(out.totals.ar5_daa_by_type).toBeNull();
  });

  it('accepts --crs for a file in metres without a crs member', () => {
    const r = cli('stats', fixture('meter-uten-crs.geojson'), '--crs', 'EPSG:25832');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Out).features[0]?.area_daa).toBe(10);
  });

  it('prints CSV with --csv', () => {
    const r = cli('stats', fixture('omrader-25832.geojson'), '--csv');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'id,name,area_m2,area_daa,area_daa_spherical,farmland_daa,farmland_daa_21,farmland_daa_22,farmland_daa_23,jobs_land,jobs_floor_low,jobs_floor_high,kategori,abc,abc_fit,nearest_station_name,nearest_station_distance_m'
    );
    expect(lines[1]?.startsWith('kvadrat-asker,Kvadrat ved Asker stasjon,10000,10,')).toBe(true);
    expect(lines).toHaveLength(3);
  });

  it.each([
    ['meter-uten-crs.geojson', 'oppgi --crs'],
    ['bare-ugyldige.geojson', 'null areal'],
    ['ikke-json.geojson', 'ikke gyldig JSON'],
    ['finnes-ikke.geojson', 'finnes ikke']
  ])('refuses %s with exit code 2 and one Norwegian line naming the file', (file, text) => {
    const r = cli('stats', fixture(file));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toContain(text);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(['ikke-json.geojson', 'finnes-ikke.geojson', 'bare-ugyldige.geojson'])('refuses a --farmland file %s (read on the worker thread) with the line the file gives as an area file', (file) => {
    const alone = cli('stats', fixture(file));
    const r = cli('stats', fixture('omrader-25832.geojson'), '--farmland', fixture(file));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(alone.stderr);
    // The area file's own problem comes first, as when the files were read one after the other.
    expect(cli('stats', fixture('finnes-ikke.geojson'), '--farmland', fixture(file)).stderr).toBe('Feil: tests/fixtures/cli/finnes-ikke.geojson: fila finnes ikke.\n');
  });

  it('prints the one Norwegian line from the problem’s code, word for word as before the codes', () => {
    expect(cli('stats', fixture('bare-ugyldige.geojson')).stderr).toBe(
      'Feil: tests/fixtures/cli/bare-ugyldige.geojson: ingen objekter kunne brukes; det første: Objekt «Strek (id strek)»: ring 1 har null areal (alle punktene ligger på en linje).\n'
    );
    expect(cli('stats', 'tests/fixtures/io/sosi/ikke-sosi.sos').stderr).toBe('Feil: tests/fixtures/io/sosi/ikke-sosi.sos: ikke en SOSI-fil (mangler .HODE).\n');
    expect(cli('stats', fixture('finnes-ikke.geojson')).stderr).toBe('Feil: tests/fixtures/cli/finnes-ikke.geojson: fila finnes ikke.\n');
  });

  it('repairs an unclosed ring and a self-intersecting polygon (as GEOS MakeValid, area before and after), and exits 0', () => {
    const repaired = cli('stats', fixture('ugyldig-ring.geojson'));
    expect(repaired.status).toBe(0);
    const a = JSON.parse(repaired.stdout) as Out;
    expect(a.features.map((f) => f.id)).toEqual(['kvadrat-asker', 'apen']);
    expect(a.repaired).toEqual([{ id: 'apen', code: 'ring-closed', what: expect.stringContaining('lukket'), area_m2_before: expect.any(Number), area_m2_after: expect.any(Number), params: {} }]);
    const bowtie = cli('stats', fixture('krysser-seg-selv-og-gyldig.geojson'));
    expect(bowtie.status).toBe(0);
    const b = JSON.parse(bowtie.stdout) as Out;
    // No area is lost: the bow tie's two triangles (2 × 2 500 m²) are kept.
    expect(b.features.map((f) => [f.id, f.area_m2])).toEqual([
      ['god', 10000],
      ['sloyfe', 5000]
    ]);
    expect(b.skipped).toEqual([]);
    expect(b.repaired).toEqual([{ id: 'sloyfe', code: 'made-valid', what: expect.stringContaining('MakeValid'), area_m2_before: 0, area_m2_after: 5000, params: { why: { code: 'io.repair.why.self-intersection', params: {} }, parts: { code: 'io.n.other.part', params: { n: 2 } } } }]);
  });

  it('refuses unknown options and a conflicting --crs', () => {
    expect(cli('stats', fixture('omrader-25832.geojson'), '--tull').status).toBe(2);
    const r = cli('stats', fixture('omrader-25832.geojson'), '--crs', 'EPSG:25833');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('EPSG:25833');
  });
});

describe('npm run cli -- stats with SOSI', () => {
  it('reads a .sos file (ISO 8859-1, KOORDSYS 22) and reports what it skipped', () => {
    const r = cli('stats', 'tests/fixtures/io/sosi/flate-med-hull-iso8859-1.sos');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.crs).toBe('EPSG:25832');
    expect(out.features).toHaveLength(1);
    expect(out.features[0]).toMatchObject({ id: '10', name: 'Åsbråten næringspark, Ærø', area_m2: 9600, kategori: 'kombinert' });
    expect(out.skipped).toEqual([{ id: '11', reason: expect.stringContaining('kurve 99'), code: 'io.sosi.at-line', params: { problem: { code: 'io.sosi.missing-ref', params: { curve: '99' } }, line: expect.any(Number) } }]);
    expect(out.features[0]?.properties).toMatchObject({ OMRÅDENAVN: 'Åsbråten næringspark, Ærø', AREALFORMÅL: 1300, AREALBRUKSSTATUS: 1 });
  });

  it('refuses a file that is not SOSI with exit code 2', () => {
    const r = cli('stats', 'tests/fixtures/io/sosi/ikke-sosi.sos');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('ikke-sosi.sos: ikke en SOSI-fil');
  });
});

describe('npm run cli -- stats with GML', () => {
  it('reads Plan-GML in EPSG:25833 and AR5 GML as farmland', () => {
    const r = cli('stats', 'tests/fixtures/io/gml/kommuneplan-25833.gml', '--farmland', 'tests/fixtures/io/gml/ar5-uten-prefiks.gml');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.crs).toBe('EPSG:25833');
    expect(out.features[0]).toMatchObject({ id: 'kp.1', name: 'Tofte havn & Sætre' });
    // 9 600 m² in EPSG:25833 is slightly different in EPSG:25832 (another UTM zone).
    expect(Math.abs((out.features[0]?.area_m2 ?? 0) / 9600 - 1)).toBeLessThan(0.01);
    expect(out.skipped).toEqual([{ id: 'kp.2', reason: 'objektet har ingen flategeometri', code: 'io.gml.no-surface', params: {} }]);
    expect(out.totals.farmland_daa).toBe(0);
  });
});

describe('npm run cli -- stats with a zipped shapefile', () => {
  it('reads .zip (.shp, .dbf in ISO 8859-1, .prj for EPSG:25832) with Æ/Ø/Å right', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'naering-shp-'));
    const file = path.join(dir, 'kommuneplan.zip');
    const square: [number, number][] = [
      [585000, 6634000],
      [585000, 6634100],
      [585100, 6634100],
      [585100, 6634000],
      [585000, 6634000]
    ];
    writeFileSync(
      file,
      writeZip({
        'kommuneplan.shp': writeShp([[square], null]),
        'kommuneplan.dbf': writeDbf([{ OMRADENAVN: 'Holmen/Ærø næring', AREALFORMA: '1300' }, { OMRADENAVN: 'Tom', AREALFORMA: '1300' }], latin1),
        'kommuneplan.prj': new TextEncoder().encode(PRJ_25832)
      })
    );
    const r = cli('stats', file);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.crs).toBe('EPSG:25832');
    expect(out.features).toHaveLength(1);
    expect(out.features[0]).toMatchObject({ area_m2: 10000, properties: { OMRADENAVN: 'Holmen/Ærø næring', AREALFORMA: '1300' } });
    // The null shape is skipped with a reason, not dropped silently.
    expect(out.skipped).toEqual([{ id: '#2', reason: expect.any(String), code: 'geo.invalid.no-geometry', params: { id: '#2' } }]);
  });
});
