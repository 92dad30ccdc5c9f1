import { describe, expect, it } from 'vitest';
import { jobsGoalStatement } from '../../domain/arealregnskap.ts';
import { defaultNorms } from '../../domain/norms.ts';
import { assumptionText, cellText, formalText, jobsFloorText, jobsGoalText } from './arealregnskap-report.ts';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the report texts', () => {
  it('the jobs statement with the plan\'s own figures (5720 daa ÷ 420 m²), in both languages', () => {
    const s = jobsGoalStatement(5_720_000, defaultNorms());
    expect(plain(jobsGoalText(s, 'nb'))).toBe(
      'Kapasiteten i framtidige områder, 13 619 arbeidsplasser, dekker 68–90 % av målet på 15 000–20 000 nye arbeidsplasser på 20 år (27 år ved 500 per år).'
    );
    // «%» never ends up alone on the next line.
    expect(jobsGoalText(s, 'nb')).toContain('68–90\u00a0% av');
    expect(jobsGoalText(s, 'en')).toBe('The capacity of the future areas, 13,619 jobs, covers 68–90\u00a0% of the goal of 15,000–20,000 new jobs over 20 years (27 years at 500 a year).');
  });

  it('the floor-area statement and its assumptions', () => {
    expect(plain(jobsFloorText({ code: 'jobs-floor', params: { low: 20100, high: 41250, futureDaa: 5720 } }, 'nb'))).toBe(
      'Ved antatt utnyttelse er potensialet i de samme 5 720,0 daa 20 100–41 250 arbeidsplasser (gulvarealmodellen, med forutsetningene under).'
    );
    expect(assumptionText({ code: 'netto-brutto', params: { pct: 80 } }, 'nb')).toBe('Nettoareal er 80 % av bruksarealet (BRA)');
    expect(
      assumptionText({ code: 'kategori', params: { kategori: 'kontor', areaDaa: 12.5, utnyttelsePct: 150, assumedSharePct: 40, nettoM2Min: 30, nettoM2Max: 30 } }, 'en')
    ).toBe('Office: 12.5 daa, mean floor-area ratio 150 % (40 % of the land with the assumed ratio), 30–30 m² net per job');
  });

  it('cells in the language\'s number format, arealformål with its name', () => {
    expect(plain(cellText({ value: 1234.56, kind: 'daa' }, 'nb'))).toBe('1 234,6');
    expect(cellText({ value: 1234.56, kind: 'daa' }, 'en')).toBe('1,234.6');
    expect(cellText({ value: 0.8, kind: 'plain' }, 'nb')).toBe('0,8');
    expect(cellText({ value: 13619, kind: 'int' }, 'en')).toBe('13,619');
    expect(cellText(null, 'nb')).toBe('–');
    expect(formalText(1300, 'nb')).toBe('1300 Næringsbebyggelse');
    expect(formalText(1160, 'en')).toBe('1160 Public or private services');
    expect(formalText(1110, 'nb')).toBe('1110');
    expect(formalText(null, 'nb')).toBe('');
  });
});
