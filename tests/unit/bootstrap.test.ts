import { describe, expect, it } from 'vitest';
import { atLeast, parseVersion, requiredVersion, wantedMajor } from '../../scripts/bootstrap.mjs';

describe('Node bootstrap', () => {
  it('parses version strings', () => {
    expect(parseVersion('v20.20.2')).toEqual([20, 20, 2]);
    expect(parseVersion('24')).toEqual([24, 0, 0]);
    expect(parseVersion('22.12')).toEqual([22, 12, 0]);
    expect(parseVersion('ikke')).toBeNull();
  });

  it('compares versions component by component', () => {
    expect(atLeast([20, 20, 2], [22, 12, 0])).toBe(false);
    expect(atLeast([22, 11, 9], [22, 12, 0])).toBe(false);
    expect(atLeast([22, 12, 0], [22, 12, 0])).toBe(true);
    expect(atLeast([24, 0, 0], [22, 12, 0])).toBe(true);
  });

  it('reads the project’s requirement (engines) and the Node to install (.nvmrc)', () => {
    expect(requiredVersion()).toEqual([22, 12, 0]);
    expect(wantedMajor()).toBe(24);
  });
});
