import {
  ANTAKELSER,
  ARBEIDSPLASS_AREAL,
  ARBEIDSPLASSVEKST,
  JORDVERN_DAA_PER_AAR,
  INDIKATORER,
  KATEGORIER,
  NAERINGSAREAL,
  NORM_GRENSER,
  STATUS_TOMT,
  type AbcKlasse,
  type Egnethet,
  type Kategori,
  type Spenn,
  type StatusTomt
} from '../../../seeds/plan.ts';
import { AR5_JORDBRUKSKLASSER } from '../../../seeds/ar5.ts';

// The seeds the interface shows, for components (which read seeds only through this module).
export { AR5_JORDBRUKSKLASSER, INDIKATORER };
export type { AbcKlasse, Kategori, StatusTomt };

/**
 * The norms every figure is computed with. Defaults come from seeds/plan.ts (plan figures and
 * our stated assumptions); a scenario may override any of them.
 */
export interface Norms {
  /** Gross land per workplace, m² (plan: 420). */
  bruttoTomtM2PerArbeidsplass: number;
  /** Net floor space per workplace by category, m² (a range where the norm is a range). */
  nettoM2PerArbeidsplass: Record<Kategori, Spenn>;
  /** Net floor space as a share of BRA (0–1). */
  nettoBruttoFaktor: number;
  /** Utnyttelse (%BRA) used when an area does not state one. */
  utnyttelseBraProsent: Record<Kategori, number>;
  /** ABC distance thresholds in metres, straight line. */
  abc: { aMaksM: number; bMaksM: number; vegMaksM: number };
  /** How each category suits each ABC class. */
  egnethet: Record<Kategori, Record<AbcKlasse, Egnethet>>;
  /** Job growth per year (plan: 500–550). */
  arbeidsplasserPerAar: Spenn;
  /** New jobs over the plan's 20 years (plan: 15 000–20 000). */
  nyeArbeidsplasser: Spenn;
  /** Years the job target covers (plan: 20). */
  periodeAar: number;
  /** Jordvern ambition, daa per year (plan: 15). */
  jordvernDaaPerAar: number;
  /** Years before a site is ready, by readiness. */
  aarTilKlar: Record<StatusTomt, number>;
}

const spenn = (s: Spenn): Spenn => ({ min: s.min, max: s.max });

/** Returns a fresh copy of the default norms, from seeds/plan.ts. */
export function defaultNorms(): Norms {
  const e = ANTAKELSER.egnethet.verdi;
  return {
    bruttoTomtM2PerArbeidsplass: ARBEIDSPLASS_AREAL.bruttoTomtM2.verdi,
    nettoM2PerArbeidsplass: {
      kontor: spenn(ARBEIDSPLASS_AREAL.nettoKontorM2.verdi),
      'handel/service': spenn(ARBEIDSPLASS_AREAL.nettoHandelServiceM2.verdi),
      'lager/produksjon': spenn(ANTAKELSER.nettoLagerProduksjonM2.verdi),
      offentlig: spenn(ANTAKELSER.nettoOffentligM2.verdi),
      kombinert: spenn(ANTAKELSER.nettoKombinertM2.verdi)
    },
    nettoBruttoFaktor: ANTAKELSER.nettoBruttoFaktor.verdi,
    utnyttelseBraProsent: { ...ANTAKELSER.utnyttelseBraProsent.verdi },
    abc: {
      aMaksM: ANTAKELSER.abcAvstandM.verdi.A,
      bMaksM: ANTAKELSER.abcAvstandM.verdi.B,
      vegMaksM: ANTAKELSER.abcAvstandM.verdi.vegC
    },
    egnethet: {
      kontor: { ...e.kontor },
      'handel/service': { ...e['handel/service'] },
      'lager/produksjon': { ...e['lager/produksjon'] },
      offentlig: { ...e.offentlig },
      kombinert: { ...e.kombinert }
    },
    arbeidsplasserPerAar: spenn(ARBEIDSPLASSVEKST.perAar.verdi),
    nyeArbeidsplasser: spenn(ARBEIDSPLASSVEKST.nyeArbeidsplasser.verdi),
    periodeAar: ARBEIDSPLASSVEKST.periodeAar.verdi,
    jordvernDaaPerAar: JORDVERN_DAA_PER_AAR.verdi,
    aarTilKlar: { ...ANTAKELSER.aarTilKlar.verdi }
  };
}

/** True for one of the app's business categories. */
export function isKategori(value: unknown): value is Kategori {
  return typeof value === 'string' && Object.hasOwn(KATEGORIER, value);
}

/**
 * Checks norms a user has edited. Returns Norwegian messages naming each problem; an empty
 * list means the norms can be used.
 */
