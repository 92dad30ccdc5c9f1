import type { MultiPolygon, Polygon } from 'geojson';
import { ar5Arealtype, AR5_SKOGBONITET } from '../../../seeds/ar5.ts';
import {
  ANTAKELSER,
  ARBEIDSPLASS_AREAL,
  ARBEIDSPLASSVEKST,
  DOKUMENTER,
  JORDVERN_DAA_PER_AAR,
  type Kategori,
  type Kilde,
  type Spenn
} from '../../../seeds/plan.ts';
import { areaPlanarM2, m2ToDaa } from '../geo/area.ts';
import { buildOverlapIndex, overlapByKey, type OverlapIndex, type OverlapItem } from '../geo/overlap.ts';
import { jobsFromFloor } from './capacity.ts';
import { jobsGoalStatement, whole, type JobsGoalStatement } from './jobs-goal.ts';
export { jobsGoalStatement, type JobsGoalStatement };
import { AREALBRUKSSTATUS, defaultNorms, isKategori, KATEGORI_IDS, type Norms } from './norms.ts';
import type { ChangeEffect, PlanArea } from './plan-area.ts';
import { planDiff, planDiffByGroup, type PlanDiffFeature, type PlanDiffResult } from './plan-diff.ts';

/*
 * The arealregnskap (land-use accounts) of the business land, after KDD's guide «Arealregnskap i
 * kommuneplan» (December 2023), applied to næring: (1) the reserve, (2) change of purpose in a
 * scenario, (3) land qualities the future areas build over, with jordvern against the plan's
 * 15 daa a year, and (4) jobs against the plan's goal as one statement. Plain data: numbers (daa,
 * planar in EPSG:25832, units in the names) and codes with parameters, no sentences.
 */

/** The AR5 codes the report reads (numbers or strings, «30» or 30); other properties are ignored. */
export interface Ar5Codes {
  arealtype?: unknown;
  treslag?: unknown;
  skogbonitet?: unknown;
}

/**
 * An AR5 area in EPSG:25832, as the importer's `ar5LayerFrom` gives it or as a feature of
 * `LoadedData.ar5` (pass `data.ar5?.features ?? []`).
 */
export interface Ar5Feature {
  geometry: Polygon | MultiPolygon;
  properties: Ar5Codes | null;
}

/** What the report needs of a scenario change (the scenario module's `ScenarioChange` has this shape). */
export interface ReportChange {
  id: string;
  enabled: boolean;
  label?: string;
  type: 'add-site' | 'rezone' | 'set-category' | 'set-utnyttelse';
  site?: PlanArea;
  areaId?: string;
  to?: 'bolig' | 'lnf' | 'naavaerende';
}

/**
 * A scenario for the report: its changes, and the areas and effects `applyScenario` gave for them
 * on the same baseline (`{ navn, changes, ...applyScenario(planAreas, changes, areaM2) }`).
 */
export interface ReportScenario {
  navn: string;
  changes: readonly ReportChange[];
  areas: readonly PlanArea[];
  effects: readonly ChangeEffect[];
}

/** What the report is computed from. All geometry planar in EPSG:25832. Nothing is modified. */
export interface ArealregnskapInput {
  /** The baseline's næring areas (the plan as it is). */
  planAreas: readonly PlanArea[];
  /** AR5 with all area types (may be empty: then every future area counts as «not covered by AR5»). */
  ar5: readonly Ar5Feature[];
  scenario?: ReportScenario | null;
  /** The norms both sides are computed with (the same for both, so they differ only by the plan changes). */
  norms: Norms;
  /** Whether the data are the app's demo data (exports and the page label them). */
  demo: boolean;
  /** Two plan versions to account tilgang/avgang between (table 5); none: no table. */
  versions?: VersionPair | null;
}

// ---------------------------------------------------------------------------------------------
// Table 1: reserve

/** The reserve of a set of future areas, daa. `reserveDaa` = framtidig − bebygd − samferdsel (never below 0 per area). */
export interface ReserveFigures {
  framtidigDaa: number;
  bebygdDaa: number;
  samferdselDaa: number;
  reserveDaa: number;
}

/** The reserve of one named area (`omrade`), in the baseline and in the scenario (null without one). */
export interface ReserveRow {
  omrade: string;
  baseline: ReserveFigures;
  scenario: ReserveFigures | null;
}

/** The reserve of one future plan area. */
export interface ReserveAreaRow extends ReserveFigures {
  id: string;
  navn: string;
  omrade: string;
}

/** Table 1: future næring land minus what AR5 shows as built (11) or transport (12), KDD ch. 4. */
export interface ReserveTable {
  /** One row per named area with a future area on either side, sorted by name (nb). */
  rows: ReserveRow[];
  total: { baseline: ReserveFigures; scenario: ReserveFigures | null };
  /** The same per future plan area (id, navn), for a detail view. */
  byArea: { baseline: ReserveAreaRow[]; scenario: ReserveAreaRow[] | null };
}

