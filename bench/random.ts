/** A seeded pseudo-random generator (mulberry32): same seed, same numbers, on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A star-shaped polygon ring (counter-clockwise, closed) around (cx, cy) with `n` vertices at
 * radii between rMin and rMax, in the units of the centre (metres in EPSG:25832).
 */
export function starRing(rand: () => number, cx: number, cy: number, n: number, rMin: number, rMax: number): [number, number][] {
  const ring: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const r = rMin + (rMax - rMin) * rand();
    ring.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  ring.push([...ring[0]!] as [number, number]);
  return ring;
}

/** Median and 95th percentile of a list of timings (ms). */
export function summarize(times: number[]): { median: number; p95: number } {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95) };
}
