// `stats --farmland`: the AR5 file read on a second thread (scripts/cli-ar5-worker.ts) while this
// one reads the areas, so the two files are read at the same time on two cores. The worker builds
// the AR5 indexes and hands them over packed in SharedArrayBuffers (both threads read the same
// coordinates, nothing is copied). The areas go to the worker packed the same way, and each
// thread takes the next few areas from a shared counter until none are left (the faster does
// more), writing their figures into shared arrays. Where a worker cannot start, the same is done
// on this thread. Errors are the lines the one-thread CLI gives: the file's own problem, or
// `io.file.unreadable` with the reason.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MultiPolygon, Polygon } from 'geojson';
import type { PackedOverlapIndex } from '../src/lib/geo/overlap.ts';
import type { Ar5Overlapped, SharedAr5Overlaps } from '../src/lib/cli/stats.ts';
import { InputError, readAreas, unreadable } from './cli-read.ts';

/** What stats reports of the AR5 file itself. */
type Ar5Meta = Omit<Ar5Overlapped, 'overlaps'>;

/** What the worker posts: the packed indexes with the shared arrays for the figures (and the file's report), then that it is done; or why it cannot. */
export type Ar5Reply =
  | { kind: 'indexes'; byType: PackedOverlapIndex; farmland: PackedOverlapIndex | null; out: SharedAr5Overlaps; meta: Ar5Meta }
  /** How many areas the worker did (their figures are in `out`). */
  | { kind: 'overlaps'; done: number }
  | { kind: 'input-error'; message: string }
  | { kind: 'error'; message: string };

/** What the worker is sent: the areas packed in SharedArrayBuffers, and the counter of the next area to take (both threads take from it). */
export interface Ar5Areas {
  areas: PackedOverlapIndex;
  next: Int32Array;
}

export interface Ar5Job {
  /** Each area's overlap with the AR5 file (and what stats reports of the file); rejects with the file's InputError. */
  overlap(areas: (Polygon | MultiPolygon)[]): Promise<Ar5Overlapped>;
  /** Ends the worker (also when overlap was never asked for). */
  stop(): Promise<void>;
}

/** The worker's entry: beside the bundle (build-cli/) or beside this source file. */
function workerEntry(): string | null {
  for (const name of ['./cli-ar5-worker.mjs', '../cli-ar5-worker.mjs', './cli-ar5-worker.ts']) {
    const file = fileURLToPath(new URL(name, import.meta.url));
    if (existsSync(file)) return file;
  }
  return null;
}

/** On this thread: the same read and overlap, for where no worker can start. */
function inProcess(file: string, crs: string | undefined): Ar5Job {
  return {
    async overlap(areas) {
      const r = await readAreas(file, crs);
      const { ar5Overlaps } = await import('../src/lib/cli/stats.ts');
      return { skipped: r.skipped, repaired: r.repaired, notAreas: r.notAreas, noteCodes: r.noteCodes, overlaps: ar5Overlaps(r.areas, areas) };
    },
    async stop() {}
  };
}

/** Starts reading `file` (AR5) on a worker thread at once. */
export function startAr5Overlap(file: string, crs: string | undefined): Ar5Job {
  const entry = workerEntry();
  let worker: Worker;
  try {
    if (!entry) return inProcess(file, crs);
    // A young generation of 64 MB: reading a large JSON file makes many short-lived objects.
    worker = new Worker(entry, { workerData: { file, crs }, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  } catch {
    return inProcess(file, crs);
  }
  // The worker's messages in order; its death is a last message.
  const queue: Ar5Reply[] = [];
  const waiting: ((r: Ar5Reply) => void)[] = [];
  const deliver = (r: Ar5Reply) => {
    const w = waiting.shift();
    if (w) w(r);
    else queue.push(r);
  };
  worker.on('message', deliver);
  worker.once('error', (e) => deliver({ kind: 'error', message: e?.message ?? String(e) }));
  worker.once('exit', (code) => deliver({ kind: 'error', message: `exit ${code}` }));
  const next = () => new Promise<Ar5Reply>((resolve) => (queue.length ? resolve(queue.shift() as Ar5Reply) : waiting.push(resolve)));
  const fail = async (r: Ar5Reply): Promise<never> => {
    throw r.kind === 'input-error' ? new InputError(r.message) : await unreadable(file, r.kind === 'error' ? r.message : `unexpected ${r.kind}`);
  };
  return {
    async overlap(areas) {
      // The areas in shared buffers, and a shared counter: each thread takes the next few until none are left.
      const { ar5OverlapsOf, ar5OverlapsShared, packAreas, unpackAr5Indexes } = await import('../src/lib/cli/stats.ts');
      const { unpackOverlapIndex } = await import('../src/lib/geo/overlap.ts');
      const shared: Ar5Areas = { areas: packAreas(areas, SharedArrayBuffer), next: new Int32Array(new SharedArrayBuffer(4)) };
      worker.postMessage(shared);
      const first = await next();
      if (first.kind !== 'indexes') return fail(first);
      const mine = ar5OverlapsShared(unpackAr5Indexes(first), unpackOverlapIndex(shared.areas), shared.next, first.out);
      const theirs = await next();
      if (theirs.kind !== 'overlaps') return fail(theirs);
      if (mine + theirs.done !== areas.length) return fail({ kind: 'error', message: `${mine} + ${theirs.done} of ${areas.length} areas overlapped` });
      return { ...first.meta, overlaps: ar5OverlapsOf(first.out, areas.length) };
    },
    async stop() {
      await worker.terminate();
    }
  };
}