// ---------------------------------------------------------------------------------------------
// Table 2: change of purpose

/**
 * What a line of the change table is: `tilgang` an added site; `avgang` an area rezoned to bolig;
 * `lnf` an area rezoned to LNF («tilbakeført til LNF»); `status` framtidig → nåværende (two lines,
 * avgang from status 2 and tilgang to status 1 of the same arealformål); `uendret` no change in land
 * (category, utnyttelse, or a change that found nothing to change: see `noteCode`).
 */
export type ChangeLineKind = 'tilgang' | 'avgang' | 'lnf' | 'status' | 'uendret';

/** One line of the change table: one change's effect on one arealformål and status, daa. */
export interface ChangeLine {
  changeId: string;
  /** The change's place (1, 2 …) in the scenario's list of changes, disabled ones included. */
  ordinal: number;
  label: string | null;
  changeType: ReportChange['type'];
  kind: ChangeLineKind;
  /** What a rezoning turned the area into; null for other changes. */
  to: 'bolig' | 'lnf' | 'naavaerende' | null;
  areaId: string;
  navn: string | null;
  /** SOSI arealformål of the area (1300, 1160 …); null when the area was not found. */
  arealformal: number | null;
  /** Arealbruksstatus of the line (1 nåværende, 2 framtidig); null when the area was not found. */
  status: 1 | 2 | null;
  tilgangDaa: number;
  avgangDaa: number;
  nettoDaa: number;
  /** Why a change had no effect: the site id exists already, or the area is missing. */
  noteCode: 'exists' | 'missing' | null;
}

/** One arealformål and status: baseline, tilgang, avgang (of which back to LNF), net and scenario, daa. */
export interface ChangeSummaryRow {
  arealformal: number;
  status: 1 | 2;
  baselineDaa: number;
  tilgangDaa: number;
  avgangDaa: number;
  /** The part of `avgangDaa` rezoned to LNF. */
  tilbakefortLnfDaa: number;
  nettoDaa: number;
  scenarioDaa: number;
}

/** Table 2: tilgang, avgang and net per change and per arealformål and status. */
export interface ChangeTable {
  scenarioNavn: string;
  /** The enabled changes in order; a status change gives two lines. */
  lines: ChangeLine[];
  /** Per arealformål and status, sorted by code and status: baseline + netto = scenario. */
  byFormal: ChangeSummaryRow[];
  /**
   * Næring in total (status changes cancel out, so these equal the sums of the change effects),
   * and how much moved from framtidig to nåværende.
   */
  total: { tilgangDaa: number; avgangDaa: number; tilbakefortLnfDaa: number; nettoDaa: number; statusEndretDaa: number };
}

// ---------------------------------------------------------------------------------------------
// Table 3: land qualities

/** The AR5 groups the future areas are accounted by (`uten-ar5`: the part no AR5 area covers). */
export type LandKind =
  | 'fulldyrka'
  | 'overflatedyrka'
  | 'innmarksbeite'
  | 'skog-hoy'
  | 'skog-middels'
  | 'skog-lav'
  | 'skog-uten-bonitet'
  | 'myr'
  | 'apen-fastmark'
  | 'bebygd'
  | 'samferdsel'
  | 'vann'
  | 'annet'
  | 'uten-ar5';

/**
 * Skogbonitet (AR5 code list, seeds/ar5.ts) in three groups, plus forest without a usable bonitet:
 * høy = 14 høy and 15 særs høy; middels = 13; lav = 12 lav and 11 impediment; uten bonitet = 98 ikke
 * relevant, 99 ikke registrert, or none given.
 */
export const SKOGBONITET_GROUPS = {
  'skog-hoy': ['14', '15'],
  'skog-middels': ['13'],
  'skog-lav': ['11', '12'],
  'skog-uten-bonitet': ['98', '99']
} as const satisfies Record<string, readonly (keyof typeof AR5_SKOGBONITET)[]>;

/** The row kinds in report order, with the AR5 area types (and skogbonitet codes) each covers. */
export const LAND_KINDS: readonly { kind: LandKind; arealtype: readonly string[]; skogbonitet: readonly string[] | null }[] = [
  { kind: 'fulldyrka', arealtype: ['21'], skogbonitet: null },
  { kind: 'overflatedyrka', arealtype: ['22'], skogbonitet: null },
  { kind: 'innmarksbeite', arealtype: ['23'], skogbonitet: null },
  { kind: 'skog-hoy', arealtype: ['30'], skogbonitet: SKOGBONITET_GROUPS['skog-hoy'] },
  { kind: 'skog-middels', arealtype: ['30'], skogbonitet: SKOGBONITET_GROUPS['skog-middels'] },
  { kind: 'skog-lav', arealtype: ['30'], skogbonitet: SKOGBONITET_GROUPS['skog-lav'] },
  { kind: 'skog-uten-bonitet', arealtype: ['30'], skogbonitet: SKOGBONITET_GROUPS['skog-uten-bonitet'] },
  { kind: 'myr', arealtype: ['60'], skogbonitet: null },
  { kind: 'apen-fastmark', arealtype: ['50'], skogbonitet: null },
  { kind: 'bebygd', arealtype: ['11'], skogbonitet: null },
  { kind: 'samferdsel', arealtype: ['12'], skogbonitet: null },
  { kind: 'vann', arealtype: ['81', '82'], skogbonitet: null },
  { kind: 'annet', arealtype: ['70', '99'], skogbonitet: null },
  { kind: 'uten-ar5', arealtype: [], skogbonitet: null }
];

