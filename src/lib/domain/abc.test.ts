import { describe, expect, it } from 'vitest';
import { abcClass, categoryFit } from './abc.ts';
import { defaultNorms } from './norms.ts';

const norms = defaultNorms();

describe('abcClass', () => {
  it('uses 500 m and 1000 m to the nearest station (inclusive)', () => {
    expect(abcClass(0, null, norms).klasse).toBe('A');
    expect(abcClass(500, null, norms).klasse).toBe('A');
    expect(abcClass(500.1, null, norms).klasse).toBe('B');
    expect(abcClass(1000, null, norms).klasse).toBe('B');
    expect(abcClass(1000.1, 200, norms).klasse).toBe('C');
    expect(abcClass(null, null, norms).klasse).toBe('C');
  });

  it('records road access and the thresholds used', () => {
    const r = abcClass(3000, 1500, norms);
    expect(r.godVegtilknytning).toBe(true);
    expect(r.terskler).toEqual({ aMaksM: 500, bMaksM: 1000, vegMaksM: 1500 });
    expect(abcClass(3000, 1501, norms).godVegtilknytning).toBe(false);
  });

  it('follows edited thresholds', () => {
    const n = { ...norms, abc: { aMaksM: 300, bMaksM: 600, vegMaksM: 1000 } };
    expect(abcClass(400, null, n).klasse).toBe('B');
  });
});

describe('categoryFit', () => {
  it('flags office far from rail and warehouse next to a station as misfits', () => {
    const kontorC = categoryFit('kontor', abcClass(4000, 100, norms), norms);
    expect(kontorC).toMatchObject({ egnethet: 'dårlig', feilplassert: true });
    expect(kontorC.grunn).toBe('bilavhengig');
    const lagerA = categoryFit('lager/produksjon', abcClass(200, 5000, norms), norms);
    expect(lagerA).toMatchObject({ egnethet: 'dårlig', feilplassert: true });
    expect(lagerA.grunn).toBe('sentrumsareal');
  });

  it('rates warehouse in C by road access', () => {
    expect(categoryFit('lager/produksjon', abcClass(4000, 800, norms), norms).egnethet).toBe('god');
    expect(categoryFit('lager/produksjon', abcClass(4000, 4000, norms), norms).egnethet).toBe('akseptabel');
    expect(categoryFit('handel/service', abcClass(4000, 4000, norms), norms).egnethet).toBe('dårlig');
  });

  it('accepts office at a station', () => {
    expect(categoryFit('kontor', abcClass(300, null, norms), norms)).toMatchObject({ egnethet: 'god', feilplassert: false });
  });
});
