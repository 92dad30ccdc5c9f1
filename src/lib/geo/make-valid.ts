/**
 * MakeValid for polygons, as GEOS MakeValid (method «linework», what PostGIS ST_MakeValid and
 * shapely `make_valid` do by default): the rings are noded into a planar graph and the area is
 * built from its faces, so every part of a self-intersecting polygon is kept.
 *
 * Why not a library: turf's `unkinkPolygon` returns overlapping pieces (a pentagram gives the star
 * outline and the pentagon in its middle; GEOS keeps only the five points) and leaves a ring that
 * touches itself at a vertex as one piece; polyclip-ts / polygon-clipping fill a self-intersecting
 * ring by a non-zero-like rule (the pentagram keeps its middle) and union overlapping parts (GEOS
 * lets overlaps cancel); jsts 2.7 (in turf) has no MakeValid or GeometryFixer. The tests compare
 * every case with shapely 2.1.2 / GEOS 3.13 (tests/fixtures/geo/make-valid/).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import Flatbush from 'flatbush';
import { xor as polyclipXor, type Geom } from 'polyclip-ts';
import { areaPlanarM2 } from './area.ts';
import { orient, scaled } from './predicates.ts';
import { validatePolygonal } from './validate.ts';

/** Why {@link makeValidPolygonal} could not use its main algorithm (see `fallback`). */
export type MakeValidFallbackReason = 'noding' | 'budget' | 'invalid-output' | 'error';

/** What {@link makeValidPolygonal} gives back. */
export interface MakeValidResult {
  /** The valid geometry (Polygon when one part, else MultiPolygon), or null when nothing with area is left (collapsed rings). */
  geometry: Polygon | MultiPolygon | null;
  /** Planar area of the invalid input as GEOS ST_Area reports it: Σ per polygon (|shell| − Σ|holes|). */
  areaM2Before: number;
  /** Planar area of the result (0 when `geometry` is null). */
  areaM2After: number;
  /**
   * Set only when the GEOS replay could not be used as is; `geometry` is then the best we have
   * and `fallbackReason` says why. Not seen on ordinary data; callers should report it.
   * - 'budget': too tangled. Over 300 000 segment contacts ({@link MAX_CONTACTS}) gives null; too many
   *   rounds of area building gives the faces at an odd number of edge crossings from outside
   *   (breadth-first). That is GEOS' result wherever the even-odd colouring is consistent, and
   *   it agreed with the replayed rounds in each of several thousand random inconsistent cases
   *   tried, but that is not proven.
   * - 'noding' (rounded crossing points kept creating new crossings), 'invalid-output'
   *   (`validatePolygonal`, which uses floating-point predicates, refused the exact result) or
   *   'error': the same repair on coordinates snapped to a power-of-two grid of about 2^-40 × the
   *   largest coordinate (≈ 8 µm at UTM northings; the area moves by about grid × perimeter), else
   *   polyclip-ts' XOR of the rings (it fills a self-intersecting ring by a non-zero-like rule,
   *   not GEOS' rule), else null.
   */
  fallback?: true;
  /** Why the fallback was taken (see `fallback`). */
  fallbackReason?: MakeValidFallbackReason;
}

/** Above this many segment contacts (crossings, touches) the input is refused as pathological (≈ 3 s). */
export const MAX_CONTACTS = 300_000;
/** Edge and face visits allowed for the rounds of area building: per edge, and in all. */
const ROUND_WORK_PER_EDGE = 25;
const ROUND_WORK_BASE = 3_000_000;
/** Rounds of re-noding (rounded intersection points can create new, tiny crossings). */
const MAX_NODING_ROUNDS = 12;