/** The farmland kinds jordvern counts (AR5 21, 22, 23). */
export const JORDBRUK_KINDS: readonly LandKind[] = ['fulldyrka', 'overflatedyrka', 'innmarksbeite'];

/** An amount of land and its share (0–100) of the future area. */
export interface LandFigures {
  daa: number;
  sharePct: number;
}

/** One land kind in the baseline's and the scenario's future areas. */
export interface LandRow {
  kind: LandKind;
  /** The AR5 area types of the row (empty for `uten-ar5`). */
  arealtype: readonly string[];
  /** The skogbonitet codes of a forest row; null otherwise. */
  skogbonitet: readonly string[] | null;
  baseline: LandFigures;
  scenario: LandFigures | null;
}

/** Farmland in the future areas against the jordvern goal (15 daa a year) over the period. */
export interface JordvernFigures {
  /** AR5 21 + 22 + 23 inside the future areas, daa. */
  farmlandDaa: number;
  quotaDaaPerYear: number;
  periodYears: number;
  /** quotaDaaPerYear × periodYears. */
  quotaDaa: number;
  /** farmlandDaa ÷ quotaDaa, in % (0–…). */
  shareOfQuotaPct: number;
  /** farmlandDaa ÷ quotaDaaPerYear: the years of the goal the farmland uses. */
  quotaYears: number;
}

/** Table 3: what the future areas build over, by AR5, and jordvern. */
export interface LandTable {
  /** The whole future area the shares are of, daa. */
  futureDaa: { baseline: number; scenario: number | null };
  rows: LandRow[];
  jordvern: { baseline: JordvernFigures; scenario: JordvernFigures | null };
}

// ---------------------------------------------------------------------------------------------
// Table 4: jobs


/**
 * The floor-area model as a potential at the assumed utnyttelse, for the same future areas: «at the
 * assumed utnyttelse the {futureDaa} daa could hold {low}–{high} jobs». It makes no claim about the
 * goal, so it cannot contradict {@link JobsGoalStatement}; its assumptions are listed beside it.
 */
export interface JobsFloorStatement {
  code: 'jobs-floor';
  params: { low: number; high: number; futureDaa: number };
}

/** One category's assumptions in the floor-area model (future areas of that category). */
export interface FloorAssumption {
  code: 'kategori';
  params: {
    kategori: Kategori;
    areaDaa: number;
    /** Area-weighted mean utnyttelse used, %BRA. */
    utnyttelsePct: number;
    /** The share (0–100) of the category's area that uses the assumed default utnyttelse. */
    assumedSharePct: number;
    nettoM2Min: number;
    nettoM2Max: number;
  };
}

/** The net/gross factor of the floor-area model. */
export interface NettoBruttoAssumption {
  code: 'netto-brutto';
  params: { pct: number };
}

/** The jobs figures of one side. Jobs are whole workplaces, rounded down. */
export interface JobsFigures {
  futureDaa: number;
  /** Land model: future land ÷ gross m² per workplace (temaplan §5.9.2: 420). */
  capacityLand: number;
  bruttoM2PerArbeidsplass: number;
  floorLow: number;
  floorHigh: number;
  statement: JobsGoalStatement;
  floorStatement: JobsFloorStatement;
  assumptions: (FloorAssumption | NettoBruttoAssumption)[];
}

/** Table 4: jobs against the goal, for both sides; `statement` is the scenario's where there is one. */
export interface JobsTable {
  baseline: JobsFigures;
  scenario: JobsFigures | null;
  statement: JobsGoalStatement;
  floorStatement: JobsFloorStatement;
}

// ---------------------------------------------------------------------------------------------
// Sources

/** What a source line is about. */
export type SourceId =
  | 'bruttoTomtM2PerArbeidsplass'
  | 'nyeArbeidsplasser'
  | 'periodeAar'
  | 'arbeidsplasserPerAar'
  | 'jordvernDaaPerAar'
  | `nettoM2.${Kategori}`
  | 'nettoBruttoFaktor'
  | `utnyttelse.${Kategori}`
  | 'ar5'
  | 'skogbonitetGrupper'
  | 'kdd'
  | 'crs';

