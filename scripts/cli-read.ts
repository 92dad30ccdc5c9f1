// Reading the CLI's input files (shared by scripts/cli.ts and its AR5 worker, scripts/cli-ar5-worker.ts).

import { readFileSync, statSync } from 'node:fs';
import type { ReadFileOk } from '../src/lib/io/read-file.ts';

/** A problem with the user's input: exit code 2 and one line on stderr. */
export class InputError extends Error {}

async function readBytes(file: string): Promise<Uint8Array> {
  const { coded, fileLine } = await import('../src/lib/io/coded.ts');
  const { sizeProblem } = await import('../src/lib/io/read-file.ts');
  try {
    // Too large is refused before the file is read.
    const tooLarge = sizeProblem(statSync(file).size, file);
    if (tooLarge) throw new InputError(fileLine(file, { code: tooLarge.code, params: tooLarge.params }));
    return new Uint8Array(readFileSync(file));
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? coded('io.file.not-found') : coded('io.file.unreadable', { detail: code ?? (e as Error).message });
    throw new InputError(fileLine(file, problem));
  }
}

/** Reads an area or farmland file by its extension; a file that gives nothing usable is an input error. */
export async function readAreas(file: string, crs: string | undefined): Promise<ReadFileOk> {
  const bytes = await readBytes(file);
  const { coded, fileLine } = await import('../src/lib/io/coded.ts');
  const { readAreaFile } = await import('../src/lib/io/read-file.ts');
  let r: Awaited<ReturnType<typeof readAreaFile>>;
  try {
    r = await readAreaFile(bytes, file, { crs });
  } catch (e) {
    // A reader that fails in a way it did not foresee still ends as one line about this file.
    throw await unreadable(file, (e as Error)?.message ?? String(e));
  }
  // The one Norwegian line: the problem's code in bokmål, after the file name.
  if (!r.ok) throw new InputError(fileLine(file, { code: r.code, params: r.params }));
  return r;
}

/** A unforeseen failure while reading `file`, as the one line readAreas gives for it. */
export async function unreadable(file: string, detail: string): Promise<InputError> {
  const { coded, fileLine } = await import('../src/lib/io/coded.ts');
  return new InputError(fileLine(file, coded('io.file.unreadable', { detail })));
}
