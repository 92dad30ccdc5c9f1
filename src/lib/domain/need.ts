import type { Spenn } from '../../../seeds/plan.ts';
import type { Norms } from './norms.ts';

/** How much of the plan's job need a capacity covers. */
export interface NeedCoverage {
  jobs: number;
  /** Years of growth covered at the high rate (e.g. 550/yr) and the low rate (500/yr). */
  aarVedHoyVekst: number;
  aarVedLavVekst: number;
  /** Share (0–1) of the low and the high 20-year target (15 000 and 20 000). */
  andelAvLavtMaal: number;
  andelAvHoytMaal: number;
  inputs: { arbeidsplasserPerAar: Spenn; nyeArbeidsplasser: Spenn };
}

/** Returns how many years of growth and what share of the 20-year target `jobs` covers. */
export function needCoverage(jobs: number, norms: Norms): NeedCoverage {
  const perAar = norms.arbeidsplasserPerAar;
  const maal = norms.nyeArbeidsplasser;
  return {
    jobs,
    aarVedHoyVekst: jobs / perAar.max,
    aarVedLavVekst: jobs / perAar.min,
    andelAvLavtMaal: jobs / maal.min,
    andelAvHoytMaal: jobs / maal.max,
    inputs: { arbeidsplasserPerAar: { ...perAar }, nyeArbeidsplasser: { ...maal } }
  };
}
