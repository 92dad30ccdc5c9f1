/**
 * The CSV export of the arealregnskap, byte for byte against goldens in tests/fixtures/arealregnskap/
 * (the hand-made dataset of domain/arealregnskap.test-helper.ts, whose figures are checked by hand in
 * domain/arealregnskap.test.ts). A missing golden fails. `REGEN=1 npx vitest run
 * src/lib/io/export/arealregnskap-csv.test.ts` rewrites them: review the diff before keeping it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { arealregnskap, type ArealregnskapInput } from '../../domain/arealregnskap.ts';
import { ar5, changes, planAreas } from '../../domain/arealregnskap.test-helper.ts';
import { defaultNorms } from '../../domain/norms.ts';
import { areaPlanarM2 } from '../../geo/area.ts';
import { applyScenario } from '../../scenario/scenario.ts';
import { arealregnskapCsv, arealregnskapCsvText } from './arealregnskap-csv.ts';
import { parseCsv } from './arealregnskap.test-helper.ts';

const dir = path.resolve(import.meta.dirname, '../../../../tests/fixtures/arealregnskap');

function report(withScenario = true) {
  const base = planAreas();
  const cs = changes();
  const input: ArealregnskapInput = {
    planAreas: base,
    ar5: ar5(),
    scenario: withScenario ? { navn: 'Test; «med» "sitat"', changes: cs, ...applyScenario(base, cs, (a) => areaPlanarM2(a.geometry)) } : null,
    norms: defaultNorms(),
    demo: true
  };
  return arealregnskap(input);
}

/** The golden bytes of a file; with REGEN=1 written from `actual` first. */
function golden(name: string, actual: Uint8Array): Uint8Array {
  const file = path.join(dir, name);
  if (process.env.REGEN === '1') {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, actual);
  }
  if (!existsSync(file)) throw new Error(`Fasiten ${file} finnes ikke; lag den med REGEN=1 og kontroller den før den sjekkes inn.`);
  return new Uint8Array(readFileSync(file));
}

describe('arealregnskap CSV', () => {
  it('is exactly the golden file (nb, with a scenario and demo data)', () => {
    const bytes = arealregnskapCsv(report(), 'nb');
    expect(new TextDecoder().decode(bytes)).toBe(new TextDecoder().decode(golden('arealregnskap.nb.csv', bytes)));
  });

  it('is exactly the golden file (en, no scenario)', () => {
    const bytes = arealregnskapCsv(report(false), 'en');
    expect(new TextDecoder().decode(bytes)).toBe(new TextDecoder().decode(golden('arealregnskap.en.csv', bytes)));
  });

  it('is UTF-8 with a byte order mark, CRLF line ends, «;» between fields and a decimal comma', () => {
    const bytes = arealregnskapCsv(report(), 'nb');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFFArealregnskap for næringsareal\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(text.slice(1), ';');
    const sum = rows.find((r) => r[0] === 'Sum' && r.length === 9);
    // Reserve: Sum; 40; 5; 2.5; 32.5 (current plan) and 30; 5; 2.5; 22.5 (scenario): numbers, no thousands separator.
    expect(sum).toEqual(['Sum', '40,0', '5,0', '2,5', '32,5', '30,0', '5,0', '2,5', '22,5']);
    expect(rows).toContainEqual([
      'Område',
      'Framtidig næringsareal, gjeldende plan (daa)',
      'Bebygd, AR5 11, gjeldende plan (daa)',
      'Samferdsel, AR5 12, gjeldende plan (daa)',
      'Reserve, gjeldende plan (daa)',
      'Framtidig næringsareal, scenario (daa)',
      'Bebygd, AR5 11, scenario (daa)',
      'Samferdsel, AR5 12, scenario (daa)',
      'Reserve, scenario (daa)'
    ]);
  });

  it('quotes the separator and quotes, and defuses texts Excel would run as a formula', () => {
    const text = arealregnskapCsvText(report(), 'nb');
    expect(text).toContain('"Scenario: Test; «med» ""sitat"""\r\n');
    expect(text).toContain(`"'=Til bolig; ""B"""`);
    const rows = parseCsv(text, ';');
    expect(rows.find((r) => r[1]?.includes('Til bolig'))?.slice(0, 4)).toEqual(['7', `'=Til bolig; "B"`, 'Avgang (omdisponert til bolig)', 'Tofte 2 (B)']);
    // Every row of a table has as many fields as its header.
    let width = 0;
    for (const r of rows) {
      if (r.length > 1) {
        if (width === 0) width = r.length;
        expect(r.length).toBe(width);
      } else width = 0;
    }
  });

  it('writes «,» and «.» on request (English Excel)', () => {
    const rows = parseCsv(arealregnskapCsvText(report(), 'en', { format: 'en' }), ',');
    expect(rows.find((r) => r[0] === 'Total' && r.length === 9)).toEqual(['Total', '40.0', '5.0', '2.5', '32.5', '30.0', '5.0', '2.5', '22.5']);
  });
});
