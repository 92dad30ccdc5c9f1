// The arealregnskap as titled tables of text and numbers in one language: the one layout the CSV
// and the Excel export both write (so they cannot disagree), and the texts the page shows.
import type {
  Arealregnskap,
  ChangeLine,
  ChangeSummaryRow,
  FloorAssumption,
  JobsFigures,
  JobsFloorStatement,
  JordvernFigures,
  NettoBruttoAssumption,
  ReportSource,
  ReserveFigures
} from '../../domain/arealregnskap.ts';
import { nb as DICT_NB, num, t, type Lang, type MessageKey } from '../../i18n/messages.ts';

/** How a number is shown: daa, % and `dec1` with one decimal, `int` whole (jobs, years), `plain` as it is. */
export type NumberKind = 'daa' | 'pct' | 'dec1' | 'int' | 'plain';

/** A cell: a text, a number with its kind, or empty. */
export type ReportCell = string | { value: number; kind: NumberKind } | null;

/** The sheet (Excel) a block goes on; the CSV writes the blocks one after the other. */
export type SheetId = 'reserve' | 'change' | 'byFormal' | 'land' | 'jobs' | 'versions' | 'sources';

/** One titled table: a title row, note rows, a header row (units in the headers) and data rows. */
export interface ReportBlock {
  id: 'reserve' | 'change' | 'byFormal' | 'land' | 'jordvern' | 'jobs' | 'versions' | 'versionsFormal' | 'sources';
  sheet: SheetId;
  title: string;
  notes: string[];
  header: string[];
  rows: ReportCell[][];
  /** How many of the last rows are totals (bold in Excel). */
  totalRows: number;
}

/** The report in one language: the lines above every table, and the tables. */
export interface ReportLayout {
  title: string;
  preamble: string[];
  blocks: ReportBlock[];
}

/** The sheets in order. */
export const SHEETS: readonly SheetId[] = ['reserve', 'change', 'byFormal', 'land', 'jobs', 'versions', 'sources'];

const daa = (value: number): ReportCell => ({ value, kind: 'daa' });
const pct = (value: number): ReportCell => ({ value, kind: 'pct' });
const int = (value: number): ReportCell => ({ value, kind: 'int' });
const dec1 = (value: number): ReportCell => ({ value, kind: 'dec1' });
const plain = (value: number): ReportCell => ({ value, kind: 'plain' });

/** The decimals of each kind of number (`plain`: up to three, as needed). */
export const CELL_DECIMALS: Record<NumberKind, number | null> = { daa: 1, pct: 1, dec1: 1, int: 0, plain: null };

/**
 * A cell as the page shows it, in the language's number format («1 234,5»): daa, % and `dec1` with
 * one decimal, `int` whole, `plain` with up to three decimals (0,8); empty cells as «–».
 */
export function cellText(c: ReportCell, lang: Lang): string {
  if (c === null) return '–';
  if (typeof c === 'string') return c;
  const d = CELL_DECIMALS[c.kind];
  if (d !== null) return num(lang, c.value, d);
  return c.value.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 3 });
}

/** `{label} ({unit})`, or `{label}, {side} ({unit})`. */
function header(lang: Lang, label: MessageKey, unit: MessageKey, side?: 'baseline' | 'scenario'): string {
  const l = t(lang, label);
  const u = t(lang, unit);
  return side ? t(lang, 'arealregnskap.headerSide', { label: l, side: t(lang, `arealregnskap.side.${side}`), unit: u }) : t(lang, 'arealregnskap.header', { label: l, unit: u });
}

import { jobsGoalText } from './jobs-goal-text.ts';
export { jobsGoalText };


/** The floor-area statement in a language. */
export function jobsFloorText(s: JobsFloorStatement, lang: Lang): string {
  return t(lang, 'arealregnskap.statement.jobs-floor', { low: num(lang, s.params.low), high: num(lang, s.params.high), futureDaa: num(lang, s.params.futureDaa, 1) });
}

/** One assumption of the floor-area model in a language. */
export function assumptionText(a: FloorAssumption | NettoBruttoAssumption, lang: Lang): string {
  if (a.code === 'netto-brutto') return t(lang, 'arealregnskap.assumption.netto-brutto', { pct: num(lang, a.params.pct) });
  const p = a.params;
  return t(lang, 'arealregnskap.assumption.kategori', {
    kategori: t(lang, `category.${p.kategori}`),
    areaDaa: num(lang, p.areaDaa, 1),
    utnyttelsePct: num(lang, p.utnyttelsePct),
    assumedSharePct: num(lang, p.assumedSharePct),
    nettoM2Min: num(lang, p.nettoM2Min),
    nettoM2Max: num(lang, p.nettoM2Max)
  });
}

