import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoadedData } from '../data/appdata.ts';
import { areaPlanarM2 } from '../geo/area.ts';
import { en, nb } from '../i18n/messages.ts';
import { applyScenario } from '../scenario/scenario.ts';
import {
  arealregnskap,
  jobsGoalStatement,
  landKindOf,
  LAND_KINDS,
  type Ar5Feature,
  type Arealregnskap,
  type ArealregnskapInput,
  type ReserveFigures
} from './arealregnskap.ts';
import { ar5, changes, planAreas } from './arealregnskap.test-helper.ts';
import { defaultNorms, type Norms } from './norms.ts';

/** The report of the hand-made dataset, with the scenario applied by `applyScenario` on the same baseline. */
function input(withScenario = true): ArealregnskapInput {
  const base = planAreas();
  const cs = changes();
  return {
    planAreas: base,
    ar5: ar5(),
    scenario: withScenario ? { navn: 'Test', changes: cs, ...applyScenario(base, cs, (a) => areaPlanarM2(a.geometry)) } : null,
    norms: defaultNorms(),
    demo: true
  };
}

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
/** Rounds every number of a value to 4 decimals (the areas are exact up to float rounding). */
function rounded<T>(v: T): T {
  return JSON.parse(JSON.stringify(v, (_, x: unknown) => (typeof x === 'number' ? r4(x) : x))) as T;
}
const res = (framtidigDaa: number, bebygdDaa: number, samferdselDaa: number, reserveDaa: number): ReserveFigures => ({ framtidigDaa, bebygdDaa, samferdselDaa, reserveDaa });

