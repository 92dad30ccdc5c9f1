import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expected } from './fixtures.test-helper.ts';

describe('expected (golden fixtures)', () => {
  afterEach(() => vi.unstubAllEnvs());
  const dir = mkdtempSync(path.join(tmpdir(), 'fasit-'));

  it('fails when the golden does not exist, instead of writing its own answer', () => {
    vi.stubEnv('REGEN', '');
    expect(() => expected(path.join(dir, 'mangler.json'), { a: 1 })).toThrow(/finnes ikke/);
  });

  it('reads an existing golden, and REGEN=1 rewrites it', () => {
    const file = path.join(dir, 'finnes.json');
    writeFileSync(file, '{"a": 1}\n');
    vi.stubEnv('REGEN', '');
    expect(expected(file, { a: 2 })).toEqual({ a: 1 });
    vi.stubEnv('REGEN', '1');
    expect(expected(file, { a: 2 })).toEqual({ a: 2 });
  });
});
