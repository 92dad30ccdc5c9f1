/** A text in both languages (the same text when only one is given). */
export interface Texts {
  nb: string;
  en: string;
}

/**
 * The contact block of the investor fact sheets as the operator set it (server: `KONTAKT_FIL`,
 * `KONTAKT_*`); a field that is not set is absent.
 */
export interface Contact {
  organisasjon?: Texts;
  navn?: Texts;
  epost?: Texts;
  telefon?: Texts;
  nettside?: Texts;
}
