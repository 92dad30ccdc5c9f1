import { describe, expect, it } from 'vitest';
import { featureTitle, propertyRows } from './properties.ts';

describe('propertyRows', () => {
  it('formats values as plain text in Norwegian', () => {
    expect(propertyRows({ navn: 'Asker', areal: 7425.5, arealformal: 1300, aktiv: true, merknad: null, liste: [1, 2] })).toEqual([
      { key: 'navn', value: 'Asker' },
      { key: 'areal', value: '7425,5' },
      { key: 'arealformal', value: '1300' },
      { key: 'aktiv', value: 'ja' },
      { key: 'merknad', value: '–' },
      { key: 'liste', value: '[1,2]' }
    ]);
  });

  it('keeps markup as the literal text it is', () => {
    expect(propertyRows({ navn: '<img src=x onerror=alert(1)>' })[0]?.value).toBe('<img src=x onerror=alert(1)>');
  });

  it('gives no rows for missing properties', () => {
    expect(propertyRows(null)).toEqual([]);
  });
});

describe('featureTitle', () => {
  it('prefers navn, then name, then the fallback', () => {
    expect(featureTitle({ navn: 'Hvalstad stasjon', name: 'x' }, 'id')).toBe('Hvalstad stasjon');
    expect(featureTitle({ name: 'Asker' }, 'id')).toBe('Asker');
    expect(featureTitle({ navn: '  ' }, 'stasjon-1')).toBe('stasjon-1');
  });
});
