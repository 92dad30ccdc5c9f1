/**
 * Reads a number typed the Norwegian way: decimal comma («1,5») or decimal point («1.5»),
 * surrounding blanks ignored. Returns null for an empty field, and NaN for text that is not a
 * number (so the caller can tell «left empty» from «not a number»). Only the first comma is read
 * as the decimal sign; thousands separators are not accepted.
 */
export function parseDecimal(text: string): number | null {
  const s = text.trim().replace(',', '.');
  return s === '' ? null : Number(s);
}

/** A number as a form field shows it, with a decimal comma (`1.5` → «1,5»). */
export function formatDecimal(value: number): string {
  return String(value).replace('.', ',');
}