class MakeValidFailure extends Error {
  reason: MakeValidFallbackReason;
  constructor(reason: MakeValidFallbackReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

// ---------------------------------------------------------------------------------------------
// Exact arithmetic: crossing points rounded correctly from their exact rational value (the exact
// orientation test is in predicates.ts)
// ---------------------------------------------------------------------------------------------

/** x × 2^p, exactly when the result is a normal number. */
function ldexp(x: number, p: number): number {
  let r = x;
  let k = p;
  while (k > 1000) {
    r *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    r *= 2 ** -1000;
    k += 1000;
  }
  return r * 2 ** k;
}

/** num / den × 2^exp rounded to the nearest double. */
function ratioToDouble(num: bigint, den: bigint, exp: number): number {
  if (num === 0n) return 0;
  const negative = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  // Enough quotient bits (≥ 69) that one sticky bit makes Number() round correctly.
  const shift = Math.max(0, 72 - 4 * (n.toString(16).length - d.toString(16).length));
  const big = n << BigInt(shift);
  let q = big / d;
  if (big % d !== 0n) q |= 1n;
  const r = ldexp(Number(q), exp - shift);
  return negative ? -r : r;
}

/** The crossing point of lines a–b and c–d (not parallel), each coordinate correctly rounded. */
function crossingPoint(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): [number, number] {
  const { ints, exp } = scaled([ax, ay, bx, by, cx, cy, dx, dy]);
  const [AX, AY, BX, BY, CX, CY, DX, DY] = ints as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
  const rx = BX - AX, ry = BY - AY, sx = DX - CX, sy = DY - CY;
  const den = rx * sy - ry * sx;
  if (den === 0n) return [(ax + bx + cx + dx) / 4, (ay + by + cy + dy) / 4];
  const t = (CX - AX) * sy - (CY - AY) * sx;
  return [ratioToDouble(AX * den + t * rx, den, exp), ratioToDouble(AY * den + t * ry, den, exp)];
}

// ---------------------------------------------------------------------------------------------
// Noding: split every segment where another segment crosses or touches it
// ---------------------------------------------------------------------------------------------

/** Segments as a flat array: ax, ay, bx, by per segment. */
type Segs = number[];

function snapTo(v: number, grid: number): number {
  return grid > 0 ? Math.round(v / grid) * grid : v;
}

/**
 * Nodes the segments: every proper crossing, every endpoint lying on another segment and both
 * ends of every collinear overlap become a vertex of all the segments involved (the same numeric
 * point in each). Candidate pairs come from a Flatbush index over the segments' boxes, so a round
 * costs O((n + k) log n) for n segments and k contacts. Rounds repeat until one finds nothing:
 * a round that finds exact contacts (touches, overlaps: no new coordinates) applies only those,
 * so that overlapping segments become identical pieces, merged before any crossing point is
 * computed (else each copy would get its own, differently rounded crossing point); a rounded
 * crossing point can bend the pieces just enough to create new contacts for the next round.
 */
function nodeSegments(input: Segs, grid: number): Segs {
  let segs = dedupeSegments(input);
  let contactsSeen = 0;
  for (let round = 0; round < MAX_NODING_ROUNDS; round++) {
    const n = segs.length / 4;
    if (n === 0) return segs;
    const exact: (number[] | undefined)[] = new Array<number[] | undefined>(n);
    const crossing: (number[] | undefined)[] = new Array<number[] | undefined>(n);
    let exactFound = 0;
    let crossingFound = 0;
    const add = (isCrossing: boolean, i: number, x: number, y: number) => {
      const lists = isCrossing ? crossing : exact;
      const list = lists[i];
      if (list) list.push(x, y);
      else lists[i] = [x, y];
      if (isCrossing) crossingFound++;
      else exactFound++;
    };
    const index = new Flatbush(n);
    for (let i = 0; i < n; i++) {
      const ax = segs[4 * i]!, ay = segs[4 * i + 1]!, bx = segs[4 * i + 2]!, by = segs[4 * i + 3]!;
      index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
    index.finish();
    for (let i = 0; i < n; i++) {
      const ax = segs[4 * i]!, ay = segs[4 * i + 1]!, bx = segs[4 * i + 2]!, by = segs[4 * i + 3]!;
      index.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), (j) => {
        if (j <= i) return false;
        const cx = segs[4 * j]!, cy = segs[4 * j + 1]!, dx = segs[4 * j + 2]!, dy = segs[4 * j + 3]!;
        const before = exactFound + crossingFound;
        contact(i, j, ax, ay, bx, by, cx, cy, dx, dy, add, grid);
        if (exactFound + crossingFound !== before && ++contactsSeen > MAX_CONTACTS) {
          throw new MakeValidFailure('budget', `more than ${MAX_CONTACTS} segment contacts`);
        }
        return false;
      });
    }
    if (exactFound + crossingFound === 0) return segs;
    segs = dedupeSegments(splitSegments(segs, exactFound > 0 ? exact : crossing));
  }
  throw new MakeValidFailure('noding', `noding did not settle in ${MAX_NODING_ROUNDS} rounds`);
}

/** Segments pointing from their lexicographically smaller end, each distinct segment once, zero-length ones dropped. */
function dedupeSegments(segs: Segs): Segs {
  const out: Segs = [];
  const seen = new Set<string>();
  for (let i = 0; i < segs.length; i += 4) {
    let ax = segs[i]!, ay = segs[i + 1]!, bx = segs[i + 2]!, by = segs[i + 3]!;
    if (ax === bx && ay === by) continue;
    if (bx < ax || (bx === ax && by < ay)) [ax, ay, bx, by] = [bx, by, ax, ay];
    const key = `${ax} ${ay} ${bx} ${by}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(ax, ay, bx, by);
  }
  return out;
}

/** p strictly between c and d, given that p is on the line through c and d. */
function strictlyBetween(px: number, py: number, cx: number, cy: number, dx: number, dy: number): boolean {
  if ((px === cx && py === cy) || (px === dx && py === dy)) return false;
  return Math.min(cx, dx) <= px && px <= Math.max(cx, dx) && Math.min(cy, dy) <= py && py <= Math.max(cy, dy);
}

function contact(
  i: number,
  j: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
  add: (isCrossing: boolean, seg: number, x: number, y: number) => void,
  grid: number
): void {
  const o1 = orient(cx, cy, dx, dy, ax, ay);
  const o2 = orient(cx, cy, dx, dy, bx, by);
  if (o1 === 0 && o2 === 0) {
    // Collinear: each endpoint inside the other segment becomes a vertex there.
    if (strictlyBetween(cx, cy, ax, ay, bx, by)) add(false, i, cx, cy);
    if (strictlyBetween(dx, dy, ax, ay, bx, by)) add(false, i, dx, dy);
    if (strictlyBetween(ax, ay, cx, cy, dx, dy)) add(false, j, ax, ay);
    if (strictlyBetween(bx, by, cx, cy, dx, dy)) add(false, j, bx, by);
    return;
  }
  const o3 = orient(ax, ay, bx, by, cx, cy);
  const o4 = orient(ax, ay, bx, by, dx, dy);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) {
    // Proper crossing: the exact crossing point rounded to the nearest doubles, used for both
    // segments. Correct rounding matters: three lines through one point get the same vertex.
    let [px, py] = crossingPoint(ax, ay, bx, by, cx, cy, dx, dy);
    // Keep the point inside both segments' boxes (it is, unless something underflowed).
    px = Math.min(Math.max(px, Math.max(Math.min(ax, bx), Math.min(cx, dx))), Math.min(Math.max(ax, bx), Math.max(cx, dx)));
    py = Math.min(Math.max(py, Math.max(Math.min(ay, by), Math.min(cy, dy))), Math.min(Math.max(ay, by), Math.max(cy, dy)));
    px = snapTo(px, grid);
    py = snapTo(py, grid);
    if (!((px === ax && py === ay) || (px === bx && py === by))) add(true, i, px, py);
    if (!((px === cx && py === cy) || (px === dx && py === dy))) add(true, j, px, py);
    return;
  }
  // Touches: an endpoint of one segment on the interior of the other.
  if (o1 === 0 && strictlyBetween(ax, ay, cx, cy, dx, dy)) add(false, j, ax, ay);
  if (o2 === 0 && strictlyBetween(bx, by, cx, cy, dx, dy)) add(false, j, bx, by);
  if (o3 === 0 && strictlyBetween(cx, cy, ax, ay, bx, by)) add(false, i, cx, cy);
  if (o4 === 0 && strictlyBetween(dx, dy, ax, ay, bx, by)) add(false, i, dx, dy);
}

function splitSegments(segs: Segs, extra: (number[] | undefined)[]): Segs {
  const out: Segs = [];
  const n = segs.length / 4;
  for (let i = 0; i < n; i++) {
    const ax = segs[4 * i]!, ay = segs[4 * i + 1]!, bx = segs[4 * i + 2]!, by = segs[4 * i + 3]!;
    const list = extra[i];
    if (!list) {
      out.push(ax, ay, bx, by);
      continue;
    }
    const ux = bx - ax, uy = by - ay;
    const pts: { x: number; y: number; t: number }[] = [];
    for (let k = 0; k < list.length; k += 2) {
      const x = list[k]!, y = list[k + 1]!;
      pts.push({ x, y, t: (x - ax) * ux + (y - ay) * uy });
    }
    pts.sort((p, q) => p.t - q.t || p.x - q.x || p.y - q.y);
    let px = ax, py = ay;
    for (const p of pts) {
      if ((p.x === px && p.y === py) || (p.x === bx && p.y === by)) continue;
      out.push(px, py, p.x, p.y);
      px = p.x;
      py = p.y;
    }
    if (px !== bx || py !== by) out.push(px, py, bx, by);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Planar graph of the noded linework (duplicate edges dissolved, as GEOS' line union does)
// ---------------------------------------------------------------------------------------------

interface Graph {
  xs: number[];
  ys: number[];
  /** Origin node of half-edge h (h = 2e is edge e forwards, 2e + 1 backwards; twin = h ^ 1). */
  origin: Int32Array;
  /** Outgoing half-edges of each node, counter-clockwise by angle: heAt[start[v] .. start[v + 1]). */
  start: Int32Array;
  heAt: Int32Array;
  edgeCount: number;
}

function buildGraph(segs: Segs): Graph {
  const xs: number[] = [];
  const ys: number[] = [];
  const ids = new Map<string, number>();
  const nodeOf = (x: number, y: number): number => {
    const key = `${x} ${y}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = xs.length;
      ids.set(key, id);
      xs.push(x);
      ys.push(y);
    }
    return id;
  };
  const edgeKeys = new Set<number>();
  const ends: number[] = [];
  for (let i = 0; i < segs.length; i += 4) {
    const u = nodeOf(segs[i]!, segs[i + 1]!);
    const v = nodeOf(segs[i + 2]!, segs[i + 3]!);
    if (u === v) continue;
    const key = Math.min(u, v) * 4_294_967_296 + Math.max(u, v);
    if (edgeKeys.has(key)) continue;
    edgeKeys.add(key);
    ends.push(u, v);
  }
  const edgeCount = ends.length / 2;
  const origin = Int32Array.from(ends);
  const nodeCount = xs.length;
  const start = new Int32Array(nodeCount + 1);
  for (let h = 0; h < 2 * edgeCount; h++) start[origin[h]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, nodeCount);
  const heAt = new Int32Array(2 * edgeCount);
  for (let h = 0; h < 2 * edgeCount; h++) heAt[fill[origin[h]!]!++] = h;
  for (let v = 0; v < nodeCount; v++) {
    const s = start[v]!, e = start[v + 1]!;
    if (e - s < 2) continue;
    const vx = xs[v]!, vy = ys[v]!;
    const list = Array.from(heAt.subarray(s, e));
    const half = (h: number) => {
      const w = origin[h ^ 1]!;
      const dy = ys[w]! - vy;
      return dy > 0 || (dy === 0 && xs[w]! - vx > 0) ? 0 : 1;
    };
    list.sort((a, b) => {
      const ha = half(a), hb = half(b);
      if (ha !== hb) return ha - hb;
      const wa = origin[a ^ 1]!, wb = origin[b ^ 1]!;
      return -Math.sign(orient(vx, vy, xs[wa]!, ys[wa]!, xs[wb]!, ys[wb]!));
    });
    heAt.set(list, s);
  }
  return { xs, ys, origin, start, heAt, edgeCount };
}

