import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { officialConfig, DEFAULT_URLS } from './config.ts';
import { OfficialProxy, TTL_MS } from './proxy.ts';
import { PNG_1PX, startFakeWms, type FakeWms } from './fake-wms.test-helper.ts';
import { wmsUpstreamUrl } from './wms.ts';

const getMap = (extra: Record<string, string> = {}) =>
  new URLSearchParams({ service: 'WMS', request: 'GetMap', layers: 'kp_arealformal', crs: 'EPSG:3857', bbox: '1150000,8350000,1160000,8360000', width: '256', height: '256', format: 'image/png', transparent: 'true', ...extra });

describe('configuration of the official maps', () => {
  it('defaults to the national services, the cache under the data folder, and on', () => {
    const { config, problems } = officialConfig({ DATA_DIR: '/srv/data' });
    expect(problems).toEqual([]);
    expect(config.enabled).toBe(true);
    expect(Object.fromEntries(Object.entries(config.urls).map(([k, u]) => [k, u.toString()]))).toEqual(DEFAULT_URLS);
    expect(config.cacheDir).toBe(path.resolve('/srv/data/kartbuffer'));
  });

  it('takes other base URLs, a cache folder and «av»; a URL it cannot use keeps the default and is named', () => {
    const { config, problems } = officialConfig({ DIBK_WMS_URL: 'http://127.0.0.1:9/wms?map=kp', NIBIO_AR5_WMS_URL: 'ftp://x/ar5', SSB_API_URL: 'https://user:pw@ssb.example/api', KARTBUFFER_DIR: '/tmp/kb', OFFISIELLE_KART: 'av' });
    expect(config.enabled).toBe(false);
    expect(config.urls.dibk.toString()).toBe('http://127.0.0.1:9/wms?map=kp');
    expect(config.urls.nibio.toString()).toBe(DEFAULT_URLS.nibio);
    expect(config.urls.ssb.toString()).toBe(DEFAULT_URLS.ssb);
    expect(problems.map((p) => p.params.name)).toEqual(['NIBIO_AR5_WMS_URL', 'SSB_API_URL']);
    expect(config.cacheDir).toBe('/tmp/kb');
  });

  it('takes the cache size and the fetches per client a minute; a value that is not a positive number keeps the default and is named', () => {
    expect(officialConfig({}).config).toMatchObject({ cacheMaxBytes: 1024 * 1024 * 1024, fetchesPerMinute: 600 });
    expect(officialConfig({ KARTBUFFER_MAKS_MB: '50', OFFISIELLE_KART_PER_MINUTT: '120' }).config).toMatchObject({ cacheMaxBytes: 50 * 1024 * 1024, fetchesPerMinute: 120 });
    const bad = officialConfig({ KARTBUFFER_MAKS_MB: '-1', OFFISIELLE_KART_PER_MINUTT: 'mange' });
    expect(bad.config).toMatchObject({ cacheMaxBytes: 1024 * 1024 * 1024, fetchesPerMinute: 600 });
    expect(bad.problems.map((p) => [p.code, p.params.name])).toEqual([
      ['official.bad-number', 'KARTBUFFER_MAKS_MB'],
      ['official.bad-number', 'OFFISIELLE_KART_PER_MINUTT']
    ]);
  });
});

