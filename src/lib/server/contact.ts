/**
 * The contact block of the investor fact sheets, set by the operator outside the build: a JSON
 * file named by `KONTAKT_FIL`, or the variables `KONTAKT_ORGANISASJON`, `KONTAKT_NAVN`,
 * `KONTAKT_EPOST`, `KONTAKT_TELEFON` and `KONTAKT_NETTSIDE` (these override the file's values).
 * A value is a text, or `{ "nb": …, "en": … }` for a text that differs by language. Nothing set:
 * no contact, and the sheets leave the block out (never a placeholder). Texts are shown as text.
 */
import { readFileSync } from 'node:fs';
import type { Contact, Texts } from '../data/contact.ts';

export type { Contact, Texts };

export const CONTACT_FIELDS = ['organisasjon', 'navn', 'epost', 'telefon', 'nettside'] as const;
type Field = (typeof CONTACT_FIELDS)[number];

/** The longest text a field may have (a contact line, not a document). */
export const CONTACT_MAX_CHARS = 200;
/** The largest contact file read (bytes). */
export const CONTACT_FILE_MAX_BYTES = 64 * 1024;

/** Why the configured contact could not be used in full (logged by the server; the rest is used). */
export interface ContactProblem {
  code: 'contact.file-unreadable' | 'contact.file-not-json' | 'contact.file-too-large' | 'contact.bad-value';
  params: { file?: string; field?: string; detail?: string };
}

const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();

function texts(v: unknown): Texts | null | 'bad' {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') {
    const s = clean(v);
    if (s.length > CONTACT_MAX_CHARS) return 'bad';
    return s ? { nb: s, en: s } : null;
  }
  if (typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const nb = typeof o.nb === 'string' ? clean(o.nb) : '';
    const en = typeof o.en === 'string' ? clean(o.en) : '';
    if (nb.length > CONTACT_MAX_CHARS || en.length > CONTACT_MAX_CHARS) return 'bad';
    if (!nb && !en) return null;
    return { nb: nb || en, en: en || nb };
  }
  return 'bad';
}

const ENV_NAMES: Record<Field, string> = {
  organisasjon: 'KONTAKT_ORGANISASJON',
  navn: 'KONTAKT_NAVN',
  epost: 'KONTAKT_EPOST',
  telefon: 'KONTAKT_TELEFON',
  nettside: 'KONTAKT_NETTSIDE'
};

/**
 * The contact from the environment (and the file it names), with what could not be used. `read`
 * reads the file (a parameter, so tests need no files). Returns null when nothing is set.
 */
export function contactFrom(
  env: Readonly<Record<string, string | undefined>>,
  read: (file: string) => Uint8Array = (f) => readFileSync(f)
): { contact: Contact | null; problems: ContactProblem[] } {
  const problems: ContactProblem[] = [];
  let fromFile: Record<string, unknown> = {};
  const file = env.KONTAKT_FIL?.trim();
  if (file) {
    try {
      const bytes = read(file);
      if (bytes.length > CONTACT_FILE_MAX_BYTES) problems.push({ code: 'contact.file-too-large', params: { file } });
      else {
        try {
          const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) fromFile = parsed as Record<string, unknown>;
          else problems.push({ code: 'contact.file-not-json', params: { file } });
        } catch (e) {
          problems.push({ code: 'contact.file-not-json', params: { file, detail: String((e as Error).message).slice(0, 200) } });
        }
      }
    } catch (e) {
      problems.push({ code: 'contact.file-unreadable', params: { file, detail: String((e as Error).message).slice(0, 200) } });
    }
  }
  const contact: Contact = {};
  for (const field of CONTACT_FIELDS) {
    const raw = env[ENV_NAMES[field]] ?? fromFile[field];
    const t = texts(raw);
    if (t === 'bad') problems.push({ code: 'contact.bad-value', params: { field } });
    else if (t) contact[field] = t;
  }
  return { contact: Object.keys(contact).length ? contact : null, problems };
}
