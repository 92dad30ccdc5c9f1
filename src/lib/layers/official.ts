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