describe('arealregnskap on the hand-made dataset (figures worked out by hand in the test helper)', () => {
  const r = rounded(arealregnskap(input()));

  it('table 1, reserve: future land minus AR5 11 and 12, per named area and in total, both sides', () => {
    expect(r.reserve.rows).toEqual([
      { omrade: 'Nesbru', baseline: res(20, 0, 0, 20), scenario: res(0, 0, 0, 0) },
      { omrade: 'Skisser', baseline: res(0, 0, 0, 0), scenario: res(10, 0, 0, 10) },
      { omrade: 'Tofte', baseline: res(20, 5, 2.5, 12.5), scenario: res(20, 5, 2.5, 12.5) }
    ]);
    expect(r.reserve.total).toEqual({ baseline: res(40, 5, 2.5, 32.5), scenario: res(30, 5, 2.5, 22.5) });
    expect(r.reserve.byArea.baseline.map((a) => [a.id, a.navn, a.reserveDaa])).toEqual([
      ['A', 'Tofte 1', 12.5],
      ['C', 'Nesbru 1', 10],
      ['D', 'Nesbru 2', 10]
    ]);
    expect(r.reserve.byArea.scenario?.map((a) => a.id)).toEqual(['A', 'S']);
  });

  it('table 2, change: one line per effect on an arealformål and status; LNF is its own kind; disabled changes left out', () => {
    const lines = r.change?.lines.map((l) => [l.changeId, l.kind, l.to, l.areaId, l.arealformal, l.status, l.tilgangDaa, l.avgangDaa, l.nettoDaa, l.noteCode]);
    expect(lines).toEqual([
      ['c1', 'tilgang', null, 'S', 1300, 2, 10, 0, 10, null],
      ['c2', 'lnf', 'lnf', 'C', 1160, 2, 0, 10, -10, null],
      ['c3', 'status', 'naavaerende', 'D', 1300, 2, 0, 10, -10, null],
      ['c3', 'status', 'naavaerende', 'D', 1300, 1, 10, 0, 10, null],
      ['c4', 'uendret', null, 'A', 1300, 2, 0, 0, 0, null],
      ['c5', 'uendret', 'bolig', 'finnes-ikke', null, null, 0, 0, 0, 'missing'],
      ['c7', 'avgang', 'bolig', 'B', 1300, 1, 0, 10, -10, null]
    ]);
    expect(r.change?.lines[0]).toMatchObject({ ordinal: 1, label: 'Ny tomt', navn: 'Skisse', changeType: 'add-site' });
    expect(r.change?.lines.map((l) => l.ordinal)).toEqual([1, 2, 3, 3, 4, 5, 7]);
    expect(r.change?.byFormal).toEqual([
      { arealformal: 1160, status: 2, baselineDaa: 10, tilgangDaa: 0, avgangDaa: 10, tilbakefortLnfDaa: 10, nettoDaa: -10, scenarioDaa: 0 },
      { arealformal: 1300, status: 1, baselineDaa: 10, tilgangDaa: 10, avgangDaa: 10, tilbakefortLnfDaa: 0, nettoDaa: 0, scenarioDaa: 10 },
      { arealformal: 1300, status: 2, baselineDaa: 30, tilgangDaa: 10, avgangDaa: 10, tilbakefortLnfDaa: 0, nettoDaa: 0, scenarioDaa: 30 }
    ]);
    expect(r.change?.total).toEqual({ tilgangDaa: 10, avgangDaa: 20, tilbakefortLnfDaa: 10, nettoDaa: -10, statusEndretDaa: 10 });
  });

  it('table 2 agrees with applyScenario: baseline + net = scenario per formål and status, totals = the effects', () => {
    const i = input();
    const c = arealregnskap(i).change;
    for (const row of c?.byFormal ?? []) expect(row.baselineDaa + row.nettoDaa).toBeCloseTo(row.scenarioDaa, 9);
    const effects = i.scenario?.effects ?? [];
    expect(c?.total.tilgangDaa).toBeCloseTo(effects.reduce((s, e) => s + e.tilgangM2, 0) / 1000, 9);
    expect(c?.total.avgangDaa).toBeCloseTo(effects.reduce((s, e) => s + e.avgangM2, 0) / 1000, 9);
  });

  it('table 3, land qualities: AR5 groups in daa and % of the future area, both sides, summing to the whole', () => {
    const side = (s: 'baseline' | 'scenario') => Object.fromEntries(r.land.rows.filter((x) => (x[s]?.daa ?? 0) > 0).map((x) => [x.kind, [x[s]?.daa, x[s]?.sharePct]]));
    expect(r.land.futureDaa).toEqual({ baseline: 40, scenario: 30 });
    expect(side('baseline')).toEqual({
      fulldyrka: [10, 25],
      innmarksbeite: [6, 15],
      'skog-hoy': [2.5, 6.25],
      'skog-middels': [5, 12.5],
      myr: [5, 12.5],
      bebygd: [5, 12.5],
      samferdsel: [2.5, 6.25],
      vann: [2, 5],
      'uten-ar5': [2, 5]
    });
    expect(side('scenario')).toEqual({
      fulldyrka: [10, 33.3333],
      overflatedyrka: [5, 16.6667],
      'skog-hoy': [2.5, 8.3333],
      'skog-uten-bonitet': [5, 16.6667],
      bebygd: [5, 16.6667],
      samferdsel: [2.5, 8.3333]
    });
    for (const s of ['baseline', 'scenario'] as const) expect(r4(r.land.rows.reduce((t, x) => t + (x[s]?.daa ?? 0), 0))).toBe(r.land.futureDaa[s]);
    expect(r.land.rows.map((x) => x.kind)).toEqual(LAND_KINDS.map((k) => k.kind));
  });

  it('table 3, jordvern: farmland (21–23) against 15 daa a year over the 20-year period', () => {
    expect(r.land.jordvern.baseline).toEqual({ farmlandDaa: 16, quotaDaaPerYear: 15, periodYears: 20, quotaDaa: 300, shareOfQuotaPct: 5.3333, quotaYears: 1.0667 });
    expect(r.land.jordvern.scenario).toEqual({ farmlandDaa: 15, quotaDaaPerYear: 15, periodYears: 20, quotaDaa: 300, shareOfQuotaPct: 5, quotaYears: 1 });
  });

  it('table 4, jobs: the plan norm leads (land ÷ 420 m²), the floor-area model is a potential with its assumptions', () => {
    expect(r.jobs.baseline).toMatchObject({ futureDaa: 40, capacityLand: 95, bruttoM2PerArbeidsplass: 420, floorLow: 671, floorHigh: 829 });
    expect(r.jobs.baseline.statement.params).toEqual({ capacity: 95, goalMin: 15000, goalMax: 20000, coverMinPct: 0, coverMaxPct: 0, years: 20, yearsAtRate: 0, ratePerYear: 500 });
    expect(r.jobs.baseline.assumptions).toEqual([
      { code: 'kategori', params: { kategori: 'kontor', areaDaa: 10, utnyttelsePct: 200, assumedSharePct: 0, nettoM2Min: 30, nettoM2Max: 30 } },
      { code: 'kategori', params: { kategori: 'lager/produksjon', areaDaa: 20, utnyttelsePct: 60, assumedSharePct: 100, nettoM2Min: 100, nettoM2Max: 250 } },
      { code: 'kategori', params: { kategori: 'offentlig', areaDaa: 10, utnyttelsePct: 100, assumedSharePct: 0, nettoM2Min: 40, nettoM2Max: 80 } },
      { code: 'netto-brutto', params: { pct: 80 } }
    ]);
    // Scenario: A is kontor at the assumed 150 %BRA (800 jobs), S lager at 60 % (19.2–48).
    expect(r.jobs.scenario).toMatchObject({ futureDaa: 30, capacityLand: 71, floorLow: 819, floorHigh: 848 });
    expect(r.jobs.statement).toEqual(r.jobs.scenario?.statement);
    expect(r.jobs.floorStatement).toEqual({ code: 'jobs-floor', params: { low: 819, high: 848, futureDaa: 30 } });
  });

  it('sources: every plan figure with its seeds Kilde, assumptions with their reasoning, and the demo flag', () => {
    expect(r.demo).toBe(true);
    expect(r.crs).toBe('EPSG:25832');
    expect(r.scenarioNavn).toBe('Test');
    const by = Object.fromEntries(r.sources.map((s) => [s.id, s]));
    expect(by['bruttoTomtM2PerArbeidsplass']).toMatchObject({ kind: 'plan', value: 420, changed: false, kilde: { dokument: 'temaplan', avsnitt: '5.9.2 Arealer og arealbestemmelser' } });
    expect(by['bruttoTomtM2PerArbeidsplass']?.kilde?.sitat).toContain('420 kvm');
    expect(by['jordvernDaaPerAar']).toMatchObject({ kind: 'plan', value: 15, kilde: { avsnitt: '6 Indikatorer' } });
    expect(by['nyeArbeidsplasser']?.value).toEqual({ min: 15000, max: 20000 });
    expect(by['nettoM2.kontor']?.kind).toBe('plan');
    expect(by['nettoM2.lager/produksjon']).toMatchObject({ kind: 'antakelse', value: { min: 100, max: 250 } });
    expect(by['nettoM2.lager/produksjon']?.begrunnelse).toBeTruthy();
    expect(by['utnyttelse.kontor']).toMatchObject({ kind: 'antakelse', value: 150 });
    expect(by['ar5']?.kind).toBe('kodeliste');
    for (const s of r.sources) {
      expect(nb, s.id).toHaveProperty([`arealregnskap.source.${s.id.split('.')[0]}`]);
      if (s.kind === 'plan') expect(s.kilde?.sitat, s.id).toBeTruthy();
    }
  });

  it('marks a norm the user changed', () => {
    const i = input();
    const changed = arealregnskap({ ...i, norms: { ...i.norms, bruttoTomtM2PerArbeidsplass: 300 } });
    expect(changed.sources.find((s) => s.id === 'bruttoTomtM2PerArbeidsplass')).toMatchObject({ value: 300, changed: true });
    expect(changed.jobs.baseline.capacityLand).toBe(133);
  });
});

