import { describe, expect, it } from 'vitest';
import { kategoriFromArealformal, unknownCodes } from './mapping.ts';

describe('arealformål → kategori', () => {
  it('maps the documented codes', () => {
    expect(kategoriFromArealformal(1300)).toEqual({ kategori: 'kombinert' });
    expect(kategoriFromArealformal('1160')).toEqual({ kategori: 'offentlig' });
    expect(kategoriFromArealformal(1800)).toEqual({ kategori: 'kombinert' });
    expect(kategoriFromArealformal(1150)).toEqual({ kategori: 'handel/service' });
    expect(kategoriFromArealformal(1140)).toEqual({ kategori: 'handel/service' });
    expect(kategoriFromArealformal(1130)).toEqual({ kategori: 'kombinert' });
    expect(kategoriFromArealformal(1001)).toEqual({ kategori: 'kombinert' });
  });

  it('keeps and lists unknown codes instead of dropping them', () => {
    expect(kategoriFromArealformal(1110)).toEqual({ unknown: '1110' });
    expect(unknownCodes([1300, 1110, '5100', 1110, undefined])).toEqual({ '1110': 2, '5100': 1, '': 1 });
  });
});