/**
 * Face walks cut into simple loops (no node repeats), flat: loop k is the half-edges
 * `hes[loopStart[k] .. loopStart[k + 1])` with signed area `area[k]` (> 0 counter-clockwise);
 * walk w is the loops `walkStart[w] .. walkStart[w + 1]`.
 */
interface Walks {
  hes: number[];
  loopStart: number[];
  area: number[];
  walkStart: number[];
}

function loopArea(g: Graph, hes: readonly number[], from: number, to: number): number {
  const n = to - from;
  if (n < 3) return 0;
  const o = g.origin;
  if (n === 3) {
    const a = o[hes[from]!]!, b = o[hes[from + 1]!]!, c = o[hes[from + 2]!]!;
    return orient(g.xs[a]!, g.ys[a]!, g.xs[b]!, g.ys[b]!, g.xs[c]!, g.ys[c]!) / 2;
  }
  const first = o[hes[from]!]!;
  const x0 = g.xs[first]!, y0 = g.ys[first]!;
  let sum = 0;
  for (let k = from + 1; k < to - 1; k++) {
    const a = o[hes[k]!]!, b = o[hes[k + 1]!]!;
    sum += (g.xs[a]! - x0) * (g.ys[b]! - y0) - (g.xs[b]! - x0) * (g.ys[a]! - y0);
  }
  return sum / 2;
}

