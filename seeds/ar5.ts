/**
 * AR5 (arealressurskart 1:5000) farmland classes, from NIBIO's public code list «AR5
 * klassifikasjonssystem» (arealtype). Jordvern in the app counts these three.
 */
export const AR5_JORDBRUK = {
  '21': 'Fulldyrka jord',
  '22': 'Overflatedyrka jord',
  '23': 'Innmarksbeite'
} as const;

/** One of the AR5 farmland classes 21, 22, 23. */
export type Ar5Jordbruksklasse = keyof typeof AR5_JORDBRUK;

/** The AR5 farmland classes in code order. */
export const AR5_JORDBRUKSKLASSER = Object.keys(AR5_JORDBRUK) as Ar5Jordbruksklasse[];

/** Where the code list comes from. */
export const AR5_KILDE = 'NIBIO, AR5 klassifikasjonssystem (arealtype 21, 22, 23)';

/** Returns the AR5 farmland class of a property value (number or string), or null. */
export function ar5Jordbruksklasse(value: unknown): Ar5Jordbruksklasse | null {
  const s = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return Object.hasOwn(AR5_JORDBRUK, s) ? (s as Ar5Jordbruksklasse) : null;
}
