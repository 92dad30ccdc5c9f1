import { dist as distIn, nb as DICT_NB, num as numIn, numRange as rangeIn, stationNameIn, t, type Lang, type MessageKey } from './messages.ts';
import { codeText, type Coded } from './messages/import.ts';

/** The app's current language (from `?lang=`), shared by every component. */
export const i18n = $state<{ lang: Lang }>({ lang: 'nb' });

/** The text for a key in the current language (reactive in templates). */
export function tr(key: MessageKey, params?: Record<string, string | number>): string {
  return t(i18n.lang, key, params);
}

/** A number in the current language's format. */
export function num(v: number, decimals = 0): string {
  return numIn(i18n.lang, v, decimals);
}

/** A date (from an ISO time) as people write it in the current language: «30. november 2026», «30 November 2026». */
export function dateText(iso: string): string {
  return new Date(iso).toLocaleDateString(i18n.lang === 'en' ? 'en-GB' : 'nb-NO', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** A range «a–b» in the current language's format. */
export function numRange(low: number, high: number, decimals = 0): string {
  return rangeIn(i18n.lang, low, high, decimals);
}

/** A count with its noun in the right number, in the current language: «1 objekt», «2 objekter»; «1 area», «2 areas». */
export function countOf(noun: 'object' | 'area' | 'site' | 'sketch', n: number): string {
  return tr(`io.n.${n === 1 ? 'one' : 'other'}.${noun}`, { n: num(n) });
}

/** A station's name in the current language («Gullhella station» in English). */
export function stationName(navn: string): string {
  return stationNameIn(i18n.lang, navn);
}

/** Metres as «850 m» or «2,4 km» in the current language's format. */
export function dist(m: number): string {
  return distIn(i18n.lang, m);
}

/** The reason for a category's fit, in the current language (the engine's `grunn` and figures). */
export function fitText(fit: { egnethet: 'god' | 'akseptabel' | 'dårlig'; grunn: string }, kategori: string, abc: string, roadLimitM: number): string {
  const category = t(i18n.lang, `category.${kategori}` as MessageKey);
  const lower = category.toLowerCase();
  const f = t(i18n.lang, `fit.${fit.egnethet}`);
  if (fit.grunn === 'bilavhengig') return t(i18n.lang, 'fit.carDependent', { category: lower });
  if (fit.grunn === 'sentrumsareal') return t(i18n.lang, 'fit.wastesCentre', { category });
  if (fit.grunn === 'langt-fra-veg') return t(i18n.lang, 'fit.reasonFarRoad', { category, m: roadLimitM, fit: f });
  return t(i18n.lang, 'fit.reason', { category, abc, fit: f });
}

/** The notice for a store that could not be read in full, in the current language. */
export function storeNotice(problem: { lost: number | null; total: number | null; backup: string }, what: 'sketches' | 'scenarios'): string {
  const w = t(i18n.lang, `store.what.${what}`);
  return problem.lost === null
    ? t(i18n.lang, 'store.unreadable', { what: w, backup: problem.backup })
    : t(i18n.lang, 'store.partly', { what: w, backup: problem.backup, lost: problem.lost, total: problem.total ?? 0 });
}

/**
 * A file-reading problem for a file, in the current language: a coded problem (io's
 * `{ code, params }`, see messages/import.ts), or only a reason code from io/geojson or geo/validate.
 */
export function ioProblem(problem: string | Coded, file: string): string {
  if (typeof problem !== 'string') return t(i18n.lang, 'io.feature', { file, reason: codeText({ code: problem.code, params: problem.params }, i18n.lang) });
  const reason = problem;
  const key = `io.${reason}` as MessageKey;
  if (key in DICT_NB) return t(i18n.lang, key, { file });
  const geo = `geo.${reason}` as MessageKey;
  return t(i18n.lang, 'io.feature', { file, reason: geo in DICT_NB ? t(i18n.lang, geo) : reason });
}

/** Which file each imported layer came from (null: demo data). */
type ImportedFiles = { naering: string | null; jordbruk: string | null };

/** The data label shown with every view: demo data, or which files were imported. */
export function dataLabel(imported: ImportedFiles): string {
  const files = (['naering', 'jordbruk'] as const).flatMap((k) => (imported[k] ? [t(i18n.lang, `import.inUse.${k}`, { file: imported[k] })] : []));
  return files.length ? t(i18n.lang, 'import.label', { files: files.join('; ') }) : t(i18n.lang, 'investor.demo');
}

/** Map attribution for the app's data layers: imported layers name their file; the rest are demo data. */
export function dataAttribution(imported: ImportedFiles): { demo?: string; naering?: string; jordbruk?: string } {
  if (!imported.naering && !imported.jordbruk) return {};
  const layer = (k: 'naering' | 'jordbruk') =>
    imported[k] ? t(i18n.lang, 'attribution.imported', { layer: t(i18n.lang, `attribution.layer.${k}`), file: imported[k] }) : undefined;
  return { demo: t(i18n.lang, 'attribution.demoRest'), naering: layer('naering'), jordbruk: layer('jordbruk') };
}
