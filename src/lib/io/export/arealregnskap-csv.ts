// The arealregnskap as one CSV file for Excel: UTF-8 with a byte order mark (so Excel reads æøå),
// `;` between fields and a decimal comma (Norwegian Excel), CRLF line ends, and the tables one after
// the other, each with a title row, its notes, a header row with units and its rows, separated by a
// blank line. Numbers are plain numbers (no thousands separator); daa and % with one decimal.
import type { Arealregnskap } from '../../domain/arealregnskap.ts';
import type { Lang } from '../../i18n/messages.ts';
import { CSV_EN, CSV_NB, csvLines, csvNumber, csvText, excelCsvBytes, type SpreadsheetCsv } from '../csv.ts';
import { CELL_DECIMALS, reportLayout, type ReportCell } from './arealregnskap-report.ts';

/** Number conventions: `nb` (`;` and decimal comma, the default: Norwegian Excel) or `en` (`,` and decimal point). */
export interface CsvOptions {
  format?: 'nb' | 'en';
}

function field(c: ReportCell, f: SpreadsheetCsv): string {
  if (c === null) return '';
  if (typeof c === 'string') return csvText(c, f);
  return csvNumber(c.value, CELL_DECIMALS[c.kind], f);
}

/** The CSV text (without the byte order mark) of the report in a language. */
export function arealregnskapCsvText(r: Arealregnskap, lang: Lang, options: CsvOptions = {}): string {
  const f = options.format === 'en' ? CSV_EN : CSV_NB;
  const layout = reportLayout(r, lang);
  const lines: string[][] = [[csvText(layout.title, f)], ...layout.preamble.map((p) => [csvText(p, f)])];
  for (const b of layout.blocks) {
    lines.push([''], [csvText(b.title, f)], ...b.notes.map((n) => [csvText(n, f)]));
    if (b.header.length) lines.push(b.header.map((h) => csvText(h, f)));
    for (const row of b.rows) lines.push(row.map((c) => field(c, f)));
  }
  return csvLines(lines, f);
}

/** The CSV file of the report in a language: UTF-8 bytes with a byte order mark. */
export function arealregnskapCsv(r: Arealregnskap, lang: Lang, options: CsvOptions = {}): Uint8Array {
  return excelCsvBytes(arealregnskapCsvText(r, lang, options));
}
