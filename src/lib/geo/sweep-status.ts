/**
 * The status structure of a plane sweep: the segments that cross the sweep line, ordered from
 * bottom to top, as a skip list (expected O(log n) insert, O(1) remove and neighbours by node).
 * The order is given at insertion by a predicate that says whether an existing segment lies
 * below the new one; removal is by node, so no comparison is needed then. Levels come from a
 * fixed-seed generator, so a run is reproducible (and no input can be crafted against a seed it
 * does not see at work: the seed only decides the shape of the list, not the answer).
 */

/** One segment in the status. */
export interface StatusNode {
  readonly seg: number;
  next: (StatusNode | null)[];
  prev: (StatusNode | null)[];
}

const MAX_LEVEL = 32;

export class SweepStatus {
  private readonly head: StatusNode = { seg: -1, next: new Array<StatusNode | null>(MAX_LEVEL).fill(null), prev: [] };
  private level = 1;
  private state = 0x9e3779b9;
  private readonly update: StatusNode[] = new Array<StatusNode>(MAX_LEVEL);

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

  /**
   * Inserts `seg` above every segment for which `isBelow` is true (those must come first in the
   * order, as they do when the segments in the status do not cross). Returns its node.
   */
  insert(seg: number, isBelow: (other: number) => boolean): StatusNode {
    const update = this.update;
    let x = this.head;
    for (let l = this.level - 1; l >= 0; l--) {
      let n = x.next[l] ?? null;
      while (n && isBelow(n.seg)) {
        x = n;
        n = x.next[l] ?? null;
      }
      update[l] = x;
    }
    const lvl = this.randomLevel();
    for (let l = this.level; l < lvl; l++) update[l] = this.head;
    if (lvl > this.level) this.level = lvl;
    const node: StatusNode = { seg, next: new Array<StatusNode | null>(lvl), prev: new Array<StatusNode | null>(lvl) };
    for (let l = 0; l < lvl; l++) {
      const p = update[l] as StatusNode;
      const n = p.next[l] ?? null;
      node.next[l] = n;
      node.prev[l] = p;
      p.next[l] = node;
      if (n) n.prev[l] = node;
    }
    return node;
  }

  /** Removes a node returned by {@link insert}. */
  remove(node: StatusNode): void {
    for (let l = 0; l < node.next.length; l++) {
      const p = node.prev[l] as StatusNode;
      const n = node.next[l] ?? null;
      p.next[l] = n;
      if (n) n.prev[l] = p;
    }
  }

  /** The segment just below the node's, or null. */
  below(node: StatusNode): StatusNode | null {
    const p = node.prev[0] ?? null;
    return p === this.head ? null : p;
  }

  /** The segment just above the node's, or null. */
  above(node: StatusNode): StatusNode | null {
    return node.next[0] ?? null;
  }
}
