import { describe, expect, it } from 'vitest';
import { dist, en, nb, num, t } from './messages.ts';

describe('messages', () => {
  it('have every key in both languages, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
    for (const [k, v] of [...Object.entries(nb), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
  });

  it('keep the same placeholders in both languages', () => {
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(nb) as (keyof typeof nb)[]) expect(ph(en[k]), k).toEqual(ph(nb[k]));
  });

  it('give every counted noun a singular and a plural, in both languages («1 skisse», «2 skisser»)', () => {
    const ones = Object.keys(nb).filter((k) => k.startsWith('io.n.one.'));
    expect(ones.length).toBeGreaterThan(5);
    for (const k of ones) expect(Object.keys(nb), k).toContain(k.replace('.one.', '.other.'));
    expect(t('nb', 'io.n.one.sketch', { n: 1 })).toBe('1 skisse');
    expect(t('nb', 'io.n.other.sketch', { n: 2 })).toBe('2 skisser');
    expect(t('en', 'io.n.one.site', { n: 1 })).toBe('1 site');
    expect(t('en', 'io.n.other.object', { n: 2 })).toBe('2 features');
  });

  it('fill placeholders and format numbers per language', () => {
    expect(t('nb', 'site.areaValue', { daa: '12,5', m2: '12 500' })).toBe('12,5 daa (12 500 m²)');
    expect(num('en', 1234.5, 1)).toBe('1,234.5');
    expect(num('nb', 1234.5, 1).replace(/\s/g, ' ')).toBe('1 234,5');
    expect(dist('en', 2440)).toBe('2.4 km');
  });
});
