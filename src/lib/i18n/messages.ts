import { en as commonEn, nb as commonNb } from './messages/common.ts';
import { en as mapEn, nb as mapNb } from './messages/map.ts';
import { en as sketchEn, nb as sketchNb } from './messages/sketch.ts';
import { en as scenarioEn, nb as scenarioNb } from './messages/scenario.ts';
import { en as sharedEn, nb as sharedNb } from './messages/shared.ts';
import { en as importEn, nb as importNb } from './messages/import.ts';
import { en as investorEn, nb as investorNb } from './messages/investor.ts';
import { en as arealregnskapEn, nb as arealregnskapNb } from './messages/arealregnskap.ts';

/**
 * The app's texts in bokmål and English, as one typed dictionary put together from one file per
 * feature (`messages/<feature>.ts`): `en` must have exactly the keys
 * of `nb` (the compiler refuses a missing key, and a unit test checks it at run time too).
 * Placeholders are written `{name}`.
 */
export const nb = { ...commonNb, ...mapNb, ...sketchNb, ...scenarioNb, ...sharedNb, ...importNb, ...investorNb, ...arealregnskapNb } as const;

/** A key of the dictionary. */
export type MessageKey = keyof typeof nb;

/** The same keys in English (each feature file's `en` must have exactly its `nb` keys). */
export const en: Record<MessageKey, string> = { ...commonEn, ...mapEn, ...sketchEn, ...scenarioEn, ...sharedEn, ...importEn, ...investorEn, ...arealregnskapEn };

/** The languages of the app. */
export type Lang = 'nb' | 'en';

const DICTS: Record<Lang, Record<MessageKey, string>> = { nb, en };

/** True for a supported language code. */
export function isLang(v: string | null | undefined): v is Lang {
  return v === 'nb' || v === 'en';
}

/** The text for a key in a language, with `{name}` placeholders filled in. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return DICTS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** Formats a number in the language's convention (nb: 1 234,5; en: 1,234.5). */
export function num(lang: Lang, v: number, decimals = 0): string {
  return v.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Metres as «850 m» or «2.4 km» in the language's number format. */
/**
 * A station's name in a language: the data's Norwegian names («Gullhella stasjon») read
 * «Gullhella station» in English.
 */
export function stationNameIn(lang: Lang, navn: string): string {
  return lang === 'en' ? navn.replace(/ stasjon$/, ' station') : navn;
}

/** A job count as said «about …»: to the nearest ten from 100, else as it is. */
export function aboutJobs(n: number): number {
  return n >= 100 ? Math.round(n / 10) * 10 : Math.round(n);
}

export function dist(lang: Lang, m: number): string {
  return m < 1000 ? `${num(lang, Math.round(m / 10) * 10)} m` : `${num(lang, m / 1000, 1)} km`;
}

/** A range «a–b» in the language's number format, or one number when both ends round alike. */
export function numRange(lang: Lang, low: number, high: number, decimals = 0): string {
  const a = num(lang, low, decimals);
  const b = num(lang, high, decimals);
  return a === b ? a : `${a}–${b}`;
}
