/**
 * Exact geometric predicates for planar coordinates (doubles): the orientation test with a
 * floating-point filter (Shewchuk's error bound for the first stage) that falls back to exact
 * BigInt arithmetic when the filter cannot decide. Used by the validator (validate.ts) and by
 * MakeValid (make-valid.ts), so both agree on every touch and crossing.
 */

const EPS = 2 ** -53;
const CCW_ERRBOUND = (3 + 16 * EPS) * EPS;
const bits = new DataView(new ArrayBuffer(8));

/** v = mantissa × 2^exponent, exactly. */
function decompose(v: number): [bigint, number] {
  if (v === 0) return [0n, 0];
  bits.setFloat64(0, v);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  return [hi >>> 31 ? -mant : mant, e];
}

/** The values as integers × 2^exp (one common exponent), exactly. */
export function scaled(values: readonly number[]): { ints: bigint[]; exp: number } {
  const parts = values.map(decompose);
  let exp = Infinity;
  for (const [m, e] of parts) if (m !== 0n && e < exp) exp = e;
  if (exp === Infinity) exp = 0;
  return { ints: parts.map(([m, e]) => (m === 0n ? 0n : m << BigInt(e - exp))), exp };
}

function exactOrientSign(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const [AX, AY, BX, BY, CX, CY] = scaled([ax, ay, bx, by, cx, cy]).ints as [bigint, bigint, bigint, bigint, bigint, bigint];
  const det = (AX - CX) * (BY - CY) - (AY - CY) * (BX - CX);
  return det > 0n ? 1 : det < 0n ? -1 : 0;
}

/**
 * Twice the signed area of triangle a, b, c: > 0 when c is left of a→b (counter-clockwise).
 * The sign is exact; the magnitude is the floating-point estimate (or ±tiny when only the exact
 * sign is known).
 */
export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const acx = ax - cx, bcy = by - cy, acy = ay - cy, bcx = bx - cx;
  // A difference of doubles is 0 only when they are equal: then that product is exactly 0.
  if ((acx === 0 || bcy === 0) && (acy === 0 || bcx === 0)) return 0;
  const detLeft = acx * bcy;
  const detRight = acy * bcx;
  const det = detLeft - detRight;
  const bound = CCW_ERRBOUND * (Math.abs(detLeft) + Math.abs(detRight));
  if (det > bound || -det > bound) return det;
  const s = exactOrientSign(ax, ay, bx, by, cx, cy);
  return s === 0 ? 0 : s * Math.max(Math.abs(det), Number.MIN_VALUE);
}
