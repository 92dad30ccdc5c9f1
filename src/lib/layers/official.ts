// The official map layers (issue #19) as data: which service each comes from (through the app's
// proxy, `/api/offisielt/<service>`), its attribution, and the tile and legend URLs MapLibre and the
// layer panel use. Layer names come from the service's GetCapabilities at run time.

export type OfficialLayerId = 'offisiell-kp' | 'offisiell-ar5';
export type OfficialService = 'dibk' | 'nibio';

export interface OfficialLayerDef {
  id: OfficialLayerId;
  service: OfficialService;
  /** Shown with the layer and in the map's attribution. */
  attribution: string;
  /** Opacity when first shown (0–1). */
  opacity: number;
}

/** Bottom to top: the kommuneplan under the farmland map. */
export const OFFICIAL_LAYERS: readonly OfficialLayerDef[] = [
  { id: 'offisiell-kp', service: 'dibk', attribution: '© DiBK / kommunene', opacity: 0.6 },
  { id: 'offisiell-ar5', service: 'nibio', attribution: '© NIBIO, Geovekst', opacity: 0.6 }
];

/** The MapLibre tile URL template of a service's layers (WMS 1.3.0 GetMap in web Mercator through the proxy). */
export function officialTileUrl(service: OfficialService, layers: readonly string[]): string {
  const q = new URLSearchParams({ request: 'GetMap', layers: layers.join(','), styles: '', crs: 'EPSG:3857', width: '256', height: '256', format: 'image/png', transparent: 'true' });
  // MapLibre fills in the tile's box; the braces must stay as they are.
  return `/api/offisielt/${service}?${q.toString()}&bbox={bbox-epsg-3857}`;
}

/** The legend image of one layer (GetLegendGraphic through the proxy). */
export function officialLegendUrl(service: OfficialService, layer: string): string {
  return `/api/offisielt/${service}?${new URLSearchParams({ request: 'GetLegendGraphic', layer, format: 'image/png', sld_version: '1.1.0' }).toString()}`;
}

/** Earth radius of web Mercator, m. */
const R = 6378137;

/**
 * A GetFeatureInfo request (through the proxy) for a click at `lngLat` on a map at `zoom`
 * (MapLibre's 512 px tiles): a 101 × 101 px window in web Mercator centred on the point, asking
 * for the pixel in its middle, as text.
 */
export function officialFeatureInfoUrl(service: OfficialService, layers: readonly string[], lngLat: readonly [number, number], zoom: number): string {
  const x = (R * lngLat[0] * Math.PI) / 180;
  const y = R * Math.log(Math.tan(Math.PI / 4 + (lngLat[1] * Math.PI) / 360));
  const perPx = (2 * Math.PI * R) / (512 * 2 ** zoom);
  const half = 50 * perPx;
  const bbox = [x - half, y - half, x + half, y + half].map((v) => v.toFixed(2)).join(',');
  const q = new URLSearchParams({ request: 'GetFeatureInfo', layers: layers.join(','), query_layers: layers.join(','), styles: '', crs: 'EPSG:3857', bbox, width: '101', height: '101', i: '50', j: '50', info_format: 'text/plain', feature_count: '5' });
  return `/api/offisielt/${service}?${q.toString()}`;
}

/**
 * The facts of a GetFeatureInfo answer in text (`key = 'value'` lines, as MapServer and GeoServer
 * write them), the plan's own first (arealformål, plan id and name, arealtype), at most `max`.
 * Values are text, shown as text.
 */
export function parseFeatureInfo(text: string, max = 8): { key: string; value: string }[] {
  const pairs: { key: string; value: string }[] = [];
  for (const line of text.slice(0, 100_000).split(/\r?\n/)) {
    const m = /^\s*([\p{L}\p{N}_.:-]{1,60})\s*=\s*'?(.*?)'?\s*$/u.exec(line);
    if (m && m[2] !== undefined && m[2] !== '' && !pairs.some((p) => p.key === m[1])) pairs.push({ key: m[1] as string, value: (m[2] as string).slice(0, 200) });
  }
  const first = /arealform|planid|plannavn|arealtype|arealbruksstatus/i;
  return [...pairs.filter((p) => first.test(p.key)), ...pairs.filter((p) => !first.test(p.key))].slice(0, max);
}
