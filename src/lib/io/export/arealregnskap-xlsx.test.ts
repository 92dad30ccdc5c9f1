/**
 * The Excel export of the arealregnskap, read back (the zip with io/formats/zip.ts, the sheet XML by
 * hand): one sheet per table, numeric cells with number formats, the demo label and the sources sheet;
 * and the CSV, the workbook and the tables agree to 0.1 daa.
 */
import { describe, expect, it } from 'vitest';
import { arealregnskap, type Arealregnskap, type ArealregnskapInput } from '../../domain/arealregnskap.ts';
import { ar5, changes, planAreas, rect } from '../../domain/arealregnskap.test-helper.ts';
import { defaultNorms } from '../../domain/norms.ts';
import { areaPlanarM2 } from '../../geo/area.ts';
import { applyScenario } from '../../scenario/scenario.ts';
import { arealregnskapCsvText } from './arealregnskap-csv.ts';
import { reportLayout } from './arealregnskap-report.ts';
import { arealregnskapXlsx, XLSX_FORMATS } from './arealregnskap-xlsx.ts';
import { parseCsv, readXlsx, type XlsxCell, type XlsxSheet } from './arealregnskap.test-helper.ts';

function report(opts: { scenario?: boolean; demo?: boolean } = {}): Arealregnskap {
  const base = planAreas();
  const cs = changes();
  const input: ArealregnskapInput = {
    planAreas: base,
    ar5: ar5(),
    scenario: opts.scenario === false ? null : { navn: 'Test', changes: cs, ...applyScenario(base, cs, (a) => areaPlanarM2(a.geometry)) },
    norms: defaultNorms(),
    demo: opts.demo ?? true
  };
  return arealregnskap(input);
}

/** The row of a sheet whose first cell is `label`, after the first row whose first cell is `after`. */
function rowOf(sheet: XlsxSheet, label: string, after?: string): XlsxCell[] {
  const rows = [...sheet.rows.entries()].sort((a, b) => a[0] - b[0]);
  const start = after === undefined ? 0 : rows.findIndex(([, r]) => r.get(0)?.value === after);
  const hit = rows.slice(Math.max(0, start)).find(([, r]) => r.get(0)?.value === label);
  if (!hit) throw new Error(`no row «${label}» in ${sheet.name}`);
  const width = Math.max(...hit[1].keys()) + 1;
  return Array.from({ length: width }, (_, i) => hit[1].get(i) ?? { kind: 's', value: '' });
}

const numbers = (cells: XlsxCell[]) => cells.slice(1).map((c) => (c.kind === 'n' ? c.value : null));