/**
 * Where a figure comes from: a plan figure (seeds/plan.ts, with document, section and quotation), our
 * assumption (seeds/plan.ts ANTAKELSER, with its reasoning as stated there), a code list (seeds/ar5.ts)
 * or a method choice of the report. `value` is what the report used; `changed` is true where the
 * norms differ from the seeds' default.
 */
export interface ReportSource {
  id: SourceId;
  kind: 'plan' | 'antakelse' | 'kodeliste' | 'metode';
  value: number | Spenn | null;
  changed: boolean;
  kilde: Kilde | null;
  /** The title of the document `kilde` names (seeds/plan.ts DOKUMENTER). */
  dokument: string | null;
  begrunnelse: string | null;
}

// ---------------------------------------------------------------------------------------------
// Table 5: plan versions

/** Tilgang, avgang, net and realised of one named area (or in total) between two plan versions, daa. */
export interface VersionFigures {
  tilgangDaa: number;
  avgangDaa: number;
  nettoDaa: number;
  realisertDaa: number;
}

/** One side of a plan-version comparison: a name to show and the plan's næring areas (EPSG:25832). */
export interface PlanVersionSide {
  label: string;
  planAreas: readonly PlanArea[];
}

/** The two plan versions table 5 compares: from `old` to `new`. */
export interface VersionPair {
  old: PlanVersionSide;
  new: PlanVersionSide;
}

/**
 * Table 5: tilgang and avgang of næringsareal from one plan version to another (e.g. an earlier
 * version to the plan in use), by planar overlay (domain/plan-diff.ts, the engine of `npm run cli
 * -- diff`): in total, per named area (each feature's `omrade` in its own plan) and per arealformål.
 */
export interface VersionsTable {
  oldLabel: string;
  newLabel: string;
  total: VersionFigures;
  byOmrade: (VersionFigures & { omrade: string })[];
  /** Per arealformål and status (each side's own): tilgang by the later plan's, avgang by the earlier plan's, realisert (2 → 1) by the later plan's (status 1). In code order, then status. */
  byFormal: (VersionFigures & { arealformal: number; status: 1 | 2 })[];
}

/** The whole report. */
export interface Arealregnskap {
  demo: boolean;
  crs: 'EPSG:25832';
  scenarioNavn: string | null;
  reserve: ReserveTable;
  /** null without a scenario. */
  change: ChangeTable | null;
  land: LandTable;
  jobs: JobsTable;
  /** null without an earlier plan version. */
  versions: VersionsTable | null;
  sources: ReportSource[];
}

// ---------------------------------------------------------------------------------------------

const byName = (a: string, b: string) => a.localeCompare(b, 'nb');
const isFuture = (a: PlanArea) => a.status === AREALBRUKSSTATUS.framtidig;

function bonitetCode(v: unknown): string | null {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  return Object.hasOwn(AR5_SKOGBONITET, s) ? s : null;
}

/** The land kind of an AR5 area from its properties (codes as numbers or strings). */
export function landKindOf(properties: Ar5Codes | null): LandKind {
  const type = ar5Arealtype(properties?.arealtype);
  if (type === '30') {
    const b = bonitetCode(properties?.skogbonitet);
    const group = LAND_KINDS.find((k) => k.arealtype.includes('30') && b !== null && k.skogbonitet?.includes(b));
    return group ? group.kind : 'skog-uten-bonitet';
  }
  if (type === null) return 'annet';
  return (LAND_KINDS.find((k) => k.arealtype.includes(type)) ?? { kind: 'annet' as const }).kind;
}

/** Builds the AR5 index once: one item per AR5 area, keyed by its land kind. The features are not copied. */
export function ar5Index(ar5: readonly Ar5Feature[]): OverlapIndex {
  const items: OverlapItem[] = ar5.map((f) => ({ geometry: f.geometry, key: landKindOf(f.properties) }));
  return buildOverlapIndex(items);
}

/** One future area measured: its area and AR5 overlap by land kind, m². */
interface Measured {
  area: PlanArea;
  areaM2: number;
  byKindM2: Record<LandKind, number>;
}

function measurer(index: OverlapIndex) {
  const cache = new WeakMap<object, { areaM2: number; byKindM2: Record<LandKind, number> }>();
  return (area: PlanArea): Measured => {
    let m = cache.get(area.geometry);
    if (!m) {
      const areaM2 = areaPlanarM2(area.geometry);
      const o = overlapByKey(index, area.geometry);
      const byKindM2 = Object.fromEntries(LAND_KINDS.map((k) => [k.kind, o.byKeyM2[k.kind] ?? 0])) as Record<LandKind, number>;
      byKindM2['uten-ar5'] = Math.max(0, areaM2 - o.totalM2);
      m = { areaM2, byKindM2 };
      cache.set(area.geometry, m);
    }
    return { area, ...m };
  };
}