export function checkNorms(n: Norms): string[] {
  const problems: string[] = [];
  const g = NORM_GRENSER.verdi;
  const within = (v: number, b: Spenn, what: string) => {
    if (!Number.isFinite(v) || v < b.min || v > b.max) problems.push(`${what} må være et tall fra ${b.min} til ${b.max} (er ${v}).`);
  };
  const range = (s: Spenn, b: Spenn, what: string) => {
    within(s.min, b, `${what} (fra)`);
    within(s.max, b, `${what} (til)`);
    if (s.min > s.max) problems.push(`${what}: «fra» (${s.min}) er større enn «til» (${s.max}).`);
  };
  within(n.bruttoTomtM2PerArbeidsplass, g.m2PerArbeidsplass, 'Brutto tomteareal per arbeidsplass');
  for (const [k, s] of Object.entries(n.nettoM2PerArbeidsplass)) range(s, g.m2PerArbeidsplass, `Netto m² per arbeidsplass for ${k}`);
  if (!(n.nettoBruttoFaktor >= g.nettoBruttoFaktor.min && n.nettoBruttoFaktor <= g.nettoBruttoFaktor.max)) {
    problems.push(`Netto/brutto-faktoren må være mellom ${g.nettoBruttoFaktor.min} og ${g.nettoBruttoFaktor.max} (er ${n.nettoBruttoFaktor}).`);
  }
  for (const [k, v] of Object.entries(n.utnyttelseBraProsent)) within(v, g.utnyttelseBraProsent, `Utnyttelse (%BRA) for ${k}`);
  within(n.abc.aMaksM, g.avstandM, 'Avstand for A-klasse');
  within(n.abc.bMaksM, g.avstandM, 'Avstand for B-klasse');
  within(n.abc.vegMaksM, g.avstandM, 'Avstand til hovedveg');
  if (n.abc.aMaksM > n.abc.bMaksM) problems.push('Avstanden for A-klasse kan ikke være større enn for B-klasse.');
  range(n.arbeidsplasserPerAar, g.arbeidsplasser, 'Arbeidsplasser per år');
  range(n.nyeArbeidsplasser, g.arbeidsplasser, 'Nye arbeidsplasser');
  within(n.periodeAar, { min: Math.max(1, g.aar.min), max: g.aar.max }, 'Planperioden');
  within(n.jordvernDaaPerAar, g.jordvernDaaPerAar, 'Jordvernmålet');
  for (const [k, v] of Object.entries(n.aarTilKlar)) within(v, g.aar, `År til byggeklar for ${k}`);
  return problems;
}

/** The suitability grades a norm may give (seeds/plan.ts `Egnethet`). */
const EGNETHETER: readonly Egnethet[] = ['god', 'akseptabel', 'dårlig'];

/**
 * Where a norms object as stored or shared (any subset of the keys of {@link Norms}; a group
 * given replaces the default group whole) does not have the shape of the norms: an unknown key,
 * a group with a key missing or extra, a value of the wrong kind. Empty when the shape is right.
 * Iterative, and never deeper than the norms themselves.
 */
export function normsShapeProblems(raw: unknown): string[] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return ['forutsetningene er ikke et objekt'];
  const problems: string[] = [];
  const defaults = defaultNorms() as unknown as Record<string, unknown>;
  const stack: [unknown, unknown, string, boolean][] = [[raw, defaults, 'norms', true]];
  while (stack.length && problems.length < 10) {
    const [given, like, where, partial] = stack.pop() as [unknown, unknown, string, boolean];
    if (typeof like === 'number') {
      if (typeof given !== 'number' || !Number.isFinite(given)) problems.push(`${where}: forventet et tall`);
    } else if (typeof like === 'string') {
      if (!(EGNETHETER as readonly unknown[]).includes(given)) problems.push(`${where}: forventet ${EGNETHETER.join(', ')}`);
    } else if (like && typeof like === 'object') {
      if (!given || typeof given !== 'object' || Array.isArray(given)) {
        problems.push(`${where}: forventet et objekt`);
        continue;
      }
      const want = like as Record<string, unknown>;
      const have = given as Record<string, unknown>;
      for (const k of Object.keys(have)) if (!Object.hasOwn(want, k) && problems.length < 10) problems.push(`${where}.${k}: ukjent nøkkel`);
      for (const k of Object.keys(want)) {
        if (Object.hasOwn(have, k)) stack.push([have[k], want[k], `${where}.${k}`, false]);
        else if (!partial) problems.push(`${where}.${k}: mangler`);
      }
    }
  }
  return problems;
}

/**
 * Norms from a stored or shared scenario: its values over the defaults, if their shape is right
 * ({@link normsShapeProblems}) and every value is within bounds ({@link checkNorms}); else the problems.
 */
export function readNorms(raw: unknown): { ok: true; norms: Norms } | { ok: false; problems: string[] } {
  const shape = normsShapeProblems(raw);
  if (shape.length) return { ok: false, problems: shape };
  const norms = { ...defaultNorms(), ...(raw as Partial<Norms>) };
  const problems = checkNorms(norms);
  return problems.length ? { ok: false, problems } : { ok: true, norms };
}

/** The business categories, in the order of seeds/plan.ts (for choosers). */
export const KATEGORI_IDS = Object.keys(KATEGORIER) as Kategori[];

/** The readiness levels of a site, in the order of seeds/plan.ts. */
export const STATUS_TOMT_IDS = Object.keys(STATUS_TOMT) as StatusTomt[];

/** True for one of the readiness levels of a site. */
export function isStatusTomt(value: unknown): value is StatusTomt {
  return typeof value === 'string' && Object.hasOwn(STATUS_TOMT, value);
}

/** The plan's business land (2019, daa), nåværende and framtidig, to compare the data with. */
export const PLAN_NAERINGSAREAL_DAA = { naavaerende: NAERINGSAREAL.naavaerendeDaa.verdi, framtidig: NAERINGSAREAL.framtidigDaa.verdi } as const;

/**
 * SOSI arealformål codes the app uses (code list «Arealformål» of the SOSI product specification
 * for kommuneplan and reguleringsplan, DiBK/Kartverket): 1300 Næringsbebyggelse, 1160 Offentlig
 * eller privat tjenesteyting.
 */
export const AREALFORMAL = { naeringsbebyggelse: 1300, tjenesteyting: 1160 } as const;

/** SOSI arealbruksstatus (same specification): 1 nåværende, 2 framtidig. */
export const AREALBRUKSSTATUS = { naavaerende: 1, framtidig: 2 } as const;
