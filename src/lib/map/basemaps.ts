/** Identifiers of the basemaps the user can choose between. */
export const BASEMAP_IDS = ['topograatone', 'topo', 'ingen'] as const;

/** One of {@link BASEMAP_IDS}. */
export type BasemapId = (typeof BASEMAP_IDS)[number];

/** A background map: Kartverket's cached WMTS tiles in Web Mercator, or none. Its label is the message `basemap.<id>`. */
export interface Basemap {
  id: BasemapId;
  /** XYZ tile URL template, or null for the plain background. */
  tiles: string | null;
  attribution: string | null;
}

const KARTVERKET_CACHE = 'https://cache.kartverket.no/v1/wmts/1.0.0';

/** The basemaps, in the order the switcher shows them. The first is the default. */
export const BASEMAPS: readonly Basemap[] = [
  {
    id: 'topograatone',
    tiles: `${KARTVERKET_CACHE}/topograatone/default/webmercator/{z}/{y}/{x}.png`,
    attribution: '© Kartverket'
  },
  {
    id: 'topo',
    tiles: `${KARTVERKET_CACHE}/topo/default/webmercator/{z}/{y}/{x}.png`,
    attribution: '© Kartverket'
  },
  { id: 'ingen', tiles: null, attribution: null }
];

/** The basemap shown when the URL names none. */
export const DEFAULT_BASEMAP: BasemapId = 'topograatone';

/** Colour of the plain background that shows when no basemap is chosen or its tiles fail. */
export const PLAIN_BACKGROUND = '#f4f2ee';

/** True for a known basemap id. */
export function isBasemapId(value: string | null | undefined): value is BasemapId {
  return (BASEMAP_IDS as readonly string[]).includes(value ?? '');
}

/** The basemap with this id (falls back to the default). */
export function basemapById(id: BasemapId): Basemap {
  return BASEMAPS.find((b) => b.id === id) ?? (BASEMAPS[0] as Basemap);
}
