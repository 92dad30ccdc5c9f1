/** One CSV cell: empty for null/undefined, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
