import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimal } from './decimal.ts';

describe('parseDecimal', () => {
  it('reads a decimal comma and a decimal point alike', () => {
    expect(parseDecimal('1,5')).toBe(1.5);
    expect(parseDecimal('1.5')).toBe(1.5);
    expect(parseDecimal('120')).toBe(120);
    expect(parseDecimal('-0,25')).toBe(-0.25);
  });

  it('ignores blanks around the number', () => {
    expect(parseDecimal('  42,0 ')).toBe(42);
    expect(parseDecimal('\t7\n')).toBe(7);
  });

  it('gives null for an empty field', () => {
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('   ')).toBeNull();
  });

  it('gives NaN for text that is not a number', () => {
    expect(parseDecimal('abc')).toBeNaN();
    expect(parseDecimal('1,5,3')).toBeNaN();
    expect(parseDecimal('1 000')).toBeNaN();
    expect(parseDecimal('12 %')).toBeNaN();
  });
});

describe('formatDecimal', () => {
  it('writes a decimal comma and round-trips through parseDecimal', () => {
    expect(formatDecimal(0.8)).toBe('0,8');
    expect(formatDecimal(420)).toBe('420');
    for (const v of [0.8, 420, 1.25, 15]) expect(parseDecimal(formatDecimal(v))).toBe(v);
  });
});