function reserveOf(m: Measured): ReserveFigures {
  const framtidigDaa = m2ToDaa(m.areaM2);
  const bebygdDaa = m2ToDaa(m.byKindM2.bebygd);
  const samferdselDaa = m2ToDaa(m.byKindM2.samferdsel);
  return { framtidigDaa, bebygdDaa, samferdselDaa, reserveDaa: Math.max(0, framtidigDaa - bebygdDaa - samferdselDaa) };
}

const zeroReserve = (): ReserveFigures => ({ framtidigDaa: 0, bebygdDaa: 0, samferdselDaa: 0, reserveDaa: 0 });
const addReserve = (a: ReserveFigures, b: ReserveFigures): ReserveFigures => ({
  framtidigDaa: a.framtidigDaa + b.framtidigDaa,
  bebygdDaa: a.bebygdDaa + b.bebygdDaa,
  samferdselDaa: a.samferdselDaa + b.samferdselDaa,
  reserveDaa: a.reserveDaa + b.reserveDaa
});

function reserveTable(baseline: readonly Measured[], scenario: readonly Measured[] | null): ReserveTable {
  const byArea = (list: readonly Measured[]): ReserveAreaRow[] => list.map((m) => ({ id: m.area.id, navn: m.area.navn, omrade: m.area.omrade, ...reserveOf(m) }));
  const sumBy = (list: readonly Measured[], omrade: string | null) =>
    list.filter((m) => omrade === null || m.area.omrade === omrade).reduce((s, m) => addReserve(s, reserveOf(m)), zeroReserve());
  const omrader = [...new Set([...baseline, ...(scenario ?? [])].map((m) => m.area.omrade))].sort(byName);
  return {
    rows: omrader.map((omrade) => ({ omrade, baseline: sumBy(baseline, omrade), scenario: scenario ? sumBy(scenario, omrade) : null })),
    total: { baseline: sumBy(baseline, null), scenario: scenario ? sumBy(scenario, null) : null },
    byArea: { baseline: byArea(baseline), scenario: scenario ? byArea(scenario) : null }
  };
}

function landTable(baseline: readonly Measured[], scenario: readonly Measured[] | null, norms: Norms): LandTable {
  const total = (list: readonly Measured[]) => m2ToDaa(list.reduce((s, m) => s + m.areaM2, 0));
  const kindDaa = (list: readonly Measured[], kind: LandKind) => m2ToDaa(list.reduce((s, m) => s + m.byKindM2[kind], 0));
  const figures = (list: readonly Measured[], kind: LandKind): LandFigures => {
    const daa = kindDaa(list, kind);
    const all = total(list);
    return { daa, sharePct: all > 0 ? (100 * daa) / all : 0 };
  };
  const jordvern = (list: readonly Measured[]): JordvernFigures => {
    const farmlandDaa = JORDBRUK_KINDS.reduce((s, k) => s + kindDaa(list, k), 0);
    const quotaDaaPerYear = norms.jordvernDaaPerAar;
    const periodYears = norms.periodeAar;
    const quotaDaa = quotaDaaPerYear * periodYears;
    return {
      farmlandDaa,
      quotaDaaPerYear,
      periodYears,
      quotaDaa,
      shareOfQuotaPct: quotaDaa > 0 ? (100 * farmlandDaa) / quotaDaa : 0,
      quotaYears: quotaDaaPerYear > 0 ? farmlandDaa / quotaDaaPerYear : 0
    };
  };
  return {
    futureDaa: { baseline: total(baseline), scenario: scenario ? total(scenario) : null },
    rows: LAND_KINDS.map((k) => ({
      kind: k.kind,
      arealtype: k.arealtype,
      skogbonitet: k.skogbonitet,
      baseline: figures(baseline, k.kind),
      scenario: scenario ? figures(scenario, k.kind) : null
    })),
    jordvern: { baseline: jordvern(baseline), scenario: scenario ? jordvern(scenario) : null }
  };
}


