import { describe, expect, it } from 'vitest';
import { checkNorms, defaultNorms, isKategori, normsShapeProblems, readNorms } from './norms.ts';

describe('defaultNorms', () => {
  it('takes the plan’s figures from seeds', () => {
    const n = defaultNorms();
    expect(n.bruttoTomtM2PerArbeidsplass).toBe(420);
    expect(n.nettoM2PerArbeidsplass.kontor).toEqual({ min: 30, max: 30 });
    expect(n.nettoM2PerArbeidsplass['handel/service']).toEqual({ min: 75, max: 100 });
    expect(n.arbeidsplasserPerAar).toEqual({ min: 500, max: 550 });
    expect(n.nyeArbeidsplasser).toEqual({ min: 15000, max: 20000 });
    expect(n.jordvernDaaPerAar).toBe(15);
    expect(checkNorms(n)).toEqual([]);
  });

  it('returns independent copies', () => {
    const a = defaultNorms();
    a.nettoM2PerArbeidsplass.kontor.min = 1;
    a.egnethet.kontor.A = 'dårlig';
    expect(defaultNorms().nettoM2PerArbeidsplass.kontor.min).toBe(30);
    expect(defaultNorms().egnethet.kontor.A).toBe('god');
  });
});

describe('checkNorms', () => {
  it('names each problem in Norwegian', () => {
    const n = defaultNorms();
    n.bruttoTomtM2PerArbeidsplass = 0;
    n.nettoM2PerArbeidsplass['handel/service'] = { min: 120, max: 100 };
    n.nettoBruttoFaktor = 1.5;
    n.abc = { aMaksM: 1200, bMaksM: 1000, vegMaksM: 1500 };
    const problems = checkNorms(n);
    expect(problems).toContain('Brutto tomteareal per arbeidsplass må være et tall fra 1 til 10000 (er 0).');
    expect(problems.some((p) => p.includes('handel/service') && p.includes('større enn «til»'))).toBe(true);
    expect(problems.some((p) => p.includes('Netto/brutto-faktoren'))).toBe(true);
    expect(problems).toContain('Avstanden for A-klasse kan ikke være større enn for B-klasse.');
  });
});

describe('norm bounds (seeds/plan.ts NORM_GRENSER): no figure that makes the sums meaningless', () => {
  it.each([
    ['5e-324 m² per workplace (infinitely many jobs)', (n: ReturnType<typeof defaultNorms>) => (n.bruttoTomtM2PerArbeidsplass = 5e-324)],
    ['1e300 m² net for an office workplace', (n: ReturnType<typeof defaultNorms>) => (n.nettoM2PerArbeidsplass.kontor = { min: 30, max: 1e300 })],
    ['a plan period of 1e9 years', (n: ReturnType<typeof defaultNorms>) => (n.periodeAar = 1e9)],
    ['−1 years to ready', (n: ReturnType<typeof defaultNorms>) => (n.aarTilKlar.regulert = -1)],
    ['utnyttelse 1e6 %BRA', (n: ReturnType<typeof defaultNorms>) => (n.utnyttelseBraProsent.kontor = 1e6)],
    ['a netto/brutto factor of 1e-300', (n: ReturnType<typeof defaultNorms>) => (n.nettoBruttoFaktor = 1e-300)]
  ])('refuses %s', (_, change) => {
    const n = defaultNorms();
    change(n);
    expect(checkNorms(n).length).toBeGreaterThan(0);
  });

  it('accepts the defaults and the edges of every range', () => {
    expect(checkNorms(defaultNorms())).toEqual([]);
    const n = defaultNorms();
    n.bruttoTomtM2PerArbeidsplass = 10_000;
    n.aarTilKlar.byggeklar = 0;
    expect(checkNorms(n)).toEqual([]);
  });
});

describe('readNorms: stored and shared norms have the shape of the norms', () => {
  it('takes any subset of the groups over the defaults', () => {
    const r = readNorms({ periodeAar: 25, abc: { aMaksM: 500, bMaksM: 1000, vegMaksM: 300 } });
    expect(r.ok && r.norms.periodeAar).toBe(25);
    expect(r.ok && r.norms.bruttoTomtM2PerArbeidsplass).toBe(420);
  });

  it.each([
    [{ hemmelig: 1 }, 'norms.hemmelig: ukjent nøkkel'],
    [{ abc: { aMaksM: 500, bMaksM: 1000 } }, 'norms.abc.vegMaksM: mangler'],
    [{ abc: { aMaksM: 500, bMaksM: 1000, vegMaksM: 300, x: 1 } }, 'norms.abc.x: ukjent nøkkel'],
    [{ periodeAar: '20' }, 'norms.periodeAar: forventet et tall'],
    [{ egnethet: { ...defaultNorms().egnethet, kontor: { A: 'fantastisk', B: 'god', C: 'god' } } }, 'norms.egnethet.kontor.A: forventet god, akseptabel, dårlig'],
    [{ nettoM2PerArbeidsplass: [1, 2] }, 'norms.nettoM2PerArbeidsplass: forventet et objekt'],
    [[], 'forutsetningene er ikke et objekt']
  ])('refuses %j: %s', (raw, problem) => {
    expect(normsShapeProblems(raw)).toContain(problem);
    expect(readNorms(raw).ok).toBe(false);
  });

  it('refuses a deeply nested value without recursion (and lists at most ten problems)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(normsShapeProblems({ abc: deep })[0]).toBe('norms.abc.a: ukjent nøkkel');
    const many = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i]));
    expect(normsShapeProblems(many)).toHaveLength(10);
  });
});

describe('isKategori', () => {
  it('knows the five categories', () => {
    expect(['kontor', 'handel/service', 'lager/produksjon', 'offentlig', 'kombinert'].every(isKategori)).toBe(true);
    expect(isKategori('bolig')).toBe(false);
    expect(isKategori('toString')).toBe(false);
  });
});
