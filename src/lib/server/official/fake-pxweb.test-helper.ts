/**
 * A fake SSB PxWebApi v2 on loopback for the tests (no test reaches the internet). It speaks the
 * protocol the proxy uses: `GET …/tables/13472/metadata?outputFormat=json-stat2` gives the table's
 * dimensions with `extension.elimination`, `GET …/tables/13472/data?valueCodes[…]=…` gives a
 * JSON-stat2 dataset of the chosen categories (dimensions left out are eliminated and gone from
 * the answer, as in PxWebApi; a dimension that may not be left out gives 400). Asker's figures are
 * under 3025 for 2020–2023 and under 3203 from 2024, as in SSB's tables. It counts requests, can
 * be slowed, and closed (offline).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The fake's jobs in Asker by year (the series the chart must show). */
export const FAKE_SSB_SERIES: readonly { year: number; jobs: number }[] = [
  { year: 2020, jobs: 40_000 },
  { year: 2021, jobs: 40_700 },
  { year: 2022, jobs: 41_600 },
  { year: 2023, jobs: 42_100 },
  { year: 2024, jobs: 42_650 }
];

const YEARS = ['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024'];

interface Dim {
  id: string;
  label: string;
  cats: [string, string][];
  elimination: boolean;
}

const DIMS: Dim[] = [
  { id: 'Region', label: 'region', cats: [['0301', 'Oslo'], ['3025', 'Asker (2020-2023)'], ['3203', 'Asker'], ['0220', 'Asker (-2019)']], elimination: true },
  { id: 'NACE2007', label: 'næring (SN2007)', cats: [['00-99', 'Alle næringer'], ['45-47', 'Varehandel'], ['62-63', 'Informasjon og kommunikasjon']], elimination: true },
  { id: 'Kjonn', label: 'kjønn', cats: [['1', 'Menn'], ['2', 'Kvinner'], ['0', 'Begge kjønn']], elimination: false },
  { id: 'ContentsCode', label: 'statistikkvariabel', cats: [['Sysselsatte', 'Sysselsatte personer']], elimination: false },
  { id: 'Tid', label: 'år', cats: YEARS.map((y) => [y, y]), elimination: false }
];

/** The figure for one cell: Asker's series under the code valid that year, Oslo something, other cells less. */
function cell(codes: Record<string, string>): number | null {
  const year = Number(codes.Tid);
  let v: number | null = null;
  if (codes.Region === '0301') v = 400_000 + (year - 2015) * 5000;
  else if (codes.Region === '0220') v = year < 2020 ? 30_000 + (year - 2015) * 300 : null;
  else {
    const s = FAKE_SSB_SERIES.find((x) => x.year === year);
    const valid = codes.Region === '3203' ? year >= 2024 : year >= 2020 && year <= 2023;
    v = s && valid ? s.jobs : null;
  }
  if (v === null) return null;
  if (codes.NACE2007 && codes.NACE2007 !== '00-99') v = Math.round(v / 10);
  if (codes.Kjonn && codes.Kjonn !== '0') v = Math.round(v / 2);
  return v;
}

function dataset(dims: Dim[], withValues: boolean) {
  const out: Record<string, unknown> = {
    version: '2.0',
    class: 'dataset',
    label: '13472: Sysselsatte per 4. kvartal, etter region, næring (SN2007), kjønn, statistikkvariabel og år',
    source: 'Statistisk sentralbyrå',
    updated: '2025-06-20T06:00:00Z',
    id: dims.map((d) => d.id),
    size: dims.map((d) => d.cats.length),
    role: { time: ['Tid'], geo: ['Region'], metric: ['ContentsCode'] },
    dimension: Object.fromEntries(
      dims.map((d) => [
        d.id,
        { label: d.label, category: { index: Object.fromEntries(d.cats.map(([c], i) => [c, i])), label: Object.fromEntries(d.cats) }, extension: { elimination: d.elimination } }
      ])
    ),
    value: [] as (number | null)[]
  };
  if (withValues) {
    const value: (number | null)[] = [];
    const walk = (i: number, codes: Record<string, string>) => {
      const d = dims[i];
      if (!d) return void value.push(cell(codes));
      for (const [c] of d.cats) walk(i + 1, { ...codes, [d.id]: c });
    };
    walk(0, {});
    out.value = value;
    out.status = Object.fromEntries(value.flatMap((v, i) => (v === null ? [[String(i), '..']] : [])));
  }
  return out;
}

export interface FakePxWeb {
  /** The API base (as `SSB_API_URL`), ending in `/`. */
  url: string;
  hits: string[];
  delayMs: number;
  close(): Promise<void>;
}

/** Starts the fake on loopback (`port` 0: any free port). */
export async function startFakePxWeb(port = 0): Promise<FakePxWeb> {
  const fake: FakePxWeb = { url: '', hits: [], delayMs: 0, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    fake.hits.push(u.pathname + u.search);
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' }).end(JSON.stringify(body));
    const reply = () => {
      const m = /\/api\/pxwebapi\/v2\/tables\/(\w+)\/(metadata|data)$/.exec(u.pathname);
      if (!m) return send(404, { type: 'Not found', status: 404 });
      if (m[1] !== '13472') return send(404, { type: 'Table not found', status: 404 });
      if (u.searchParams.get('outputFormat') !== 'json-stat2') return send(400, { type: 'Unsupported output format', status: 400 });
      if (m[2] === 'metadata') return send(200, dataset(DIMS, false));
      const chosen: Dim[] = [];
      for (const d of DIMS) {
        const q = u.searchParams.get(`valueCodes[${d.id}]`);
        if (q === null) {
          if (!d.elimination) return send(400, { type: 'Missing selection for mandatory variable', status: 400, title: d.id });
          continue;
        }
        const wanted = q === '*' ? d.cats.map(([c]) => c) : q.split(',');
        const cats = d.cats.filter(([c]) => wanted.includes(c));
        if (cats.length !== wanted.length) return send(400, { type: 'Non-existent value', status: 400, title: d.id });
        chosen.push({ ...d, cats });
      }
      send(200, dataset(chosen, true));
    };
    if (fake.delayMs) setTimeout(reply, fake.delayMs);
    else reply();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/pxwebapi/v2/`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
