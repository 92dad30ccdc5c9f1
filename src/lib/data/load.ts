import type { Polygon, MultiPolygon } from 'geojson';
import { defaultNorms } from '../domain/norms.ts';
import { freeSites, type Site } from '../domain/sites.ts';
import type { AreaStats } from '../domain/stats.ts';
import type { AppDataFile } from '../geodata/build.ts';
import { kommuneTotals, loadAppData, type KommuneTotals, type LoadedData } from './appdata.ts';

/** Where the built dataset is served (made by `npm run geodata`). */
export const DATA_URL = '/data/demo.json';

/** The loaded dataset with every area's figures and the free sites. */
export interface Loaded {
  data: LoadedData;
  totals: KommuneTotals;
  stats: ReadonlyMap<string, AreaStats>;
  sites: Site[];
}

/** Fetches the dataset and computes every area's figures once (planar EPSG:25832). */
export async function loadDataset(fetcher: typeof fetch = fetch): Promise<Loaded> {
  const res = await fetcher(DATA_URL);
  if (!res.ok) throw new Error(`${DATA_URL}: HTTP ${res.status}`);
  const data = loadAppData((await res.json()) as AppDataFile, defaultNorms());
  const { totals, stats } = kommuneTotals(data);
  const wgs = new Map([...data.map['naering-naa'].features, ...data.map['naering-framtidig'].features].map((f) => [String(f.properties?.id), f.geometry]));
  const sites = freeSites(data.areas.values(), stats, (id) => wgs.get(id) as Polygon | MultiPolygon | undefined);
  return { data, totals, stats, sites };
}
