import { describe, expect, it } from 'vitest';
import { parseSsbJobsAnswer } from './ssb-jobs.ts';

describe('the SSB answer in the browser', () => {
  it('keeps the series, fetch time, staleness and SSB’s update time', () => {
    const a = parseSsbJobsAnswer({ table: '13472', series: [{ year: 2024, jobs: 42_650, region: '3203' }], fetchedAt: '2026-11-30T12:00:00.000Z', stale: true, updated: '2025-06-20T06:00:00Z', extra: 1 });
    expect(a).toEqual({ table: '13472', series: [{ year: 2024, jobs: 42_650, region: '3203' }], fetchedAt: '2026-11-30T12:00:00.000Z', stale: true, updated: '2025-06-20T06:00:00Z' });
  });

  it('refuses what is not an answer: an error, no figures, a figure that is not a count', () => {
    expect(parseSsbJobsAnswer({ error: 'upstream.unreachable' })).toBeNull();
    expect(parseSsbJobsAnswer({ series: [] })).toBeNull();
    expect(parseSsbJobsAnswer({ series: [{ year: 2024.5, jobs: 1 }] })).toBeNull();
    expect(parseSsbJobsAnswer({ series: [{ year: 2024, jobs: '42 650' }] })).toBeNull();
    expect(parseSsbJobsAnswer({ series: [{ year: 2024, jobs: 1 }], fetchedAt: '<img src=x>' })?.fetchedAt).toBeNull();
  });
});