describe('arealregnskap edge cases', () => {
  it('without a scenario: no change table, the scenario sides null, the statement from the baseline', () => {
    const r = arealregnskap(input(false));
    expect(r.change).toBeNull();
    expect(r.scenarioNavn).toBeNull();
    expect(r.reserve.total.scenario).toBeNull();
    expect(r.reserve.rows.map((x) => x.omrade)).toEqual(['Nesbru', 'Tofte']);
    expect(r.land.rows.every((x) => x.scenario === null)).toBe(true);
    expect(r.jobs.scenario).toBeNull();
    expect(r.jobs.statement).toEqual(r.jobs.baseline.statement);
  });

  it('without AR5: all future land is «uten AR5» and the reserve is the whole future area', () => {
    const r = arealregnskap({ ...input(), ar5: [] });
    expect(r4(r.reserve.total.baseline.reserveDaa)).toBe(40);
    expect(r.land.rows.filter((x) => x.baseline.daa > 0).map((x) => [x.kind, r4(x.baseline.sharePct)])).toEqual([['uten-ar5', 100]]);
    expect(r.land.jordvern.baseline.farmlandDaa).toBe(0);
  });

  it('does not modify its input', () => {
    const i = input();
    const before = JSON.stringify(i);
    arealregnskap(i);
    expect(JSON.stringify(i)).toBe(before);
  });

  it('takes the app\'s AR5 layer (LoadedData.ar5) as it is', () => {
    // A compile-time check as much as a run-time one: the features of LoadedData.ar5 are Ar5Features.
    const layer: NonNullable<LoadedData['ar5']> = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'a', arealtype: 30, treslag: 31, skogbonitet: 14, kilde: 'demo' }, geometry: ar5()[0]?.geometry as Ar5Feature['geometry'] }]
    };
    const features: readonly Ar5Feature[] = layer.features;
    const r = arealregnskap({ ...input(false), ar5: features });
    expect(r4(r.land.rows.find((x) => x.kind === 'skog-hoy')?.baseline.daa ?? 0)).toBe(10);
  });

  it('maps AR5 codes given as numbers or strings to land kinds, forest by bonitet group', () => {
    expect(landKindOf({ arealtype: 21 })).toBe('fulldyrka');
    expect(landKindOf({ arealtype: '22' })).toBe('overflatedyrka');
    expect(landKindOf({ arealtype: 30, skogbonitet: 15 })).toBe('skog-hoy');
    expect(landKindOf({ arealtype: 30, skogbonitet: '13' })).toBe('skog-middels');
    expect(landKindOf({ arealtype: 30, skogbonitet: 11 })).toBe('skog-lav');
    expect(landKindOf({ arealtype: 30, skogbonitet: 99 })).toBe('skog-uten-bonitet');
    expect(landKindOf({ arealtype: 30 })).toBe('skog-uten-bonitet');
    expect(landKindOf({ arealtype: 60, skogbonitet: 14 })).toBe('myr');
    expect(landKindOf({ arealtype: 82 })).toBe('vann');
    expect(landKindOf({ arealtype: 99 })).toBe('annet');
    expect(landKindOf({ arealtype: 'x' })).toBe('annet');
    expect(landKindOf(null)).toBe('annet');
  });
});

