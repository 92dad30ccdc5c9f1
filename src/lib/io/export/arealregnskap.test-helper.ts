// Readers for the tests of the arealregnskap exports: a CSV parser (RFC 4180 quoting) and an .xlsx
// reader (the zip through io/formats/zip.ts, the sheet XML by regular expressions: enough for the
// plain XML write-excel-file writes).
import { listZip, readZipEntries } from '../formats/zip.ts';

/** Parses CSV text into rows of fields (quoted fields may hold the separator, quotes and line breaks). */
export function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A cell read back from a sheet: a number (a numeric cell, no `t` attribute) or a text (shared string). */
export type XlsxCell = { kind: 'n'; value: number; style: number | null } | { kind: 's'; value: string };

/** A sheet read back: its name, its rows (by 1-based row number; cells by 0-based column) and its XML. */
export interface XlsxSheet {
  name: string;
  rows: Map<number, Map<number, XlsxCell>>;
  xml: string;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function column(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

/** Reads an .xlsx: its files, the sheets with their cells, and the number formats of styles.xml by style index. */
export async function readXlsx(bytes: Uint8Array): Promise<{ files: Map<string, string>; sheets: XlsxSheet[]; formatOfStyle: (s: number | null) => string | null }> {
  const listing = listZip(bytes);
  if (!listing.ok) throw new Error(`not a zip: ${listing.problem.code}`);
  const read = await readZipEntries(bytes, listing.entries);
  if (!read.ok) throw new Error(`zip not readable: ${read.problem.code}`);
  const files = new Map(listing.entries.map((e, i) => [e.name, new TextDecoder().decode(read.files[i])]));
  const shared = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescape([...(m[1] as string).matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((x) => x[1]).join(''))
  );
  const workbook = files.get('xl/workbook.xml') ?? '';
  const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => unescape(m[1] as string));
  const sheets = names.map((name, i): XlsxSheet => {
    const xml = files.get(`xl/worksheets/sheet${i + 1}.xml`) ?? '';
    const rows = new Map<number, Map<number, XlsxCell>>();
    for (const m of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = m[3] as string;
      const v = /<v>([\s\S]*?)<\/v>/.exec(m[4] ?? '')?.[1];
      if (v === undefined) continue;
      const t = /\bt="(\w+)"/.exec(attrs)?.[1];
      const s = /\bs="(\d+)"/.exec(attrs)?.[1];
      const cell: XlsxCell = t === 's' ? { kind: 's', value: shared[Number(v)] ?? '' } : { kind: 'n', value: Number(v), style: s === undefined ? null : Number(s) };
      const r = Number(m[2]);
      if (!rows.has(r)) rows.set(r, new Map());
      rows.get(r)?.set(column(m[1] as string), cell);
    }
    return { name, rows, xml };
  });
  const styles = files.get('xl/styles.xml') ?? '';
  const numFmts = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [Number(m[1]), unescape(m[2] as string)]));
  const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b([^>]*)>/g)].map((m) => /numFmtId="(\d+)"/.exec(m[1] as string)?.[1]);
  const formatOfStyle = (s: number | null) => {
    const id = s === null ? undefined : xfs[s];
    return id === undefined ? null : (numFmts.get(Number(id)) ?? null);
  };
  return { files, sheets, formatOfStyle };
}
