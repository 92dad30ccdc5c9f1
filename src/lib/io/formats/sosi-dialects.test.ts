/**
 * SOSI dialect features, one small hand-written fixture each (tests/fixtures/io/sosi/dialekt/), each
 * compared with its golden `<fixture>.golden.json`. The goldens were written by hand (areas of
 * rectangles, triangles and half discs, counts read off the fixture) and checked against GDAL 3.6.2
 * where GDAL can read the fixture: `/usr/bin/python3 scripts/oracles/sosi-dialect-goldens.py`.
 *
 * A missing golden fails. `REGEN=1 npx vitest run src/lib/io/formats/sosi-dialects.test.ts` writes the
 * goldens from the parser's output (keeping the hand-written notes, tolerances and the choice of
 * properties) — for a new fixture only; check the numbers by hand or with the oracle before keeping them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseSosi, type SosiResult } from './sosi.ts';

const dir = path.resolve(import.meta.dirname, '../../../../tests/fixtures/io/sosi/dialekt');
const regen = process.env.REGEN === '1';

/** Every fixture and the dialect feature it covers. */
const FIXTURES: [file: string, feature: string][] = [
  ['kp-etter-koordinater.sos', 'point attributes after coordinates (...KP 1, ...KVALITET 82) and on a line of their own'],
  ['flere-no-blokker-og-noh.sos', 'several ..NØ blocks in one .KURVE, ..NØH triples, several points per line'],
  ['snudde-kurver-felles-grense.sos', 'reversed curves :-N and -:N, two flates sharing a border'],
  ['ref-over-flere-linjer.sos', '..REF over several lines, a hole across lines, two holes'],
  ['hull-fra-annen-flate.sos', 'a hole given as another .FLATE (an island, (:500))'],
  ['tegnsett-utf8-bom-crlf.sos', 'UTF-8 with BOM and CRLF'],
  ['tegnsett-ansi-crlf.sos', '..TEGNSETT ANSI (Windows-1252), CRLF'],
  ['tegnsett-dosn8.sos', '..TEGNSETT DOSN8 (code page 865)'],
  ['tegnsett-iso8859-10.sos', '..TEGNSETT ISO8859-10'],
  ['tegnsett-nd7.sos', '..TEGNSETT ND7 (7-bit, ..N\\ is ..NØ)'],
  ['tegnsett-utf8-med-iso-etikett.sos', 'UTF-8 bytes under an ISO8859-10 label'],
  ['sosi5-egenskaper.sos', 'SOSI 5.0 quoted codes, repeated, nested and leading-zero attributes'],
  ['sosi4-ar5-egenskaper.sos', 'SOSI 4.5 AR5 names (..ARTYPE 30), ..IDENT/...LOKALID'],
  ['koordsys-23-utm33.sos', 'KOORDSYS 23 → EPSG:25833'],
  ['koordsys-25-utm35.sos', 'KOORDSYS 25 → EPSG:25835'],
  ['koordsys-3-ngo-akse3.sos', 'KOORDSYS 3 → NGO1948 axis III, EPSG:27393'],
  ['koordsys-84-geografisk.sos', 'KOORDSYS 84 → EPSG:4258, ENHET 0.000001'],
  ['koordsys-99-ukjent.sos', 'unknown KOORDSYS 99 → crs null'],
  ['buep-og-sirkelp.sos', '.BUEP arcs (reversed, bulging inward) and a .SIRKELP circle'],
  ['flate-uten-senterpunkt.sos', '.FLATE without a ..NØ centre point'],
  ['kurve-etter-flate.sos', '.KURVE defined after the .FLATE that uses it'],
  ['origo-no-med-enhet-cm.sos', 'non-zero ..ORIGO-NØ with ENHET 0.01'],
  ['ikke-flater-telles.sos', 'curves, points, text and symbols counted as notAreas'],
  ['feil-hoppes-over.sos', 'broken flates skipped with codes (missing-ref, bad-ref, no-ref, bad-coordinate, ref-cycle, repeated-ref)'],
  ['avkuttet-uten-slutt.sos', 'a file cut short without .SLUTT → complete false'],
  ['kommentarer.sos', '! comments, !!!! lines, ! inside quoted strings kept']
];

interface GoldenPolygon {
  sosi_id: string;
  /** The properties checked (each exactly); other properties may be there too. */
  properties: Record<string, unknown>;
  rings: number;
  /** Positions in the GeoJSON outer ring, closing position included; a range for densified arcs. */
  outerVertices: number | { min: number; max: number };
  /** The outer ring's first position, [E, N] in the file's CRS. */
  outerFirst: [number, number];
  /** Planar area in the file's CRS (shoelace: |outer| − Σ|holes|). */
  area: number;
  /** How the area was worked out. */
  areaWhy: string;
  /** Relative tolerance for the area; 1e-6 unless given (arcs: the chords' shortfall). */
  areaTolerance?: number;
}

interface Golden {
  feature: string;
  howMade: string;
  crs: string | null;
  koordsys: number | null;
  encoding: string;
  declaredEncoding: string | null;
  complete: boolean;
  polygons: GoldenPolygon[];
  skipped: { id: string; line: number; code: string }[];
  notAreas: { lines: number; points: number };
  notes: { code: string; count: number }[];
}

