import { describe, expect, it } from 'vitest';
import { jobGrowth } from './job-growth.ts';
import { defaultNorms } from './norms.ts';

const norms = defaultNorms();
const runway = [2020, 2021, 2022, 2023, 2024, 2025].map((year, i) => ({ year, capacity: i < 2 ? 0 : 1200 * (i - 1), needLow: 500 * i, needHigh: 550 * i }));
const series = [
  { year: 2022, jobs: 41_600 },
  { year: 2020, jobs: 40_000 },
  { year: 2021, jobs: 40_700 },
  { year: 2024, jobs: 42_650 },
  { year: 2023, jobs: 42_100 }
];

describe('SSB jobs against the plan’s path and the capacity', () => {
  it('starts the path of 500–550 a year at SSB’s figure in the plan’s start year and runs it to the end of the runway', () => {
    const g = jobGrowth(series, runway, norms, 2020);
    expect(g?.anchor).toEqual({ year: 2020, jobs: 40_000 });
    expect(g?.ssb.map((s) => s.year)).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(g?.path[0]).toEqual({ year: 2020, low: 40_000, high: 40_000 });
    expect(g?.path.at(-1)).toEqual({ year: 2025, low: 42_500, high: 42_750 });
    expect(g?.capacity).toEqual([
      { year: 2020, jobs: 40_000 },
      { year: 2021, jobs: 40_000 },
      { year: 2022, jobs: 41_200 },
      { year: 2023, jobs: 42_400 },
      { year: 2024, jobs: 43_600 },
      { year: 2025, jobs: 44_800 }
    ]);
  });

  it('says where the latest year lies: 2 650 more jobs by 2024 is above the path’s 2 000–2 200', () => {
    expect(jobGrowth(series, runway, norms, 2020)?.latest).toEqual({ year: 2024, jobs: 42_650, growth: 2650, pathLow: 42_000, pathHigh: 42_200, verdict: 'above' });
    expect(jobGrowth([...series.slice(0, 3), { year: 2024, jobs: 42_100 }], runway, norms, 2020)?.latest?.verdict).toBe('within');
    expect(jobGrowth([...series.slice(0, 3), { year: 2024, jobs: 41_000 }], runway, norms, 2020)?.latest?.verdict).toBe('below');
  });

  it('starts from the nearest later year when SSB has none in the start year, and has no verdict with one year only', () => {
    const g = jobGrowth(series.filter((s) => s.year !== 2020), runway, norms, 2020);
    expect(g?.anchor).toEqual({ year: 2021, jobs: 40_700 });
    expect(g?.capacity[0]).toEqual({ year: 2021, jobs: 40_700 });
    expect(jobGrowth([{ year: 2024, jobs: 42_650 }], runway, norms, 2020)?.latest).toBeNull();
    expect(jobGrowth([], runway, norms, 2020)).toBeNull();
  });

  it('uses the scenario’s own rate, and does not change its inputs', () => {
    const copy = structuredClone(series);
    const g = jobGrowth(series, runway, { arbeidsplasserPerAar: { min: 300, max: 400 } }, 2020);
    expect(g?.path[4]).toEqual({ year: 2024, low: 41_200, high: 41_600 });
    expect(series).toEqual(copy);
  });
});
