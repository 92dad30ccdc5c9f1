import type { FeatureCollection } from 'geojson';
import boundaryText from '$geodata/asker-3203-kommunegrense-kartverket-2024-M.geojson?raw';
import stationsText from '$geodata/stasjoner.geojson?raw';

/** The data behind each of the app's map layers, as WGS84 GeoJSON. */
export interface AppData {
  /** Asker kommune (3203), Kartverket, CC BY 4.0. */
  grense: FeatureCollection;
  /** Railway stations in Asker (Drammenbanen L1 and Spikkestadlinjen), with sources. */
  stasjoner: FeatureCollection;
}

function asCollection(text: string, file: string): FeatureCollection {
  const json: unknown = JSON.parse(text);
  if (typeof json !== 'object' || json === null || !('type' in json)) {
    throw new Error(`${file}: ikke GeoJSON`);
  }
  if (json.type === 'FeatureCollection') return json as FeatureCollection;
  if (json.type === 'Feature') return { type: 'FeatureCollection', features: [json as FeatureCollection['features'][number]] };
  throw new Error(`${file}: forventet Feature eller FeatureCollection, fikk ${String(json.type)}`);
}

/** Returns the built-in dataset the app shows when nothing else is loaded. */
export function builtInData(): AppData {
  return {
    grense: asCollection(boundaryText, 'asker-3203-kommunegrense-kartverket-2024-M.geojson'),
    stasjoner: asCollection(stationsText, 'stasjoner.geojson')
  };
}
