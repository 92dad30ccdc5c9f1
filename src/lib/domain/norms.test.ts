import { describe, expect, it } from 'vitest';
import { checkNorms, defaultNorms, isKategori } from './norms.ts';

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
    expect(problems).toContain('Brutto tomteareal per arbeidsplass må være et tall større enn 0 (er 0).');
    expect(problems.some((p) => p.includes('handel/service') && p.includes('større enn «til»'))).toBe(true);
    expect(problems.some((p) => p.includes('Netto/brutto-faktoren'))).toBe(true);
    expect(problems).toContain('Avstanden for A-klasse kan ikke være større enn for B-klasse.');
  });
});

describe('isKategori', () => {
  it('knows the five categories', () => {
    expect(['kontor', 'handel/service', 'lager/produksjon', 'offentlig', 'kombinert'].every(isKategori)).toBe(true);
    expect(isKategori('bolig')).toBe(false);
    expect(isKategori('toString')).toBe(false);
  });
});