describe('arealregnskap Excel workbook', () => {
  it('has one sheet per table and a sheet of sources and assumptions, named in the language', async () => {
    const nb = await readXlsx(await arealregnskapXlsx(report(), 'nb'));
    expect(nb.sheets.map((s) => s.name)).toEqual(['Arealreserve', 'Endringer', 'Per arealformål', 'Arealkvaliteter', 'Arbeidsplasser', 'Kilder og forutsetninger']);
    const en = await readXlsx(await arealregnskapXlsx(report(), 'en'));
    expect(en.sheets.map((s) => s.name)).toEqual(['Land reserve', 'Changes', 'By land-use purpose', 'Land qualities', 'Jobs', 'Sources and assumptions']);
  });

  it('writes numbers as numeric cells with number formats (daa «#,##0.0»)', async () => {
    const x = await readXlsx(await arealregnskapXlsx(report(), 'nb'));
    const reserve = x.sheets[0] as XlsxSheet;
    const sum = rowOf(reserve, 'Sum');
    expect(numbers(sum)).toEqual([40, 5, 2.5, 32.5, 30, 5, 2.5, 22.5]);
    for (const c of sum.slice(1)) {
      expect(c.kind).toBe('n');
      if (c.kind === 'n') expect(x.formatOfStyle(c.style)).toBe(XLSX_FORMATS.daa);
    }
    // In the XML: a numeric cell has no t="s" (e.g. <c r="B12" s="…"><v>32.5</v></c>).
    expect(reserve.xml).toMatch(/<c r="E\d+"(?: s="\d+")?><v>32\.5<\/v><\/c>/);
    const jobs = x.sheets[4] as XlsxSheet;
    const capacity = rowOf(jobs, 'Kapasitet etter planens norm (arbeidsplasser)');
    expect(numbers(capacity)).toEqual([95, 71]);
    expect(capacity[1]?.kind === 'n' && x.formatOfStyle(capacity[1].style)).toBe(XLSX_FORMATS.int);
    const land = x.sheets[3] as XlsxSheet;
    expect(numbers(rowOf(land, 'Fulldyrka jord (21)'))).toEqual([10, 25, 10, 33.333]);
  });

  it('labels demo data on every sheet, and not otherwise', async () => {
    const demo = await readXlsx(await arealregnskapXlsx(report(), 'nb'));
    for (const s of demo.sheets) expect([...s.rows.values()].some((r) => r.get(0)?.value === 'Demodata – ikke offisielt plankart'), s.name).toBe(true);
    const real = await readXlsx(await arealregnskapXlsx(report({ demo: false }), 'nb'));
    for (const s of real.sheets) expect([...s.rows.values()].some((r) => r.get(0)?.value === 'Demodata – ikke offisielt plankart'), s.name).toBe(false);
  });

  it('has the sources with their quotations, and the jobs statement', async () => {
    const x = await readXlsx(await arealregnskapXlsx(report(), 'nb'));
    const sources = x.sheets[5] as XlsxSheet;
    const brutto = rowOf(sources, 'Brutto areal per arbeidsplass (m²)');
    expect(brutto.map((c) => c.value)).toEqual(['Brutto areal per arbeidsplass (m²)', 'Planens tall', 420, '', 'nei', 'Temaplan næring 2020–2032, høringsforslag (Asker kommune)', '5.9.2 Arealer og arealbestemmelser', 'Hver arbeidsplass beslaglegger brutto 420 kvm flateareal.']);
    const jobs = x.sheets[4] as XlsxSheet;
    const texts = [...jobs.rows.values()].map((r) => r.get(0)?.value);
    expect(texts).toContain('Kapasiteten i framtidige områder, 71 arbeidsplasser, dekker 0–0\u00a0% av målet på 15\u00a0000–20\u00a0000 nye arbeidsplasser på 20 år (0 år ved 500 per år).');
  });

  it('without a scenario: the change sheets say so, the other sheets have one side', async () => {
    const x = await readXlsx(await arealregnskapXlsx(report({ scenario: false }), 'nb'));
    const change = x.sheets[1] as XlsxSheet;
    expect([...change.rows.values()].some((r) => r.get(0)?.value === 'Velg et scenario for å se tilgang og avgang av næringsareal.')).toBe(true);
    expect(numbers(rowOf(x.sheets[0] as XlsxSheet, 'Sum'))).toEqual([40, 5, 2.5, 32.5]);
  });
});

