import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { officialConfig } from './config.ts';
import { FAKE_SSB_SERIES, startFakePxWeb, type FakePxWeb } from './fake-pxweb.test-helper.ts';
import { OfficialProxy, SSB_TTL_MS } from './proxy.ts';
import { jobsByYear, parseJsonStat2, ssbJobsQuery } from './ssb.ts';

/** A small JSON-stat2 dataset: dimensions as [id, codes, elimination], values in row-major order. */
function ds(dims: [string, string[], boolean][], value: (number | null)[] | Record<string, number> = [], role: Record<string, string[]> = { time: ['Tid'], geo: ['Region'], metric: ['ContentsCode'] }) {
  return JSON.stringify({
    version: '2.0',
    class: 'dataset',
    label: 'test',
    id: dims.map((d) => d[0]),
    size: dims.map((d) => d[1].length),
    role,
    dimension: Object.fromEntries(dims.map(([id, codes, elimination]) => [id, { label: id, category: { index: codes, label: Object.fromEntries(codes.map((c) => [c, c === '0' ? 'Begge kjønn' : c])) }, extension: { elimination } }])),
    value
  });
}

describe('reading JSON-stat2 from PxWebApi v2', () => {
  it('reads dimensions whatever their order, picks Asker, all years, the measure, and a total for what must be chosen', () => {
    const meta = parseJsonStat2(ds([['Tid', ['2022', '2023'], false], ['Kjonn', ['1', '2', '0'], false], ['NACE2007', ['00-99', '10'], true], ['ContentsCode', ['Lonn', 'Sysselsatte'], false], ['Region', ['0301', 'K-3203', '3025'], true]]));
    expect(meta.ok).toBe(true);
    if (!meta.ok) return;
    const q = ssbJobsQuery(meta.value);
    expect(q.ok).toBe(true);
    if (!q.ok) return;
    expect(Object.fromEntries(q.value.params)).toEqual({ lang: 'no', outputFormat: 'json-stat2', 'valueCodes[Region]': 'K-3203,3025', 'valueCodes[Tid]': '*', 'valueCodes[ContentsCode]': 'Sysselsatte', 'valueCodes[Kjonn]': '0' });
    expect(q.value.regions).toEqual(['K-3203', '3025']);
  });

  it('takes each year from 3203, else 3025, with the time dimension anywhere; years without a figure are left out', () => {
    // Region × Tid, time first: value index = t * 2 + r.
    const data = parseJsonStat2(ds([['Tid', ['2021', '2023', '2024', '2025'], false], ['Region', ['3203', '3025'], false]], [null, 41_000, null, 42_000, 43_000, null, null, null]));
    expect(data.ok).toBe(true);
    if (!data.ok) return;
    const r = jobsByYear(data.value, ['3203', '3025']);
    expect(r).toEqual({ ok: true, value: [{ year: 2021, jobs: 41_000, region: '3025' }, { year: 2023, jobs: 42_000, region: '3025' }, { year: 2024, jobs: 43_000, region: '3203' }] });
  });

  it('reads values given as an object (sparse) too', () => {
    const data = parseJsonStat2(ds([['Region', ['3203'], false], ['Tid', ['2024', '2025'], false]], { '1': 44_000 }));
    expect(data.ok && jobsByYear(data.value, ['3203'])).toEqual({ ok: true, value: [{ year: 2025, jobs: 44_000, region: '3203' }] });
  });

  it('names what is wrong with an answer it cannot use, and stays within bounds on a crafted one', () => {
    const code = (text: string) => {
      const r = parseJsonStat2(text);
      return r.ok ? 'ok' : r.problem.code;
    };
    expect(code('<html>')).toBe('ssb.bad-answer');
    expect(code('{"class":"collection"}')).toBe('ssb.bad-answer');
    expect(code(ds([['Region', ['3203'], false], ['Tid', ['2024'], false]], [1, 2, 3]))).toBe('ssb.bad-answer');
    // Size that does not match the categories.
    expect(code(JSON.stringify({ class: 'dataset', id: ['Tid'], size: [5], dimension: { Tid: { category: { index: ['2024'] } } }, value: [] }))).toBe('ssb.bad-answer');
    // 13 dimensions, or 2000 × 2000 cells: refused before anything is allocated for them.
    expect(code(ds(Array.from({ length: 13 }, (_, i) => [`D${i}`, ['a'], true] as [string, string[], boolean])))).toBe('ssb.too-large');
    const many = Array.from({ length: 2000 }, (_, i) => String(i));
    expect(code(ds([['Region', many, true], ['Tid', many, false]]))).toBe('ssb.too-large');
    const noAsker = parseJsonStat2(ds([['Region', ['0301'], true], ['Tid', ['2024'], false]]));
    expect(noAsker.ok && ssbJobsQuery(noAsker.value)).toMatchObject({ ok: false, problem: { code: 'ssb.no-region' } });
    const empty = parseJsonStat2(ds([['Region', ['3203'], false], ['Tid', ['2024'], false]], [null]));
    expect(empty.ok && jobsByYear(empty.value, ['3203'])).toMatchObject({ ok: false, problem: { code: 'ssb.no-data' } });
  });
});

