import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { MessageKey } from '$lib/i18n/messages.ts';
import { ANTAKELSER } from '$seeds/plan.ts';

/** Ids of the app's own toggleable layers, bottom to top; they also appear in the URL (`?lag=`). */
export const APP_LAYER_IDS = ['grense', 'jordbruk', 'vekst', 'abc-soner', 'naering-naa', 'naering-framtidig', 'skisser', 'veger', 'jernbane', 'stasjoner'] as const;

/** One of {@link APP_LAYER_IDS}. */
export type AppLayerId = (typeof APP_LAYER_IDS)[number];

/** How the layer panel draws a legend swatch. */
export interface LegendSwatch {
  shape: 'fill' | 'line' | 'circle' | 'hatch';
  fill?: string;
  stroke?: string;
  dashed?: boolean;
}

/** An app layer as the panel and the map see it. Its label is the message `layer.<id>`. */
export interface AppLayerDef {
  id: AppLayerId;
  legend: LegendSwatch;
  /** Sub-entries of the legend (e.g. farmland classes), shown under the toggle: a message key and its values. */
  entries?: { key: MessageKey; params?: Record<string, number>; swatch: LegendSwatch }[];
  /** MapLibre layer ids that belong to this app layer; all share the source `app-<id>`. */
  mapLayerIds: string[];
  /** MapLibre layer ids whose features can be clicked, topmost first. */
  clickable: string[];
  /** Hidden until the user turns it on (or the URL names it). */
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

/** Attribution texts shown on the map (in the UI's language). */
export interface AttributionTexts {
  demo: string;
  boundary: string;
  /** For imported næringsareal or farmland: names the file instead of the demo text. */
  naering?: string;
  jordbruk?: string;
}

const NB_ATTRIBUTION: AttributionTexts = {
  demo: 'Næringsareal, vekstområder og jordbruk: Demodata – ikke offisielt plankart',
  boundary: 'Kommunegrense © Kartverket (CC BY 4.0)'
};

/** Name of the hatch image MapLibre uses for future areas (made on demand). */
export const HATCH_IMAGE = 'skravur-framtidig';

/** The app's layers, bottom to top (as {@link APP_LAYER_IDS}). */
export const APP_LAYERS: readonly AppLayerDef[] = [
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
      { key: 'legend.abc-a', params: { m: ANTAKELSER.abcAvstandM.verdi.A }, swatch: { shape: 'line', stroke: COLOURS.sonerA } },
      { key: 'legend.abc-b', params: { m: ANTAKELSER.abcAvstandM.verdi.B }, swatch: { shape: 'line', stroke: COLOURS.sonerB, dashed: true } }
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
];

/** The MapLibre source id of an app layer. */
export function sourceId(id: AppLayerId): string {
  return `app-${id}`;
}

/** The layers shown when the URL does not say. */
export const DEFAULT_VISIBLE_LAYERS: readonly AppLayerId[] = APP_LAYERS.filter((l) => !l.hiddenByDefault).map((l) => l.id);

/** True for a known app layer id. */
export function isAppLayerId(value: string): value is AppLayerId {
  return (APP_LAYER_IDS as readonly string[]).includes(value);
}

const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const hover: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
/** The active scenario's change of a feature: 'avgang', 'tilgang' or 'endret' (feature-state `endring`). */
const endring: ExpressionSpecification = ['coalesce', ['feature-state', 'endring'], ''];

/**
 * Returns the MapLibre sources and layers of the app's own data, each layer visible or not as
 * `visible` says. Selection and hover are drawn through feature-state (ids promoted from `id`).
 */
export function appSourcesAndLayers(
  data: Record<AppLayerId, FeatureCollection>,
  visible: ReadonlySet<AppLayerId>,
  texts: AttributionTexts = NB_ATTRIBUTION
): { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } {
  const attribution: Partial<Record<AppLayerId, string>> = {
    grense: texts.boundary,
    'naering-naa': texts.naering ?? texts.demo,
    'naering-framtidig': texts.naering ?? texts.demo,
    vekst: texts.demo,
    jordbruk: texts.jordbruk ?? texts.demo
  };
  const vis = (id: AppLayerId) => ({ visibility: visible.has(id) ? ('visible' as const) : ('none' as const) });
  const geojson = (d: FeatureCollection, attribution?: string): SourceSpecification => ({ type: 'geojson', data: d, promoteId: 'id', attribution });
  const sources = Object.fromEntries(
    APP_LAYER_IDS.map((id) => [
      sourceId(id),
      geojson(data[id], attribution[id])
    ])
  ) as Record<string, SourceSpecification>;
  const outlineWidth: ExpressionSpecification = ['case', selected, 3.5, hover, 2.5, 1.2];
  const layers: LayerSpecification[] = [
    {
      id: 'app-grense-flate',
      type: 'fill',
      source: sourceId('grense'),
      layout: vis('grense'),
      paint: { 'fill-color': COLOURS.grense, 'fill-opacity': ['case', selected, 0.1, 0.03] }
    },
    {
      id: 'app-grense-linje',
      type: 'line',
      source: sourceId('grense'),
      layout: { ...vis('grense'), 'line-join': 'round' },
      paint: { 'line-color': COLOURS.grense, 'line-width': ['case', selected, 4, 2.5] }
    },
    {
      id: 'app-jordbruk-flate',
      type: 'fill',
      source: sourceId('jordbruk'),
      layout: vis('jordbruk'),
      paint: {
        'fill-color': ['match', ['to-string', ['get', 'arealtype']], '21', COLOURS.jord21, '22', COLOURS.jord22, COLOURS.jord23],
        'fill-opacity': ['case', selected, 0.95, 0.7],
        'fill-outline-color': '#b39b2d'
      }
    },
    {
      id: 'app-vekst-flate',
      type: 'fill',
      source: sourceId('vekst'),
      layout: vis('vekst'),
      paint: { 'fill-color': COLOURS.vekst, 'fill-opacity': ['case', selected, 0.16, 0.06] }
    },
    {
      id: 'app-vekst-linje',
      type: 'line',
      source: sourceId('vekst'),
      layout: vis('vekst'),
      paint: { 'line-color': COLOURS.vekst, 'line-width': 2, 'line-dasharray': [3, 2] }
    },
    {
      id: 'app-abc-soner-linje',
      type: 'line',
      source: sourceId('abc-soner'),
      layout: vis('abc-soner'),
      paint: {
        'line-color': ['match', ['get', 'klasse'], 'A', COLOURS.sonerA, COLOURS.sonerB],
        'line-width': 2,
        'line-dasharray': ['match', ['get', 'klasse'], 'A', ['literal', [1, 0]], ['literal', [3, 2]]]
      }
    },
    {
      id: 'app-naering-naa-flate',
      type: 'fill',
      source: sourceId('naering-naa'),
      layout: vis('naering-naa'),
      paint: {
        'fill-color': ['match', ['get', 'arealformal'], 1160, COLOURS.offentligNaa, COLOURS.naeringNaa],
        'fill-opacity': ['case', selected, 1, hover, 0.95, 0.85]
      }
    },
    {
      id: 'app-naering-naa-linje',
      type: 'line',
      source: sourceId('naering-naa'),
      layout: vis('naering-naa'),
      paint: {
        'line-color': ['match', endring, 'avgang', COLOURS.avgang, 'endret', COLOURS.endret, COLOURS.naeringFramtidig],
        'line-width': ['match', endring, 'avgang', 4, 'endret', 3, outlineWidth]
      }
    },
    {
      id: 'app-naering-framtidig-flate',
      type: 'fill',
      source: sourceId('naering-framtidig'),
      layout: vis('naering-framtidig'),
      paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': ['case', selected, 1, 0.9] }
    },
    {
      id: 'app-naering-framtidig-linje',
      type: 'line',
      source: sourceId('naering-framtidig'),
      layout: vis('naering-framtidig'),
      paint: {
        'line-color': ['match', endring, 'avgang', COLOURS.avgang, 'endret', COLOURS.endret, COLOURS.naeringFramtidig],
        'line-width': ['match', endring, 'avgang', 4, 'endret', 3, ['case', selected, 3.5, hover, 2.8, 2]],
        'line-dasharray': [2, 1]
      }
    },
    {
      id: 'app-skisser-flate',
      type: 'fill',
      source: sourceId('skisser'),
      layout: vis('skisser'),
      paint: { 'fill-color': '#9fd6d2', 'fill-opacity': ['case', selected, 0.75, 0.55] }
    },
    {
      id: 'app-skisser-linje',
      type: 'line',
      source: sourceId('skisser'),
      layout: vis('skisser'),
      paint: {
        'line-color': ['match', endring, 'tilgang', COLOURS.tilgang, COLOURS.skisse],
        'line-width': ['match', endring, 'tilgang', 4, ['case', selected, 3.5, 2]]
      }
    },
    {
      id: 'app-veger-linje',
      type: 'line',
      source: sourceId('veger'),
      layout: { ...vis('veger'), 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': COLOURS.veg, 'line-width': 3, 'line-opacity': 0.8 }
    },
    {
      id: 'app-jernbane-linje',
      type: 'line',
      source: sourceId('jernbane'),
      layout: { ...vis('jernbane'), 'line-join': 'round' },
      paint: { 'line-color': COLOURS.jernbane, 'line-width': 2, 'line-dasharray': [4, 2] }
    },
    {
      id: 'app-stasjoner-punkt',
      type: 'circle',
      source: sourceId('stasjoner'),
      layout: vis('stasjoner'),
      paint: {
        'circle-color': COLOURS.stasjon,
        'circle-radius': ['case', selected, 9, 6],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2
      }
    }
  ];
  return { sources, layers };
}

/**
 * Pixels (RGBA, `size`×`size`) of the diagonal hatch drawn in future areas: lines in the
 * framtidig colour on a transparent ground.
 */
export function hatchPixels(size = 8): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const [r, g, b] = [0x99, 0x66, 0xcc];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size < 2;
      const i = (y * size + x) * 4;
      px[i] = r;
      px[i + 1] = g;
      px[i + 2] = b;
      px[i + 3] = on ? 230 : 40;
    }
  }
  return px;
}
