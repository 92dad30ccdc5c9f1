import type { AbcKlasse, Egnethet, Kategori } from '../../../seeds/plan.ts';
import type { Norms } from './norms.ts';

/** The ABC class of a location and what it was computed from. */
export interface AbcResult {
  klasse: AbcKlasse;
  /** Straight-line distance to the nearest railway station, m (null when none is known). */
  stasjonAvstandM: number | null;
  /** Straight-line distance to E18 or E134, m (null when no road is known). */
  vegAvstandM: number | null;
  /** Within the road threshold of E18/E134. */
  godVegtilknytning: boolean;
  terskler: Norms['abc'];
}

/**
 * Classifies a location by the ABC principle from straight-line distances (metres, planar
 * EPSG:25832): A within `aMaksM` of a railway station, B within `bMaksM`, otherwise C.
 * Thresholds are assumptions (seeds/plan.ts, ANTAKELSER.abcAvstandM).
 */
export function abcClass(stasjonAvstandM: number | null, vegAvstandM: number | null, norms: Norms): AbcResult {
  const t = norms.abc;
  const klasse: AbcKlasse =
    stasjonAvstandM !== null && stasjonAvstandM <= t.aMaksM ? 'A' : stasjonAvstandM !== null && stasjonAvstandM <= t.bMaksM ? 'B' : 'C';
  return {
    klasse,
    stasjonAvstandM,
    vegAvstandM,
    godVegtilknytning: vegAvstandM !== null && vegAvstandM <= t.vegMaksM,
    terskler: { ...t }
  };
}

/** How well a category suits a location, with the reason in Norwegian. */
export interface FitResult {
  egnethet: Egnethet;
  /** True when the category does not fit the location (egnethet «dårlig»). */
  feilplassert: boolean;
  /** Which reason applies, so a UI can say it in its own language. */
  grunn: 'matrise' | 'langt-fra-veg' | 'bilavhengig' | 'sentrumsareal';
}

const STEP_DOWN: Record<Egnethet, Egnethet> = { god: 'akseptabel', akseptabel: 'dårlig', dårlig: 'dårlig' };

/**
 * Returns whether a category fits a location's ABC class (e.g. people-intensive office in C, or
 * warehouse in A, is a misfit). Car-based categories (handel/service, lager/produksjon) in C lose
 * one step when the site is far from E18/E134.
 */
export function categoryFit(kategori: Kategori, abc: AbcResult, norms: Norms): FitResult {
  let egnethet = norms.egnethet[kategori][abc.klasse];
  let grunn: FitResult['grunn'] = 'matrise';
  if (abc.klasse === 'C' && (kategori === 'lager/produksjon' || kategori === 'handel/service') && !abc.godVegtilknytning) {
    egnethet = STEP_DOWN[egnethet];
    grunn = 'langt-fra-veg';
  }
  if (egnethet === 'dårlig') {
    if (kategori === 'kontor' || kategori === 'kombinert') {
      grunn = 'bilavhengig';
    } else if (abc.klasse === 'A') {
      grunn = 'sentrumsareal';
    }
  }
  return { egnethet, feilplassert: egnethet === 'dårlig', grunn };
}
