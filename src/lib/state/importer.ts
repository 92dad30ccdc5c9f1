import type { ImportOk, ImportRequest } from '../io/import-plan.ts';
import type { ReadFileError } from '../io/read-file.ts';
import type { ImportWorkerMessage } from '../io/import.worker.ts';

/** A running import: its result, and a way to stop it (the worker is terminated at once). */
export interface RunningImport {
  result: Promise<ImportOk | ReadFileError | { ok: false; reason: 'cancelled' } | { ok: false; reason: 'crashed'; message: string }>;
  cancel: () => void;
}

/**
 * Starts an import in a Web Worker (module worker, bundled by Vite). Progress comes through
 * `onProgress`; `cancel()` terminates the worker and resolves the result as cancelled. The file's
 * bytes are copied to the worker, so the caller can read the file again (another CRS).
 */
export function startImport(req: ImportRequest, onProgress: (phase: 'parse' | 'check', fraction: number) => void): RunningImport {
  const worker = new Worker(new URL('../io/import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
  let settle: (r: Awaited<RunningImport['result']>) => void = () => {};
  const result = new Promise<Awaited<RunningImport['result']>>((resolve) => (settle = resolve));
  const finish = (r: Awaited<RunningImport['result']>) => {
    worker.terminate();
    settle(r);
  };
  worker.onmessage = (e: MessageEvent<ImportWorkerMessage>) => {
    if (e.data.type === 'progress') onProgress(e.data.phase, e.data.fraction);
    else finish(e.data.result);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    // The browser's own words, if it gives any (the panel says «unknown error» in its language otherwise).
    finish({ ok: false, reason: 'crashed', message: e.message || '' });
  };
  const bytes = req.bytes.slice();
  worker.postMessage({ ...req, bytes }, [bytes.buffer]);
  return { result, cancel: () => finish({ ok: false, reason: 'cancelled' }) };
}
