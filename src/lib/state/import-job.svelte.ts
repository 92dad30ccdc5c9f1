import { ioProblem, tr } from '../i18n/lang.svelte.ts';
import type { ImportOk } from '../io/import-plan.ts';
import type { ImportKind } from '../io/plan-layers.ts';
import { sizeProblem } from '../io/read-limits.ts';
import { startImport, type RunningImport } from './importer.ts';

/** An outcome to show; its text is made when shown, so it follows a change of language. */
export interface ImportMessage {
  text: () => string;
  error: boolean;
}

/**
 * One file read into an app layer in the import worker, as the import panel and the report's
 * plan versions both do it: the size check before reading, progress, cancel, every failure as a
 * message that names the file, and a guessed CRS held back until the user confirms it or picks
 * another (then the file is read again with that one). A good result goes to `use`.
 */
export class ImportJob {
  running = $state.raw<{ file: File; job: RunningImport } | null>(null);
  phase = $state<'parse' | 'check'>('parse');
  fraction = $state(0);
  message = $state.raw<ImportMessage | null>(null);
  /** A result whose CRS was guessed, waiting for the user to confirm or choose another. */
  pending = $state.raw<{ file: File; kind: ImportKind; result: ImportOk } | null>(null);
  chosenCrs = $state<string>('EPSG:25832');
  private use: (r: ImportOk, kind: ImportKind) => Promise<void> | void;

  constructor(use: (r: ImportOk, kind: ImportKind) => Promise<void> | void) {
    this.use = use;
  }

  /** Reads a file as a layer of `kind` (in the CRS it states, else `crs`, else a guess to confirm). */
  async read(file: File, kind: ImportKind, crs?: string): Promise<void> {
    this.running?.job.cancel();
    this.message = null;
    this.pending = null;
    this.phase = 'parse';
    this.fraction = 0;
    // A file over the limit is refused by its size, before it is read into memory.
    const tooLarge = sizeProblem(file.size, file.name);
    if (tooLarge) {
      this.message = { text: () => tr('import.failed', { message: ioProblem(tooLarge, file.name) }), error: true };
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const job = startImport({ bytes, fileName: file.name, kind, crs }, (p, f) => {
      this.phase = p;
      this.fraction = f;
    });
    this.running = { file, job };
    const r = await job.result;
    if (this.running?.job !== job) return;
    this.running = null;
    if (!r.ok) {
      if (r.reason === 'cancelled') this.message = { text: () => tr('import.cancelled', { file: file.name }), error: false };
      else if (r.reason === 'crashed') this.message = { text: () => tr('import.crashed', { message: r.message || tr('import.unknownError') }), error: true };
      else if (r.reason === 'stalled') this.message = { text: () => tr('import.stalled', { file: file.name, seconds: r.seconds }), error: true };
      else this.message = { text: () => tr('import.failed', { message: ioProblem(r, file.name) }), error: true };
      return;
    }
    if (r.report.crsFrom === 'guessed') {
      this.pending = { file, kind, result: r };
      this.chosenCrs = r.report.crs;
      return;
    }
    await this.use(r, kind);
  }

  /** The guessed CRS confirmed (the result is used), or another chosen (the file is read again with it). */
  confirmCrs(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    if (this.chosenCrs === p.result.report.crs) void this.use(p.result, p.kind);
    else void this.read(p.file, p.kind, this.chosenCrs);
  }

  discard(): void {
    this.pending = null;
  }

  cancel(): void {
    this.running?.job.cancel();
  }
}
