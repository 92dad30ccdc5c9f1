import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { defaultNorms } from '../domain/norms.ts';
import { freeSites, type Site } from '../domain/sites.ts';
import type { AreaStats } from '../domain/stats.ts';
import type { AppDataFile } from '../geodata/build.ts';
import { kommuneTotals, loadAppData, naeringMapLayers, toWgs84, type KommuneTotals, type LoadedData, type MapLayersData } from './appdata.ts';
import { withImports, type Imports } from './imported.ts';

/** Where the built dataset is served (made by `npm run geodata`). */
export const DATA_URL = '/data/demo.json';

/**
 * Where the demo data's map layers are served ready for the map: `mapLayersOf` of the data file
 * with the plan's norms, in WGS84 (made by `npm run geodata` with the data file), so the planner's
 * first map neither reads the whole data file nor reprojects anything (issue #20).
 */
export const MAP_DATA_URL = '/data/demo-kart.json';

/** The loaded dataset with every area's figures and the free sites. */
export interface Loaded {
  data: LoadedData;
  totals: KommuneTotals;
  stats: ReadonlyMap<string, AreaStats>;
  sites: Site[];
  /** The data file with the imported layers in it. */
  file: AppDataFile;
}

async function readJson<T>(res: Response, url: string): Promise<T> {
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Reads the demo data file from its response (see {@link fetchDataFile}). */
export function readDataFile(res: Response): Promise<AppDataFile> {
  return readJson(res, DATA_URL);
}

/** Fetches the demo data file (`npm run geodata` builds it). */
export async function fetchDataFile(fetcher: typeof fetch = fetch): Promise<AppDataFile> {
  return readDataFile(await fetcher(DATA_URL));
}

/** Fetches the demo data's map layers (see {@link MAP_DATA_URL}). */
export async function fetchMapData(fetcher: typeof fetch = fetch): Promise<MapLayersData> {
  return readJson(await fetcher(MAP_DATA_URL), MAP_DATA_URL);
}

/**
 * The demo data's map layers (WGS84) with the imported layers in place of those they replace:
 * the map layers of the dataset {@link datasetFrom} makes from the demo data and the same imports.
 */
export function mapLayersFrom(demoMap: MapLayersData, imports: Imports): MapLayersData {
  const map = { ...demoMap };
  // As `withImports` puts them in the data file, and `mapLayersOf` makes them from it.
  const layer = (features: FeatureCollection['features']): FeatureCollection => ({ type: 'FeatureCollection', features });
  if (imports.naering) Object.assign(map, naeringMapLayers(layer(imports.naering.layer.features)));
  if (imports.jordbruk) map.jordbruk = toWgs84(layer(imports.jordbruk.layer.features));
  return map;
}

/**
 * The dataset from the data file (fetched once; switching imports needs no new fetch): the user's
 * imported layers (if any) in place of the demo layers, and every area's figures computed once
 * (planar EPSG:25832). `map`: its map layers when already made ({@link mapLayersFrom} of the same
 * imports).
 */
export function datasetFrom(demo: AppDataFile, imports: Imports, map?: MapLayersData): Loaded {
  const file = withImports(demo, imports);
  const data = loadAppData(file, defaultNorms(), map);
  const { totals, stats } = kommuneTotals(data);
  const wgs = new Map([...data.map['naering-naa'].features, ...data.map['naering-framtidig'].features].map((f) => [String(f.properties?.id), f.geometry]));
  const sites = freeSites(data.areas.values(), stats, (id) => wgs.get(id) as Polygon | MultiPolygon | undefined);
  return { data, totals, stats, sites, file };
}
