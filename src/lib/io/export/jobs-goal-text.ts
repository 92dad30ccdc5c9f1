import type { JobsGoalStatement } from '../../domain/jobs-goal.ts';
import { num, t, type Lang } from '../../i18n/messages.ts';

/** The jobs statement in a language, numbers in its format. */
export function jobsGoalText(s: JobsGoalStatement, lang: Lang): string {
  const p = s.params;
  const n = (v: number) => num(lang, v);
  return t(lang, 'arealregnskap.statement.jobs-goal', {
    capacity: n(p.capacity),
    goalMin: n(p.goalMin),
    goalMax: n(p.goalMax),
    coverMinPct: n(p.coverMinPct),
    coverMaxPct: n(p.coverMaxPct),
    years: n(p.years),
    yearsAtRate: n(p.yearsAtRate),
    ratePerYear: n(p.ratePerYear)
  });
}