/** «1300 Næringsbebyggelse» (the code alone where the dictionary has no name for it). */
export function formalText(code: number | null, lang: Lang): string {
  if (code === null) return '';
  const key = `zoning.${code}` as MessageKey;
  return key in DICT_NB ? `${code} ${t(lang, key)}` : String(code);
}

const statusText = (s: 1 | 2 | null, lang: Lang) => (s === null ? '' : t(lang, `status.${s}`));

/** The label of a source line in a language. */
export function sourceLabel(s: ReportSource, lang: Lang): string {
  const [head, kategori] = s.id.split('.') as [string, string | undefined];
  if (kategori && (head === 'nettoM2' || head === 'utnyttelse')) {
    return t(lang, `arealregnskap.source.${head}`, { kategori: t(lang, `category.${kategori}` as MessageKey) });
  }
  return t(lang, `arealregnskap.source.${head}` as MessageKey);
}

/** The lines above every table: title, method, scenario, demo label, CRS. */
function preamble(r: Arealregnskap, lang: Lang): string[] {
  return [
    t(lang, 'arealregnskap.method'),
    r.scenarioNavn === null ? t(lang, 'arealregnskap.noScenario') : t(lang, 'arealregnskap.scenario', { name: r.scenarioNavn }),
    ...(r.demo ? [t(lang, 'investor.demo')] : []),
    t(lang, 'arealregnskap.crs')
  ];
}

function reserveBlock(r: Arealregnskap, lang: Lang): ReportBlock {
  const sides: ('baseline' | 'scenario')[] = r.reserve.total.scenario ? ['baseline', 'scenario'] : ['baseline'];
  const cols: [MessageKey, keyof ReserveFigures][] = [
    ['arealregnskap.col.framtidig', 'framtidigDaa'],
    ['arealregnskap.col.bebygd', 'bebygdDaa'],
    ['arealregnskap.col.samferdsel', 'samferdselDaa'],
    ['arealregnskap.col.reserve', 'reserveDaa']
  ];
  const cells = (f: { baseline: ReserveFigures; scenario: ReserveFigures | null }) =>
    sides.flatMap((side) => cols.map(([, k]) => daa((f[side] as ReserveFigures)[k])));
  return {
    id: 'reserve',
    sheet: 'reserve',
    title: t(lang, 'arealregnskap.reserve.title'),
    notes: [t(lang, 'arealregnskap.reserve.note')],
    header: [
      t(lang, 'arealregnskap.col.omrade'),
      ...sides.flatMap((side) => cols.map(([label]) => header(lang, label, 'arealregnskap.unit.daa', sides.length > 1 ? side : undefined)))
    ],
    rows: [...r.reserve.rows.map((row) => [row.omrade, ...cells(row)]), [t(lang, 'arealregnskap.total'), ...cells(r.reserve.total)]],
    totalRows: 1
  };
}