function jobsFigures(list: readonly Measured[], norms: Norms): JobsFigures {
  const futureM2 = list.reduce((s, m) => s + m.areaM2, 0);
  const statement = jobsGoalStatement(futureM2, norms);
  let low = 0;
  let high = 0;
  const perKategori = new Map<Kategori, { m2: number; pctM2: number; assumedM2: number }>();
  for (const m of list) {
    const kategori: Kategori = isKategori(m.area.kategori) ? m.area.kategori : 'kombinert';
    const f = jobsFromFloor(m.areaM2, kategori, m.area.utnyttelseBraProsent, norms);
    low += f.low;
    high += f.high;
    const k = perKategori.get(kategori) ?? { m2: 0, pctM2: 0, assumedM2: 0 };
    k.m2 += m.areaM2;
    k.pctM2 += m.areaM2 * f.inputs.utnyttelseBraProsent;
    if (f.inputs.utnyttelseFra === 'antakelse') k.assumedM2 += m.areaM2;
    perKategori.set(kategori, k);
  }
  const assumptions: (FloorAssumption | NettoBruttoAssumption)[] = KATEGORI_IDS.filter((k) => perKategori.has(k)).map((kategori) => {
    const k = perKategori.get(kategori) as { m2: number; pctM2: number; assumedM2: number };
    const per = norms.nettoM2PerArbeidsplass[kategori];
    return {
      code: 'kategori',
      params: {
        kategori,
        areaDaa: m2ToDaa(k.m2),
        utnyttelsePct: k.m2 > 0 ? k.pctM2 / k.m2 : norms.utnyttelseBraProsent[kategori],
        assumedSharePct: k.m2 > 0 ? (100 * k.assumedM2) / k.m2 : 100,
        nettoM2Min: per.min,
        nettoM2Max: per.max
      }
    };
  });
  assumptions.push({ code: 'netto-brutto', params: { pct: 100 * norms.nettoBruttoFaktor } });
  const futureDaa = m2ToDaa(futureM2);
  const floorLow = whole(low);
  const floorHigh = whole(high);
  return {
    futureDaa,
    capacityLand: statement.params.capacity,
    bruttoM2PerArbeidsplass: norms.bruttoTomtM2PerArbeidsplass,
    floorLow,
    floorHigh,
    statement,
    floorStatement: { code: 'jobs-floor', params: { low: floorLow, high: floorHigh, futureDaa } },
    assumptions
  };
}

/**
 * Replays the scenario's enabled changes against their effects (one per enabled change, in order,
 * as `applyScenario` gives them) to say which arealformål and status each change touched.
 */
function changeTable(baseline: readonly PlanArea[], scenario: ReportScenario): ChangeTable {
  const state = new Map<string, PlanArea>(baseline.map((a) => [a.id, a]));
  const ordinal = new Map(scenario.changes.map((c, i) => [c, i + 1]));
  const enabled = scenario.changes.filter((c) => c.enabled);
  const effectById = new Map(scenario.effects.map((e) => [e.changeId, e]));
  const lines: ChangeLine[] = [];
  enabled.forEach((c, i) => {
    const at = scenario.effects[i];
    const effect = at && at.changeId === c.id ? at : effectById.get(c.id);
    const noteCode = effect?.noteCode ?? null;
    const areaId = c.type === 'add-site' ? (c.site?.id ?? '') : (c.areaId ?? '');
    const before = c.type === 'add-site' ? c.site : state.get(areaId);
    const line = (kind: ChangeLineKind, status: 1 | 2 | null, tilgangDaa: number, avgangDaa: number): ChangeLine => ({
      changeId: c.id,
      ordinal: ordinal.get(c) ?? 0,
      label: c.label ?? null,
      changeType: c.type,
      kind,
      to: c.type === 'rezone' ? (c.to ?? null) : null,
      areaId,
      navn: before?.navn ?? null,
      arealformal: before?.arealformal ?? null,
      status,
      tilgangDaa,
      avgangDaa,
      nettoDaa: tilgangDaa - avgangDaa,
      noteCode
    });
    if (!effect || noteCode || !before) {
      lines.push(line('uendret', before && c.type !== 'add-site' ? before.status : null, 0, 0));
      return;
    }
    if (c.type === 'add-site') {
      state.set(before.id, { ...before, status: AREALBRUKSSTATUS.framtidig });
      lines.push(line('tilgang', AREALBRUKSSTATUS.framtidig, m2ToDaa(effect.tilgangM2), 0));
    } else if (c.type === 'rezone' && c.to === 'naavaerende') {
      if (before.status === AREALBRUKSSTATUS.framtidig) {
        const daa = m2ToDaa(areaPlanarM2(before.geometry));
        lines.push(line('status', AREALBRUKSSTATUS.framtidig, 0, daa), line('status', AREALBRUKSSTATUS.naavaerende, daa, 0));
      } else lines.push(line('uendret', before.status, 0, 0));
      state.set(before.id, { ...before, status: AREALBRUKSSTATUS.naavaerende });
    } else if (c.type === 'rezone') {
      state.delete(before.id);
      lines.push(line(c.to === 'lnf' ? 'lnf' : 'avgang', before.status, 0, m2ToDaa(effect.avgangM2)));
    } else lines.push(line('uendret', before.status, 0, 0));
  });

  const key = (f: number, s: number) => `${f}|${s}`;
  const rows = new Map<string, ChangeSummaryRow>();
  const row = (arealformal: number, status: 1 | 2) => {
    const k = key(arealformal, status);
    let r = rows.get(k);
    if (!r) {
      r = { arealformal, status, baselineDaa: 0, tilgangDaa: 0, avgangDaa: 0, tilbakefortLnfDaa: 0, nettoDaa: 0, scenarioDaa: 0 };
      rows.set(k, r);
    }
    return r;
  };
  for (const a of baseline) row(a.arealformal, a.status).baselineDaa += m2ToDaa(areaPlanarM2(a.geometry));
  for (const a of scenario.areas) row(a.arealformal, a.status).scenarioDaa += m2ToDaa(areaPlanarM2(a.geometry));
  for (const l of lines) {
    if (l.arealformal === null || l.status === null || (l.tilgangDaa === 0 && l.avgangDaa === 0)) continue;
    const r = row(l.arealformal, l.status);
    r.tilgangDaa += l.tilgangDaa;
    r.avgangDaa += l.avgangDaa;
    if (l.kind === 'lnf') r.tilbakefortLnfDaa += l.avgangDaa;
  }
  for (const r of rows.values()) r.nettoDaa = r.tilgangDaa - r.avgangDaa;

  const naering = lines.filter((l) => l.kind !== 'status');
  const sum = (list: readonly ChangeLine[], f: (l: ChangeLine) => number) => list.reduce((s, l) => s + f(l), 0);
  const tilgangDaa = sum(naering, (l) => l.tilgangDaa);
  const avgangDaa = sum(naering, (l) => l.avgangDaa);
  return {
    scenarioNavn: scenario.navn,
    lines,
    byFormal: [...rows.values()].sort((a, b) => a.arealformal - b.arealformal || a.status - b.status),
    total: {
      tilgangDaa,
      avgangDaa,
      tilbakefortLnfDaa: sum(
        naering.filter((l) => l.kind === 'lnf'),
        (l) => l.avgangDaa
      ),
      nettoDaa: tilgangDaa - avgangDaa,
      statusEndretDaa: sum(
        lines.filter((l) => l.kind === 'status'),
        (l) => l.avgangDaa
      )
    }
  };
}