describe('the CSV, the workbook and the tables agree', () => {
  it('every number of every table is the same in the CSV (to 0.05) and the workbook (to 0.001)', async () => {
    const r = report();
    const layout = reportLayout(r, 'nb');
    const csv = parseCsv(arealregnskapCsvText(r, 'nb'), ';');
    const x = await readXlsx(await arealregnskapXlsx(r, 'nb'));
    let checked = 0;
    for (const b of layout.blocks) {
      // The CSV block starts at its title row; the workbook block on its sheet likewise.
      const csvStart = csv.findIndex((row) => row.length === 1 && row[0] === b.title);
      const sheet = x.sheets.find((s) => [...s.rows.values()].some((row) => row.get(0)?.value === b.title)) as XlsxSheet;
      const xlsxStart = [...sheet.rows.entries()].find(([, row]) => row.get(0)?.value === b.title)?.[0] as number;
      const offset = 1 + b.notes.length + (b.header.length ? 1 : 0);
      b.rows.forEach((row, i) => {
        row.forEach((c, j) => {
          if (c === null || typeof c === 'string') return;
          const fromCsv = Number((csv[csvStart + offset + i]?.[j] ?? '').replace(',', '.'));
          const cell = sheet.rows.get(xlsxStart + offset + i)?.get(j);
          expect(Math.abs(fromCsv - c.value), `${b.id} ${i},${j} csv`).toBeLessThanOrEqual(0.05 + 1e-9);
          expect(cell?.kind, `${b.id} ${i},${j} xlsx`).toBe('n');
          expect(Math.abs((cell?.value as number) - c.value), `${b.id} ${i},${j} xlsx`).toBeLessThanOrEqual(0.001);
          checked++;
        });
      });
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('the layout carries the tables\' figures (reserve, change, land, jordvern, jobs) to 0.1 daa', () => {
    const r = report();
    const blocks = Object.fromEntries(reportLayout(r, 'nb').blocks.map((b) => [b.id, b]));
    const nums = (id: string, i: number) => (blocks[id]?.rows[i] ?? []).flatMap((c) => (c !== null && typeof c !== 'string' ? [c.value] : []));
    const close = (a: number[], b: number[]) => {
      expect(a).toHaveLength(b.length);
      a.forEach((v, i) => expect(Math.abs(v - (b[i] as number))).toBeLessThanOrEqual(0.1));
    };
    r.reserve.rows.forEach((row, i) => close(nums('reserve', i), [row.baseline, row.scenario].flatMap((f) => (f ? [f.framtidigDaa, f.bebygdDaa, f.samferdselDaa, f.reserveDaa] : []))));
    const t = r.change?.total;
    close(nums('change', r.change?.lines.length ?? 0), [t?.tilgangDaa ?? NaN, t?.avgangDaa ?? NaN, t?.tilbakefortLnfDaa ?? NaN, t?.nettoDaa ?? NaN]);
    r.change?.byFormal.forEach((row, i) => close(nums('byFormal', i), [row.baselineDaa, row.tilgangDaa, row.avgangDaa, row.tilbakefortLnfDaa, row.nettoDaa, row.scenarioDaa]));
    r.land.rows.forEach((row, i) => close(nums('land', i), [row.baseline.daa, row.baseline.sharePct, row.scenario?.daa ?? NaN, row.scenario?.sharePct ?? NaN]));
    close(nums('jordvern', 0), [r.land.jordvern.baseline.farmlandDaa, r.land.jordvern.scenario?.farmlandDaa ?? NaN]);
    close(nums('jobs', 1), [r.jobs.baseline.capacityLand, r.jobs.scenario?.capacityLand ?? NaN]);
  });
});

describe('table 5, plan versions: the model, the CSV and the workbook agree', () => {
  // An earlier version: A was 10 daa smaller (0.2 ha added since, framtidig), B was framtidig
  // (realised since), C was not there (added since), and E (Vollen) has gone.
  const E = { ...planAreas()[0]!, id: 'E', navn: 'Vollen', omrade: 'Vollen', status: 2 as const, geometry: rect(600, 0, 650, 100) };
  const older = () => {
    const [a, b, , d] = planAreas();
    return [{ ...a!, geometry: rect(0, 0, 100, 100) }, { ...b!, status: 2 as const }, d!, E];
  };
  const withVersion = () =>
    arealregnskap({ planAreas: planAreas(), ar5: ar5(), scenario: null, norms: defaultNorms(), demo: true, versions: { old: { label: 'Plan 2015', planAreas: older() }, new: { label: 'Plan i bruk', planAreas: planAreas() } } });

  it('gives tilgang, avgang and realised in daa by hand', () => {
    const v = withVersion().versions;
    expect(v?.total).toEqual({ tilgangDaa: 20, avgangDaa: 5, nettoDaa: 15, realisertDaa: 10 });
    expect(v?.byOmrade.map((g) => [g.omrade, g.tilgangDaa, g.avgangDaa, g.realisertDaa])).toEqual([
      ['Nesbru', 10, 0, 0],
      ['Tofte', 10, 0, 10],
      ['Vollen', 0, 5, 0]
    ]);
    // Per arealformål and status: C came as 1160 framtidig, A grew and E went as 1300 framtidig, B was realised (1300 nåværende now).
    expect(v?.byFormal.map((f) => [f.arealformal, f.status, f.tilgangDaa, f.avgangDaa, f.nettoDaa, f.realisertDaa])).toEqual([
      [1160, 2, 10, 0, 10, 0],
      [1300, 1, 0, 0, 0, 10],
      [1300, 2, 10, 5, 5, 0]
    ]);
    expect(arealregnskap({ planAreas: planAreas(), ar5: ar5(), scenario: null, norms: defaultNorms(), demo: true }).versions).toBeNull();
  });

  it('the CSV block and the «Planversjoner» sheet carry the same figures', async () => {
    const r = withVersion();
    const csv = parseCsv(arealregnskapCsvText(r, 'nb'), ';');
    const sum = csv.find((row) => row[0] === 'Sum' && row.length === 5 && row[4] === '10,0');
    expect(sum).toEqual(['Sum', '20,0', '5,0', '15,0', '10,0']);
    const book = await readXlsx(await arealregnskapXlsx(r, 'nb'));
    const sheet = book.sheets.find((s) => s.name === 'Planversjoner');
    expect(sheet).toBeDefined();
    expect(numbers(rowOf(sheet as XlsxSheet, 'Vollen'))).toEqual([0, 5, -5, 0]);
    // Without an earlier version there is no such sheet.
    const none = await readXlsx(await arealregnskapXlsx(report({ scenario: false }), 'nb'));
    expect(none.sheets.map((s) => s.name)).not.toContain('Planversjoner');
  });
});