describe('WMS requests passed on: only WMS 1.3.0 with checked parameters, on the configured host', () => {
  const base = new URL('https://nap.ft.dibk.no/services/wms/kommuneplaner/');
  it('builds GetMap on the configured base, keeping its path', () => {
    const r = wmsUpstreamUrl(base, getMap({ evil: 'http://attacker.example/' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.url.origin + r.url.pathname).toBe('https://nap.ft.dibk.no/services/wms/kommuneplaner/');
    expect(Object.fromEntries(r.url.searchParams)).toEqual({ SERVICE: 'WMS', VERSION: '1.3.0', REQUEST: 'GetMap', LAYERS: 'kp_arealformal', CRS: 'EPSG:3857', BBOX: '1150000,8350000,1160000,8360000', WIDTH: '256', HEIGHT: '256', FORMAT: 'image/png', TRANSPARENT: 'true', STYLES: '' });
  });

  it('refuses other requests, bad values and missing parameters, by name', () => {
    const no = (q: URLSearchParams) => {
      const r = wmsUpstreamUrl(base, q);
      return r.ok ? null : [r.problem.code, r.problem.params.name ?? r.problem.params.value];
    };
    expect(no(getMap({ request: 'GetStyles' }))).toEqual(['wms.bad-request', 'GetStyles']);
    expect(no(getMap({ layers: 'http://attacker.example/x' }))).toEqual(['wms.bad-param', 'LAYERS']);
    expect(no(getMap({ crs: 'EPSG:9999' }))).toEqual(['wms.bad-param', 'CRS']);
    expect(no(getMap({ bbox: '1,2,NaN,4' }))).toEqual(['wms.bad-param', 'BBOX']);
    expect(no(getMap({ width: '100000' }))).toEqual(['wms.bad-param', 'WIDTH']);
    expect(no(getMap({ format: 'image/svg+xml' }))).toEqual(['wms.bad-param', 'FORMAT']);
    const info = new URLSearchParams({ request: 'GetFeatureInfo', layers: 'a', query_layers: 'a', crs: 'EPSG:3857', bbox: '0,0,1,1', width: '256', height: '256', i: '10', j: '300' });
    expect(no(info)).toEqual(['wms.bad-param', 'J']);
    info.set('j', '10');
    info.set('info_format', 'text/html');
    expect(no(info)).toEqual(['wms.bad-param', 'INFO_FORMAT']);
    expect(no(new URLSearchParams({ request: 'GetMap', layers: 'a' }))).toEqual(['wms.missing-param', 'CRS']);
  });
});

describe('the proxy against a fake WMS on loopback', () => {
  let fake: FakeWms;
  let dir: string;
  let now = Date.parse('2026-11-30T12:00:00Z');
  const proxy = (extra: Partial<Parameters<typeof officialConfig>[0]> = {}, limits = { timeoutMs: 2000, maxBytes: 1024 * 1024 }) =>
    new OfficialProxy({ config: officialConfig({ DIBK_WMS_URL: fake.url, NIBIO_AR5_WMS_URL: fake.url, KARTBUFFER_DIR: dir, ...extra }).config, now: () => now, limits });

  beforeEach(async () => {
    fake = await startFakeWms();
    dir = mkdtempSync(path.join(tmpdir(), 'kartbuffer-'));
    now = Date.parse('2026-11-30T12:00:00Z');
  });
  afterEach(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes a tile on, keeps it, and answers the next request from the cache until it expires', async () => {
    const p = proxy();
    const first = await p.wms('dibk', getMap());
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('image/png');
    expect(first.headers['x-kartbuffer']).toBe('hentet');
    expect(first.headers['x-hentet']).toBe('2026-11-30T12:00:00.000Z');
    expect(first.body).toEqual(PNG_1PX);
    expect(fake.hits).toHaveLength(1);
    expect(fake.hits[0]).toContain('map=kp');

    now += TTL_MS.GetMap - 1000;
    const again = await proxy().wms('dibk', getMap());
    expect(again.headers['x-kartbuffer']).toBe('treff');
    expect(again.headers['x-hentet']).toBe('2026-11-30T12:00:00.000Z');
    expect(fake.hits).toHaveLength(1);

    now += 2000;
    const expired = await p.wms('dibk', getMap());
    expect(expired.headers['x-kartbuffer']).toBe('hentet');
    expect(fake.hits).toHaveLength(2);
  });

  it('shares one upstream fetch between identical requests in flight', async () => {
    fake.delayMs = 200;
    const p = proxy();
    const answers = await Promise.all([p.wms('dibk', getMap()), p.wms('dibk', getMap()), p.wms('dibk', getMap())]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(fake.hits).toHaveLength(1);
  });

  it('serves the last map it has when the upstream is down, with its fetch time; without one, a 502 with the reason', async () => {
    const p = proxy();
    await p.wms('dibk', getMap());
    await fake.close();
    now += TTL_MS.GetMap + 1;
    const stale = await p.wms('dibk', getMap());
    expect(stale.status).toBe(200);
    expect(stale.headers['x-kartbuffer']).toBe('gammel');
    expect(stale.headers['x-hentet']).toBe('2026-11-30T12:00:00.000Z');
    expect(stale.headers['x-kartbuffer-feil']).toBe('upstream.unreachable');
    const never = await p.wms('dibk', getMap({ bbox: '0,0,10,10' }));
    expect(never.status).toBe(502);
    expect(JSON.parse(String(never.body)).error).toBe('upstream.unreachable');
  });

  it('gives up on a slow upstream within its time limit (504), and on one that sends too much', async () => {
    fake.delayMs = 3000;
    const started = Date.now();
    const slow = await proxy({}, { timeoutMs: 300, maxBytes: 1024 * 1024 }).wms('dibk', getMap());
    expect(slow.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(2000);
    fake.delayMs = 0;
    fake.hugeBytes = 20 * 1024 * 1024;
    const huge = await proxy({}, { timeoutMs: 5000, maxBytes: 256 * 1024 }).wms('dibk', getMap({ bbox: '0,0,5,5' }));
    expect(huge.status).toBe(502);
    expect(JSON.parse(String(huge.body)).error).toBe('upstream.too-large');
  });

  it('refuses unknown services and bad requests before anything is fetched, and does nothing when turned off', async () => {
    expect((await proxy().wms('attacker.example', getMap())).status).toBe(404);
    expect((await proxy().wms('dibk', getMap({ layers: '../../etc/passwd' }))).status).toBe(400);
    expect((await proxy({ OFFISIELLE_KART: 'av' }).wms('dibk', getMap())).status).toBe(404);
    expect(fake.hits).toEqual([]);
  });

  it('answers GetFeatureInfo as text that cannot run as a page on the app’s origin', async () => {
    const info = await proxy().wms('dibk', new URLSearchParams({ request: 'GetFeatureInfo', layers: 'kp_arealformal', query_layers: 'kp_arealformal', crs: 'EPSG:3857', bbox: '0,0,100,100', width: '256', height: '256', i: '128', j: '128' }));
    expect(info.status).toBe(200);
    expect(String(new TextDecoder().decode(info.body as Uint8Array))).toContain("planidentifikasjon = '2020-007'");
    expect(info.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(fake.hits[0]).toContain('INFO_FORMAT=text%2Fplain');
  });

  it('lets each client cause only so many fetches a minute: past it, the cache’s last answer or 429; other clients and cache hits are not held back', async () => {
    const p = proxy({ OFFISIELLE_KART_PER_MINUTT: '2' });
    const tile = (n: number, client: string) => p.wms('dibk', getMap({ bbox: `0,0,${n},${n}` }), client);
    expect((await tile(1, 'a')).status).toBe(200);
    expect((await tile(2, 'a')).status).toBe(200);
    const third = await tile(3, 'a');
    expect(third.status).toBe(429);
    expect(third.headers['retry-after']).toMatch(/^\d+$/);
    expect(JSON.parse(String(third.body)).error).toBe('official.too-many');
    expect(fake.hits).toHaveLength(2);
    // Cache hits cost nothing; another client has its own share.
    expect((await tile(1, 'a')).headers['x-kartbuffer']).toBe('treff');
    expect((await tile(3, 'b')).status).toBe(200);
    // A day later the share is full again; spent on two new tiles, an expired one comes as the last kept, marked stale.
    now += TTL_MS.GetMap + 1;
    await tile(4, 'a');
    await tile(5, 'a');
    expect(fake.hits).toHaveLength(5);
    const kept = await tile(1, 'a');
    expect(kept.status).toBe(200);
    expect(kept.headers['x-kartbuffer']).toBe('gammel');
    expect(kept.headers['x-kartbuffer-feil']).toBe('upstream.limited');
    expect(fake.hits).toHaveLength(5);
  });

  it('keeps the cache folder under its size: the entries written longest ago go first', async () => {
    fake.hugeBytes = 0;
    // Each tile is the 1 px PNG (about 70 bytes) plus its metadata (about 300 bytes); 1 KB holds two or three.
    const p = proxy({ KARTBUFFER_MAKS_MB: String(1 / 1024) });
    for (let n = 1; n <= 8; n++) {
      await p.wms('dibk', getMap({ bbox: `0,0,${n},${n}` }));
      await new Promise((r) => setTimeout(r, 15));
    }
    const files = readdirSync(dir);
    const bytes = files.reduce((t, f) => t + statSync(path.join(dir, f)).size, 0);
    expect(bytes).toBeLessThanOrEqual(1024);
    expect(files.length).toBeGreaterThan(0);
    // The newest tile is still there (a hit), the first is gone (fetched again).
    const hits = fake.hits.length;
    expect((await p.wms('dibk', getMap({ bbox: '0,0,8,8' }))).headers['x-kartbuffer']).toBe('treff');
    expect((await p.wms('dibk', getMap({ bbox: '0,0,1,1' }))).headers['x-kartbuffer']).toBe('hentet');
    expect(fake.hits).toHaveLength(hits + 1);
  });

  it('gives the layers to show from GetCapabilities, also from the cache when the service is down', async () => {
    const p = proxy();
    const r = await p.layers('dibk');
    expect(r.status).toBe(200);
    expect(JSON.parse(String(r.body))).toEqual({ layers: [{ name: 'kp_arealformal', title: 'Arealformål' }], fetchedAt: '2026-11-30T12:00:00.000Z', stale: false });
    await fake.close();
    now += TTL_MS.GetCapabilities + 1;
    const later = JSON.parse(String((await p.layers('dibk')).body));
    expect(later.stale).toBe(true);
    expect(later.layers).toHaveLength(1);
  });
});
