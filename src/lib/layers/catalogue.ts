import type { MessageKey } from '../i18n/messages.ts';
import { defaultNorms } from '../domain/norms.ts';

// The app's map layers and basemaps as data: ids (in the URL, the view state and the map),
// defaults, legends and colours. Map, state, ui and routes all read this one table; the map
// (map/app-layers.ts, map/style.ts) says how each layer is drawn.

/** The ABC distances the legend of the zones names (the plan's assumptions, through domain/norms). */
const ABC = defaultNorms().abc;

/** How the layer panel draws a legend swatch. */
export interface LegendSwatch {
  shape: 'fill' | 'line' | 'circle' | 'hatch';
  fill?: string;
  stroke?: string;
  dashed?: boolean;
}

/** An app layer as the panel and the map see it. Its label is the message `layer.<id>`. */
export interface AppLayerDef {
  id: string;
  legend: LegendSwatch;
  /** Sub-entries of the legend (e.g. farmland classes), shown under the toggle: a message key and its values. */
  entries?: { key: MessageKey; params?: Record<string, number>; swatch: LegendSwatch }[];
  /** MapLibre layer ids that belong to this app layer; all share the source `app-<id>`. */
  mapLayerIds: string[];
  /** MapLibre layer ids whose features can be clicked, topmost first. */
  clickable: string[];
  /** Hidden until the user turns it on or the URL names it (the ABC zones are a help, not plan data). */
  hiddenByDefault?: boolean;
}

/** DiBK/SOSI colours for arealformål 1300 næringsbebyggelse. */
export const COLOURS = {
  grense: '#4a3b7a',
  naeringNaa: '#cc99ff',
  naeringFramtidig: '#9966cc',
  /** 1160 offentlig eller privat tjenesteyting: our choice, distinct from næring. */
  offentligNaa: '#f0a8c0',
  vekst: '#e07b00',
  jord21: '#f2c94c',
  jord22: '#f7e08a',
  jord23: '#c9d86a',
  veg: '#c8412f',
  jernbane: '#333333',
  stasjon: '#c0392b',
  skisse: '#0b7a75',
  sonerA: '#1f7a1f',
  sonerB: '#6aa84f',
  /** Scenario changes on the map: tilgang green, avgang red, other changes blue. */
  tilgang: '#1a8f2c',
  avgang: '#d7191c',
  endret: '#1f6fb4'
} as const;

/** The app's layers, bottom to top: the one table every id, default and legend comes from. */
const LAYER_TABLE = [
  {
    id: 'grense',
    legend: { shape: 'line', stroke: COLOURS.grense },
    mapLayerIds: ['app-grense-flate', 'app-grense-linje'],
    clickable: ['app-grense-flate']
  },
  {
    id: 'jordbruk',
    legend: { shape: 'fill', fill: COLOURS.jord21 },
    entries: [
      { key: 'legend.ar5-21', swatch: { shape: 'fill', fill: COLOURS.jord21 } },
      { key: 'legend.ar5-22', swatch: { shape: 'fill', fill: COLOURS.jord22 } },
      { key: 'legend.ar5-23', swatch: { shape: 'fill', fill: COLOURS.jord23 } }
    ],
    mapLayerIds: ['app-jordbruk-flate'],
    clickable: ['app-jordbruk-flate']
  },
  {
    id: 'vekst',
    legend: { shape: 'line', stroke: COLOURS.vekst, dashed: true },
    mapLayerIds: ['app-vekst-flate', 'app-vekst-linje'],
    clickable: ['app-vekst-flate']
  },
  {
    id: 'abc-soner',
    legend: { shape: 'line', stroke: COLOURS.sonerA },
    entries: [
      { key: 'legend.abc-a', params: { m: ABC.aMaksM }, swatch: { shape: 'line', stroke: COLOURS.sonerA } },
      { key: 'legend.abc-b', params: { m: ABC.bMaksM }, swatch: { shape: 'line', stroke: COLOURS.sonerB, dashed: true } }
    ],
    mapLayerIds: ['app-abc-soner-linje'],
    clickable: [],
    hiddenByDefault: true
  },
  {
    id: 'naering-naa',
    legend: { shape: 'fill', fill: COLOURS.naeringNaa, stroke: COLOURS.naeringFramtidig },
    entries: [
      { key: 'legend.1300', swatch: { shape: 'fill', fill: COLOURS.naeringNaa, stroke: COLOURS.naeringFramtidig } },
      { key: 'legend.1160', swatch: { shape: 'fill', fill: COLOURS.offentligNaa, stroke: COLOURS.naeringFramtidig } }
    ],
    mapLayerIds: ['app-naering-naa-flate', 'app-naering-naa-linje'],
    clickable: ['app-naering-naa-flate']
  },
  {
    id: 'naering-framtidig',
    legend: { shape: 'hatch', fill: COLOURS.naeringFramtidig, stroke: COLOURS.naeringFramtidig },
    mapLayerIds: ['app-naering-framtidig-flate', 'app-naering-framtidig-linje'],
    clickable: ['app-naering-framtidig-flate']
  },
  {
    id: 'skisser',
    legend: { shape: 'fill', fill: '#9fd6d2', stroke: COLOURS.skisse },
    mapLayerIds: ['app-skisser-flate', 'app-skisser-linje'],
    clickable: ['app-skisser-flate']
  },
  {
    id: 'veger',
    legend: { shape: 'line', stroke: COLOURS.veg },
    mapLayerIds: ['app-veger-linje'],
    clickable: []
  },
  {
    id: 'jernbane',
    legend: { shape: 'line', stroke: COLOURS.jernbane, dashed: true },
    mapLayerIds: ['app-jernbane-linje'],
    clickable: []
  },
  {
    id: 'stasjoner',
    legend: { shape: 'circle', fill: COLOURS.stasjon, stroke: '#ffffff' },
    mapLayerIds: ['app-stasjoner-punkt'],
    clickable: ['app-stasjoner-punkt']
  }
] as const satisfies readonly AppLayerDef[];