/** Scratch buffers for face walks over a changing set of live edges, reused between rounds. */
interface Tracer {
  g: Graph;
  /** Face walk successor per half-edge (valid for the live ones of the current trace). */
  next: Int32Array;
  /** Per half-edge and per node: the trace that last saw it. */
  seen: Int32Array;
  nodeSeen: Int32Array;
  /** The open path of the current walk, and per node its index there or -1. */
  stack: Int32Array;
  onStack: Int32Array;
  stamp: number;
}

function newTracer(g: Graph): Tracer {
  return {
    g,
    next: new Int32Array(2 * g.edgeCount),
    seen: new Int32Array(2 * g.edgeCount),
    nodeSeen: new Int32Array(g.xs.length),
    stack: new Int32Array(2 * g.edgeCount + 1),
    onStack: new Int32Array(g.xs.length).fill(-1),
    stamp: 0
  };
}

/**
 * Traces the face walks through the live edges (`live[e]`) that start at `starts` (half-edges
 * of live edges). After u→v a walk takes the live half-edge leaving v next clockwise from v→u,
 * so it keeps one face on its left (bounded faces are walked counter-clockwise). Each walk is
 * cut into simple loops wherever it comes back to a node still on its open path (a stack);
 * back-and-forth pieces (dangles, bridges) become loops of two half-edges or of zero area.
 * Costs O(live edges + degrees of their nodes).
 */
function trace(t: Tracer, live: Uint8Array, starts: readonly number[]): Walks {
  const { g, next, seen, nodeSeen, stack, onStack } = t;
  const stamp = ++t.stamp;
  const liveOut: number[] = [];
  for (const h0 of starts) {
    for (let side = 0; side < 2; side++) {
      const v = g.origin[h0 ^ side]!;
      if (nodeSeen[v] === stamp) continue;
      nodeSeen[v] = stamp;
      liveOut.length = 0;
      for (let k = g.start[v]!; k < g.start[v + 1]!; k++) {
        const h = g.heAt[k]!;
        if (live[h >> 1]) liveOut.push(h);
      }
      const m = liveOut.length;
      for (let k = 0; k < m; k++) next[liveOut[k]! ^ 1] = liveOut[(k - 1 + m) % m]!;
    }
  }
  const out: Walks = { hes: [], loopStart: [], area: [], walkStart: [] };
  const emit = (from: number, to: number) => {
    const begin = out.hes.length;
    for (let k = from; k < to; k++) {
      const h = stack[k]!;
      onStack[g.origin[h]!] = -1;
      out.hes.push(h);
    }
    out.loopStart.push(begin);
    out.area.push(loopArea(g, out.hes, begin, out.hes.length));
  };
  const limit = 2 * g.edgeCount + 1;
  for (const h0 of starts) {
    if (seen[h0] === stamp) continue;
    out.walkStart.push(out.loopStart.length);
    let top = 0;
    let h = h0;
    let guard = 0;
    while (seen[h] !== stamp) {
      if (++guard > limit || !live[h >> 1]) throw new MakeValidFailure('error', 'broken face walk');
      seen[h] = stamp;
      const o = g.origin[h]!;
      const at = onStack[o]!;
      if (at >= 0) {
        emit(at, top);
        top = at;
      }
      onStack[o] = top;
      stack[top++] = h;
      h = next[h]!;
    }
    if (top) emit(0, top);
    if (h !== h0) throw new MakeValidFailure('error', 'face walk does not close');
  }
  out.loopStart.push(out.hes.length);
  out.walkStart.push(out.area.length);
  return out;
}

function find(parent: Int32Array, x: number): number {
  let r = x;
  while (parent[r] !== r) r = parent[r]!;
  let y = x;
  while (parent[y] !== r) {
    const up = parent[y]!;
    parent[y] = r;
    y = up;
  }
  return r;
}

function unite(parent: Int32Array, a: number, b: number): void {
  const ra = find(parent, a), rb = find(parent, b);
  if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
}

/**
 * Union-find over cells whose classes carry a flag that can be flipped for a whole class in
 * O(1): `tag` of a root is the class's flag, of any other cell its flag relative to its parent.
 */
interface FlipSets {
  parent: Int32Array;
  tag: Uint8Array;
}

function flipFind(f: FlipSets, x: number): number {
  const { parent, tag } = f;
  let r = x;
  while (parent[r] !== r) r = parent[r]!;
  // Compress: every cell on the path points at the root, with its flag relative to the root.
  let total = 0;
  for (let y = x; parent[y] !== y; y = parent[y]!) total ^= tag[y]!;
  let y = x;
  while (parent[y] !== y) {
    const up = parent[y]!;
    const own = tag[y]!;
    parent[y] = r;
    tag[y] = total;
    total ^= own;
    y = up;
  }
  return r;
}

