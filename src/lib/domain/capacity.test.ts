import { describe, expect, it } from 'vitest';
import { jobsFromFloor, jobsFromLand } from './capacity.ts';
import { defaultNorms } from './norms.ts';

const norms = defaultNorms();

describe('jobsFromLand', () => {
  it('divides land by the plan’s 420 m² gross per workplace', () => {
    const r = jobsFromLand(42_000, norms);
    expect(r.jobs).toBe(100);
    expect(r.inputs).toEqual({ areaM2: 42_000, bruttoM2PerArbeidsplass: 420 });
  });

  it('gives the plan’s 7425 daa about 17 700 workplaces', () => {
    expect(jobsFromLand(7_425_000, norms).jobs).toBeCloseTo(17_678.571, 2);
  });

  it('never goes below zero', () => {
    expect(jobsFromLand(-5, norms).jobs).toBe(0);
  });
});

describe('jobsFromFloor', () => {
  it('office, 10 daa at 150 %BRA: 15 000 m² BRA × 0.8 = 12 000 m² net ÷ 30 = 400 jobs', () => {
    const r = jobsFromFloor(10_000, 'kontor', 150, norms);
    expect(r.low).toBeCloseTo(400, 9);
    expect(r.high).toBeCloseTo(400, 9);
    expect(r.inputs).toMatchObject({ braM2: 15_000, nettoM2: 12_000, utnyttelseFra: 'omradet', nettoM2PerArbeidsplass: { min: 30, max: 30 } });
  });

  it('retail, 10 daa at the default 80 %BRA: 6400 m² net ÷ 100…75 = 64…85.3 jobs', () => {
    const r = jobsFromFloor(10_000, 'handel/service', undefined, norms);
    expect(r.low).toBeCloseTo(64, 9);
    expect(r.high).toBeCloseTo(6400 / 75, 9);
    expect(r.inputs.utnyttelseFra).toBe('antakelse');
    expect(r.inputs.utnyttelseBraProsent).toBe(80);
  });

  it('warehouse uses the assumed 100–250 m² range', () => {
    const r = jobsFromFloor(100_000, 'lager/produksjon', 50, norms);
    // 50 000 m² BRA × 0.8 = 40 000 m² net
    expect(r.low).toBeCloseTo(160, 9);
    expect(r.high).toBeCloseTo(400, 9);
  });

  it('treats a missing or non-positive utnyttelse as not given', () => {
    expect(jobsFromFloor(1000, 'kontor', 0, norms).inputs.utnyttelseFra).toBe('antakelse');
    expect(jobsFromFloor(1000, 'kontor', Number.NaN, norms).inputs.utnyttelseFra).toBe('antakelse');
  });
});
