/**
 * Starts loading MapLibre (the library and its worker's URL) before the map component needs it,
 * so the download and parse run while the page fetches and prepares its data (issue #20). The
 * map component imports the same modules and gets them from the module cache. Creates no map.
 */
export function preloadMapLibrary(): void {
  void import('maplibre-gl').catch(() => undefined);
  void import('maplibre-gl/dist/maplibre-gl-worker.mjs?url').catch(() => undefined);
}