function flipValue(f: FlipSets, x: number): number {
  const r = flipFind(f, x);
  return r === x ? f.tag[r]! : f.tag[x]! ^ f.tag[r]!;
}

function flipUnite(f: FlipSets, a: number, b: number): void {
  const ra = flipFind(f, a), rb = flipFind(f, b);
  if (ra === rb) return;
  f.parent[rb] = ra;
  f.tag[rb] = f.tag[rb]! ^ f.tag[ra]!;
}

/** Even-odd test of a point against the edges of walk w (pieces walked twice cancel). */
function insideWalk(g: Graph, walks: Walks, w: number, px: number, py: number): boolean {
  let inside = false;
  const from = walks.loopStart[walks.walkStart[w]!]!, to = walks.loopStart[walks.walkStart[w + 1]!]!;
  for (let k = from; k < to; k++) {
    const h = walks.hes[k]!;
    const a = g.origin[h]!, b = g.origin[h ^ 1]!;
    const ax = g.xs[a]!, ay = g.ys[a]!, bx = g.xs[b]!, by = g.ys[b]!;
    if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside;
}

/**
 * The cells (faces) of the full arrangement and, per half-edge, the cell on its left. Cell 0 is
 * the unbounded one. A connected component lying inside a face of another component (an island)
 * is placed by point-in-face tests against the faces whose boxes hold one of its nodes, smallest
 * first.
 */
function cellsOf(g: Graph, tracer: Tracer): { cellCount: number; leftCell: Int32Array } {
  const all = new Uint8Array(g.edgeCount).fill(1);
  const walks = trace(tracer, all, Array.from({ length: 2 * g.edgeCount }, (_, h) => h));
  const leftCell = new Int32Array(2 * g.edgeCount).fill(-1);
  // Components of the graph.
  const comp = new Int32Array(g.xs.length);
  for (let v = 0; v < comp.length; v++) comp[v] = v;
  for (let e = 0; e < g.edgeCount; e++) unite(comp, g.origin[2 * e]!, g.origin[2 * e + 1]!);
  const faces: { walk: number; cell: number; outline: number; comp: number; box: [number, number, number, number] }[] = [];
  const outer: number[] = [];
  let cellCount = 1;
  const walkCount = walks.walkStart.length - 1;
  for (let w = 0; w < walkCount; w++) {
    const firstLoop = walks.walkStart[w]!, endLoop = walks.walkStart[w + 1]!;
    let shell = -1;
    for (let l = firstLoop; l < endLoop; l++) if (walks.area[l]! > 0) shell = l;
    if (shell < 0) {
      outer.push(w);
      continue;
    }
    const cell = cellCount++;
    for (let k = walks.loopStart[firstLoop]!; k < walks.loopStart[endLoop]!; k++) leftCell[walks.hes[k]!] = cell;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let k = walks.loopStart[shell]!; k < walks.loopStart[shell + 1]!; k++) {
      const v = g.origin[walks.hes[k]!]!;
      minX = Math.min(minX, g.xs[v]!);
      minY = Math.min(minY, g.ys[v]!);
      maxX = Math.max(maxX, g.xs[v]!);
      maxY = Math.max(maxY, g.ys[v]!);
    }
    const v0 = g.origin[walks.hes[walks.loopStart[shell]!]!]!;
    faces.push({ walk: w, cell, outline: walks.area[shell]!, comp: find(comp, v0), box: [minX, minY, maxX, maxY] });
  }
  // Which cell holds each component (the face just outside its outer walk)?
  const firstNode = new Map<number, number>();
  for (let v = comp.length - 1; v >= 0; v--) firstNode.set(find(comp, v), v);
  const container = new Map<number, number>();
  if (firstNode.size > 1 && faces.length > 0) {
    const index = new Flatbush(faces.length);
    for (const f of faces) index.add(f.box[0], f.box[1], f.box[2], f.box[3]);
    index.finish();
    for (const [root, v] of firstNode) {
      const px = g.xs[v]!, py = g.ys[v]!;
      const hits = index.search(px, py, px, py).filter((k) => faces[k]!.comp !== root);
      hits.sort((a, b) => faces[a]!.outline - faces[b]!.outline);
      const k = hits.find((k) => insideWalk(g, walks, faces[k]!.walk, px, py));
      if (k !== undefined) container.set(root, faces[k]!.cell);
    }
  }
  for (const w of outer) {
    for (let k = walks.loopStart[walks.walkStart[w]!]!; k < walks.loopStart[walks.walkStart[w + 1]!]!; k++) {
      const h = walks.hes[k]!;
      leftCell[h] = container.get(find(comp, g.origin[h]!)) ?? 0;
    }
  }
  return { cellCount, leftCell };
}

// ---------------------------------------------------------------------------------------------
// GEOS MakeValid ('linework'), on the cells of the arrangement
// ---------------------------------------------------------------------------------------------

/**
 * Which cells are in the result, replaying GEOS MakeValidPoly: starting with all noded edges as
 * "cut edges", repeatedly (1) build an area from the cut edges as GEOS BuildArea does (the
 * polygonizer's faces; a face is the child of another when its exterior ring equals one of that
 * face's holes, i.e. when the same face lies across every edge of its exterior ring; faces with
 * an even number of ancestors are kept and unioned), (2) take the symmetric difference with the
 * area so far and (3) remove the new area's boundary from the cut edges; until no area can be
 * built. Faces of a subset of the edges are unions of cells of the full arrangement, so this is a
 * union-find over cells (with a flag per class for the symmetric difference) and one face
 * tracing per round over the remaining edges. Returns null when the rounds exceed their budget.
 */
