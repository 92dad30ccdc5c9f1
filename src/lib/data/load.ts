import type { Polygon, MultiPolygon } from 'geojson';
import { defaultNorms } from '../domain/norms.ts';
import { freeSites, type Site } from '../domain/sites.ts';
import type { AreaStats } from '../domain/stats.ts';
import type { AppDataFile } from '../geodata/build.ts';
import { kommuneTotals, loadAppData, type KommuneTotals, type LoadedData } from './appdata.ts';
import { withImports, type Imports } from './imported.ts';

/** Where the built dataset is served (made by `npm run geodata`). */
export const DATA_URL = '/data/demo.json';

/** The loaded dataset with every area's figures and the free sites. */
export interface Loaded {
  data: LoadedData;
  totals: KommuneTotals;
  stats: ReadonlyMap<string, AreaStats>;
  sites: Site[];
  /** The data file with the imported layers in it. */
  file: AppDataFile;
}

/** Fetches the demo data file (`npm run geodata` builds it). */
export async function fetchDataFile(fetcher: typeof fetch = fetch): Promise<AppDataFile> {
  const res = await fetcher(DATA_URL);
  if (!res.ok) throw new Error(`${DATA_URL}: HTTP ${res.status}`);
  return (await res.json()) as AppDataFile;
}

/**
 * The dataset from the data file (fetched once; switching imports needs no new fetch): the user's
 * imported layers (if any) in place of the demo layers, and every area's figures computed once
 * (planar EPSG:25832).
 */
export function datasetFrom(demo: AppDataFile, imports: Imports): Loaded {
  const file = withImports(demo, imports);
  const data = loadAppData(file, defaultNorms());
  const { totals, stats } = kommuneTotals(data);
  const wgs = new Map([...data.map['naering-naa'].features, ...data.map['naering-framtidig'].features].map((f) => [String(f.properties?.id), f.geometry]));
  const sites = freeSites(data.areas.values(), stats, (id) => wgs.get(id) as Polygon | MultiPolygon | undefined);
  return { data, totals, stats, sites, file };
}
