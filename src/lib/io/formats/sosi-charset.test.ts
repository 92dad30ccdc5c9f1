import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSosi, isUtf8, sosiCharset } from './sosi-charset.ts';

const fatalUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** Bytes that are mostly ASCII, with UTF-8 characters and stray bytes (lead, continuation, C0/C1, F5–FF) mixed in. */
const mixedBytes = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 0x7f }).map((b) => [b]) },
      { weight: 2, arbitrary: fc.integer({ min: 0x80, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => [...new TextEncoder().encode(String.fromCodePoint(c))]) },
      { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }).map((b) => [b]) },
      { weight: 1, arbitrary: fc.constantFrom([0xed, 0xa0, 0x80], [0xe0, 0x80, 0x80], [0xf0, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0xef, 0xbb, 0xbf]) }
    ),
    { maxLength: 120 }
  )
  .map((parts) => Uint8Array.from(parts.flat()));

describe('isUtf8', () => {
  it('accepts exactly what a fatal UTF-8 decoder accepts, at any alignment', () => {
    fc.assert(
      fc.property(mixedBytes, fc.integer({ min: 0, max: 3 }), (bytes, offset) => {
        const buf = new Uint8Array(bytes.length + offset);
        buf.set(bytes, offset);
        const view = buf.subarray(offset);
        expect(isUtf8(view)).toBe(fatalUtf8(view));
      }),
      { numRuns: 3000, seed: 20261130 }
    );
  });

  it('judges every sequence of one or two bytes as the decoder does', () => {
    const differ: number[][] = [];
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const fatal = (bytes: Uint8Array) => {
      try {
        decoder.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    for (let a = 0; a < 256; a++) {
      if (isUtf8(Uint8Array.of(a)) !== fatal(Uint8Array.of(a))) differ.push([a]);
      for (let b = 0; b < 256; b++) if (isUtf8(Uint8Array.of(a, b, 0x41)) !== fatal(Uint8Array.of(a, b, 0x41))) differ.push([a, b]);
    }
    expect(differ).toEqual([]);
  });
});

describe('sosiCharset: decoding lines one batch at a time', () => {
  const labels = ['UTF-8', 'ISO8859-10', 'ANSI', 'DOSN8', 'ND7', 'ISO8859-1', 'UKJENT'];
  const file = fc.tuple(
    fc.constantFrom(...labels),
    fc.boolean(),
    fc.array(fc.oneof(mixedBytes, fc.constantFrom(Uint8Array.of(0xc3, 0x98), Uint8Array.of(0xd8), Uint8Array.of(0x5c, 0x7b), Uint8Array.of(0x0d))), { maxLength: 12 })
  );

  it('reads every selection of whole lines as those lines of the decoded file, in every character set', () => {
    fc.assert(
      fc.property(file, fc.array(fc.boolean(), { maxLength: 20 }), ([label, bom, lines], pick) => {
        const head = new TextEncoder().encode(`.HODE\n..TEGNSETT ${label}\n`);
        const body = lines.flatMap((l) => [...l, 0x0a]);
        const bytes = Uint8Array.from([...(bom ? [0xef, 0xbb, 0xbf] : []), ...head, ...body]);
        const whole = decodeSosi(bytes).text.split('\n');
        const c = sosiCharset(bytes);
        // The lines of the body, as byte ranges (split at line feeds, from where the text starts).
        const ranges: [number, number][] = [];
        for (let start = c.start, i = c.start; i <= c.body.length; i++) {
          if (i === c.body.length || c.body[i] === 0x0a) {
            ranges.push([start, i]);
            start = i + 1;
          }
        }
        expect(ranges).toHaveLength(whole.length);
        const chosen = ranges.map((_, k) => k).filter((k) => pick[k % Math.max(1, pick.length)] ?? true);
        const batch = Uint8Array.from(chosen.flatMap((k) => [...c.body.subarray(ranges[k]?.[0], ranges[k]?.[1]), 0x0a]));
        expect(c.decode(batch).split('\n').slice(0, -1)).toEqual(chosen.map((k) => whole[k]));
      }),
      { numRuns: 1500, seed: 20261130 }
    );
  });
});
