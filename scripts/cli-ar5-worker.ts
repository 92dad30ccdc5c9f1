// The worker thread of `stats --farmland` (scripts/cli-ar5.ts): reads the AR5 file, builds its
// indexes packed in SharedArrayBuffers and posts them (with what stats reports of the file), then
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
    const { ar5OverlapsWith, ar5PackedIndexes, unpackAr5Indexes } = await import('../src/lib/cli/stats.ts');
    // Built straight into shared buffers: posted without a copy, and read here the way the main thread reads them.
    const packed = ar5PackedIndexes(r.areas, SharedArrayBuffer);
    post({ kind: 'indexes', byType: packed.byType, farmland: packed.farmland, meta: { skipped: r.skipped, repaired: r.repaired, notAreas: r.notAreas, noteCodes: r.noteCodes } });
    post({ kind: 'overlaps', overlaps: ar5OverlapsWith(unpackAr5Indexes(packed), await areas) });
  } catch (e) {
    post(e instanceof InputError ? { kind: 'input-error', message: e.message } : { kind: 'error', message: (e as Error)?.message ?? String(e) });
  }
}