function changeBlocks(r: Arealregnskap, lang: Lang): ReportBlock[] {
  const c = r.change;
  if (!c) {
    const none = (id: 'change' | 'byFormal', key: MessageKey): ReportBlock => ({
      id,
      sheet: id,
      title: t(lang, key, { name: '–' }),
      notes: [t(lang, 'arealregnskap.change.none')],
      header: [],
      rows: [],
      totalRows: 0
    });
    return [none('change', 'arealregnskap.change.title'), none('byFormal', 'arealregnskap.change.byFormalTitle')];
  }
  const area = (l: ChangeLine) => (l.navn ? `${l.navn} (${l.areaId})` : l.areaId);
  const note = (l: ChangeLine) => (l.noteCode ? t(lang, `arealregnskap.note.${l.noteCode}`) : '');
  const u = 'arealregnskap.unit.daa' as const;
  const lines: ReportBlock = {
    id: 'change',
    sheet: 'change',
    title: t(lang, 'arealregnskap.change.title', { name: c.scenarioNavn }),
    notes: [t(lang, 'arealregnskap.change.totalNote')],
    header: [
      t(lang, 'arealregnskap.col.ordinal'),
      t(lang, 'arealregnskap.col.change'),
      t(lang, 'arealregnskap.col.kind'),
      t(lang, 'arealregnskap.col.area'),
      t(lang, 'arealregnskap.col.arealformal'),
      t(lang, 'arealregnskap.col.status'),
      header(lang, 'arealregnskap.col.tilgang', u),
      header(lang, 'arealregnskap.col.avgang', u),
      header(lang, 'arealregnskap.col.lnf', u),
      header(lang, 'arealregnskap.col.netto', u),
      t(lang, 'arealregnskap.col.note')
    ],
    rows: [
      ...c.lines.map((l) => [
        int(l.ordinal),
        l.label ?? '',
        t(lang, `arealregnskap.kind.${l.kind}`),
        area(l),
        formalText(l.arealformal, lang),
        statusText(l.status, lang),
        daa(l.tilgangDaa),
        daa(l.avgangDaa),
        daa(l.kind === 'lnf' ? l.avgangDaa : 0),
        daa(l.nettoDaa),
        note(l)
      ]),
      [t(lang, 'arealregnskap.total'), '', '', '', '', '', daa(c.total.tilgangDaa), daa(c.total.avgangDaa), daa(c.total.tilbakefortLnfDaa), daa(c.total.nettoDaa), ''],
      [t(lang, 'arealregnskap.row.statusMoved'), '', '', '', '', '', daa(c.total.statusEndretDaa), daa(c.total.statusEndretDaa), daa(0), daa(0), '']
    ],
    totalRows: 2
  };
  const sum = (f: (x: ChangeSummaryRow) => number) => c.byFormal.reduce((s, x) => s + f(x), 0);
  const byFormal: ReportBlock = {
    id: 'byFormal',
    sheet: 'byFormal',
    title: t(lang, 'arealregnskap.change.byFormalTitle', { name: c.scenarioNavn }),
    notes: [],
    header: [
      t(lang, 'arealregnskap.col.arealformal'),
      t(lang, 'arealregnskap.col.status'),
      header(lang, 'arealregnskap.col.baselineArea', u),
      header(lang, 'arealregnskap.col.tilgang', u),
      header(lang, 'arealregnskap.col.avgang', u),
      header(lang, 'arealregnskap.col.lnf', u),
      header(lang, 'arealregnskap.col.netto', u),
      header(lang, 'arealregnskap.col.scenarioArea', u)
    ],
    rows: [
      ...c.byFormal.map((x) => [
        formalText(x.arealformal, lang),
        statusText(x.status, lang),
        daa(x.baselineDaa),
        daa(x.tilgangDaa),
        daa(x.avgangDaa),
        daa(x.tilbakefortLnfDaa),
        daa(x.nettoDaa),
        daa(x.scenarioDaa)
      ]),
      [
        t(lang, 'arealregnskap.total'),
        '',
        daa(sum((x) => x.baselineDaa)),
        daa(sum((x) => x.tilgangDaa)),
        daa(sum((x) => x.avgangDaa)),
        daa(sum((x) => x.tilbakefortLnfDaa)),
        daa(sum((x) => x.nettoDaa)),
        daa(sum((x) => x.scenarioDaa))
      ]
    ],
    totalRows: 1
  };
  return [lines, byFormal];
}

