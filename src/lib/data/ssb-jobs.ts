/**
 * The answer of `GET /api/offisielt/ssb/sysselsatte` (SSB's jobs in Asker by year, through the
 * app's proxy) as the browser uses it: checked field by field, since it crosses the network.
 */

export interface SsbJobsAnswer {
  /** SSB's table (13472). */
  table: string;
  series: { year: number; jobs: number; region: string }[];
  /** When the proxy fetched the figures from SSB (ISO), and whether they are the last ones kept because SSB could not be reached. */
  fetchedAt: string | null;
  stale: boolean;
  /** When SSB last updated the table (ISO), as SSB says. */
  updated: string | null;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isoOrNull = (v: unknown): string | null => (typeof v === 'string' && v.length <= 40 && Number.isFinite(Date.parse(v)) ? v : null);

/** The answer, or null when it is not one (then the figures count as unavailable). */
export function parseSsbJobsAnswer(v: unknown): SsbJobsAnswer | null {
  if (!isObj(v) || !Array.isArray(v.series) || v.series.length > 500) return null;
  const series: SsbJobsAnswer['series'] = [];
  for (const s of v.series) {
    if (!isObj(s) || !Number.isInteger(s.year) || typeof s.jobs !== 'number' || !Number.isFinite(s.jobs) || s.jobs < 0) return null;
    series.push({ year: s.year as number, jobs: s.jobs, region: typeof s.region === 'string' ? s.region.slice(0, 20) : '' });
  }
  if (!series.length) return null;
  return { table: typeof v.table === 'string' ? v.table.slice(0, 20) : '', series, fetchedAt: isoOrNull(v.fetchedAt), stale: v.stale === true, updated: isoOrNull(v.updated) };
}
