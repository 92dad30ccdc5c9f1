import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces, jsonText, writeChunked } from './json-stream.ts';

const text = (v: unknown, indent = 2) => [...jsonPieces(v, indent)].join('');

describe('jsonPieces: the same text as JSON.stringify(value, null, indent), in pieces', () => {
  it('on random JSON values, indented and not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (v, indent) => {
        expect(text(v, indent)).toBe(JSON.stringify(v, null, indent));
      }),
      { numRuns: 500, seed: 16 }
    );
  });

  it('with what JSON.stringify leaves out or changes: undefined, NaN, functions, toJSON, empty containers', () => {
    const v = { a: undefined, b: Number.NaN, c: () => 1, d: [undefined, Number.POSITIVE_INFINITY, () => 1], e: new Date(0), f: {}, g: [], h: { toJSON: () => ({ x: 1 }) } };
    expect(text(v)).toBe(JSON.stringify(v, null, 2));
    expect(text(undefined)).toBe('');
    expect(text('å «x»')).toBe(JSON.stringify('å «x»'));
  });

  it('without recursion: 100 000 levels deep', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const out = text(deep, 0);
    expect(out.length).toBe(200_001);
    expect(out.startsWith('[[[')).toBe(true);
  });

  it('an output like stats\' (features whole when JSON.stringify can) is the same text, and a feature too deep for it is streamed', () => {
    const feature = (i: number) => ({ id: `f${i}`, area_daa: i / 3, by: { '21': i, '22': null }, tags: ['a', { b: [1, 2] }], e: [] });
    const v = { crs: 'EPSG:25832', features: [feature(1), feature(2), [feature(3)]], totals: { n: 3 }, skipped: [] };
    expect(text(v)).toBe(JSON.stringify(v, null, 2));
    expect(text(v, 0)).toBe(JSON.stringify(v));
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { p: deep };
    const out = text({ features: [{ id: 'dyp', properties: deep }, feature(4)] }, 0);
    expect(out.startsWith('{"features":[{"id":"dyp","properties":{"p":{"p":')).toBe(true);
    expect(out.endsWith('}]}')).toBe(true);
    expect(out).toContain(JSON.stringify(feature(4)));
  });
});

describe('jsonText: in one piece when small, the same text', () => {
  it('gives JSON.stringify’s text in one piece when small, in pieces when not', () => {
    const value = { crs: 'EPSG:25832', features: Array.from({ length: 50 }, (_, i) => ({ id: `f${i}`, n: i / 3, ø: [i, { x: null }] })), tom: [] };
    const whole = [...jsonText(value, 2, true)];
    expect(whole).toEqual([JSON.stringify(value, null, 2)]);
    const pieces = [...jsonText(value, 2, false)];
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(whole[0]);
  });

  it('falls back to pieces for a value too deep for JSON.stringify, with the same text', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { p: deep };
    const out = [...jsonText({ features: [{ id: 'dyp', properties: deep }] }, 0, true)];
    expect(out.length).toBeGreaterThan(1);
    expect(out.join('')).toBe([...jsonPieces({ features: [{ id: 'dyp', properties: deep }] }, 0)].join(''));
  });
});

describe('writeChunked', () => {
  it('writes everything, in bounded writes, and waits when the sink says so', async () => {
    const writes: string[] = [];
    let drains = 0;
    const sink = {
      write: (s: string) => {
        writes.push(s);
        return writes.length % 2 === 0;
      },
      once: (_: 'drain', f: () => void) => {
        drains++;
        setTimeout(f, 0);
      }
    };
    const pieces = Array.from({ length: 1000 }, (_, i) => `${i},`);
    await writeChunked(pieces, sink, 100);
    expect(writes.join('')).toBe(pieces.join(''));
    expect(Math.max(...writes.map((w) => w.length))).toBeLessThan(110);
    expect(drains).toBeGreaterThan(0);
  });
});
