import { describe, expect, it } from 'vitest';
import { en, nb } from '../i18n/messages/import.ts';
import { AREALFORMAL_ANNET, kategoriFromArealformal } from './mapping.ts';

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
  });

  it('names every known non-næring arealformål in the dictionary too (bokmål as here, and English for the report)', () => {
    for (const [code, name] of Object.entries(AREALFORMAL_ANNET)) {
      const key = `import.formal.${code}` as keyof typeof nb;
      expect(nb[key], code).toBe(name);
      expect(en[key], code).toBeTruthy();
    }
  });
});
