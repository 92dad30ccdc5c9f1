import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { AppData } from '$lib/data/geodata.ts';

/** Ids of the app's own toggleable layers; they also appear in the URL (`?lag=`). */
export const APP_LAYER_IDS = ['grense', 'stasjoner'] as const;

/** One of {@link APP_LAYER_IDS}. */
export type AppLayerId = (typeof APP_LAYER_IDS)[number];

/** How the layer panel draws a layer's legend swatch. */
export interface LegendSwatch {
  shape: 'fill' | 'line' | 'circle';
  fill?: string;
  stroke?: string;
}

/** An app layer as the panel and the map see it. */
export interface AppLayerDef {
  id: AppLayerId;
  /** Label in the layer panel (bokmål). */
  label: string;
  legend: LegendSwatch;
  /** Attribution to show on the map when the layer is visible. */
  attribution?: string;
  /** MapLibre layer ids that belong to this app layer; all share the source `app-<id>`. */
  mapLayerIds: string[];
  /** MapLibre layer ids whose features can be clicked to show their properties. */
  clickable: string[];
}

const BOUNDARY = '#4a3b7a';
const STATION = '#c0392b';

/** The app's layers, bottom to top. */
export const APP_LAYERS: readonly AppLayerDef[] = [
  {
    id: 'grense',
    label: 'Kommunegrense',
    legend: { shape: 'line', stroke: BOUNDARY },
    attribution: 'Kommunegrense © Kartverket (CC BY 4.0)',
    mapLayerIds: ['app-grense-flate', 'app-grense-linje'],
    clickable: ['app-grense-flate']
  },
  {
    id: 'stasjoner',
    label: 'Jernbanestasjoner',
    legend: { shape: 'circle', fill: STATION, stroke: '#ffffff' },
    mapLayerIds: ['app-stasjoner-punkt'],
    clickable: ['app-stasjoner-punkt']
  }
];

/** The MapLibre source id of an app layer. */
export function sourceId(id: AppLayerId): string {
  return `app-${id}`;
}

/** True for a known app layer id. */
export function isAppLayerId(value: string): value is AppLayerId {
  return (APP_LAYER_IDS as readonly string[]).includes(value);
}

const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

/**
 * Returns the MapLibre sources and layers of the app's own data, each layer visible or not as
 * `visible` says. Selection is drawn through feature-state `selected` (ids promoted from `id`).
 */
export function appSourcesAndLayers(
  data: AppData,
  visible: ReadonlySet<AppLayerId>
): { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } {
  const vis = (id: AppLayerId) => ({ visibility: visible.has(id) ? ('visible' as const) : ('none' as const) });
  const geojson = (d: FeatureCollection, attribution?: string): SourceSpecification => ({
    type: 'geojson',
    data: d,
    promoteId: 'id',
    attribution
  });
  const def = (id: AppLayerId) => APP_LAYERS.find((l) => l.id === id);
  return {
    sources: {
      [sourceId('grense')]: geojson(data.grense, def('grense')?.attribution),
      [sourceId('stasjoner')]: geojson(data.stasjoner)
    },
    layers: [
      {
        id: 'app-grense-flate',
        type: 'fill',
        source: sourceId('grense'),
        layout: vis('grense'),
        paint: { 'fill-color': BOUNDARY, 'fill-opacity': ['case', selected, 0.12, 0.04] }
      },
      {
        id: 'app-grense-linje',
        type: 'line',
        source: sourceId('grense'),
        layout: { ...vis('grense'), 'line-join': 'round' },
        paint: { 'line-color': BOUNDARY, 'line-width': ['case', selected, 4, 2.5] }
      },
      {
        id: 'app-stasjoner-punkt',
        type: 'circle',
        source: sourceId('stasjoner'),
        layout: vis('stasjoner'),
        paint: {
          'circle-color': STATION,
          'circle-radius': ['case', selected, 9, 6],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2
        }
      }
    ]
  };
}
