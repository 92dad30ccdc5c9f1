// The worker thread of `stats --farmland` (scripts/cli-ar5.ts): reads the AR5 file, builds its
// indexes packed in SharedArrayBuffers and posts them (with what stats reports of the file), then
// overlaps the areas it takes from the shared ones (EPSG:25832, packed by the main thread, which
// takes from them too), writing their figures into shared arrays it made and posted with the
// indexes, and says when it is done; or posts why it cannot.

import { parentPort, workerData } from 'node:worker_threads';
import type { Ar5Areas, Ar5Reply } from './cli-ar5.ts';
import { InputError, readAreas } from './cli-read.ts';

const port = parentPort;
if (port) {
  const { file, crs } = workerData as { file: string; crs: string | undefined };
  const areas = new Promise<Ar5Areas>((resolve) => port.once('message', resolve));
  const post = (r: Ar5Reply) => port.postMessage(r);
  try {
    const r = await readAreas(file, crs);
    const { ar5OverlapsShared, ar5PackedIndexes, sharedAr5Overlaps, unpackAr5Indexes } = await import('../src/lib/cli/stats.ts');
    const { unpackOverlapIndex } = await import('../src/lib/geo/overlap.ts');
    // Built straight into shared buffers: posted without a copy, and read here the way the main thread reads them.
    const packed = ar5PackedIndexes(r.areas, SharedArrayBuffer);
    // The areas both threads take from, a few at a time, and the shared arrays both write the figures into.
    const shared = await areas;
    const sharedAreas = unpackOverlapIndex(shared.areas);
    const out = sharedAr5Overlaps(packed.byType.keyNames, sharedAreas.size, SharedArrayBuffer);
    post({ kind: 'indexes', byType: packed.byType, farmland: packed.farmland, out, meta: { skipped: r.skipped, repaired: r.repaired, notAreas: r.notAreas, noteCodes: r.noteCodes } });
    post({ kind: 'overlaps', done: ar5OverlapsShared(unpackAr5Indexes(packed), sharedAreas, shared.next, out) });
  } catch (e) {
    post(e instanceof InputError ? { kind: 'input-error', message: e.message } : { kind: 'error', message: (e as Error)?.message ?? String(e) });
  }
}
