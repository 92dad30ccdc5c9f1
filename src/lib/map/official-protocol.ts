/**
 * The official raster tiles (issue #19) are loaded through a MapLibre protocol rather than as
 * plain image URLs, so the map sees each tile's answer from the app's proxy: a tile the proxy
 * served from its cache because the service is down (`X-Kartbuffer: gammel`) is reported, and the
 * layer panel says the map shows what was last fetched. Registered once per page; every map
 * listens through {@link onOfficialTile}.
 */
import type { addProtocol as AddProtocol } from 'maplibre-gl';

export const OFFICIAL_SCHEME = 'offisielt';

/** The tile URL template MapLibre is given for a proxy path (`/api/offisielt/…`). */
export const protocolTiles = (path: string): string => `${OFFICIAL_SCHEME}://${path}`;

type Listener = (path: string, cache: string) => void;
const listeners = new Set<Listener>();
let registered = false;

/** Registers the protocol with MapLibre (once per page). Tiles are fetched from this origin only. */
export function registerOfficialProtocol(addProtocol: typeof AddProtocol, fetcher: typeof fetch = (input, init) => fetch(input, init)): void {
  if (registered) return;
  registered = true;
  addProtocol(OFFICIAL_SCHEME, async (params, abort) => {
    const path = params.url.slice(OFFICIAL_SCHEME.length + 3);
    if (!path.startsWith('/api/offisielt/')) throw new Error('not an official map tile');
    const r = await fetcher(new URL(path, location.origin), { signal: abort.signal });
    if (!r.ok) throw new Error(`official map tile: ${r.status}`);
    const data = await r.arrayBuffer();
    const cache = r.headers.get('x-kartbuffer') ?? '';
    for (const l of listeners) l(path, cache);
    return { data, cacheControl: r.headers.get('cache-control'), expires: r.headers.get('expires') };
  });
}

/** Calls `listener` with each official tile's proxy path and how the proxy had it (`treff`, `hentet`, `gammel`); returns the unsubscribe. */
export function onOfficialTile(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