function landBlocks(r: Arealregnskap, lang: Lang): ReportBlock[] {
  const hasScenario = r.land.futureDaa.scenario !== null;
  const sides: ('baseline' | 'scenario')[] = hasScenario ? ['baseline', 'scenario'] : ['baseline'];
  const side = (s: 'baseline' | 'scenario') => (hasScenario ? s : undefined);
  const land: ReportBlock = {
    id: 'land',
    sheet: 'land',
    title: t(lang, 'arealregnskap.land.title'),
    notes: [t(lang, 'arealregnskap.land.note'), t(lang, 'arealregnskap.land.bonitetGroups')],
    header: [
      t(lang, 'arealregnskap.col.landKind'),
      ...sides.flatMap((s) => [header(lang, 'arealregnskap.col.landArea', 'arealregnskap.unit.daa', side(s)), header(lang, 'arealregnskap.col.share', 'arealregnskap.unit.pct', side(s))])
    ],
    rows: [
      ...r.land.rows.map((row) => [
        t(lang, `arealregnskap.land.${row.kind}`),
        ...sides.flatMap((s) => {
          const f = row[s];
          return f ? [daa(f.daa), pct(f.sharePct)] : [null, null];
        })
      ]),
      [t(lang, 'arealregnskap.total'), ...sides.flatMap((s) => [daa(r.land.futureDaa[s] ?? 0), pct((r.land.futureDaa[s] ?? 0) > 0 ? 100 : 0)])]
    ],
    totalRows: 1
  };
  const jv = r.land.jordvern;
  const rowsOf: [MessageKey, MessageKey, (f: JordvernFigures) => ReportCell][] = [
    ['arealregnskap.jordvern.farmland', 'arealregnskap.unit.daa', (f) => daa(f.farmlandDaa)],
    ['arealregnskap.jordvern.quotaPerYear', 'arealregnskap.unit.daaPerYear', (f) => daa(f.quotaDaaPerYear)],
    ['arealregnskap.jordvern.period', 'arealregnskap.unit.years', (f) => int(f.periodYears)],
    ['arealregnskap.jordvern.quota', 'arealregnskap.unit.daa', (f) => daa(f.quotaDaa)],
    ['arealregnskap.jordvern.share', 'arealregnskap.unit.pct', (f) => pct(f.shareOfQuotaPct)],
    ['arealregnskap.jordvern.years', 'arealregnskap.unit.years', (f) => dec1(f.quotaYears)]
  ];
  const jordvern: ReportBlock = {
    id: 'jordvern',
    sheet: 'land',
    title: t(lang, 'arealregnskap.jordvern.title'),
    notes: [],
    header: [t(lang, 'arealregnskap.col.figure'), ...sides.map((s) => t(lang, `arealregnskap.col.${s}`))],
    rows: rowsOf.map(([label, unit, f]) => [header(lang, label, unit), ...sides.map((s) => f(jv[s] as JordvernFigures))]),
    totalRows: 0
  };
  return [land, jordvern];
}

function jobsBlock(r: Arealregnskap, lang: Lang): ReportBlock {
  const sides: ('baseline' | 'scenario')[] = r.jobs.scenario ? ['baseline', 'scenario'] : ['baseline'];
  const lead = r.jobs.scenario ?? r.jobs.baseline;
  const rowsOf: [MessageKey, MessageKey, (f: JobsFigures) => ReportCell][] = [
    ['arealregnskap.jobs.futureDaa', 'arealregnskap.unit.daa', (f) => daa(f.futureDaa)],
    ['arealregnskap.jobs.capacityLand', 'arealregnskap.unit.jobs', (f) => int(f.capacityLand)],
    ['arealregnskap.jobs.floorLow', 'arealregnskap.unit.jobs', (f) => int(f.floorLow)],
    ['arealregnskap.jobs.floorHigh', 'arealregnskap.unit.jobs', (f) => int(f.floorHigh)],
    ['arealregnskap.jobs.goalMin', 'arealregnskap.unit.jobs', (f) => int(f.statement.params.goalMin)],
    ['arealregnskap.jobs.goalMax', 'arealregnskap.unit.jobs', (f) => int(f.statement.params.goalMax)],
    ['arealregnskap.jobs.coverMin', 'arealregnskap.unit.pct', (f) => int(f.statement.params.coverMinPct)],
    ['arealregnskap.jobs.coverMax', 'arealregnskap.unit.pct', (f) => int(f.statement.params.coverMaxPct)],
    ['arealregnskap.jobs.years', 'arealregnskap.unit.years', (f) => int(f.statement.params.years)],
    ['arealregnskap.jobs.rate', 'arealregnskap.unit.jobsPerYear', (f) => int(f.statement.params.ratePerYear)],
    ['arealregnskap.jobs.yearsAtRate', 'arealregnskap.unit.years', (f) => int(f.statement.params.yearsAtRate)]
  ];
  return {
    id: 'jobs',
    sheet: 'jobs',
    title: t(lang, 'arealregnskap.jobs.title'),
    notes: [
      jobsGoalText(r.jobs.statement, lang),
      jobsFloorText(r.jobs.floorStatement, lang),
      t(lang, 'arealregnskap.jobs.norm', { m2: num(lang, lead.bruttoM2PerArbeidsplass) }),
      `${t(lang, 'arealregnskap.jobs.assumptions')}:`,
      ...lead.assumptions.map((a) => `– ${assumptionText(a, lang)}`)
    ],
    header: [t(lang, 'arealregnskap.col.figure'), ...sides.map((s) => t(lang, `arealregnskap.col.${s}`))],
    rows: rowsOf.map(([label, unit, f]) => [header(lang, label, unit), ...sides.map((s) => f(r.jobs[s] as JobsFigures))]),
    totalRows: 0
  };
}

