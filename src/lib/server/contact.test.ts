import { describe, expect, it } from 'vitest';
import { CONTACT_FILE_MAX_BYTES, contactFrom } from './contact.ts';

const file = (text: string) => () => new TextEncoder().encode(text);

describe('the fact sheets’ contact, set by the operator', () => {
  it('is none when nothing is set: the sheets leave the block out', () => {
    expect(contactFrom({})).toEqual({ contact: null, problems: [] });
    expect(contactFrom({ KONTAKT_NAVN: '   ' })).toEqual({ contact: null, problems: [] });
  });

  it('comes from the variables, the same text in both languages', () => {
    const r = contactFrom({ KONTAKT_ORGANISASJON: 'Invester i Asker', KONTAKT_EPOST: 'post@example.no' });
    expect(r.contact).toEqual({ organisasjon: { nb: 'Invester i Asker', en: 'Invester i Asker' }, epost: { nb: 'post@example.no', en: 'post@example.no' } });
  });

  it('comes from a JSON file outside the build, with nb and en texts; a variable overrides the file', () => {
    const json = JSON.stringify({ organisasjon: { nb: 'Asker kommune, næringsavdelingen', en: 'Asker municipality, business unit' }, navn: 'Kari Nordmann', telefon: '+47 000 00 000' });
    const r = contactFrom({ KONTAKT_FIL: '/etc/naering/kontakt.json', KONTAKT_TELEFON: '+47 111 11 111' }, file(json));
    expect(r.problems).toEqual([]);
    expect(r.contact).toEqual({
      organisasjon: { nb: 'Asker kommune, næringsavdelingen', en: 'Asker municipality, business unit' },
      navn: { nb: 'Kari Nordmann', en: 'Kari Nordmann' },
      telefon: { nb: '+47 111 11 111', en: '+47 111 11 111' }
    });
    // Only one language given: used for both.
    expect(contactFrom({ KONTAKT_FIL: 'k.json' }, file('{"nettside": {"en": "asker.kommune.no/en"}}')).contact).toEqual({ nettside: { nb: 'asker.kommune.no/en', en: 'asker.kommune.no/en' } });
  });

  it('uses what it can of a bad file and says what was wrong, never throws', () => {
    const missing = contactFrom({ KONTAKT_FIL: 'finnes-ikke.json', KONTAKT_NAVN: 'Ola' }, () => {
      throw new Error('ENOENT');
    });
    expect(missing.contact).toEqual({ navn: { nb: 'Ola', en: 'Ola' } });
    expect(missing.problems.map((p) => p.code)).toEqual(['contact.file-unreadable']);
    expect(contactFrom({ KONTAKT_FIL: 'k.json' }, file('{"navn": ')).problems.map((p) => p.code)).toEqual(['contact.file-not-json']);
    expect(contactFrom({ KONTAKT_FIL: 'k.json' }, file('[1, 2]')).problems.map((p) => p.code)).toEqual(['contact.file-not-json']);
    expect(contactFrom({ KONTAKT_FIL: 'k.json' }, () => new Uint8Array(CONTACT_FILE_MAX_BYTES + 1)).problems.map((p) => p.code)).toEqual(['contact.file-too-large']);
    const bad = contactFrom({ KONTAKT_FIL: 'k.json' }, file(JSON.stringify({ navn: 'x'.repeat(201), epost: 42, telefon: '12\u0000 34' })));
    expect(bad.problems).toEqual([
      { code: 'contact.bad-value', params: { field: 'navn' } },
      { code: 'contact.bad-value', params: { field: 'epost' } }
    ]);
    // Control characters become spaces; the text is shown as text.
    expect(bad.contact).toEqual({ telefon: { nb: '12  34', en: '12  34' } });
  });
});
