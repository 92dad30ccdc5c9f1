/**
 * The official-maps proxy: a browser request names a service and a WMS request, the proxy builds
 * the upstream URL on the configured host only ({@link wmsUpstreamUrl}), answers from the disk
 * cache while the entry is fresh, fetches with bounds otherwise ({@link fetchBounded}), and when
 * the upstream fails serves the last answer it has (stale) with its fetch time. Identical requests
 * in flight share one fetch. Answers carry `X-Kartbuffer` (`treff`, `hentet`, `gammel`) and
 * `X-Hentet` (when the map was fetched).
 */
import { DiskCache } from './cache.ts';
import { capabilityLayers, pickLayers } from './capabilities.ts';
import type { OfficialConfig, OfficialService } from './config.ts';
import { fetchBounded, type UpstreamFailure } from './upstream.ts';
import { wmsUpstreamUrl, type WmsProblem, type WmsRequest } from './wms.ts';

/** How long an answer is fresh, by WMS request (ms). */
export const TTL_MS: Readonly<Record<WmsRequest, number>> = {
  GetCapabilities: 24 * 3600_000,
  GetMap: 24 * 3600_000,
  GetFeatureInfo: 3600_000,
  GetLegendGraphic: 7 * 24 * 3600_000
};

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

const json = (status: number, body: unknown): ProxyAnswer => ({ status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: JSON.stringify(body) });

export class OfficialProxy {
  private deps: ProxyDeps;
  private cache: DiskCache;
  private inFlight = new Map<string, Promise<ProxyAnswer>>();

  constructor(deps: ProxyDeps) {
    this.deps = deps;
    this.cache = new DiskCache(deps.config.cacheDir);
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** A WMS request for a service (`dibk` or `nibio`): the answer to send the browser. */
  async wms(service: string, query: URLSearchParams): Promise<ProxyAnswer> {
    if (!this.deps.config.enabled) return json(404, { error: 'official.off' });
    if (service !== 'dibk' && service !== 'nibio') return json(404, { error: 'official.unknown-service', service: service.slice(0, 40) });
    const built = wmsUpstreamUrl(this.deps.config.urls[service as OfficialService], query);
    if (!built.ok) return json(400, { error: built.problem.code, ...built.problem.params } satisfies { error: WmsProblem['code'] });
    const key = built.url.toString();
    const running = this.inFlight.get(key);
    if (running) return running;
    const p = this.answer(key, TTL_MS[built.request]).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, p);
    return p;
  }

  /**
   * The layers the app shows for a service: read from its GetCapabilities (through the cache, so
   * they are known while the service is down) and picked by name or title ({@link WANTED}).
   */
  async layers(service: string): Promise<ProxyAnswer> {
    if (!this.deps.config.enabled) return json(404, { error: 'official.off' });
    if (service !== 'dibk' && service !== 'nibio') return json(404, { error: 'official.unknown-service', service: service.slice(0, 40) });
    const caps = await this.wms(service, new URLSearchParams({ REQUEST: 'GetCapabilities' }));
    if (caps.status !== 200) return caps;
    const text = typeof caps.body === 'string' ? caps.body : new TextDecoder().decode(caps.body);
    const all = capabilityLayers(text);
    if (!all.length) return json(502, { error: 'official.no-layers' });
    return {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-kartbuffer': caps.headers['x-kartbuffer'] ?? '', 'x-hentet': caps.headers['x-hentet'] ?? '' },
      body: JSON.stringify({ layers: pickLayers(all, WANTED[service]), fetchedAt: caps.headers['x-hentet'], stale: caps.headers['x-kartbuffer'] === 'gammel' })
    };
  }

  private async answer(url: string, ttlMs: number): Promise<ProxyAnswer> {
    const cached = await this.cache.get(url);
    const now = this.now();
    if (cached && Date.parse(cached.meta.expiresAt) > now) return this.send(cached.body, cached.meta.contentType, 'treff', cached.meta.fetchedAt);
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