describe('the jobs statement', () => {
  it('the plan\'s own figures: 5720 daa ÷ 420 m² = 13 619 jobs, 68–90 % of 15 000–20 000 over 20 years, 27 years at 500 a year', () => {
    expect(jobsGoalStatement(5_720_000, defaultNorms())).toEqual({
      code: 'jobs-goal',
      params: { capacity: 13619, goalMin: 15000, goalMax: 20000, coverMinPct: 68, coverMaxPct: 90, years: 20, yearsAtRate: 27, ratePerYear: 500 }
    });
  });

  it('rounds down, so it never claims the goal is covered when it is not', () => {
    const n = defaultNorms();
    expect(jobsGoalStatement(14_999 * 420, n).params).toMatchObject({ capacity: 14999, coverMaxPct: 99 });
    expect(jobsGoalStatement(15_000 * 420, n).params).toMatchObject({ capacity: 15000, coverMaxPct: 100, coverMinPct: 75, yearsAtRate: 30 });
  });

  /** Random norms within the app's bounds (NORM_GRENSER), goals and rates with min ≤ max. */
  const normsArb = fc
    .record({
      brutto: fc.integer({ min: 1, max: 10_000 }),
      goalA: fc.integer({ min: 1, max: 10_000_000 }),
      goalB: fc.integer({ min: 1, max: 10_000_000 }),
      rateA: fc.integer({ min: 1, max: 1_000_000 }),
      rateB: fc.integer({ min: 1, max: 1_000_000 }),
      years: fc.integer({ min: 1, max: 100 })
    })
    .map(
      (x): Norms => ({
        ...defaultNorms(),
        bruttoTomtM2PerArbeidsplass: x.brutto,
        nyeArbeidsplasser: { min: Math.min(x.goalA, x.goalB), max: Math.max(x.goalA, x.goalB) },
        arbeidsplasserPerAar: { min: Math.min(x.rateA, x.rateB), max: Math.max(x.rateA, x.rateB) },
        periodeAar: x.years
      })
    );

  it('can never contradict itself: coverage and years come from the same whole capacity and goal', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), normsArb, (m2, n) => {
        const p = jobsGoalStatement(m2, n).params;
        const eps = 1e-9;
        expect(Number.isInteger(p.capacity) && p.capacity >= 0).toBe(true);
        // capacity = ⌊m² ÷ brutto⌋ (a hair of tolerance for sums of areas)
        expect(p.capacity).toBeLessThanOrEqual(m2 / n.bruttoTomtM2PerArbeidsplass + 1e-6);
        expect(p.capacity + 1).toBeGreaterThan(m2 / n.bruttoTomtM2PerArbeidsplass);
        // the goal, period and rate are the norms'
        expect([p.goalMin, p.goalMax, p.years, p.ratePerYear]).toEqual([n.nyeArbeidsplasser.min, n.nyeArbeidsplasser.max, n.periodeAar, n.arbeidsplasserPerAar.min]);
        // coverMinPct = ⌊100 · capacity / goalMax⌋, coverMaxPct = ⌊100 · capacity / goalMin⌋
        expect(p.coverMinPct).toBeLessThanOrEqual((100 * p.capacity) / p.goalMax + eps);
        expect(p.coverMinPct + 1).toBeGreaterThan((100 * p.capacity) / p.goalMax);
        expect(p.coverMaxPct).toBeLessThanOrEqual((100 * p.capacity) / p.goalMin + eps);
        expect(p.coverMaxPct + 1).toBeGreaterThan((100 * p.capacity) / p.goalMin);
        expect(p.coverMinPct).toBeLessThanOrEqual(p.coverMaxPct);
        // «covers 100 %» exactly when the capacity reaches the goal
        expect(p.coverMaxPct >= 100).toBe(p.capacity >= p.goalMin);
        expect(p.coverMinPct >= 100).toBe(p.capacity >= p.goalMax);
        // yearsAtRate = ⌊capacity / rate⌋: the years stated never hold more jobs than the capacity
        expect(p.yearsAtRate * p.ratePerYear).toBeLessThanOrEqual(p.capacity);
        expect((p.yearsAtRate + 1) * p.ratePerYear).toBeGreaterThan(p.capacity);
      }),
      { numRuns: 500 }
    );
  });

  it('the two statements cannot contradict: same areas, and the floor statement makes no claim about the goal', () => {
    const check = (r: Arealregnskap, n: Norms) => {
      const land = r.jobs.statement.params;
      const floor = r.jobs.floorStatement.params;
      const lead = r.jobs.scenario ?? r.jobs.baseline;
      expect(floor.futureDaa).toBe(lead.futureDaa);
      expect(land.capacity).toBe(jobsGoalStatement(lead.futureDaa * 1000, n).params.capacity);
      expect(floor.low).toBeLessThanOrEqual(floor.high);
    };
    const i = input();
    check(arealregnskap(i), i.norms);
    check(arealregnskap({ ...i, scenario: null }), i.norms);
    // The floor template has only {low}, {high} and {futureDaa}: no coverage, no goal, no years.
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(ph(nb['arealregnskap.statement.jobs-floor'])).toEqual(['futureDaa', 'high', 'low']);
    expect(ph(en['arealregnskap.statement.jobs-floor'])).toEqual(['futureDaa', 'high', 'low']);
    expect(ph(nb['arealregnskap.statement.jobs-goal'])).toEqual(Object.keys(jobsGoalStatement(0, defaultNorms()).params).sort());
  });
});