function geosLineworkCells(g: Graph, tracer: Tracer, cellCount: number, leftCell: Int32Array): Uint8Array | null {
  const sets: FlipSets = { parent: new Int32Array(cellCount), tag: new Uint8Array(cellCount) };
  for (let c = 0; c < cellCount; c++) sets.parent[c] = c;
  const alive = new Uint8Array(g.edgeCount).fill(1);
  let aliveList: number[] = Array.from({ length: g.edgeCount }, (_, e) => e);
  // Per class root, valid when its stamp is the current round's.
  const faceStamp = new Int32Array(cellCount);
  const keptStamp = new Int32Array(cellCount);
  const shellOf = new Int32Array(cellCount);
  const parentOf = new Int32Array(cellCount);
  const depthOf = new Int8Array(cellCount);
  const budget = ROUND_WORK_PER_EDGE * g.edgeCount + ROUND_WORK_BASE;
  let work = 0;
  for (let round = 1; aliveList.length > 0; round++) {
    const starts: number[] = [];
    for (const e of aliveList) starts.push(2 * e, 2 * e + 1);
    const walks = trace(tracer, alive, starts);
    const unbounded = flipFind(sets, 0);
    // Faces: a counter-clockwise loop is the exterior ring of the face on its left.
    const faces: number[] = [];
    for (let l = 0; l < walks.area.length; l++) {
      if (!(walks.area[l]! > 0)) continue;
      const c = flipFind(sets, leftCell[walks.hes[walks.loopStart[l]!]!]!);
      if (c === unbounded) continue;
      if (faceStamp[c] !== round) {
        faceStamp[c] = round;
        shellOf[c] = l;
        faces.push(c);
      } else shellOf[c] = -1; // two exterior rings: should not happen; then the face has no parent
    }
    work += aliveList.length + faces.length;
    if (work > budget) return null;
    if (faces.length === 0) break;
    // A face's parent is the one face on the other side of every edge of its exterior ring
    // (that ring is then one of the parent's holes, GEOS' test).
    for (const c of faces) {
      parentOf[c] = -1;
      depthOf[c] = -1;
      const l = shellOf[c]!;
      if (l < 0) continue;
      let nb = -1;
      for (let k = walks.loopStart[l]!; k < walks.loopStart[l + 1]!; k++) {
        const o = flipFind(sets, leftCell[walks.hes[k]! ^ 1]!);
        if (nb === -1) nb = o;
        else if (nb !== o) {
          nb = -2;
          break;
        }
      }
      if (nb >= 0 && nb !== c && nb !== unbounded && faceStamp[nb] === round) parentOf[c] = nb;
    }
    // Faces with an even number of ancestors are kept; their union is this round's new area.
    let any = false;
    for (const c of faces) {
      const chain: number[] = [];
      let x = c;
      while (x >= 0 && depthOf[x] === -1 && chain.length <= faces.length) {
        chain.push(x);
        x = parentOf[x]!;
      }
      let d = x >= 0 && depthOf[x] !== -1 ? depthOf[x]! : 1;
      for (let k = chain.length - 1; k >= 0; k--) {
        d ^= 1;
        depthOf[chain[k]!] = d;
      }
    }
    for (const c of faces) {
      if (depthOf[c] === 0) {
        keptStamp[c] = round;
        any = true;
      }
    }
    if (!any) break;
    // Symmetric difference with the area so far: flip the kept classes.
    for (const c of faces) if (keptStamp[c] === round) sets.tag[c]! ^= 1;
    // Remove the new area's boundary from the cut edges; the faces on both sides merge.
    const removed: number[] = [];
    for (const e of aliveList) {
      const l = flipFind(sets, leftCell[2 * e]!), r = flipFind(sets, leftCell[2 * e + 1]!);
      if ((keptStamp[l] === round) !== (keptStamp[r] === round)) removed.push(e);
    }
    if (removed.length === 0) break;
    for (const e of removed) {
      alive[e] = 0;
      flipUnite(sets, leftCell[2 * e]!, leftCell[2 * e + 1]!);
    }
    // An edge with the same face on both sides (a dangle or bridge) stays so and never bounds a
    // face again: drop it from the work (GEOS keeps it among the leftover lines).
    const still: number[] = [];
    for (const e of aliveList) {
      if (!alive[e]) continue;
      if (flipFind(sets, leftCell[2 * e]!) === flipFind(sets, leftCell[2 * e + 1]!)) alive[e] = 0;
      else still.push(e);
    }
    aliveList = still;
  }
  const inArea = new Uint8Array(cellCount);
  for (let c = 1; c < cellCount; c++) inArea[c] = flipValue(sets, c);
  return inArea;
}

/**
 * Even-odd colouring of the cells: a breadth-first walk from the unbounded cell (out) across the
 * edges, each crossing switching in/out. It is consistent when every edge between two different
 * cells separates in from out, which fails only where dissolving duplicate edges left nodes of
 * odd degree (a shared edge of two parts or of shell and hole, a ring walked twice in part).
 *
 * When it is consistent, GEOS' result is exactly this colouring. Proof sketch: let D be the
 * result so far XOR the colouring. Initially D is the colouring, which changes across every
 * edge, and all edges are cut edges. Invariant: the cut edges are exactly the edges across which
 * D changes. So D is constant on each face of the cut edges and a round's new area (a union of
 * such faces) is too; XOR-ing it into the result flips D on it, and the new area's boundary,
 * removed from the cut edges, is exactly where D stops changing: the invariant holds. Every cut
 * edge separates two faces, so some face is bounded, a round keeps at least one face (one with
 * no parent) and removes at least one edge; rounds go on until no cut edge is left. Then D is
 * constant, equal to its value on the unbounded face, 0, and the result is the colouring.
 */
