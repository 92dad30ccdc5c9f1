// The readers give codes, not sentences (see i18n/messages/import.ts). These helpers make the codes
// and give their bokmål sentence for the Norwegian `message`, `reason` and `what` the CLI prints.
import { codeText, type Coded, type ImportKey, type KeysAfter, type TextParam } from '../i18n/messages/import.ts';

export type { Coded, TextParam };

/** A coded text. */
export const coded = (code: ImportKey, params: Record<string, TextParam> = {}): Coded => ({ code, params });

/** The bokmål sentence of a coded text. */
export const nbText = (c: Coded): string => codeText(c);

/** A count with its noun in the right number: «1 linje», «3 linjer». */
export const count = (noun: KeysAfter<'io.n.one.'>, n: number): Coded => coded(`io.n.${n === 1 ? 'one' : 'other'}.${noun}`, { n });

/** An object left out: its id, its coded reason, and that reason in bokmål. */
export interface Skipped extends Coded {
  id: string;
  reason: string;
}

/** A skipped object with the bokmål sentence of its reason. */
export const skip = (id: string, why: Coded): Skipped => ({ id, reason: nbText(why), code: why.code, params: why.params });

/** A problem with a whole file: a coarse reason, the coded problem, and «fil: problem» in bokmål. */
export interface FileProblem<R extends string = string> extends Coded {
  reason: R;
  message: string;
}

/** «fil: problem» in bokmål: the line the CLI prints for a file that gave nothing. */
export const fileLine = (fileName: string, problem: TextParam): string => nbText(coded('io.feature', { file: fileName, reason: problem }));

/** A file-level problem for a file (its Norwegian `message` starts with the file name). */
export function fileProblem<R extends string>(reason: R, fileName: string, problem: Coded): FileProblem<R> {
  const { code, params } = problem;
  return { reason, code, params, message: fileLine(fileName, { code, params }) };
}
