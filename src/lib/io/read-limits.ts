/**
 * The size limit on files read (the same for the app and the CLI) and its error, apart from the
 * readers so a panel can check a file's size before it asks the worker to read it, without
 * loading the readers.
 */
import { coded, fileProblem, type FileProblem } from './coded.ts';
import type { ReadFileReason } from './formats/driver.ts';

/** The largest file the importers read, in bytes (300 MB); bigger files are refused with a message. */
export const MAX_INPUT_BYTES = 300 * 1024 * 1024;

/** A file that gave nothing usable: why (`reason`), the coded problem, and «fil: problem» in bokmål (`message`). */
export interface ReadFileError extends FileProblem<ReadFileReason> {
  ok: false;
}

/**
 * The refusal for a file of `size` bytes over {@link MAX_INPUT_BYTES}, or null. Callers ask before
 * reading the file (File.size, fs.stat), so a file too large is never held in memory.
 */
export function sizeProblem(size: number, fileName: string): ReadFileError | null {
  if (size <= MAX_INPUT_BYTES) return null;
  return { ok: false, ...fileProblem('too-large', fileName, coded('io.file.too-large', { mb: Math.round(size / 1e6), limit: MAX_INPUT_BYTES / 1024 / 1024 })) };
}
