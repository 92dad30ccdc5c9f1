import type { ImportOk, ImportRequest } from '../io/import-plan.ts';
import type { ReadFileError } from '../io/read-file.ts';
import type { ImportWorkerMessage } from '../io/import.worker.ts';

/** A running import: its result, and a way to stop it (the worker is terminated at once). */
export interface RunningImport {
  result: Promise<ImportOk | ReadFileError | { ok: false; reason: 'cancelled' } | { ok: false; reason: 'crashed'; message: string } | { ok: false; reason: 'stalled'; seconds: number }>;
  cancel: () => void;
}

/**
 * How long the worker may stay silent (no progress, no result) before the import is stopped, in
 * ms. Every reader reports progress while it works, so silence this long means it is stuck.
 */
export const IMPORT_SILENCE_MS = 120_000;

/**
 * Starts an import in a Web Worker (module worker, bundled by Vite). Progress comes through
 * `onProgress`; `cancel()` terminates the worker and resolves the result as cancelled. The file's
 * bytes are copied to the worker, so the caller can read the file again (another CRS).
 */
export function startImport(req: ImportRequest, onProgress: (phase: 'parse' | 'check', fraction: number) => void): RunningImport {
  const worker = new Worker(new URL('../io/import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
  let settle: (r: Awaited<RunningImport['result']>) => void = () => {};
  const result = new Promise<Awaited<RunningImport['result']>>((resolve) => (settle = resolve));
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const finish = (r: Awaited<RunningImport['result']>) => {
    clearTimeout(watchdog);
    worker.terminate();
    settle(r);
  };
  const wait = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => finish({ ok: false, reason: 'stalled', seconds: IMPORT_SILENCE_MS / 1000 }), IMPORT_SILENCE_MS);
  };
  wait();
  worker.onmessage = (e: MessageEvent<ImportWorkerMessage>) => {
    if (e.data.type === 'progress') {
      wait();
      onProgress(e.data.phase, e.data.fraction);
    } else if (e.data.type === 'failed') finish({ ok: false, reason: 'crashed', message: e.data.message });
    else finish(e.data.result);
  };
  worker.onmessageerror = () => finish({ ok: false, reason: 'crashed', message: '' });
  worker.onerror = (e) => {
    e.preventDefault();
    // The browser's own words, if it gives any (the panel says «unknown error» in its language otherwise).
    finish({ ok: false, reason: 'crashed', message: e.message || '' });
  };
  const bytes = req.bytes.slice();
  worker.postMessage({ ...req, bytes }, [bytes.buffer]);
  return { result, cancel: () => finish({ ok: false, reason: 'cancelled' }) };
}
