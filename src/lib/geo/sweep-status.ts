/**
 * The status structure of a plane sweep: the segments that cross the sweep line, ordered from
 * bottom to top, as a skip list (expected O(log n) insert, O(levels) remove, O(1) neighbours).
 * The order is given at insertion by a predicate that says whether a segment in the list lies
 * below the new one; removal is by segment id, so no comparison is needed then.
 *
 * Segments are ids 0 … capacity − 1, each inserted at most once (as in a sweep). The links live
 * in typed arrays (about two levels per segment on average), so millions of segments cost tens
 * of MB and no garbage. Levels come from a fixed-seed generator, so a run is reproducible; the
 * seed only decides the shape of the list, never the answer.
 */

const MAX_LEVEL = 32;
const NONE = -1;

export class SweepStatus {
  /** Links per level: segment s has levels[s] slots from base[s] in `next` and `prev`; the head has MAX_LEVEL slots from 0. */
  private next: Int32Array;
  private prev: Int32Array;
  private readonly base: Int32Array;
  private readonly levels: Uint8Array;
  private used = MAX_LEVEL;
  private level = 1;
  private state = 0x9e3779b9;
  private readonly update = new Int32Array(MAX_LEVEL);
  /** The id that stands for the head in links (never a segment). */
  private readonly head: number;

  constructor(capacity: number) {
    this.head = capacity;
    const slots = MAX_LEVEL + 2 * capacity + 64;
    this.next = new Int32Array(slots).fill(NONE);
    this.prev = new Int32Array(slots).fill(NONE);
    this.base = new Int32Array(capacity + 1);
    this.levels = new Uint8Array(capacity + 1);
    this.base[capacity] = 0;
    this.levels[capacity] = MAX_LEVEL;
  }

  /** 1 + the number of heads in a row of fair coin flips (xorshift32), at most MAX_LEVEL. */
  private randomLevel(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    let lvl = 1;
    let bits = this.state;
    while (bits & 1 && lvl < MAX_LEVEL) {
      lvl++;
      bits >>>= 1;
    }
    return lvl;
  }

  private grow(need: number): void {
    let size = this.next.length;
    while (size < need) size *= 2;
    const next = new Int32Array(size).fill(NONE);
    const prev = new Int32Array(size).fill(NONE);
    next.set(this.next);
    prev.set(this.prev);
    this.next = next;
    this.prev = prev;
  }

  /**
   * Inserts `seg` above every segment for which `isBelow` is true (those must come first in the
   * order, as they do when the segments in the status do not cross).
   */
  insert(seg: number, isBelow: (other: number) => boolean): void {
    const { base, update, head } = this;
    let x = head;
    for (let l = this.level - 1; l >= 0; l--) {
      let n = this.next[(base[x] as number) + l] as number;
      while (n !== NONE && isBelow(n)) {
        x = n;
        n = this.next[(base[x] as number) + l] as number;
      }
      update[l] = x;
    }
    const lvl = this.randomLevel();
    for (let l = this.level; l < lvl; l++) update[l] = head;
    if (lvl > this.level) this.level = lvl;
    if (this.used + lvl > this.next.length) this.grow(this.used + lvl);
    base[seg] = this.used;
    this.levels[seg] = lvl;
    this.used += lvl;
    const { next, prev } = this;
    const at = base[seg] as number;
    for (let l = 0; l < lvl; l++) {
      const p = update[l] as number;
      const n = next[(base[p] as number) + l] as number;
      next[at + l] = n;
      prev[at + l] = p;
      next[(base[p] as number) + l] = seg;
      if (n !== NONE) prev[(base[n] as number) + l] = seg;
    }
  }

  /** Removes a segment that was inserted. */
  remove(seg: number): void {
    const { next, prev, base } = this;
    const at = base[seg] as number;
    for (let l = 0; l < (this.levels[seg] as number); l++) {
      const p = prev[at + l] as number;
      const n = next[at + l] as number;
      next[(base[p] as number) + l] = n;
      if (n !== NONE) prev[(base[n] as number) + l] = p;
    }
    // Searches start at the highest level in use, not the highest ever drawn.
    while (this.level > 1 && next[this.level - 1] === NONE) this.level--;
  }

  /** The segment just below `seg`, or -1. */
  below(seg: number): number {
    const p = this.prev[this.base[seg] as number] as number;
    return p === this.head ? NONE : p;
  }

  /** The segment just above `seg`, or -1. */
  above(seg: number): number {
    return this.next[this.base[seg] as number] as number;
  }
}
