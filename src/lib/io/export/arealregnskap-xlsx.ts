// The arealregnskap as an Excel workbook (write-excel-file, its `universal` build: the same code
// gives a Blob in the browser and in Node): one sheet per table, numbers as numeric cells with
// number formats, the demo label on every sheet where the data are demo data, and a sheet of
// sources and assumptions. Same layout as the CSV (arealregnskap-report.ts).
import writeExcelFile, { type Cell, type Row, type Sheet } from 'write-excel-file/universal';
import type { Arealregnskap } from '../../domain/arealregnskap.ts';
import { t, type Lang } from '../../i18n/messages.ts';
import { reportLayout, SHEETS, type NumberKind, type ReportBlock, type ReportCell } from './arealregnskap-report.ts';

/** The Excel number format of each kind: daa with a thousands separator and one decimal, and so on. */
export const XLSX_FORMATS: Record<NumberKind, string | undefined> = {
  daa: '#,##0.0',
  pct: '0.0',
  dec1: '0.0',
  int: '#,##0',
  plain: undefined
};

/** The MIME type of the workbook. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const bold = (value: string): Cell => ({ value, fontWeight: 'bold' });

function cell(c: ReportCell, total: boolean): Cell {
  if (c === null) return null;
  if (typeof c === 'string') return total ? bold(c) : c;
  if (!Number.isFinite(c.value)) return null;
  // Stored to the m² (0.001 daa) so sums in Excel carry no float noise; shown by the format.
  const value = Math.round(c.value * 1000) / 1000;
  const format = XLSX_FORMATS[c.kind];
  return { value, type: Number, ...(format ? { format } : {}), ...(total ? { fontWeight: 'bold' as const } : {}) };
}

function blockRows(b: ReportBlock): Row[] {
  const rows: Row[] = [[bold(b.title)], ...b.notes.map((n) => [n])];
  if (b.header.length) rows.push(b.header.map((h) => ({ value: h, fontWeight: 'bold' as const, wrap: true })));
  b.rows.forEach((r, i) => rows.push(r.map((c) => cell(c, i >= b.rows.length - b.totalRows))));
  return rows;
}

/** The sheets of the workbook in a language (exported for tests and for a preview). */
export function arealregnskapSheets(r: Arealregnskap, lang: Lang): Sheet<Blob>[] {
  const layout = reportLayout(r, lang);
  const top: Row[] = [
    [{ value: layout.title, fontWeight: 'bold', fontSize: 14 }],
    ...layout.preamble.map((p): Row => [p === t(lang, 'investor.demo') ? { value: p, fontWeight: 'bold', textColor: '#b00020' } : p])
  ];
  // A sheet without tables (the plan versions, when there is no earlier version) is left out.
  return SHEETS.filter((sheet) => layout.blocks.some((b) => b.sheet === sheet)).map((sheet) => {
    const data: Row[] = [...top];
    for (const b of layout.blocks.filter((x) => x.sheet === sheet)) data.push([], ...blockRows(b));
    const width = Math.max(1, ...data.map((row) => row.length));
    return {
      data,
      sheet: t(lang, `arealregnskap.sheet.${sheet}`),
      columns: Array.from({ length: width }, (_, i) => ({ width: i === 0 ? 48 : 20 }))
    };
  });
}

/** The workbook of the report in a language, as .xlsx bytes. */
export async function arealregnskapXlsx(r: Arealregnskap, lang: Lang): Promise<Uint8Array> {
  const blob = await writeExcelFile(arealregnskapSheets(r, lang)).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
