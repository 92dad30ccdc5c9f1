/**
 * A token bucket per client: `capacity` writes at once, refilled at `perMinute` a minute. Memory
 * is bounded: the oldest buckets are dropped past `maxClients`.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  private readonly perMinute: number;
  private readonly capacity: number;
  private readonly maxClients: number;

  constructor(perMinute: number, capacity: number, maxClients = 10_000) {
    this.perMinute = perMinute;
    this.capacity = capacity;
    this.maxClients = maxClients;
  }

  /** Takes one token for `key`; returns 0 when allowed, else the seconds to wait. */
  take(key: string, now = Date.now()): number {
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    b.tokens = Math.min(this.capacity, b.tokens + (now - b.at) * rate);
    b.at = now;
    this.buckets.delete(key);
    this.buckets.set(key, b);
    if (this.buckets.size > this.maxClients) this.buckets.delete(this.buckets.keys().next().value as string);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) / rate / 1000);
  }
}
