// The import runs here, off the main thread, so the map and panels stay responsive while a large
// file is parsed and checked. Messages: in, an ImportRequest; out, progress and then the result —
// or, if anything at all goes wrong in here, `failed` with the error's words: the panel is never
// left waiting (it also stops waiting after a long silence, see state/importer.ts).
import { importPlanFile, type ImportRequest } from './import-plan.ts';

/** A message from the import worker. */
export type ImportWorkerMessage =
  | { type: 'progress'; phase: 'parse' | 'check'; fraction: number }
  | { type: 'done'; result: Awaited<ReturnType<typeof importPlanFile>> }
  | { type: 'failed'; message: string };

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e ?? ''));

/** Runs one import and reports through `post`: progress (at most one per percent), then done or failed. Never rejects. */
export async function handleImport(req: ImportRequest, post: (m: ImportWorkerMessage) => void): Promise<void> {
  let last = -1;
  try {
    const result = await importPlanFile(req, (phase, fraction) => {
      const step = Math.floor(fraction * 100) + (phase === 'check' ? 1000 : 0);
      if (step === last) return;
      last = step;
      post({ type: 'progress', phase, fraction });
    });
    post({ type: 'done', result });
  } catch (e) {
    post({ type: 'failed', message: errorText(e) });
  }
}

// In a worker (not when a test imports this module): answer each request, and report errors that
// escape anyway (a rejected promise nobody awaited) as a failure rather than silence.
const WorkerScope = (globalThis as { WorkerGlobalScope?: abstract new () => unknown }).WorkerGlobalScope;
if (WorkerScope && globalThis instanceof WorkerScope) {
  const scope = globalThis as unknown as { postMessage: (m: ImportWorkerMessage) => void; addEventListener: (type: string, f: (e: Event) => void) => void };
  const post = (m: ImportWorkerMessage) => scope.postMessage(m);
  scope.addEventListener('message', (e) => void handleImport((e as MessageEvent<ImportRequest>).data, post));
  scope.addEventListener('unhandledrejection', (e) => post({ type: 'failed', message: errorText((e as PromiseRejectionEvent).reason) }));
}
