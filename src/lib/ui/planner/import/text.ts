import { i18n } from '$lib/i18n/lang.svelte.ts';
import { codeText, type Coded } from '$lib/i18n/messages/import.ts';
import type { Repair } from '$lib/io/geojson.ts';

/** A coded line of the import report (a skip reason, a note), in the current language. */
export const ioText = (c: Coded): string => codeText(c, i18n.lang);

/** A report line kept with its code (`text` in bokmål for imports kept by older versions, which have no code). */
export const lineText = (line: Partial<Coded>, text: string): string => (line.code && line.params ? ioText(line as Coded) : text);

/** What a repair did, in the current language. */
export const repairText = (r: Repair): string => (r.params ? ioText({ code: `io.repair.${r.code}`, params: r.params }) : r.what);
