// The worker thread of `stats --farmland` (scripts/cli-ar5.ts): reads the AR5 file, builds its
// indexes and posts them packed in SharedArrayBuffers (with what stats reports of the file), then
// overlaps the areas it was sent (EPSG:25832) and posts their overlaps; or posts why it cannot.

import { parentPort, workerData } from 'node:worker_threads';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Ar5Reply } from './cli-ar5.ts';
import { InputError, readAreas } from './cli-read.ts';

const port = parentPort;
if (port) {
  const { file, crs } = workerData as { file: string; crs: string | undefined };
  const areas = new Promise<(Polygon | MultiPolygon)[]>((resolve) => port.once('message', resolve));
  const post = (r: Ar5Reply) => port.postMessage(r);
  try {
    const r = await readAreas(file, crs);
    const { ar5Indexes, ar5OverlapsWith } = await import('../src/lib/cli/stats.ts');
    const { packOverlapIndex } = await import('../src/lib/geo/overlap.ts');
    const indexes = ar5Indexes(r.areas);
    post({
      kind: 'indexes',
      byType: packOverlapIndex(indexes.byType, SharedArrayBuffer),
      farmland: indexes.farmland ? packOverlapIndex(indexes.farmland, SharedArrayBuffer) : null,
      meta: { skipped: r.skipped, repaired: r.repaired, notAreas: r.notAreas, noteCodes: r.noteCodes }
    });
    post({ kind: 'overlaps', overlaps: ar5OverlapsWith(indexes, await areas) });
  } catch (e) {
    post(e instanceof InputError ? { kind: 'input-error', message: e.message } : { kind: 'error', message: (e as Error)?.message ?? String(e) });
  }
}