const sameSpenn = (a: Spenn, b: Spenn) => a.min === b.min && a.max === b.max;

/** The sources of every figure the report uses, with the values used and whether they were changed. */
export function reportSources(norms: Norms): ReportSource[] {
  const d = defaultNorms();
  const doc = (k: Kilde | undefined) => (k ? DOKUMENTER[k.dokument].tittel : null);
  const plan = (id: SourceId, value: number | Spenn, dflt: number | Spenn, kilde: Kilde): ReportSource => ({
    id,
    kind: 'plan',
    value,
    changed: typeof value === 'number' ? value !== dflt : !sameSpenn(value, dflt as Spenn),
    kilde,
    dokument: doc(kilde),
    begrunnelse: null
  });
  const assumption = (id: SourceId, value: number | Spenn, dflt: number | Spenn, a: { begrunnelse: string; kilde?: Kilde }): ReportSource => ({
    id,
    kind: 'antakelse',
    value,
    changed: typeof value === 'number' ? value !== dflt : !sameSpenn(value, dflt as Spenn),
    kilde: a.kilde ?? null,
    dokument: doc(a.kilde),
    begrunnelse: a.begrunnelse
  });
  const netto: Record<Kategori, { begrunnelse: string; kilde?: Kilde } | Kilde> = {
    kontor: ARBEIDSPLASS_AREAL.nettoKontorM2.kilde,
    'handel/service': ARBEIDSPLASS_AREAL.nettoHandelServiceM2.kilde,
    'lager/produksjon': ANTAKELSER.nettoLagerProduksjonM2,
    offentlig: ANTAKELSER.nettoOffentligM2,
    kombinert: ANTAKELSER.nettoKombinertM2
  };
  const method = (id: SourceId, kind: 'kodeliste' | 'metode'): ReportSource => ({ id, kind, value: null, changed: false, kilde: null, dokument: null, begrunnelse: null });
  return [
    method('kdd', 'metode'),
    method('crs', 'metode'),
    plan('bruttoTomtM2PerArbeidsplass', norms.bruttoTomtM2PerArbeidsplass, d.bruttoTomtM2PerArbeidsplass, ARBEIDSPLASS_AREAL.bruttoTomtM2.kilde),
    plan('nyeArbeidsplasser', norms.nyeArbeidsplasser, d.nyeArbeidsplasser, ARBEIDSPLASSVEKST.nyeArbeidsplasser.kilde),
    plan('periodeAar', norms.periodeAar, d.periodeAar, ARBEIDSPLASSVEKST.periodeAar.kilde),
    plan('arbeidsplasserPerAar', norms.arbeidsplasserPerAar, d.arbeidsplasserPerAar, ARBEIDSPLASSVEKST.perAar.kilde),
    plan('jordvernDaaPerAar', norms.jordvernDaaPerAar, d.jordvernDaaPerAar, JORDVERN_DAA_PER_AAR.kilde),
    ...KATEGORI_IDS.map((k) => {
      const s = netto[k];
      const id = `nettoM2.${k}` as const;
      return 'begrunnelse' in s ? assumption(id, norms.nettoM2PerArbeidsplass[k], d.nettoM2PerArbeidsplass[k], s) : plan(id, norms.nettoM2PerArbeidsplass[k], d.nettoM2PerArbeidsplass[k], s);
    }),
    assumption('nettoBruttoFaktor', norms.nettoBruttoFaktor, d.nettoBruttoFaktor, ANTAKELSER.nettoBruttoFaktor),
    ...KATEGORI_IDS.map((k) => assumption(`utnyttelse.${k}`, norms.utnyttelseBraProsent[k], d.utnyttelseBraProsent[k], ANTAKELSER.utnyttelseBraProsent)),
    method('ar5', 'kodeliste'),
    method('skogbonitetGrupper', 'metode')
  ];
}

