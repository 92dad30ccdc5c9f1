import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleImport, type ImportWorkerMessage } from '../io/import.worker.ts';
import type { ImportRequest } from '../io/import-plan.ts';
import { IMPORT_SILENCE_MS, startImport } from './importer.ts';

/** A stand-in for the browser's Worker: the test decides what it says, and when. */
class FakeWorker {
  static last: FakeWorker | null = null;
  onmessage: ((e: MessageEvent<ImportWorkerMessage>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage() {}
  terminate() {
    this.terminated = true;
  }
  say(m: ImportWorkerMessage) {
    this.onmessage?.({ data: m } as MessageEvent<ImportWorkerMessage>);
  }
}

const request = (): ImportRequest => ({ bytes: new Uint8Array([1, 2, 3]), fileName: 'plan.gml', kind: 'naering' });

describe('startImport: the panel never waits forever', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('a failure reported by the worker ends the import with its words', async () => {
    const job = startImport(request(), () => {});
    FakeWorker.last?.say({ type: 'failed', message: 'Invalid code point 99999999' });
    expect(await job.result).toEqual({ ok: false, reason: 'crashed', message: 'Invalid code point 99999999' });
    expect(FakeWorker.last?.terminated).toBe(true);
  });

  it('an error event (the worker script died) ends it too', async () => {
    const job = startImport(request(), () => {});
    FakeWorker.last?.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(await job.result).toEqual({ ok: false, reason: 'crashed', message: 'boom' });
  });

  it('a worker that goes silent is stopped after IMPORT_SILENCE_MS; progress keeps it alive', async () => {
    const progress: number[] = [];
    const job = startImport(request(), (_, f) => progress.push(f));
    let settled = false;
    void job.result.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(IMPORT_SILENCE_MS - 1000);
    FakeWorker.last?.say({ type: 'progress', phase: 'parse', fraction: 0.5 });
    await vi.advanceTimersByTimeAsync(IMPORT_SILENCE_MS - 1000);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await job.result).toEqual({ ok: false, reason: 'stalled', seconds: IMPORT_SILENCE_MS / 1000 });
    expect(progress).toEqual([0.5]);
    expect(FakeWorker.last?.terminated).toBe(true);
  });
});

describe('handleImport (the worker side): every failure becomes a message', () => {
  it('reports a thrown error as «failed» instead of leaving an unhandled rejection', async () => {
    const said: ImportWorkerMessage[] = [];
    await expect(handleImport({ ...request(), bytes: null } as unknown as ImportRequest, (m) => said.push(m))).resolves.toBeUndefined();
    expect(said.at(-1)?.type).toBe('failed');
    expect((said.at(-1) as { message: string }).message.length).toBeGreaterThan(0);
  });

  it('reports a file it cannot use as «done» with the reason', async () => {
    const said: ImportWorkerMessage[] = [];
    await handleImport({ ...request(), bytes: new TextEncoder().encode('ikke xml') }, (m) => said.push(m));
    const last = said.at(-1);
    expect(last?.type).toBe('done');
    if (last?.type === 'done') expect(last.result.ok).toBe(false);
  });
});
