/**
 * The topological half of polygon validity (OGC Simple Features, as GEOS IsValidOp checks it),
 * in O(n log n) for n vertices whatever their layout:
 *
 * 1. A plane sweep (Shamos–Hoey) over all segments of all rings finds any proper crossing,
 *    collinear overlap, or vertex of a ring on another segment of the same ring. Segments are
 *    ordered on the sweep line by exact orientation tests (predicates.ts) and tested only
 *    against their neighbours, so a serpentine whose segment boxes all overlap costs no more
 *    than a square. Points where two rings touch are collected on the way.
 * 2. At every touch point the edges around it are sorted by angle: a ring that meets the point
 *    twice touches itself; two rings whose edges interleave cross there (a crossing at a vertex).
 *    Touches within one polygon must not close a cycle of rings (GEOS: «interior is
 *    disconnected» — a hole touching the shell twice cuts the polygon in two).
 * 3. Once no rings cross, each ring lies inside or outside every other as a whole: the segment
 *    just below its lowest-leftmost vertex in the sweep tells which ring is its parent. Holes must
 *    have their own shell as parent (not another hole: nested holes; not nothing: hole outside);
 *    a shell has no parent or a hole of another part (an island in a lake) — never another shell
 *    (overlapping parts).
 *
 * A polygon of one ring of a few dozen segments (most areas of a plan) is first looked at pair
 * by pair, which clears a simple ring at a fraction of the sweep's set-up; whatever that look
 * cannot clear goes to the sweep, so the answer is always the sweep's.
 *
 * Coordinates are compared exactly as given (no tolerance). Plain data in, plain data out.
 */
import type { Position } from 'geojson';
import { orient } from './predicates.ts';
import { SweepStatus } from './sweep-status.ts';

/**
 * The rings of one polygon: its shell first, then its holes. Each ring is closed (first position
 * repeated last), without consecutive duplicate positions, with at least three distinct corners.
 */
export type PolygonRings = readonly (readonly Position[])[];

/** A point [x, y]. */
export type Point = [number, number];

/** What makes a set of polygons invalid (part and ring numbers from 0, as in the input). */
export type TopologyProblem =
  | { kind: 'self-intersection'; part: number; ring: number; at: Point }
  | { kind: 'rings-cross'; part: number; ring: number; other: number; at: Point }
  | { kind: 'parts-overlap'; part: number; other: number; at: Point | null }
  | { kind: 'hole-outside'; part: number; ring: number }
  | { kind: 'holes-nested'; part: number; ring: number; other: number }
  | { kind: 'interior-disconnected'; part: number; ring: number; other: number; at: Point }
  | { kind: 'too-complex' };

/** Options for {@link findTopologyProblem}. */
export interface TopologyOptions {
  /** Give up with `too-complex` after this time (ms since the epoch, as Date.now()). */
  deadline?: number;
}

/** How many event points the sweep handles between looks at the clock (and pauses in {@link topologySteps}). */
const STEP = 1024;

/** Polygons of at most this many vertices are sorted by insertion. */
const SMALL = 48;

const lexLess = (ax: number, ay: number, bx: number, by: number) => ax < bx || (ax === bx && ay < by);

/**
 * Finds the first topological problem of a Polygon (one entry) or MultiPolygon (one entry per
 * part), or null when the rings neither cross, overlap, touch themselves nor nest wrongly. The
 * rings must already be well-formed (closed, ≥ 3 distinct corners, finite): validate.ts checks
 * that first. Never modifies its input.
 */