describe('SSB through the proxy, against a fake PxWebApi v2 on loopback', () => {
  let fake: FakePxWeb;
  let dir: string;
  let now = Date.parse('2026-11-30T12:00:00Z');
  const proxy = (extra: Record<string, string> = {}) => new OfficialProxy({ config: officialConfig({ SSB_API_URL: fake.url, KARTBUFFER_DIR: dir, ...extra }).config, now: () => now, limits: { timeoutMs: 2000, maxBytes: 1024 * 1024 } });
  const body = (r: { body: Uint8Array | string }) => JSON.parse(String(r.body));

  beforeEach(async () => {
    fake = await startFakePxWeb();
    dir = mkdtempSync(path.join(tmpdir(), 'kartbuffer-'));
    now = Date.parse('2026-11-30T12:00:00Z');
  });
  afterEach(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives Asker’s series (3025 for 2020–2023, 3203 from 2024) with its fetch time, asking the table’s metadata first', async () => {
    const r = await proxy().ssbJobs();
    expect(r.status).toBe(200);
    const b = body(r);
    expect(b.series.map((x: { year: number; jobs: number }) => ({ year: x.year, jobs: x.jobs }))).toEqual(FAKE_SSB_SERIES);
    expect(b.series.map((x: { region: string }) => x.region)).toEqual(['3025', '3025', '3025', '3025', '3203']);
    expect(b).toMatchObject({ table: '13472', regions: ['3203', '3025'], fetchedAt: '2026-11-30T12:00:00.000Z', stale: false, updated: '2025-06-20T06:00:00Z' });
    expect(fake.hits).toHaveLength(2);
    expect(fake.hits[0]).toBe('/api/pxwebapi/v2/tables/13472/metadata?lang=no&outputFormat=json-stat2');
    // Kjonn must be chosen (its total); NACE2007 may be left out and is.
    expect(decodeURIComponent(fake.hits[1] as string)).toBe('/api/pxwebapi/v2/tables/13472/data?lang=no&outputFormat=json-stat2&valueCodes[Region]=3203,3025&valueCodes[Tid]=*&valueCodes[ContentsCode]=Sysselsatte&valueCodes[Kjonn]=0');
  });

  it('keeps the figures: from the cache while fresh, the last ones (stale, with their date) when SSB is down; without any, a 502', async () => {
    const p = proxy();
    await p.ssbJobs();
    now += SSB_TTL_MS.data - 1000;
    expect(body(await p.ssbJobs()).stale).toBe(false);
    expect(fake.hits).toHaveLength(2);
    await fake.close();
    now += SSB_TTL_MS.metadata + 1;
    const stale = await p.ssbJobs();
    expect(stale.status).toBe(200);
    expect(body(stale)).toMatchObject({ stale: true, fetchedAt: '2026-11-30T12:00:00.000Z' });
    expect(body(stale).series).toHaveLength(FAKE_SSB_SERIES.length);

    rmSync(dir, { recursive: true, force: true });
    const none = await proxy().ssbJobs();
    expect(none.status).toBe(502);
    expect(body(none).error).toBe('upstream.unreachable');
  });

  it('gives up on a slow SSB within the time limit, and does nothing when turned off', async () => {
    fake.delayMs = 3000;
    const started = Date.now();
    const slow = await new OfficialProxy({ config: officialConfig({ SSB_API_URL: fake.url, KARTBUFFER_DIR: dir }).config, limits: { timeoutMs: 300, maxBytes: 1024 * 1024 } }).ssbJobs();
    expect(slow.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(2000);
    const hits = fake.hits.length;
    expect((await proxy({ OFFISIELLE_KART: 'av' }).ssbJobs()).status).toBe(404);
    expect(fake.hits).toHaveLength(hits);
  });

  it('fetches only from the configured host: a base URL without a trailing slash keeps its path', async () => {
    const r = await proxy({ SSB_API_URL: fake.url.replace(/\/$/, '') }).ssbJobs();
    expect(r.status).toBe(200);
    expect(fake.hits[0]).toMatch(/^\/api\/pxwebapi\/v2\/tables\/13472\/metadata/);
  });
});
