import maplibreUrl from 'maplibre-gl/dist/maplibre-gl.mjs?url';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

/**
 * MapLibre is loaded from its own built file (its URL is known when the page is rendered on the
 * server), so the page can ask for it in its head (`MapLibraryPreload.svelte`) and the library
 * downloads and compiles while the page's own code loads and hydrates (issue #20). The map
 * component loads the same file; the browser then has it ready.
 */
export { maplibreUrl, maplibreWorkerUrl };

/** MapLibre (the module of {@link maplibreUrl}). */
export function loadMapLibrary(): Promise<typeof import('maplibre-gl')> {
  return import(/* @vite-ignore */ maplibreUrl);
}