function evenOddCells(g: Graph, cellCount: number, leftCell: Int32Array): { inArea: Uint8Array; consistent: boolean } {
  const start = new Int32Array(cellCount + 1);
  for (let h = 0; h < 2 * g.edgeCount; h++) start[leftCell[h]! + 1]!++;
  for (let c = 0; c < cellCount; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, cellCount);
  const across = new Int32Array(2 * g.edgeCount);
  for (let h = 0; h < 2 * g.edgeCount; h++) across[fill[leftCell[h]!]!++] = leftCell[h ^ 1]!;
  const inArea = new Uint8Array(cellCount);
  const seen = new Uint8Array(cellCount);
  const queue = [0];
  seen[0] = 1;
  for (let q = 0; q < queue.length; q++) {
    const c = queue[q]!;
    for (let k = start[c]!; k < start[c + 1]!; k++) {
      const o = across[k]!;
      if (seen[o]) continue;
      seen[o] = 1;
      inArea[o] = inArea[c]! ^ 1;
      queue.push(o);
    }
  }
  let consistent = true;
  for (let e = 0; e < g.edgeCount && consistent; e++) {
    const l = leftCell[2 * e]!, r = leftCell[2 * e + 1]!;
    if (l !== r && inArea[l] === inArea[r]) consistent = false;
  }
  return { inArea, consistent };
}

/**
 * Polygons of the chosen cells: the edges between a chosen and an unchosen cell, walked with the
 * chosen side on the left and cut into simple loops. Counter-clockwise loops are shells, clockwise
 * ones holes; each goes to the polygon of its interior-connected group of cells.
 */
