import { describe, expect, it } from 'vitest';
import { NORM_FIELDS, normDifferences } from './norm-fields.ts';
import { defaultNorms } from './norms.ts';

describe('NORM_FIELDS', () => {
  it('reads and writes every field without touching the others or the input', () => {
    for (const f of NORM_FIELDS) {
      const base = defaultNorms();
      const before = JSON.stringify(base);
      const next = f.set(base, f.get(base) + 7);
      expect(f.get(next), f.id).toBe(f.get(base) + 7);
      expect(JSON.stringify(base)).toBe(before);
      expect(normDifferences(base, next).map((d) => d.label)).toEqual([f.label]);
    }
  });

  it('names the plan section for plan figures and marks the rest as assumptions', () => {
    expect(NORM_FIELDS.find((f) => f.id === 'brutto')?.source).toBe('Temaplan næring 5.9.2');
    expect(NORM_FIELDS.find((f) => f.id === 'netto-min-kontor')?.source).toBe('Temaplan næring 5.9.2');
    expect(NORM_FIELDS.find((f) => f.id === 'netto-min-lager/produksjon')?.source).toContain('antakelse');
    expect(new Set(NORM_FIELDS.map((f) => f.id)).size).toBe(NORM_FIELDS.length);
  });
});

describe('NORM_FIELDS and the dictionary', () => {
  it('has a label for every field in both languages', async () => {
    const { nb, en } = await import('../i18n/messages.ts');
    for (const f of NORM_FIELDS) {
      expect(Object.hasOwn(nb, `norm.${f.id}`), f.id).toBe(true);
      expect(Object.hasOwn(en, `norm.${f.id}`), f.id).toBe(true);
      expect((nb as Record<string, string>)[`norm.${f.id}`]).toBe(f.label);
      // The unit is a code the UI names in each language.
      expect(Object.hasOwn(en, `unit.${f.unit}`), f.unit).toBe(true);
    }
  });
});
