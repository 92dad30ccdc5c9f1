/**
 * The official-maps proxy: a browser request names a service and a WMS request, the proxy builds
 * the upstream URL on the configured host only ({@link wmsUpstreamUrl}), answers from the disk
 * cache while the entry is fresh, fetches with bounds otherwise ({@link fetchBounded}), and when
 * the upstream fails serves the last answer it has (stale) with its fetch time. Identical requests
 * in flight share one fetch. Answers carry `X-Kartbuffer` (`treff`, `hentet`, `gammel`) and
 * `X-Hentet` (when the map was fetched).
 */
import { RateLimiter } from '../rate-limit.ts';
import { DiskCache } from './cache.ts';
import { capabilityLayers, pickLayers } from './capabilities.ts';
import type { OfficialConfig, OfficialService } from './config.ts';
import { jobsByYear, parseJsonStat2, SSB_TABLE, ssbJobsQuery, type SsbProblem } from './ssb.ts';
import { fetchBounded, type UpstreamFailure } from './upstream.ts';
import { wmsUpstreamUrl, type WmsProblem, type WmsRequest } from './wms.ts';

/** How long an answer is fresh, by WMS request (ms). */
export const TTL_MS: Readonly<Record<WmsRequest, number>> = {
  GetCapabilities: 24 * 3600_000,
  GetMap: 24 * 3600_000,
  GetFeatureInfo: 3600_000,
  GetLegendGraphic: 7 * 24 * 3600_000
};

/** How long SSB's answers are fresh (ms): the table's dimensions change rarely, its figures once a year. */
export const SSB_TTL_MS = { metadata: 7 * 24 * 3600_000, data: 24 * 3600_000 };

/** The layers shown for each map service, by name or title: the kommuneplan's arealformål; AR5's farmland, else its area types. */
export const WANTED: Readonly<Record<'dibk' | 'nibio', readonly RegExp[]>> = {
  dibk: [/arealform/i],
  nibio: [/jordbruk/i, /arealtype/i]
};

/** Bounds on each upstream answer. */
export const UPSTREAM_LIMITS = { timeoutMs: 8000, maxBytes: 8 * 1024 * 1024 };

export interface ProxyAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

export interface ProxyDeps {
  config: OfficialConfig;
  fetcher?: typeof fetch;
  now?: () => number;
  limits?: { timeoutMs: number; maxBytes: number };
}

const text = (body: Uint8Array | string) => (typeof body === 'string' ? body : new TextDecoder().decode(body));

const json = (status: number, body: unknown): ProxyAnswer => ({ status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: JSON.stringify(body) });

export class OfficialProxy {
  private deps: ProxyDeps;
  private cache: DiskCache;
  private inFlight = new Map<string, Promise<ProxyAnswer>>();
  /** Fetches from the services per client (answers from the cache are not counted). */
  private limiter: RateLimiter;

