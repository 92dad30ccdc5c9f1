// The arealregnskap as one CSV file for Excel: UTF-8 with a byte order mark (so Excel reads æøå),
// `;` between fields and a decimal comma (Norwegian Excel), CRLF line ends, and the tables one after
// the other, each with a title row, its notes, a header row with units and its rows, separated by a
// blank line. Numbers are plain numbers (no thousands separator); daa and % with one decimal.
import type { Arealregnskap } from '../../domain/arealregnskap.ts';
import type { Lang } from '../../i18n/messages.ts';
import { CELL_DECIMALS, reportLayout, type NumberKind, type ReportCell } from './arealregnskap-report.ts';

/** Number conventions: `nb` (`;` and decimal comma, the default: Norwegian Excel) or `en` (`,` and decimal point). */
export interface CsvOptions {
  format?: 'nb' | 'en';
}

/** A number as CSV text: fixed decimals by kind (`plain`: up to three), no thousands separator. */
function numberText(value: number, kind: NumberKind, decimal: string): string {
  if (!Number.isFinite(value)) return '';
  const d = CELL_DECIMALS[kind];
  let s = d === null ? String(Math.round(value * 1000) / 1000) : value.toFixed(d);
  if (/^-0(\.0*)?$/.test(s)) s = s.slice(1);
  return decimal === '.' ? s : s.replace('.', decimal);
}

/**
 * A text as a CSV field: quoted when it holds the separator, a quote, a line break or blanks at
 * either end (quotes doubled, RFC 4180); a text Excel would run as a formula (starting with = + - @,
 * a tab or a carriage return) gets a leading apostrophe first.
 */
function textField(s: string, sep: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return safe.includes(sep) || /["\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function field(c: ReportCell, sep: string, decimal: string): string {
  if (c === null) return '';
  if (typeof c === 'string') return textField(c, sep);
  return numberText(c.value, c.kind, decimal);
}

/** The CSV text (without the byte order mark) of the report in a language. */
export function arealregnskapCsvText(r: Arealregnskap, lang: Lang, options: CsvOptions = {}): string {
  const sep = options.format === 'en' ? ',' : ';';
  const decimal = options.format === 'en' ? '.' : ',';
  const layout = reportLayout(r, lang);
  const lines: string[] = [textField(layout.title, sep), ...layout.preamble.map((p) => textField(p, sep))];
  for (const b of layout.blocks) {
    lines.push('', textField(b.title, sep), ...b.notes.map((n) => textField(n, sep)));
    if (b.header.length) lines.push(b.header.map((h) => textField(h, sep)).join(sep));
    for (const row of b.rows) lines.push(row.map((c) => field(c, sep, decimal)).join(sep));
  }
  return lines.join('\r\n') + '\r\n';
}

/** The CSV file of the report in a language: UTF-8 bytes with a byte order mark. */
export function arealregnskapCsv(r: Arealregnskap, lang: Lang, options: CsvOptions = {}): Uint8Array {
  return new TextEncoder().encode('\uFEFF' + arealregnskapCsvText(r, lang, options));
}
