/**
 * Every AR5 area type (arealtype), from the same code list («AR5 klassifikasjonssystem», NIBIO;
 * SOSI code list ArealressursArealtype). Imports keep all of them, so land other than farmland
 * (skog, myr, åpen fastmark …) can be accounted for; jordvern counts only 21, 22 and 23.
 */
export const AR5_AREALTYPE = {
  '11': 'Bebygd',
  '12': 'Samferdsel',
  '21': 'Fulldyrka jord',
  '22': 'Overflatedyrka jord',
  '23': 'Innmarksbeite',
  '30': 'Skog',
  '50': 'Åpen fastmark',
  '60': 'Myr',
  '70': 'Snøisbre',
  '81': 'Ferskvann',
  '82': 'Hav',
  '99': 'Ikke kartlagt'
} as const;

/**
 * AR5 (arealressurskart 1:5000) farmland classes, from NIBIO's public code list «AR5
 * klassifikasjonssystem» (arealtype). Jordvern in the app counts these three.
 */
export const AR5_JORDBRUK = {
  '21': AR5_AREALTYPE['21'],
  '22': AR5_AREALTYPE['22'],
  '23': AR5_AREALTYPE['23']
} as const;

/** One of the AR5 farmland classes 21, 22, 23. */
export type Ar5Jordbruksklasse = keyof typeof AR5_JORDBRUK;

/** The AR5 farmland classes in code order. */
export const AR5_JORDBRUKSKLASSER = Object.keys(AR5_JORDBRUK) as Ar5Jordbruksklasse[];

/** The code of a property value (number or string, «21» or 21) in a code list, or null. */
function codeIn<K extends string>(list: Readonly<Record<K, string>>, value: unknown): K | null {
  const s = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return Object.hasOwn(list, s) ? (s as K) : null;
}

/** Returns the AR5 farmland class of a property value (number or string), or null. */
export function ar5Jordbruksklasse(value: unknown): Ar5Jordbruksklasse | null {
  return codeIn(AR5_JORDBRUK, value);
}

/** One of the AR5 area types. */
export type Ar5Arealtype = keyof typeof AR5_AREALTYPE;

/** The AR5 area types in code order. */
export const AR5_AREALTYPER = Object.keys(AR5_AREALTYPE) as Ar5Arealtype[];

/** AR5 treslag (for arealtype 30 skog), code list ArealressursTreslag. */
export const AR5_TRESLAG = { '31': 'Barskog', '32': 'Lauvskog', '33': 'Blandingsskog', '39': 'Ikke tresatt', '98': 'Ikke relevant', '99': 'Ikke registrert' } as const;

/** AR5 skogbonitet (for arealtype 30 skog and 60 myr), code list ArealressursSkogbonitet: the land's capacity to grow timber. */
export const AR5_SKOGBONITET = {
  '11': 'Impediment',
  '12': 'Lav',
  '13': 'Middels',
  '14': 'Høy',
  '15': 'Særs høy',
  '98': 'Ikke relevant',
  '99': 'Ikke registrert'
} as const;

/** Returns the AR5 area type of a property value (number or string, «30» or 30), or null. */
export function ar5Arealtype(value: unknown): Ar5Arealtype | null {
  return codeIn(AR5_AREALTYPE, value);
}
