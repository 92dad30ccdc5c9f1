import { AR5_JORDBRUKSKLASSER, type Ar5Jordbruksklasse } from '../../../seeds/ar5.ts';
import { ARBEIDSPLASSVEKST, OMRADER, type AbcKlasse } from '../../../seeds/plan.ts';
import type { ChangeEffect, PlanArea } from './plan-area.ts';
import { needCoverage, type NeedCoverage } from './need.ts';
import { areaStats, type AreaStats, type StatsContext } from './stats.ts';

/** One year of the runway: cumulative capacity of ready future sites against cumulative need. */
export interface RunwayYear {
  year: number;
  /** Land-model capacity (jobs) of future sites ready by this year. */
  capacity: number;
  /** Cumulative need at the low and high growth rate (e.g. 500 and 550 jobs per year). */
  needLow: number;
  needHigh: number;
}

/** Figures for one named area. */
export interface AreaRow {
  omrade: string;
  naavaerendeDaa: number;
  framtidigDaa: number;
  jobsLand: number;
  jobsFloorLow: number;
  jobsFloorHigh: number;
  farmlandDaa: number;
}

/** A scenario's arealregnskap and indicators. Areas planar in EPSG:25832. */
export interface ScenarioIndicators {
  naavaerendeDaa: number;
  framtidigDaa: number;
  tilgangDaa: number;
  avgangDaa: number;
  nettoDaa: number;
  /** Job capacity of the future areas (the reserve for new jobs). */
  capacity: { land: number; floorLow: number; floorHigh: number };
  /** Job capacity of all næring areas, current and future. */
  capacityAll: { land: number; floorLow: number; floorHigh: number };
  need: NeedCoverage;
  runway: RunwayYear[];
  /** First year the cumulative need exceeds the ready capacity, at the high and low rate; null if never within the period. */
  runsOut: { atHighRate: number | null; atLowRate: number | null };
  /** Farmland inside future areas (omdisponert if they are built), daa by AR5 class, and years of the jordvern quota it uses. */
  farmland: { byClassDaa: Record<Ar5Jordbruksklasse, number>; totalDaa: number; quotaYears: number };
  /** Share (0–1) of the future land-model capacity by ABC class. */
  abcShares: Record<AbcKlasse, number>;
  /** Share (0–1) of the future land-model capacity in the plan's core areas and growth areas. */
  coreShare: number;
  growthShare: number;
  perArea: AreaRow[];
}

const matchesAny = (omrade: string, names: readonly string[]) => names.some((n) => omrade === n || omrade.startsWith(`${n}/`) || omrade.startsWith(`${n} `));

/**
 * Computes the arealregnskap of a scenario's areas: næring current/future, tilgang and avgang
 * from the change effects, job capacity of the future areas in both models against the plan's
 * need, the runway (each future site counted from the plan's start year plus the years its
 * readiness needs), farmland in future areas against the jordvern quota, capacity by ABC class
 * and in the core and growth areas, and a table per named area. Pure.
 */
export function scenarioIndicators(areas: readonly PlanArea[], effects: readonly ChangeEffect[], ctx: StatsContext): ScenarioIndicators {
  const n = ctx.norms;
  const start = ARBEIDSPLASSVEKST.planStartAar.verdi;
  const stats = new Map<string, AreaStats>(areas.map((a) => [a.id, areaStats(a, ctx)]));
  const future = areas.filter((a) => a.status === 2);
  const sum = (list: readonly PlanArea[], f: (s: AreaStats) => number) => list.reduce((t, a) => t + f(stats.get(a.id) as AreaStats), 0);

  const capacityOf = (list: readonly PlanArea[]) => ({ land: sum(list, (s) => s.land.jobs), floorLow: sum(list, (s) => s.floor.low), floorHigh: sum(list, (s) => s.floor.high) });
  const capacity = capacityOf(future);

  const readyYear = (a: PlanArea) => start + n.aarTilKlar[a.statusTomt ?? 'maa-reguleres'];
  const runway: RunwayYear[] = [];
  for (let year = start; year <= start + n.periodeAar; year++) {
    runway.push({
      year,
      capacity: future.filter((a) => readyYear(a) <= year).reduce((t, a) => t + (stats.get(a.id) as AreaStats).land.jobs, 0),
      needLow: n.arbeidsplasserPerAar.min * (year - start),
      needHigh: n.arbeidsplasserPerAar.max * (year - start)
    });
  }
  const runsOutAt = (need: (r: RunwayYear) => number) => runway.find((r) => r.year > start && need(r) > r.capacity)?.year ?? null;

  const byClassDaa = Object.fromEntries(AR5_JORDBRUKSKLASSER.map((k) => [k, sum(future, (s) => (s.farmland?.byClassM2[k] ?? 0) / 1000)])) as Record<Ar5Jordbruksklasse, number>;
  const farmTotal = AR5_JORDBRUKSKLASSER.reduce((t, k) => t + byClassDaa[k], 0);

  const abcShares: Record<AbcKlasse, number> = { A: 0, B: 0, C: 0 };
  for (const a of future) {
    const s = stats.get(a.id) as AreaStats;
    abcShares[s.abc.klasse] += capacity.land > 0 ? s.land.jobs / capacity.land : 0;
  }
  const share = (names: readonly string[]) => (capacity.land > 0 ? sum(future.filter((a) => matchesAny(a.omrade, names)), (s) => s.land.jobs) / capacity.land : 0);

  const omrader = [...new Set(areas.map((a) => a.omrade))].sort((x, y) => x.localeCompare(y, 'nb'));
  const perArea: AreaRow[] = omrader.map((omrade) => {
    const inArea = areas.filter((a) => a.omrade === omrade);
    const fut = inArea.filter((a) => a.status === 2);
    return {
      omrade,
      naavaerendeDaa: sum(inArea.filter((a) => a.status === 1), (s) => s.areaDaa),
      framtidigDaa: sum(fut, (s) => s.areaDaa),
      jobsLand: sum(fut, (s) => s.land.jobs),
      jobsFloorLow: sum(fut, (s) => s.floor.low),
      jobsFloorHigh: sum(fut, (s) => s.floor.high),
      farmlandDaa: sum(fut, (s) => (s.farmland?.totalM2 ?? 0) / 1000)
    };
  });

  const tilgangDaa = effects.reduce((t, e) => t + e.tilgangM2, 0) / 1000;
  const avgangDaa = effects.reduce((t, e) => t + e.avgangM2, 0) / 1000;
  return {
    naavaerendeDaa: sum(
      areas.filter((a) => a.status === 1),
      (s) => s.areaDaa
    ),
    framtidigDaa: sum(future, (s) => s.areaDaa),
    tilgangDaa,
    avgangDaa,
    nettoDaa: tilgangDaa - avgangDaa,
    capacity,
    capacityAll: capacityOf(areas),
    need: needCoverage(capacity.land, n),
    runway,
    runsOut: { atHighRate: runsOutAt((r) => r.needHigh), atLowRate: runsOutAt((r) => r.needLow) },
    farmland: { byClassDaa, totalDaa: farmTotal, quotaYears: farmTotal / n.jordvernDaaPerAar },
    abcShares,
    coreShare: share(OMRADER.kjerneomrader.verdi),
    growthShare: share(OMRADER.vekstomrader.verdi),
    perArea
  };
}
