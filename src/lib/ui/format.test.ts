import { describe, expect, it } from 'vitest';
import { distance, nb, nbRange } from './format.ts';

// Intl uses a no-break space as thousands separator in nb-NO.
const s = (x: string) => x.replace(/\s/g, ' ');

describe('format', () => {
  it('formats numbers, ranges and distances in bokmål', () => {
    expect(s(nb(7425))).toBe('7 425');
    expect(s(nb(1234.56, 1))).toBe('1 234,6');
    expect(s(nbRange(57.6, 144))).toBe('58–144');
    expect(nbRange(400, 400.2)).toBe('400');
    expect(distance(847)).toBe('850 m');
    expect(distance(2440)).toBe('2,4 km');
  });
});
