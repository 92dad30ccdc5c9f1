import { jobsFromLand } from './capacity.ts';
import { needCoverage } from './need.ts';
import type { Norms } from './norms.ts';

/**
 * The jobs statement, led by the plan's own norm: «the capacity of the future areas, {capacity}
 * jobs, covers {coverMinPct}–{coverMaxPct} % of the goal of {goalMin}–{goalMax} new jobs over
 * {years} years ({yearsAtRate} years at {ratePerYear} a year)». Every figure is computed from the
 * same whole `capacity` and goal, and rounded down (the statement never claims more than there is):
 * coverMinPct = ⌊100·capacity/goalMax⌋, coverMaxPct = ⌊100·capacity/goalMin⌋,
 * yearsAtRate = ⌊capacity/ratePerYear⌋ with the lower growth rate.
 */
export interface JobsGoalStatement {
  code: 'jobs-goal';
  params: {
    capacity: number;
    goalMin: number;
    goalMax: number;
    coverMinPct: number;
    coverMaxPct: number;
    years: number;
    yearsAtRate: number;
    ratePerYear: number;
  };
}

/** Whole workplaces from a count, rounded down (a hair of tolerance for sums of areas). */
export const whole = (x: number) => Math.max(0, Math.floor(x + 1e-6));

/**
 * The jobs statement for future land of `futureM2` planar m² (EPSG:25832): capacity by the plan's
 * norm (capacity.ts `jobsFromLand`), coverage of the goal and years of growth (need.ts
 * `needCoverage`), all from the same whole capacity. See {@link JobsGoalStatement}.
 */
export function jobsGoalStatement(futureM2: number, norms: Norms): JobsGoalStatement {
  const capacity = whole(jobsFromLand(futureM2, norms).jobs);
  const need = needCoverage(capacity, norms);
  return {
    code: 'jobs-goal',
    params: {
      capacity,
      goalMin: norms.nyeArbeidsplasser.min,
      goalMax: norms.nyeArbeidsplasser.max,
      coverMinPct: whole(100 * need.andelAvHoytMaal),
      coverMaxPct: whole(100 * need.andelAvLavtMaal),
      years: norms.periodeAar,
      yearsAtRate: whole(need.aarVedLavVekst),
      ratePerYear: norms.arbeidsplasserPerAar.min
    }
  };
}