/** One of the app's layers. */
export type AppLayerId = (typeof LAYER_TABLE)[number]['id'];

/** The app's layers, bottom to top (the table above, typed for reading). */
export const APP_LAYERS: readonly (AppLayerDef & { id: AppLayerId })[] = LAYER_TABLE;

/** Ids of the app's layers, bottom to top; they also appear in the URL (`?lag=`). */
export const APP_LAYER_IDS: readonly AppLayerId[] = APP_LAYERS.map((l) => l.id);

/** The layers shown when the URL does not say, bottom to top. */
export const DEFAULT_VISIBLE_LAYERS: readonly AppLayerId[] = APP_LAYERS.filter((l) => !l.hiddenByDefault).map((l) => l.id);

/** True for a known app layer id. */
export function isAppLayerId(value: string): value is AppLayerId {
  return (APP_LAYER_IDS as readonly string[]).includes(value);
}

/** The definition of one layer. */
export function layerDef(id: AppLayerId): AppLayerDef & { id: AppLayerId } {
  return APP_LAYERS.find((l) => l.id === id) as AppLayerDef & { id: AppLayerId };
}

/** A background map: Kartverket's cached WMTS tiles in Web Mercator, or none. Its label is the message `basemap.<id>`. */
export interface Basemap {
  id: string;
  /** XYZ tile URL template, or null for the plain background. */
  tiles: string | null;
  attribution: string | null;
}

const KARTVERKET_CACHE = 'https://cache.kartverket.no/v1/wmts/1.0.0';

/** The basemaps, in the order the switcher shows them. The first is the default. */
const BASEMAP_TABLE = [
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
] as const satisfies readonly Basemap[];

/** One of the basemaps. */
export type BasemapId = (typeof BASEMAP_TABLE)[number]['id'];

/** The basemaps (the table above, typed for reading). */
export const BASEMAPS: readonly (Basemap & { id: BasemapId })[] = BASEMAP_TABLE;

/** Identifiers of the basemaps the user can choose between. */
export const BASEMAP_IDS: readonly BasemapId[] = BASEMAPS.map((b) => b.id);

/** The basemap shown when the URL names none. */
export const DEFAULT_BASEMAP: BasemapId = BASEMAP_TABLE[0].id;

/** True for a known basemap id. */
export function isBasemapId(value: string | null | undefined): value is BasemapId {
  return (BASEMAP_IDS as readonly string[]).includes(value ?? '');
}

/** Colour of the plain background that shows when no basemap is chosen or its tiles fail. */
export const PLAIN_BACKGROUND = '#f4f2ee';

/** The basemap with this id (falls back to the default). */
export function basemapById(id: BasemapId): Basemap {
  return BASEMAPS.find((b) => b.id === id) ?? BASEMAP_TABLE[0];
}