/**
 * The arealregnskap of the business land: the four tables for the baseline and (with a scenario)
 * the scenario side by side, the jobs statement, the sources, and whether the data are demo data.
 *
 * Areas are planar in EPSG:25832 (geo/area.ts), AR5 overlaps exact (geo/intersection-area.ts through
 * the flatbush index of geo/overlap.ts). Assumes, as in the plan data and AR5, that the future areas
 * do not overlap each other and that AR5 areas do not overlap each other. Pure: nothing is modified.
 */
export function arealregnskap(input: ArealregnskapInput): Arealregnskap {
  const measure = measurer(ar5Index(input.ar5));
  const baseline = input.planAreas.filter(isFuture).map(measure);
  const scenario = input.scenario ? input.scenario.areas.filter(isFuture).map(measure) : null;
  const jobsBaseline = jobsFigures(baseline, input.norms);
  const jobsScenario = scenario ? jobsFigures(scenario, input.norms) : null;
  const lead = jobsScenario ?? jobsBaseline;
  return {
    demo: input.demo,
    crs: 'EPSG:25832',
    scenarioNavn: input.scenario?.navn ?? null,
    reserve: reserveTable(baseline, scenario),
    change: input.scenario ? changeTable(input.planAreas, input.scenario) : null,
    land: landTable(baseline, scenario, input.norms),
    jobs: { baseline: jobsBaseline, scenario: jobsScenario, statement: lead.statement, floorStatement: lead.floorStatement },
    versions: input.versions ? versionsTable(input.versions) : null,
    sources: reportSources(input.norms)
  };
}

/** A plan's næring areas as the overlay's features. */
export const diffFeatures = (areas: readonly PlanArea[]): PlanDiffFeature[] => areas.map((a) => ({ id: a.id, arealformal: String(a.arealformal), status: a.status, geometry: a.geometry }));

/** Table 5 from one plan version to another (see {@link VersionsTable}); also on its own, so a page can keep it while the rest changes. */
export function versionsTable(pair: VersionPair): VersionsTable {
  const result = planDiff(diffFeatures(pair.old.planAreas), diffFeatures(pair.new.planAreas));
  const omrade = { old: new Map(pair.old.planAreas.map((a) => [a.id, a.omrade])), new: new Map(pair.new.planAreas.map((a) => [a.id, a.omrade])) };
  const figures = (t: number, a: number, r: number): VersionFigures => ({ tilgangDaa: m2ToDaa(t), avgangDaa: m2ToDaa(a), nettoDaa: m2ToDaa(t - a), realisertDaa: m2ToDaa(r) });
  return {
    oldLabel: pair.old.label,
    newLabel: pair.new.label,
    total: figures(result.tilgangM2, result.avgangM2, result.realisertM2),
    byOmrade: planDiffByGroup(result, (source, id) => omrade[source].get(id) ?? id).map((g) => ({ omrade: g.group, ...figures(g.tilgangM2, g.avgangM2, g.realisertM2) })),
    byFormal: versionsByFormal(result)
  };
}

/** Table 5 per arealformål and status (see {@link VersionsTable.byFormal}); rows with nothing to show are left out. */
function versionsByFormal(result: PlanDiffResult): VersionsTable['byFormal'] {
  const rows = new Map<string, { arealformal: number; status: 1 | 2; t: number; a: number; r: number }>();
  for (const f of result.features) {
    const key = `${f.arealformal}|${f.status}`;
    const row = rows.get(key) ?? { arealformal: Number(f.arealformal), status: f.status, t: 0, a: 0, r: 0 };
    if (f.source === 'new') {
      row.t += f.partsM2.tilgang;
      row.r += f.partsM2.realisert;
    } else row.a += f.partsM2.avgang;
    rows.set(key, row);
  }
  return [...rows.values()]
    .filter((x) => x.t > 0 || x.a > 0 || x.r > 0)
    .sort((x, y) => x.arealformal - y.arealformal || x.status - y.status)
    .map((x) => ({ arealformal: x.arealformal, status: x.status, tilgangDaa: m2ToDaa(x.t), avgangDaa: m2ToDaa(x.a), nettoDaa: m2ToDaa(x.t - x.a), realisertDaa: m2ToDaa(x.r) }));
}
