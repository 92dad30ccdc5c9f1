/**
 * CSV cells. Two conventions: {@link csvCell} for machine-readable CSV (the CLI: `,`, «.»), and
 * the Excel ones ({@link csvNumber}, {@link csvText}, {@link excelCsvBytes}) for files people open
 * in a spreadsheet: `;` and a decimal comma for Norwegian Excel, no thousands separator, text that
 * Excel would run as a formula made harmless, and UTF-8 with a byte order mark so Excel reads æøå.
 */

/** One CSV cell: empty for null/undefined, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Separator and decimal mark of a spreadsheet CSV: `nb` (Norwegian Excel) or `en`. */
export interface SpreadsheetCsv {
  sep: ';' | ',';
  decimal: ',' | '.';
}
export const CSV_NB: SpreadsheetCsv = { sep: ';', decimal: ',' };
export const CSV_EN: SpreadsheetCsv = { sep: ',', decimal: '.' };

/** A number as spreadsheet CSV text: `decimals` fixed (null: up to three), no thousands separator, never «-0»; empty when not finite. */
export function csvNumber(value: number, decimals: number | null, f: SpreadsheetCsv): string {
  if (!Number.isFinite(value)) return '';
  let s = decimals === null ? String(Math.round(value * 1000) / 1000) : value.toFixed(decimals);
  if (/^-0(\.0*)?$/.test(s)) s = s.slice(1);
  return f.decimal === '.' ? s : s.replace('.', f.decimal);
}

/**
 * A text as a spreadsheet CSV field: quoted when it holds the separator, a quote, a line break or
 * blanks at either end (quotes doubled, RFC 4180); a text Excel would run as a formula (starting
 * with = + - @, a tab or a carriage return) gets a leading apostrophe first.
 */
export function csvText(s: string, f: SpreadsheetCsv): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return safe.includes(f.sep) || /["\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Lines of fields as CSV text with CRLF line ends (what Excel writes). */
export function csvLines(lines: readonly (readonly string[])[], f: SpreadsheetCsv): string {
  return lines.map((l) => l.join(f.sep)).join('\r\n') + '\r\n';
}

/** The file's bytes: UTF-8 with a byte order mark. */
export function excelCsvBytes(text: string): Uint8Array {
  return new TextEncoder().encode('\uFEFF' + text);
}
