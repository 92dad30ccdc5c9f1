/**
 * The WMS requests the proxy passes on (WMS 1.3.0): GetCapabilities, GetMap, GetFeatureInfo and
 * GetLegendGraphic, with only the parameters these need, each checked (layer names as WMS names,
 * a CRS from a short list, a finite BBOX, a tile of at most 1024 px, image and info formats from a
 * list). Anything else is refused with a code. The upstream URL is the configured base URL with
 * these parameters; nothing from the browser becomes a host or a path.
 */

export type WmsRequest = 'GetCapabilities' | 'GetMap' | 'GetFeatureInfo' | 'GetLegendGraphic';

export interface WmsProblem {
  code: 'wms.bad-request' | 'wms.bad-param' | 'wms.missing-param';
  params: { name?: string; value?: string };
}

const CRS = new Set(['EPSG:3857', 'EPSG:25832', 'EPSG:25833', 'EPSG:4326']);
const IMAGE = new Set(['image/png', 'image/jpeg']);
// No text/html: an upstream's HTML is never served from the app's origin.
const INFO = new Set(['text/plain', 'application/json', 'application/vnd.ogc.gml', 'text/xml', 'application/geojson']);
const LAYER_NAME = /^[\p{L}\p{N}_.:\-]{1,100}$/u;
const MAX_PX = 1024;

/** The parameters each request keeps, and how each is checked. */
const PARAMS: Record<WmsRequest, readonly string[]> = {
  GetCapabilities: [],
  GetMap: ['LAYERS', 'STYLES', 'CRS', 'BBOX', 'WIDTH', 'HEIGHT', 'FORMAT', 'TRANSPARENT'],
  GetFeatureInfo: ['LAYERS', 'STYLES', 'CRS', 'BBOX', 'WIDTH', 'HEIGHT', 'FORMAT', 'TRANSPARENT', 'QUERY_LAYERS', 'I', 'J', 'INFO_FORMAT', 'FEATURE_COUNT'],
  GetLegendGraphic: ['LAYER', 'FORMAT', 'STYLE', 'SLD_VERSION']
};
const REQUIRED: Record<WmsRequest, readonly string[]> = {
  GetCapabilities: [],
  GetMap: ['LAYERS', 'CRS', 'BBOX', 'WIDTH', 'HEIGHT'],
  GetFeatureInfo: ['LAYERS', 'QUERY_LAYERS', 'CRS', 'BBOX', 'WIDTH', 'HEIGHT', 'I', 'J'],
  GetLegendGraphic: ['LAYER']
};

const isInt = (v: string, max: number) => /^\d{1,5}$/.test(v) && Number(v) <= max;

function check(name: string, v: string, width: number): boolean {
  switch (name) {
    case 'LAYERS':
    case 'QUERY_LAYERS':
      return v.split(',').length <= 10 && v.split(',').every((l) => LAYER_NAME.test(l));
    case 'LAYER':
      return LAYER_NAME.test(v);
    case 'STYLES':
      return v === '' || v.split(',').every((x) => x === '' || LAYER_NAME.test(x));
    case 'STYLE':
      return v === '' || LAYER_NAME.test(v);
    case 'CRS':
      return CRS.has(v);
    case 'BBOX': {
      const n = v.split(',').map(Number);
      return n.length === 4 && n.every((x) => Number.isFinite(x) && Math.abs(x) < 1e8) && (n[0] as number) < (n[2] as number) && (n[1] as number) < (n[3] as number);
    }
    case 'WIDTH':
    case 'HEIGHT':
      return isInt(v, MAX_PX) && Number(v) > 0;
    case 'I':
    case 'J':
      return isInt(v, width);
    case 'FORMAT':
      return IMAGE.has(v);
    case 'INFO_FORMAT':
      return INFO.has(v);
    case 'TRANSPARENT':
      return v === 'TRUE' || v === 'FALSE' || v === 'true' || v === 'false';
    case 'FEATURE_COUNT':
      return isInt(v, 50) && Number(v) > 0;
    case 'SLD_VERSION':
      return v === '1.1.0';
    default:
      return false;
  }
}

/**
 * The upstream URL for a browser's WMS request to a service (parameter names in any case), or why
 * it is refused. `base` is the configured service URL; its own query (e.g. `?map=…`) is kept.
 */
export function wmsUpstreamUrl(base: URL, query: URLSearchParams): { ok: true; url: URL; request: WmsRequest } | { ok: false; problem: WmsProblem } {
  const q = new Map<string, string>();
  for (const [k, v] of query) q.set(k.toUpperCase(), v);
  const request = q.get('REQUEST') as WmsRequest | undefined;
  if (!request || !(request in PARAMS)) return { ok: false, problem: { code: 'wms.bad-request', params: { value: String(q.get('REQUEST') ?? '').slice(0, 40) } } };
  for (const name of REQUIRED[request]) if (!q.has(name)) return { ok: false, problem: { code: 'wms.missing-param', params: { name } } };
  const width = Number(q.get('WIDTH') ?? MAX_PX);
  const url = new URL(base);
  url.searchParams.set('SERVICE', 'WMS');
  url.searchParams.set('VERSION', '1.3.0');
  url.searchParams.set('REQUEST', request);
  for (const name of PARAMS[request]) {
    const v = q.get(name);
    if (v === undefined) continue;
    if (!check(name, v, name === 'J' ? Number(q.get('HEIGHT') ?? MAX_PX) : width)) return { ok: false, problem: { code: 'wms.bad-param', params: { name, value: v.slice(0, 80) } } };
    url.searchParams.set(name, v);
  }
  if (request === 'GetMap' && !url.searchParams.has('FORMAT')) url.searchParams.set('FORMAT', 'image/png');
  if (request === 'GetMap' && !url.searchParams.has('STYLES')) url.searchParams.set('STYLES', '');
  if (request === 'GetLegendGraphic' && !url.searchParams.has('FORMAT')) url.searchParams.set('FORMAT', 'image/png');
  if (request === 'GetFeatureInfo' && !url.searchParams.has('INFO_FORMAT')) url.searchParams.set('INFO_FORMAT', 'text/plain');
  return { ok: true, url, request };
}