/** Shoelace area of a ring, relative to its first vertex (large UTM values lose no precision). */
function shoelace(ring: Position[]): number {
  const [x0, y0] = ring[0] as [number, number];
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i] as [number, number];
    const [bx, by] = ring[i + 1] as [number, number];
    sum += (ax - x0) * (by - y0) - (bx - x0) * (ay - y0);
  }
  return Math.abs(sum / 2);
}

function polygonArea(rings: Position[][]): number {
  const [outer, ...holes] = rings;
  return shoelace(outer ?? []) - holes.reduce((s, h) => s + shoelace(h), 0);
}

/** The parser's result in the golden's shape (properties limited to the ones the golden lists). */
function actualOf(r: SosiResult, golden: Golden | null): Golden {
  return {
    feature: golden?.feature ?? '',
    howMade: golden?.howMade ?? 'REGEN from the parser — check by hand or with scripts/oracles/sosi-dialect-goldens.py',
    crs: r.crs,
    koordsys: r.koordsys,
    encoding: r.encoding,
    declaredEncoding: r.declaredEncoding,
    complete: r.complete,
    polygons: r.features.features.map((f, i) => {
      const want = golden?.polygons[i];
      expect(f.geometry.type).toBe('Polygon');
      const rings = f.geometry.coordinates as Position[][];
      const props = f.properties ?? {};
      const keys = want ? Object.keys(want.properties) : Object.keys(props).filter((k) => k !== 'sosi_id');
      const outer = rings[0] ?? [];
      const n = outer.length;
      return {
        sosi_id: String(props.sosi_id),
        properties: Object.fromEntries(keys.map((k) => [k, props[k]])),
        rings: rings.length,
        outerVertices: want && typeof want.outerVertices === 'object' && n >= want.outerVertices.min && n <= want.outerVertices.max ? want.outerVertices : n,
        outerFirst: outer[0] as [number, number],
        area: polygonArea(rings),
        areaWhy: want?.areaWhy ?? '',
        ...(want?.areaTolerance !== undefined ? { areaTolerance: want.areaTolerance } : {})
      };
    }),
    skipped: r.skipped.map(({ id, line, code }) => ({ id, line, code })),
    notAreas: r.notAreas,
    notes: r.notes
  };
}

const close = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.max(Math.abs(b), Number.MIN_VALUE);

describe('parseSosi: SOSI dialect fixtures against their goldens', () => {
  it('has a table entry for every fixture in the folder', () => {
    const onDisk = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.sos')).sort();
    expect(FIXTURES.map(([f]) => f).sort()).toEqual(onDisk);
  });

  it.each(FIXTURES)('%s — %s', (file) => {
    const goldenPath = path.join(dir, file.replace(/\.sos$/i, '.golden.json'));
    const golden: Golden | null = existsSync(goldenPath) ? JSON.parse(readFileSync(goldenPath, 'utf8')) : null;
    if (!golden && !regen) expect.fail(`golden ${path.basename(goldenPath)} is missing (write it by hand, or REGEN=1 and check it)`);

    const parsed = parseSosi(new Uint8Array(readFileSync(path.join(dir, file))));
    if (!parsed.ok) expect.fail(`parseSosi refused ${file}: ${parsed.error.message}`);
    const r = parsed.result;

    // Every ring is closed, whatever the golden says.
    for (const f of r.features.features) for (const ring of f.geometry.coordinates as Position[][]) expect(ring.at(-1), `ring of flate ${f.properties?.sosi_id} is closed`).toEqual(ring[0]);

    const actual = actualOf(r, golden);
    if (regen) {
      writeFileSync(goldenPath, `${JSON.stringify(actual, null, 2)}\n`);
      return;
    }
    if (!golden) return;

    const { polygons: gotPolys, ...got } = actual;
    const { polygons: wantPolys, ...want } = golden;
    expect(got).toEqual(want);
    expect(gotPolys.map((p) => p.sosi_id), 'polygons (sosi_id, in file order)').toEqual(wantPolys.map((p) => p.sosi_id));
    for (const [i, w] of wantPolys.entries()) {
      const g = gotPolys[i] as GoldenPolygon;
      const { area: gotArea, outerFirst: gotFirst, ...gotRest } = g;
      const { area: wantArea, outerFirst: wantFirst, ...wantRest } = w;
      expect(gotRest, `flate ${w.sosi_id}`).toEqual(wantRest);
      const tol = w.areaTolerance ?? 1e-6;
      expect(close(gotArea, wantArea, tol), `flate ${w.sosi_id}: area ${gotArea} m², golden ${wantArea} (${w.areaWhy}), tolerance ${tol}`).toBe(true);
      expect(
        close(gotFirst[0], wantFirst[0], 1e-12) && close(gotFirst[1], wantFirst[1], 1e-12),
        `flate ${w.sosi_id}: first vertex [${gotFirst}], golden [${wantFirst}]`
      ).toBe(true);
    }
  });
});