  constructor(deps: ProxyDeps) {
    this.deps = deps;
    this.cache = new DiskCache(deps.config.cacheDir, deps.config.cacheMaxBytes);
    this.limiter = new RateLimiter(deps.config.fetchesPerMinute, deps.config.fetchesPerMinute);
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** A WMS request for a service (`dibk` or `nibio`): the answer to send the browser. */
  async wms(service: string, query: URLSearchParams, client = ''): Promise<ProxyAnswer> {
    if (!this.deps.config.enabled) return json(404, { error: 'official.off' });
    if (service !== 'dibk' && service !== 'nibio') return json(404, { error: 'official.unknown-service', service: service.slice(0, 40) });
    const built = wmsUpstreamUrl(this.deps.config.urls[service as OfficialService], query);
    if (!built.ok) return json(400, { error: built.problem.code, ...built.problem.params } satisfies { error: WmsProblem['code'] });
    return this.shared(built.url.toString(), TTL_MS[built.request], client);
  }

  /** The answer for an upstream URL; identical requests in flight share one (counted for the client that started it). */
  private shared(key: string, ttlMs: number, client: string): Promise<ProxyAnswer> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const p = this.answer(key, ttlMs, client).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, p);
    return p;
  }

  /**
   * SSB's jobs in Asker by year (table 13472, see `ssb.ts`): the table's metadata and then its
   * data through the cache, read and reduced to `{ year, jobs, region }` rows, with the table's
   * title, SSB's update time, when the figures were fetched and whether they are the last ones
   * kept because SSB could not be reached.
   */
  async ssbJobs(client = ''): Promise<ProxyAnswer> {
    if (!this.deps.config.enabled) return json(404, { error: 'official.off' });
    const base = new URL(this.deps.config.urls.ssb);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    const table = new URL(`tables/${SSB_TABLE}/`, base);
    const metaUrl = new URL('metadata', table);
    metaUrl.search = new URLSearchParams({ lang: 'no', outputFormat: 'json-stat2' }).toString();
    const meta = await this.shared(metaUrl.toString(), SSB_TTL_MS.metadata, client);
    if (meta.status !== 200) return meta;
    const bad = (p: SsbProblem) => json(502, { error: p.code, ...p.params });
    const m = parseJsonStat2(text(meta.body));
    if (!m.ok) return bad(m.problem);
    const q = ssbJobsQuery(m.value);
    if (!q.ok) return bad(q.problem);
    const dataUrl = new URL('data', table);
    dataUrl.search = q.value.params.toString();
    const data = await this.shared(dataUrl.toString(), SSB_TTL_MS.data, client);
    if (data.status !== 200) return data;
    const d = parseJsonStat2(text(data.body));
    if (!d.ok) return bad(d.problem);
    const series = jobsByYear(d.value, q.value.regions);
    if (!series.ok) return bad(series.problem);
    const stale = meta.headers['x-kartbuffer'] === 'gammel' || data.headers['x-kartbuffer'] === 'gammel';
    return json(200, { table: SSB_TABLE, title: d.value.label, updated: d.value.updated, regions: q.value.regions, series: series.value, fetchedAt: data.headers['x-hentet'] ?? null, stale });
  }

  /**
   * The layers the app shows for a service: read from its GetCapabilities (through the cache, so
   * they are known while the service is down) and picked by name or title ({@link WANTED}).
   */
  async layers(service: string, client = ''): Promise<ProxyAnswer> {
    if (!this.deps.config.enabled) return json(404, { error: 'official.off' });
    if (service !== 'dibk' && service !== 'nibio') return json(404, { error: 'official.unknown-service', service: service.slice(0, 40) });
    const caps = await this.wms(service, new URLSearchParams({ REQUEST: 'GetCapabilities' }), client);
    if (caps.status !== 200) return caps;
    const all = capabilityLayers(text(caps.body));
    if (!all.length) return json(502, { error: 'official.no-layers' });
    return {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-kartbuffer': caps.headers['x-kartbuffer'] ?? '', 'x-hentet': caps.headers['x-hentet'] ?? '' },
      body: JSON.stringify({ layers: pickLayers(all, WANTED[service]), fetchedAt: caps.headers['x-hentet'], stale: caps.headers['x-kartbuffer'] === 'gammel' })
    };
  }

  private async answer(url: string, ttlMs: number, client: string): Promise<ProxyAnswer> {
    const cached = await this.cache.get(url);
    const now = this.now();
    if (cached && Date.parse(cached.meta.expiresAt) > now) return this.send(cached.body, cached.meta.contentType, 'treff', cached.meta.fetchedAt);
    // A client past its share of fetches gets what the cache has, else «try again later».
    const wait = this.limiter.take(client, now);
    if (wait > 0) {
      if (cached) return this.send(cached.body, cached.meta.contentType, 'gammel', cached.meta.fetchedAt, { code: 'upstream.limited', params: {} });
      const r = json(429, { error: 'official.too-many', retryAfter: wait });
      r.headers['retry-after'] = String(wait);
      return r;
    }
    const r = await fetchBounded(new URL(url), this.deps.limits ?? UPSTREAM_LIMITS, this.deps.fetcher);
    if (r.ok) {
      const fetchedAt = new Date(now).toISOString();
      await this.cache.put({ meta: { url, contentType: r.answer.contentType, fetchedAt, expiresAt: new Date(now + ttlMs).toISOString() }, body: r.answer.body });
      return this.send(r.answer.body, r.answer.contentType, 'hentet', fetchedAt);
    }
    if (cached) return this.send(cached.body, cached.meta.contentType, 'gammel', cached.meta.fetchedAt, r.failure);
    return json(r.failure.code === 'upstream.timeout' ? 504 : 502, { error: r.failure.code, ...r.failure.params });
  }

  private send(body: Uint8Array, contentType: string, kind: 'treff' | 'hentet' | 'gammel', fetchedAt: string, failure?: UpstreamFailure): ProxyAnswer {
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-kartbuffer': kind,
      'x-hentet': fetchedAt,
      // The browser may keep a tile for a while; a stale one only briefly, so it asks again soon.
      'cache-control': kind === 'gammel' ? 'public, max-age=60' : 'public, max-age=3600',
      'x-content-type-options': 'nosniff'
    };
    // Text from an upstream is data, never a page: nothing in it runs on the app's origin.
    if (!contentType.startsWith('image/')) headers['content-security-policy'] = "default-src 'none'; sandbox";
    if (failure) headers['x-kartbuffer-feil'] = failure.code;
    return { status: 200, headers, body };
  }
}
