import { formatDecimal } from '../domain/decimal.ts';

/** One row of a feature's properties, ready to show as plain text. */
export interface PropertyRow {
  key: string;
  value: string;
}

/**
 * Turns GeoJSON properties into rows of plain text (never HTML): strings as they are, numbers with
 * a decimal comma and no grouping (they may be codes), booleans as ja/nei, null as «–», objects as JSON.
 */
export function propertyRows(properties: Record<string, unknown> | null | undefined): PropertyRow[] {
  if (!properties) return [];
  return Object.entries(properties).map(([key, v]) => ({ key, value: formatValue(v) }));
}

function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'string') return v;
  // Numbers as written (codes like arealformål 1300 must not get thousands separators), decimal comma.
  if (typeof v === 'number') return formatDecimal(v);
  if (typeof v === 'boolean') return v ? 'ja' : 'nei';
  return JSON.stringify(v);
}

/** The best human-readable title of a feature: its name, else its id. */
export function featureTitle(properties: Record<string, unknown> | null | undefined, fallback: string): string {
  for (const key of ['navn', 'name', 'kommunenavn', 'omrade']) {
    const v = properties?.[key];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return fallback;
}