function polygonsOf(g: Graph, tracer: Tracer, cellCount: number, leftCell: Int32Array, inArea: Uint8Array): Position[][][] {
  const boundary = new Uint8Array(g.edgeCount);
  const want: number[] = [];
  const group = new Int32Array(cellCount);
  for (let c = 0; c < cellCount; c++) group[c] = c;
  for (let e = 0; e < g.edgeCount; e++) {
    const l = leftCell[2 * e]!, r = leftCell[2 * e + 1]!;
    const a = inArea[l]!, b = inArea[r]!;
    if (a && b) unite(group, l, r);
    else if (a !== b) {
      boundary[e] = 1;
      want.push(a ? 2 * e : 2 * e + 1);
    }
  }
  const walks = trace(tracer, boundary, want);
  const shells = new Map<number, number>();
  const holes = new Map<number, number[]>();
  for (let l = 0; l < walks.area.length; l++) {
    const area = walks.area[l]!;
    if (area === 0) continue;
    const grp = find(group, leftCell[walks.hes[walks.loopStart[l]!]!]!);
    if (area > 0) {
      if (shells.has(grp)) throw new MakeValidFailure('error', 'two shells for one polygon');
      shells.set(grp, l);
    } else {
      const list = holes.get(grp);
      if (list) list.push(l);
      else holes.set(grp, [l]);
    }
  }
  for (const grp of holes.keys()) if (!shells.has(grp)) throw new MakeValidFailure('error', 'hole without shell');
  const ring = (l: number): Position[] => {
    const pts: Position[] = [];
    for (let k = walks.loopStart[l]!; k < walks.loopStart[l + 1]!; k++) {
      const v = g.origin[walks.hes[k]!]!;
      pts.push([g.xs[v]!, g.ys[v]!]);
    }
    pts.push([...(pts[0] as Position)]);
    return pts;
  };
  const out: Position[][][] = [];
  for (const [grp, shell] of shells) out.push([ring(shell), ...(holes.get(grp) ?? []).map(ring)]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

function polygonsOfInput(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function segmentsOf(polys: readonly (readonly (readonly Position[])[])[], grid: number): Segs {
  const segs: Segs = [];
  for (const poly of polys) {
    for (const ring of poly) {
      for (let k = 0; k + 1 < ring.length; k++) {
        const p = ring[k] as Position, q = ring[k + 1] as Position;
        const ax = snapTo(p[0] as number, grid), ay = snapTo(p[1] as number, grid);
        const bx = snapTo(q[0] as number, grid), by = snapTo(q[1] as number, grid);
        if (ax !== bx || ay !== by) segs.push(ax, ay, bx, by);
      }
      // Close an unclosed ring rather than fail (callers are asked to check closure first).
      const first = ring[0], last = ring[ring.length - 1];
      if (first && last && ring.length > 2 && (first[0] !== last[0] || first[1] !== last[1])) {
        segs.push(snapTo(last[0] as number, grid), snapTo(last[1] as number, grid), snapTo(first[0] as number, grid), snapTo(first[1] as number, grid));
      }
    }
  }
  return segs;
}

function toGeometry(polys: Position[][][]): Polygon | MultiPolygon | null {
  if (polys.length === 0) return null;
  if (polys.length === 1) return { type: 'Polygon', coordinates: polys[0] as Position[][] };
  return { type: 'MultiPolygon', coordinates: polys };
}

function lineworkRepair(polys: Position[][][], grid: number): { geometry: Polygon | MultiPolygon | null; budget: boolean } {
  const segs = nodeSegments(segmentsOf(polys, grid), grid);
  const graph = buildGraph(segs);
  if (graph.edgeCount === 0) return { geometry: null, budget: false };
  const tracer = newTracer(graph);
  const { cellCount, leftCell } = cellsOf(graph, tracer);
  // Where the even-odd colouring is consistent, GEOS' rounds end in exactly that colouring (see
  // evenOddCells); only linework with dissolved duplicate edges needs the rounds replayed.
  const parity = evenOddCells(graph, cellCount, leftCell);
  const geosCells = parity.consistent ? parity.inArea : geosLineworkCells(graph, tracer, cellCount, leftCell);
  const inArea = geosCells ?? parity.inArea;
  const geometry = toGeometry(polygonsOf(graph, tracer, cellCount, leftCell, inArea));
  // The project's validator uses floating-point predicates; in rare near-collinear cases it
  // rejects what is valid in exact arithmetic. Its verdict counts, so such a result is refused.
  if (geometry && !validatePolygonal(geometry, 'make-valid').ok) throw new MakeValidFailure('invalid-output', 'repaired geometry is not valid');
  return { geometry, budget: geosCells === null };
}

/** A grid (power of two) about 2^-40 of the largest coordinate: ≈ 8e-6 m at UTM northings. */
function fallbackGrid(polys: Position[][][]): number {
  let m = 1;
  for (const poly of polys) for (const ring of poly) for (const p of ring) m = Math.max(m, Math.abs(p[0] as number), Math.abs(p[1] as number));
  return 2 ** Math.ceil(Math.log2(m) - 40);
}

function polyclipFallback(polys: Position[][][]): Polygon | MultiPolygon | null {
  const rings = polys.flat().filter((r) => r.length >= 4).map((r) => [r.map((p) => [p[0], p[1]] as [number, number])]);
  if (rings.length === 0) return null;
  const [first, ...rest] = rings as [Geom, ...Geom[]];
  const merged = polyclipXor(first, ...rest);
  const geometry = toGeometry(merged.filter((p) => p.length > 0) as Position[][][]);
  if (geometry && !validatePolygonal(geometry, 'make-valid').ok) return null;
  return geometry;
}

/**
 * Repairs a Polygon or MultiPolygon the way GEOS MakeValid does with its default 'linework'
 * method (shapely `make_valid`, PostGIS `ST_MakeValid`), keeping only the polygonal result:
 *
 * 1. All rings of all parts are noded together (crossings, touches and collinear overlaps become
 *    shared vertices; Flatbush over the segments, O((n + k) log n) for k contacts) and duplicate
 *    edges dissolve, as GEOS' union of the boundary lines does.
 * 2. The faces of that arrangement that are area: GEOS builds area from the linework (BuildArea:
 *    the polygonizer's faces, a face whose exterior ring is another face's hole being its child,
 *    faces with an even number of ancestors kept), takes the symmetric difference with the area
 *    so far, removes the new area's boundary from the linework and repeats. Where every edge
 *    separates faces of opposite even-odd parity this ends in plain even-odd parity (proof at
 *    {@link evenOddCells}), computed directly; otherwise (dissolved duplicate edges) the rounds
 *    are replayed on the faces ({@link geosLineworkCells}). So a pentagram keeps its five points
 *    and not the centre, overlapping MultiPolygon parts cancel where they overlap (GEOS takes the
 *    symmetric difference, not the union), a hole outside its shell becomes its own polygon, a
 *    ring walked twice or a hole equal to its shell gives the area once, and a hole sharing
 *    edges with its shell leaves the shell whole.
 * 3. Spikes, collapsed rings and other lines without area are dropped (GEOS returns them as
 *    lines and points next to the polygons).
 *
 * Output rings are closed, shells counter-clockwise and holes clockwise (RFC 7946), without
 * repeated consecutive points; a hole may touch its shell at a point, as OGC allows. Vertices
 * where the input crossed itself stay in the output. Valid input comes back with the same area
 * (its rings may start elsewhere). Never throws and never modifies the input; when the main
 * algorithm fails, see {@link MakeValidResult.fallback}.
 */
export function makeValidPolygonal(g: Polygon | MultiPolygon): MakeValidResult {
  let areaM2Before = 0;
  let polys: Position[][][] = [];
  try {
    areaM2Before = areaPlanarM2(g);
    polys = polygonsOfInput(g);
  } catch {
    return { geometry: null, areaM2Before: Number.NaN, areaM2After: 0, fallback: true, fallbackReason: 'error' };
  }
  const done = (geometry: Polygon | MultiPolygon | null, reason?: MakeValidFallbackReason): MakeValidResult => {
    const result: MakeValidResult = { geometry, areaM2Before, areaM2After: geometry ? areaPlanarM2(geometry) : 0 };
    if (reason) {
      result.fallback = true;
      result.fallbackReason = reason;
    }
    return result;
  };
  let reason: MakeValidFallbackReason = 'error';
  try {
    const { geometry, budget } = lineworkRepair(polys, 0);
    return done(geometry, budget ? 'budget' : undefined);
  } catch (err) {
    reason = err instanceof MakeValidFailure ? err.reason : 'error';
  }
  // Too many contacts: anything else would be as slow.
  if (reason === 'budget') return done(null, reason);
  try {
    return done(lineworkRepair(polys, fallbackGrid(polys)).geometry, reason);
  } catch {
    // fall through
  }
  try {
    return done(polyclipFallback(polys), reason);
  } catch {
    return done(null, reason);
  }
}
