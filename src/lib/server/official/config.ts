/**
 * Configuration of the official map layers and SSB's job counts (issue #19), from the environment:
 * `DIBK_WMS_URL`, `NIBIO_AR5_WMS_URL` and `SSB_API_URL` (base URLs; the defaults are the national
 * services), `KARTBUFFER_DIR` (the disk cache; default `kartbuffer` under `DATA_DIR`),
 * `KARTBUFFER_MAKS_MB` (its size; default 1024), `OFFISIELLE_KART_PER_MINUTT` (fetches from the
 * services per client a minute; default 600) and `OFFISIELLE_KART=av` (the feature off). Only these configured hosts are ever fetched: the
 * proxy takes a service name from the browser, never a URL.
 */
import path from 'node:path';

/** The services the proxy may fetch from. */
export type OfficialService = 'dibk' | 'nibio' | 'ssb';
export const OFFICIAL_SERVICES: readonly OfficialService[] = ['dibk', 'nibio', 'ssb'];

/** The documented defaults: the national services. */
export const DEFAULT_URLS: Readonly<Record<OfficialService, string>> = {
  dibk: 'https://nap.ft.dibk.no/services/wms/kommuneplaner/',
  nibio: 'https://wms.nibio.no/cgi-bin/ar5',
  ssb: 'https://data.ssb.no/api/pxwebapi/v2/'
};

const ENV_NAMES: Readonly<Record<OfficialService, string>> = { dibk: 'DIBK_WMS_URL', nibio: 'NIBIO_AR5_WMS_URL', ssb: 'SSB_API_URL' };

export interface OfficialConfig {
  enabled: boolean;
  /** Each service's base URL (http or https, no credentials). */
  urls: Record<OfficialService, URL>;
  /** The cache folder (absolute). */
  cacheDir: string;
  /** The cache folder's size limit, bytes. */
  cacheMaxBytes: number;
  /** Fetches from the services each client may cause a minute (answers from the cache are free). */
  fetchesPerMinute: number;
}

/** A configuration value that cannot be used (the service keeps its default, and the server logs it). */
export interface ConfigProblem {
  code: 'official.bad-url' | 'official.bad-number';
  params: { name: string; value: string };
}

function baseUrl(value: string): URL | null {
  try {
    const u = new URL(value);
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password) return null;
    u.hash = '';
    return u;
  } catch {
    return null;
  }
}

/** A positive number from the environment, else the default (and a problem when one was given). */
function positive(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number, problems: ConfigProblem[]): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const n = Number(value);
  if (Number.isFinite(n) && n > 0) return n;
  problems.push({ code: 'official.bad-number', params: { name, value: value.slice(0, 200) } });
  return fallback;
}

/** The configuration from the environment, with what could not be used. */
export function officialConfig(env: Readonly<Record<string, string | undefined>>): { config: OfficialConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const urls = {} as Record<OfficialService, URL>;
  for (const s of OFFICIAL_SERVICES) {
    const name = ENV_NAMES[s];
    const value = env[name]?.trim();
    const u = value ? baseUrl(value) : null;
    if (value && !u) problems.push({ code: 'official.bad-url', params: { name, value: value.slice(0, 200) } });
    urls[s] = u ?? new URL(DEFAULT_URLS[s]);
  }
  const off = (env.OFFISIELLE_KART ?? '').trim().toLowerCase();
  return {
    config: {
      enabled: !['av', 'off', '0', 'false', 'nei'].includes(off),
      urls,
      cacheDir: path.resolve(env.KARTBUFFER_DIR?.trim() || path.join(env.DATA_DIR ?? 'data', 'kartbuffer')),
      cacheMaxBytes: positive(env, 'KARTBUFFER_MAKS_MB', 1024, problems) * 1024 * 1024,
      fetchesPerMinute: positive(env, 'OFFISIELLE_KART_PER_MINUTT', 600, problems)
    },
    problems
  };
}
