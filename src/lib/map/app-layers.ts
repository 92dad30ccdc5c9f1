import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import { APP_LAYER_IDS, COLOURS, type AppLayerId } from '../layers/catalogue.ts';

// How each of the app's layers is drawn; which layers there are, their legends and colours are
// in the catalogue (layers/catalogue.ts).

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

/** The attribution of the næring and boundary layers as one line (a print's caption under the map). */
export function attributionLine(texts: AttributionTexts): string {
  return [texts.boundary, texts.naering ?? texts.demo].join(' | ');
}

/** Name of the hatch image MapLibre uses for future areas (made on demand). */
export const HATCH_IMAGE = 'skravur-framtidig';

/** The MapLibre source id of an app layer. */
export function sourceId(id: AppLayerId): string {
  return `app-${id}`;
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
