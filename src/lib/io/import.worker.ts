// The import runs here, off the main thread, so the map and panels stay responsive while a large
// file is parsed and checked. Messages: in, an ImportRequest; out, progress and then the result.
import { importPlanFile, type ImportRequest } from './import-plan.ts';

/** A message from the import worker. */
export type ImportWorkerMessage =
  | { type: 'progress'; phase: 'parse' | 'check'; fraction: number }
  | { type: 'done'; result: Awaited<ReturnType<typeof importPlanFile>> };

const post = (m: ImportWorkerMessage) => (self as unknown as { postMessage: (m: ImportWorkerMessage) => void }).postMessage(m);

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  let last = -1;
  const result = await importPlanFile(e.data, (phase, fraction) => {
    // At most one message per percent.
    const step = Math.floor(fraction * 100) + (phase === 'check' ? 1000 : 0);
    if (step === last) return;
    last = step;
    post({ type: 'progress', phase, fraction });
  });
  post({ type: 'done', result });
};