function sourcesBlock(r: Arealregnskap, lang: Lang): ReportBlock {
  const value = (s: ReportSource): [ReportCell, ReportCell] =>
    s.value === null ? [null, null] : typeof s.value === 'number' ? [plain(s.value), null] : s.value.min === s.value.max ? [plain(s.value.min), null] : [plain(s.value.min), plain(s.value.max)];
  return {
    id: 'sources',
    sheet: 'sources',
    title: t(lang, 'arealregnskap.sources.title'),
    notes: [],
    header: [
      t(lang, 'arealregnskap.col.figure'),
      t(lang, 'arealregnskap.col.sourceKind'),
      t(lang, 'arealregnskap.col.value'),
      t(lang, 'arealregnskap.col.valueMax'),
      t(lang, 'arealregnskap.col.changed'),
      t(lang, 'arealregnskap.col.document'),
      t(lang, 'arealregnskap.col.section'),
      t(lang, 'arealregnskap.col.quote')
    ],
    rows: r.sources.map((s) => [
      sourceLabel(s, lang),
      t(lang, `arealregnskap.sourceKind.${s.kind}`),
      ...value(s),
      s.value === null ? '' : t(lang, s.changed ? 'arealregnskap.yes' : 'arealregnskap.no'),
      s.dokument ?? '',
      s.kilde?.avsnitt ?? '',
      s.begrunnelse ?? s.kilde?.sitat ?? ''
    ]),
    totalRows: 0
  };
}

/** Table 5: from one plan version to another, per named area and per arealformål (none without a version). */
function versionBlocks(r: Arealregnskap, lang: Lang): ReportBlock[] {
  const v = r.versions;
  if (!v) return [];
  const h = (label: MessageKey) => header(lang, label, 'arealregnskap.unit.daa');
  const figures = (f: { tilgangDaa: number; avgangDaa: number; nettoDaa: number; realisertDaa: number }) => [daa(f.tilgangDaa), daa(f.avgangDaa), daa(f.nettoDaa), daa(f.realisertDaa)];
  return [
    {
      id: 'versions',
      sheet: 'versions',
      title: t(lang, 'arealregnskap.versions.byOmrade'),
      notes: [t(lang, 'arealregnskap.versions.from', { old: v.oldLabel, new: v.newLabel }), t(lang, 'arealregnskap.versions.note')],
      header: [t(lang, 'arealregnskap.col.omrade'), h('arealregnskap.col.tilgang'), h('arealregnskap.col.avgang'), h('arealregnskap.col.netto'), h('arealregnskap.col.realisert')],
      rows: [...v.byOmrade.map((g) => [g.omrade, ...figures(g)]), [t(lang, 'arealregnskap.total'), ...figures(v.total)]],
      totalRows: 1
    },
    {
      id: 'versionsFormal',
      sheet: 'versions',
      title: t(lang, 'arealregnskap.versions.byFormal'),
      notes: [],
      header: [t(lang, 'arealregnskap.col.arealformal'), t(lang, 'arealregnskap.col.status'), h('arealregnskap.col.tilgang'), h('arealregnskap.col.avgang'), h('arealregnskap.col.netto'), h('arealregnskap.col.realisert')],
      rows: [...v.byFormal.map((f) => [formalText(f.arealformal, lang), statusText(f.status, lang), ...figures(f)]), [t(lang, 'arealregnskap.total'), '', ...figures(v.total)]],
      totalRows: 1
    }
  ];
}

/** The report as titled tables in a language: reserve, changes, by arealformål, land, jordvern, jobs, sources. */
export function reportLayout(r: Arealregnskap, lang: Lang): ReportLayout {
  return {
    title: t(lang, 'arealregnskap.title'),
    preamble: preamble(r, lang),
    blocks: [reserveBlock(r, lang), ...changeBlocks(r, lang), ...landBlocks(r, lang), jobsBlock(r, lang), ...versionBlocks(r, lang), sourcesBlock(r, lang)]
  };
}
