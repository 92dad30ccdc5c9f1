/**
 * The positions (arrays that start with a number) anywhere in parsed GeoJSON — a coordinate array,
 * a geometry, a Feature or a FeatureCollection — visited without recursion, so no nesting depth can
 * overflow the stack. Used to bound input before anything else looks at it.
 */

/** Calls `visit` for each position, in order; stops (and returns false) when `visit` returns false. */
export function everyPosition(json: unknown, visit: (position: readonly unknown[]) => boolean): boolean {
  const stack: unknown[] = [json];
  while (stack.length) {
    const x = stack.pop();
    if (Array.isArray(x)) {
      if (typeof x[0] === 'number') {
        if (!visit(x)) return false;
      } else {
        for (let i = x.length - 1; i >= 0; i--) if (x[i] !== null && typeof x[i] === 'object') stack.push(x[i]);
      }
    } else if (x !== null && typeof x === 'object') {
      for (const y of Object.values(x)) if (y !== null && typeof y === 'object') stack.push(y);
    }
  }
  return true;
}

/** How many positions there are, counting no further than `stop` + 1 (enough to tell «over the limit»). */
export function countPositions(json: unknown, stop = Number.POSITIVE_INFINITY): number {
  let n = 0;
  everyPosition(json, () => ++n <= stop);
  return n;
}
