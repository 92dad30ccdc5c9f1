import { describe, expect, it } from 'vitest';
import { needCoverage } from './need.ts';
import { defaultNorms } from './norms.ts';

describe('needCoverage', () => {
  it('5500 jobs cover 10 years at 550/yr, 11 at 500/yr, 36.7 % of 15 000 and 27.5 % of 20 000', () => {
    const r = needCoverage(5500, defaultNorms());
    expect(r.aarVedHoyVekst).toBeCloseTo(10, 9);
    expect(r.aarVedLavVekst).toBeCloseTo(11, 9);
    expect(r.andelAvLavtMaal).toBeCloseTo(5500 / 15000, 9);
    expect(r.andelAvHoytMaal).toBeCloseTo(0.275, 9);
    expect(r.inputs.arbeidsplasserPerAar).toEqual({ min: 500, max: 550 });
  });
});