export function findTopologyProblem(polygons: readonly PolygonRings[], options: TopologyOptions = {}): TopologyProblem | null {
  const steps = topologySteps(polygons, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * {@link findTopologyProblem} in steps: the generator pauses (yields) every {@link STEP} event
 * points of the sweep, so a caller on a shared thread (the server) can let other work run
 * between steps; its return value is the answer.
 */
export function* topologySteps(polygons: readonly PolygonRings[], options: TopologyOptions = {}): Generator<void, TopologyProblem | null> {
  let n = 0;
  let ringCount = 0;
  for (const p of polygons) {
    for (const r of p) {
      n += r.length - 1;
      ringCount++;
    }
  }
  if (certainlyValid(polygons)) return null;
  const scratch = takeScratch(n, ringCount, polygons.length);
  try {
    return yield* sweep(polygons, options, scratch, n, ringCount);
  } finally {
    giveBack(scratch);
  }
}

/** A polygon of one ring of at most this many segments is first looked at pair by pair ({@link certainlySimple}). */
const PAIRWISE = 64;

/**
 * True when the polygons are one polygon of one small ring with nothing near anything else: valid
 * as it is (most areas of a plan, most AR5 polygons), with no sweep. False says only «not
 * certain»: anything the pairwise look cannot clear goes to the sweep, which names the problem.
 */
export function certainlyValid(polygons: readonly PolygonRings[]): boolean {
  const lone = polygons.length === 1 && polygons[0]?.length === 1 ? polygons[0][0] : undefined;
  return lone !== undefined && lone.length - 1 <= PAIRWISE && certainlySimple(lone);
}

/**
 * True when a closed ring is certainly simple: no two neighbouring segments are collinear, and
 * every two other segments are certainly apart (their boxes apart, or one wholly on one side of
 * the other's line, by the exact orientation test). Such a ring neither crosses nor touches
 * itself, so the sweep would find nothing; for a ring of a few dozen segments this costs far
 * less than setting up the sweep. False says only «not certain»: a touch, a crossing, or merely
 * three points in a line (which is valid), left to the sweep.
 */
function certainlySimple(ring: readonly Position[]): boolean {
  const m = ring.length - 1;
  if (m < 3) return false;
  for (let i = 0; i < m; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    const c = ring[i + 2 < ring.length ? i + 2 : 1] as Position;
    const ax = a[0] as number, ay = a[1] as number, bx = b[0] as number, by = b[1] as number;
    if (orient(ax, ay, bx, by, c[0] as number, c[1] as number) === 0) return false;
    const minX = Math.min(ax, bx), maxX = Math.max(ax, bx), minY = Math.min(ay, by), maxY = Math.max(ay, by);
    // Segments i and j (j > i + 1; segments 0 and m - 1 meet where the ring closes).
    for (let j = i + 2; j < (i === 0 ? m - 1 : m); j++) {
      const p = ring[j] as Position;
      const q = ring[j + 1] as Position;
      const px = p[0] as number, py = p[1] as number, qx = q[0] as number, qy = q[1] as number;
      if ((px < minX && qx < minX) || (px > maxX && qx > maxX) || (py < minY && qy < minY) || (py > maxY && qy > maxY)) continue;
      const o1 = orient(ax, ay, bx, by, px, py);
      const o2 = orient(ax, ay, bx, by, qx, qy);
      if ((o1 > 0 && o2 > 0) || (o1 < 0 && o2 < 0)) continue;
      const o3 = orient(px, py, qx, qy, ax, ay);
      const o4 = orient(px, py, qx, qy, bx, by);
      if ((o3 > 0 && o4 > 0) || (o3 < 0 && o4 < 0)) continue;
      return false;
    }
  }
  return true;
}

/**
 * The typed arrays one sweep works in, kept for the next sweep: checking a polygon of a few dozen
 * vertices would otherwise allocate some twenty small typed arrays (each with its memory outside
 * the JS heap, which costs more than the sweep itself). A sweep takes a set and gives it back when
 * it ends; sweeps that are under way at the same time (validatePolygonalAsync) each have their own.
 * A sweep uses the first n (vertices), r (rings) or p (parts) entries, each written before it is read.
 */
class Scratch {
  vertices = 0;
  rings = 0;
  parts = 0;
  xs = new Float64Array(0);
  ys = new Float64Array(0);
  ringOf = new Int32Array(0);
  L = new Int32Array(0);
  R = new Int32Array(0);
  fwd = new Uint8Array(0);
  order = new Uint32Array(0);
  ringStart = new Int32Array(1);
  ringPart = new Int32Array(0);
  ringIndex = new Int32Array(0);
  ringMin = new Int32Array(0);
  ccw = new Uint8Array(0);
  below = new Int32Array(0);
  uf = new Int32Array(0);
  parent = new Int32Array(0);
  shellOf = new Int32Array(0);

  /** Makes room for n vertices, r rings and p parts. */
  fit(n: number, r: number, p: number): void {
    if (n > this.vertices) {
      const c = Math.max(n, 64);
      this.vertices = c;
      this.xs = new Float64Array(c);
      this.ys = new Float64Array(c);
      this.ringOf = new Int32Array(c);
      this.L = new Int32Array(c);
      this.R = new Int32Array(c);
      this.fwd = new Uint8Array(c);
      this.order = new Uint32Array(c);
    }
    if (r > this.rings) {
      const c = Math.max(r, 16);
      this.rings = c;
      this.ringStart = new Int32Array(c + 1);
      this.ringPart = new Int32Array(c);
      this.ringIndex = new Int32Array(c);
      this.ringMin = new Int32Array(c);
      this.ccw = new Uint8Array(c);
      this.below = new Int32Array(c);
      this.uf = new Int32Array(c);
      this.parent = new Int32Array(c);
    }
    if (p > this.parts) {
      this.parts = Math.max(p, 16);
      this.shellOf = new Int32Array(this.parts);
    }
  }
}

/** Sets given back after a sweep, for the next ones; only small ones are kept (a large one is left to the garbage collector). */
const spareScratch: Scratch[] = [];
const KEEP_VERTICES = 1 << 12;

function takeScratch(n: number, r: number, p: number): Scratch {
  const s = spareScratch.pop() ?? new Scratch();
  s.fit(n, r, p);
  return s;
}

function giveBack(s: Scratch): void {
  if (s.vertices <= KEEP_VERTICES && s.rings <= KEEP_VERTICES && s.parts <= KEEP_VERTICES && spareScratch.length < 4) spareScratch.push(s);
}

/** The sweep of {@link topologySteps}, in the arrays of `scratch` (n vertices, ringCount rings). */
function* sweep(polygons: readonly PolygonRings[], options: TopologyOptions, scratch: Scratch, n: number, ringCount: number): Generator<void, TopologyProblem | null> {
  // Vertices of all rings in one flat array; segment s runs from vertex s to the next in its ring.
  const { xs, ys, ringOf, ringStart, ringPart, ringIndex, shellOf } = scratch;
  let v = 0;
  let g = 0;
  for (let pi = 0; pi < polygons.length; pi++) {
    const poly = polygons[pi] as PolygonRings;
    shellOf[pi] = g;
    for (let ri = 0; ri < poly.length; ri++) {
      const ring = poly[ri] as readonly Position[];
      ringStart[g] = v;
      ringPart[g] = pi;
      ringIndex[g] = ri;
      for (let k = 0; k < ring.length - 1; k++) {
        const p = ring[k] as Position;
        xs[v] = p[0] as number;
        ys[v] = p[1] as number;
        ringOf[v] = g;
        v++;
      }
      g++;
    }
  }
  ringStart[ringCount] = n;
  const next = (u: number) => (u + 1 < (ringStart[(ringOf[u] as number) + 1] as number) ? u + 1 : (ringStart[ringOf[u] as number] as number));
  const prev = (u: number) => (u > (ringStart[ringOf[u] as number] as number) ? u - 1 : (ringStart[(ringOf[u] as number) + 1] as number) - 1);

  // Each segment's left and right end (lexicographic: x, then y) as vertex ids.
  const { L, R, fwd } = scratch;
  for (let s = 0; s < n; s++) {
    const t = next(s);
    if (lexLess(xs[s] as number, ys[s] as number, xs[t] as number, ys[t] as number)) {
      fwd[s] = 1;
      L[s] = s;
      R[s] = t;
    } else {
      fwd[s] = 0;
      L[s] = t;
      R[s] = s;
    }
  }
  // The lowest-leftmost vertex of each ring, and whether the ring runs counter-clockwise.
  const { ringMin, ccw } = scratch;
  for (let r = 0; r < ringCount; r++) {
    let best = ringStart[r] as number;
    for (let u = best + 1; u < (ringStart[r + 1] as number); u++) if (lexLess(xs[u] as number, ys[u] as number, xs[best] as number, ys[best] as number)) best = u;
    ringMin[r] = best;
    const a = prev(best);
    const c = next(best);
    ccw[r] = orient(xs[a] as number, ys[a] as number, xs[best] as number, ys[best] as number, xs[c] as number, ys[c] as number) > 0 ? 1 : 0;
  }

  const problemOf = (ra: number, rb: number, at: Point): TopologyProblem => {
    if (ra === rb) return { kind: 'self-intersection', part: ringPart[ra] as number, ring: ringIndex[ra] as number, at };
    const [lo, hi] = ra < rb ? [ra, rb] : [rb, ra];
    if (ringPart[lo] === ringPart[hi]) return { kind: 'rings-cross', part: ringPart[lo] as number, ring: ringIndex[lo] as number, other: ringIndex[hi] as number, at };
    return { kind: 'parts-overlap', part: ringPart[lo] as number, other: ringPart[hi] as number, at };
  };

  // Touch points between rings: (x, y, occurrence), occurrence = vertex id, or -(segment + 1) for
  // a segment passing through the point.
  const touchX: number[] = [];
  const touchY: number[] = [];
  const touchOcc: number[] = [];
  const touch = (x: number, y: number, occ: number) => {
    touchX.push(x);
    touchY.push(y);
    touchOcc.push(occ);
  };

  /** Is vertex p on segment s (given that it lies on its line)? */
  const within = (s: number, p: number) => {
    const a = L[s] as number;
    const b = R[s] as number;
    const px = xs[p] as number;
    const py = ys[p] as number;
    return Math.min(xs[a] as number, xs[b] as number) <= px && px <= Math.max(xs[a] as number, xs[b] as number) && Math.min(ys[a] as number, ys[b] as number) <= py && py <= Math.max(ys[a] as number, ys[b] as number);
  };
  const isEnd = (s: number, p: number) => (xs[p] === xs[L[s] as number] && ys[p] === ys[L[s] as number]) || (xs[p] === xs[R[s] as number] && ys[p] === ys[R[s] as number]);

  /** Tests two segments that are (or just became) neighbours on the sweep line. */
  const check = (a: number, b: number): TopologyProblem | null => {
    const al = L[a] as number, ar = R[a] as number, bl = L[b] as number, br = R[b] as number;
    const o1 = orient(xs[bl] as number, ys[bl] as number, xs[br] as number, ys[br] as number, xs[al] as number, ys[al] as number);
    const o2 = orient(xs[bl] as number, ys[bl] as number, xs[br] as number, ys[br] as number, xs[ar] as number, ys[ar] as number);
    if (o1 === 0 && o2 === 0) {
      // Collinear: they share a stretch when the later start comes before the earlier end.
      const s = lexLess(xs[al] as number, ys[al] as number, xs[bl] as number, ys[bl] as number) ? bl : al;
      const e = lexLess(xs[ar] as number, ys[ar] as number, xs[br] as number, ys[br] as number) ? ar : br;
      if (lexLess(xs[s] as number, ys[s] as number, xs[e] as number, ys[e] as number)) return problemOf(ringOf[a] as number, ringOf[b] as number, [xs[s] as number, ys[s] as number]);
      return null; // apart, or end to end at a shared vertex (the vertex groups see that)
    }
    const o3 = orient(xs[al] as number, ys[al] as number, xs[ar] as number, ys[ar] as number, xs[bl] as number, ys[bl] as number);
    const o4 = orient(xs[al] as number, ys[al] as number, xs[ar] as number, ys[ar] as number, xs[br] as number, ys[br] as number);
    if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) {
      const ax = xs[al] as number, ay = ys[al] as number;
      const t = o1 / (o1 - o2);
      return problemOf(ringOf[a] as number, ringOf[b] as number, [ax + t * ((xs[ar] as number) - ax), ay + t * ((ys[ar] as number) - ay)]);
    }
    // A touch: one end of a segment on the other segment.
    let p = -1;
    let on = -1;
    if (o1 === 0 && within(b, al)) [p, on] = [al, b];
    else if (o2 === 0 && within(b, ar)) [p, on] = [ar, b];
    else if (o3 === 0 && within(a, bl)) [p, on] = [bl, a];
    else if (o4 === 0 && within(a, br)) [p, on] = [br, a];
    if (p < 0 || isEnd(on, p)) return null; // apart, or a shared vertex (the vertex groups see that)
    const px = xs[p] as number, py = ys[p] as number;
    if (ringOf[p] === ringOf[on]) return problemOf(ringOf[p] as number, ringOf[on] as number, [px, py]);
    touch(px, py, p);
    touch(px, py, -(on + 1));
    return null;
  };

  // The sweep visits the vertices by point (x, then y); at each point it ends the segments whose
  // right end is there, then starts those whose left end is there.
  const order = scratch.order;
  for (let u = 0; u < n; u++) order[u] = u;
  if (n <= SMALL) {
    // Insertion sort for a small polygon (a call per comparison costs more than the sort); the
    // order is the same, as ties are broken by vertex id.
    for (let i = 1; i < n; i++) {
      const u = order[i] as number;
      const ux = xs[u] as number;
      const uy = ys[u] as number;
      let j = i - 1;
      for (; j >= 0; j--) {
        const w = order[j] as number;
        const wx = xs[w] as number;
        const wy = ys[w] as number;
        if (wx < ux || (wx === ux && (wy < uy || (wy === uy && w < u)))) break;
        order[j + 1] = w;
      }
      order[j + 1] = u;
    }
  } else order.subarray(0, n).sort((a, b) => (xs[a] as number) - (xs[b] as number) || (ys[a] as number) - (ys[b] as number) || a - b);

  yield; // the set-up and the sort are one step
  const status = new SweepStatus(n);
  const below = scratch.below.fill(-1, 0, ringCount);
  /** Is segment o (in the status) below segment s, which starts at the sweep point? */
  const isBelow = (o: number, s: number) => {
    const ol = L[o] as number, or = R[o] as number;
    const o1 = orient(xs[ol] as number, ys[ol] as number, xs[or] as number, ys[or] as number, xs[L[s] as number] as number, ys[L[s] as number] as number);
    if (o1 !== 0) return o1 > 0;
    // s starts on o: by where s goes. Collinear (an overlap) goes above; the neighbour test finds it.
    return orient(xs[ol] as number, ys[ol] as number, xs[or] as number, ys[or] as number, xs[R[s] as number] as number, ys[R[s] as number] as number) >= 0;
  };

  const verts: number[] = [];
  let groups = 0;
  for (let i = 0; i < n; ) {
    if (++groups % STEP === 0) {
      if (options.deadline !== undefined && Date.now() > options.deadline) return { kind: 'too-complex' };
      yield;
    }
    const px = xs[order[i] as number] as number, py = ys[order[i] as number] as number;
    let j = i + 1;
    while (j < n && xs[order[j] as number] === px && ys[order[j] as number] === py) j++;
    // The vertices at this point: a ring that has two of them touches itself; two rings touch.
    verts.length = 0;
    for (let k = i; k < j; k++) verts.push(order[k] as number);
    i = j;
    if (verts.length > 1) {
      // Vertex ids of one ring are contiguous, so sorted ids group them by ring.
      verts.sort((a, b) => a - b);
      for (let k = 1; k < verts.length; k++) if (ringOf[verts[k] as number] === ringOf[verts[k - 1] as number]) return problemOf(ringOf[verts[k] as number] as number, ringOf[verts[k] as number] as number, [px, py]);
      for (const u of verts) touch(px, py, u);
    }
    // Segment u runs from vertex u, segment prev(u) to it: each ends or starts here.
    for (const u of verts) {
      for (let k = 0, s = prev(u); k < 2; k++, s = u) {
        if (R[s] !== u) continue;
        const lo = status.below(s);
        const hi = status.above(s);
        status.remove(s);
        if (lo >= 0 && hi >= 0) {
          const hit = check(lo, hi);
          if (hit) return hit;
        }
      }
    }
    for (const u of verts) {
      for (let k = 0, s = prev(u); k < 2; k++, s = u) {
        if (L[s] !== u) continue;
        status.insert(s, (o) => isBelow(o, s));
        const lo = status.below(s);
        const hi = status.above(s);
        const hit = (lo >= 0 && check(lo, s)) || (hi >= 0 && check(s, hi));
        if (hit) return hit;
      }
    }
    // A ring whose lowest-leftmost vertex is here: the segment just below its lower edge.
    for (const u of verts) {
      const r = ringOf[u] as number;
      if (ringMin[r] !== u) continue;
      const e2 = prev(u);
      const up = orient(px, py, xs[R[u] as number] as number, ys[R[u] as number] as number, xs[R[e2] as number] as number, ys[R[e2] as number] as number) > 0;
      below[r] = status.below(up ? u : e2);
    }
  }

  const touchProblem = analyseTouches();
  if (touchProblem) return touchProblem;
  return nesting();

  /** Each touch point: no ring twice, no rings crossing there, no cycle of touching rings in a polygon. */
  function analyseTouches(): TopologyProblem | null {
    const order = Array.from(touchX.keys()).sort((a, b) => (touchX[a] as number) - (touchX[b] as number) || (touchY[a] as number) - (touchY[b] as number) || (touchOcc[a] as number) - (touchOcc[b] as number));
    const uf = scratch.uf;
    for (let k = 0; k < ringCount; k++) uf[k] = k;
    const find = (x: number) => {
      let r = x;
      while (uf[r] !== r) r = uf[r] as number;
      while (uf[x] !== r) {
        const nx = uf[x] as number;
        uf[x] = r;
        x = nx;
      }
      return r;
    };
    const ringOfOcc = (o: number) => (o >= 0 ? ringOf[o] : ringOf[-o - 1]) as number;
    for (let i = 0; i < order.length; ) {
      const px = touchX[order[i] as number] as number, py = touchY[order[i] as number] as number;
      const occs: number[] = [];
      let j = i;
      for (; j < order.length && touchX[order[j] as number] === px && touchY[order[j] as number] === py; j++) {
        const o = touchOcc[order[j] as number] as number;
        if (occs[occs.length - 1] !== o) occs.push(o);
      }
      i = j;
      if (occs.length < 2) continue;
      occs.sort((a, b) => ringOfOcc(a) - ringOfOcc(b));
      for (let k = 1; k < occs.length; k++) {
        if (ringOfOcc(occs[k] as number) === ringOfOcc(occs[k - 1] as number)) return problemOf(ringOfOcc(occs[k] as number), ringOfOcc(occs[k] as number), [px, py]);
      }
      // The edges around the point, by angle: two rings cross here when their edges interleave.
      const half: { label: number; v: number }[] = [];
      occs.forEach((o, label) => {
        if (o >= 0) half.push({ label, v: prev(o) }, { label, v: next(o) });
        else half.push({ label, v: L[-o - 1] as number }, { label, v: R[-o - 1] as number });
      });
      const side = (u: number) => ((ys[u] as number) > py || ((ys[u] as number) === py && (xs[u] as number) > px) ? 0 : 1);
      half.sort((a, b) => side(a.v) - side(b.v) || -Math.sign(orient(px, py, xs[a.v] as number, ys[a.v] as number, xs[b.v] as number, ys[b.v] as number)));
      const open: number[] = [];
      const seen = new Uint8Array(occs.length);
      for (const h of half) {
        if (!seen[h.label]) {
          seen[h.label] = 1;
          open.push(h.label);
        } else if (open[open.length - 1] === h.label) open.pop();
        else return problemOf(ringOfOcc(occs[open[open.length - 1] as number] as number), ringOfOcc(occs[h.label] as number), [px, py]);
      }
      // Rings of one polygon touching here join (occs are sorted by ring, so by part); joining
      // two rings that are already joined closes a cycle.
      for (let k = 1, first = ringOfOcc(occs[0] as number); k < occs.length; k++) {
        const r = ringOfOcc(occs[k] as number);
        if (ringPart[r] !== ringPart[first]) {
          first = r;
          continue;
        }
        if (find(first) === find(r)) return { kind: 'interior-disconnected', part: ringPart[r] as number, ring: ringIndex[first] as number, other: ringIndex[r] as number, at: [px, py] };
        uf[find(r)] = find(first);
      }
    }
    return null;
  }

  /** Parents from the sweep (the innermost ring around each ring), then the rules for them. */
  function nesting(): TopologyProblem | null {
    const parent = scratch.parent.fill(-2, 0, ringCount);
    const interiorAbove = (s: number) => (fwd[s] === 1) === (ccw[ringOf[s] as number] === 1);
    const stack: number[] = [];
    for (let r = 0; r < ringCount; r++) {
      stack.push(r);
      while (stack.length) {
        const top = stack[stack.length - 1] as number;
        if (parent[top] !== -2) {
          stack.pop();
          continue;
        }
        const b = below[top] as number;
        if (b < 0) parent[top] = -1;
        else if (interiorAbove(b)) parent[top] = ringOf[b] as number;
        else if (parent[ringOf[b] as number] === -2) {
          stack.push(ringOf[b] as number);
          continue;
        } else parent[top] = parent[ringOf[b] as number] as number;
        stack.pop();
      }
    }
    for (let r = 0; r < ringCount; r++) {
      const part = ringPart[r] as number;
      const par = parent[r] as number;
      if (ringIndex[r] === 0) {
        if (par === -1 || (ringIndex[par] !== 0 && ringPart[par] !== part)) continue;
        if (ringPart[par] === part) return { kind: 'hole-outside', part, ring: ringIndex[par] as number };
        return { kind: 'parts-overlap', part: Math.min(part, ringPart[par] as number), other: Math.max(part, ringPart[par] as number), at: null };
      }
      if (par === shellOf[part]) continue;
      let up = par;
      while (up >= 0 && up !== shellOf[part]) up = parent[up] as number;
      if (up < 0) return { kind: 'hole-outside', part, ring: ringIndex[r] as number };
      if (ringPart[par] === part) return { kind: 'holes-nested', part, ring: ringIndex[r] as number, other: ringIndex[par] as number };
      return { kind: 'parts-overlap', part: Math.min(part, ringPart[par] as number), other: Math.max(part, ringPart[par] as number), at: null };
    }
    return null;
  }
}
