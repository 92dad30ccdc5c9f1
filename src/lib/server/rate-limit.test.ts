import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
  it('lets a burst through, then refills at the rate, per client', () => {
    const l = new RateLimiter(60, 3);
    const t = 1_000_000;
    expect([l.take('a', t), l.take('a', t), l.take('a', t)]).toEqual([0, 0, 0]);
    expect(l.take('a', t)).toBe(1);
    expect(l.take('b', t)).toBe(0);
    expect(l.take('a', t + 1000)).toBe(0);
    expect(l.take('a', t + 1000)).toBeGreaterThan(0);
  });

  it('keeps at most maxClients buckets', () => {
    const l = new RateLimiter(60, 1, 2);
    l.take('a', 0);
    l.take('b', 0);
    l.take('c', 0);
    // «a» was dropped, so it starts with a full bucket again.
    expect(l.take('a', 0)).toBe(0);
  });
});
