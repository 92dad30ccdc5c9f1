import type { RunwayYear } from './indicators.ts';
import type { Norms } from './norms.ts';

/** Jobs in Asker in one year (SSB: employed persons with their workplace in Asker, 4th quarter). */
export interface JobsCount {
  year: number;
  jobs: number;
}

/** SSB's jobs against the plan's growth path and the land's capacity, year by year. */
export interface JobGrowth {
  /** The year the path starts from and SSB's figure that year (the plan's start year when SSB has it). */
  anchor: JobsCount;
  /** SSB's figures, by year. */
  ssb: JobsCount[];
  /** The plan's path from the anchor: anchor + low (500) and high (550) jobs a year, to the end of the runway. */
  path: { year: number; low: number; high: number }[];
  /** The anchor plus the jobs the future areas ready by each year hold (land norm), as in the runway. */
  capacity: JobsCount[];
  /** SSB's latest year against the path that year: growth since the anchor and where it lies. */
  latest: { year: number; jobs: number; growth: number; pathLow: number; pathHigh: number; verdict: 'below' | 'within' | 'above' } | null;
  inputs: { perYear: { min: number; max: number }; startYear: number };
}

/**
 * Sets SSB's yearly jobs in Asker against the plan: the path of 500–550 more jobs a year from the
 * plan's start year (from SSB's figure that year; if SSB has none then, the nearest year after,
 * else the last before), and the capacity of the future areas as they become ready (the runway's
 * land-norm capacity on top of the same figure), so growth and land can be read on one axis.
 * Pure; null when SSB gives no figures.
 */
export function jobGrowth(series: readonly JobsCount[], runway: readonly RunwayYear[], norms: Pick<Norms, 'arbeidsplasserPerAar'>, startYear: number): JobGrowth | null {
  const ssb = [...series].filter((s) => Number.isFinite(s.jobs) && Number.isInteger(s.year)).sort((a, b) => a.year - b.year);
  if (!ssb.length) return null;
  const anchor = ssb.find((s) => s.year === startYear) ?? ssb.find((s) => s.year > startYear) ?? (ssb[ssb.length - 1] as JobsCount);
  const rate = norms.arbeidsplasserPerAar;
  const endYear = Math.max(runway[runway.length - 1]?.year ?? startYear, (ssb[ssb.length - 1] as JobsCount).year);
  const path: JobGrowth['path'] = [];
  for (let year = anchor.year; year <= endYear; year++) path.push({ year, low: anchor.jobs + rate.min * (year - anchor.year), high: anchor.jobs + rate.max * (year - anchor.year) });
  const capacity = runway.filter((r) => r.year >= anchor.year).map((r) => ({ year: r.year, jobs: anchor.jobs + r.capacity }));
  const last = ssb[ssb.length - 1] as JobsCount;
  const at = path.find((p) => p.year === last.year);
  const latest =
    at && last.year > anchor.year
      ? { year: last.year, jobs: last.jobs, growth: last.jobs - anchor.jobs, pathLow: at.low, pathHigh: at.high, verdict: last.jobs < at.low ? ('below' as const) : last.jobs > at.high ? ('above' as const) : ('within' as const) }
      : null;
  return { anchor: { ...anchor }, ssb: ssb.map((s) => ({ year: s.year, jobs: s.jobs })), path, capacity, latest, inputs: { perYear: { min: rate.min, max: rate.max }, startYear } };
}
