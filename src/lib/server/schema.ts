import * as v from 'valibot';
import { KATEGORIER, STATUS_TOMT } from '../../../seeds/plan.ts';
import { readNorms } from '../domain/norms.ts';
import { countPositions, everyPosition } from '../geo/positions.ts';
import { validatePolygonalAsync } from '../geo/validate.ts';

/** The largest request body the API accepts, in bytes (1 MB). */
export const MAX_BODY_BYTES = 1_000_000;

/** The most vertices one geometry may have in a shared payload. */
export const MAX_VERTICES = 20_000;

const KATEGORI = v.picklist(Object.keys(KATEGORIER) as [keyof typeof KATEGORIER, ...(keyof typeof KATEGORIER)[]]);
const STATUS = v.picklist(Object.keys(STATUS_TOMT) as [keyof typeof STATUS_TOMT, ...(keyof typeof STATUS_TOMT)[]]);
const TEXT = (max: number) => v.pipe(v.string(), v.maxLength(max, `høyst ${max} tegn`));
const ID = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/** Extents coordinates may have: [minX, minY, maxX, maxY] per CRS (Norway with margin). */
const EXTENT = {
  'EPSG:25832': [-200_000, 6_300_000, 1_300_000, 8_000_000],
  'EPSG:4326': [-10, 56, 35, 82]
} as const;

const countVertices = (c: unknown) => countPositions(c, MAX_VERTICES);

function inExtent(c: unknown, e: readonly number[]): boolean {
  return everyPosition(c, ([x, y]) => typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) && x >= (e[0] as number) && x <= (e[2] as number) && y >= (e[1] as number) && y <= (e[3] as number));
}

/**
 * The most time one request may spend checking its geometries, in ms. The checks give the
 * thread back every few ms, so this bounds how long one request can take, not how long others wait.
 */
export const VALIDATION_BUDGET_MS = 5000;

/**
 * A polygon or multipolygon that is sane: at most {@link MAX_VERTICES} vertices, every
 * coordinate a finite number inside Norway in the given CRS. Whether it is a valid polygon (the
 * app's own validator, as GEOS judges) is checked after the schema, by {@link parseSaveBody},
 * in steps that leave the server free to answer others.
 */
const geometry = (crs: keyof typeof EXTENT, types: readonly ('Polygon' | 'MultiPolygon')[]) =>
  v.pipe(
    v.object({ type: v.picklist(types as ['Polygon']), coordinates: v.array(v.unknown()) }),
    v.check((g) => countVertices(g.coordinates) <= MAX_VERTICES, `geometrien har flere enn ${MAX_VERTICES} hjørner`),
    v.check((g) => inExtent(g.coordinates, EXTENT[crs]), `koordinatene er ikke tall innenfor Norge i ${crs}`)
  );

const PLAN_AREA = v.object({
  id: ID,
  navn: TEXT(200),
  omrade: TEXT(200),
  status: v.picklist([1, 2]),
  arealformal: v.pipe(v.number(), v.integer()),
  kategori: KATEGORI,
  utnyttelseBraProsent: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(2000))),
  statusTomt: v.nullable(STATUS),
  geometry: geometry('EPSG:25832', ['Polygon', 'MultiPolygon'])
});

const CHANGE_BASE = { id: ID, enabled: v.boolean(), label: v.optional(TEXT(200)) };

/** One scenario change: the four known types, nothing else. */
const CHANGE = v.variant(
  'type',
  [
    v.object({ ...CHANGE_BASE, type: v.literal('add-site'), site: PLAN_AREA }),
    v.object({ ...CHANGE_BASE, type: v.literal('rezone'), areaId: ID, to: v.picklist(['bolig', 'lnf', 'naavaerende']) }),
    v.object({ ...CHANGE_BASE, type: v.literal('set-category'), areaId: ID, kategori: KATEGORI }),
    v.object({ ...CHANGE_BASE, type: v.literal('set-utnyttelse'), areaId: ID, utnyttelseBraProsent: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(2000))) })
  ],
  'ukjent endringstype (kjente: add-site, rezone, set-category, set-utnyttelse)'
);

/** A shared scenario: name, ordered changes and its assumptions (checked like the app checks them). */
export const SCENARIO_PAYLOAD = v.object({
  id: ID,
  navn: TEXT(200),
  changes: v.pipe(v.array(CHANGE), v.maxLength(1000, 'høyst 1000 endringer')),
  norms: v.pipe(
    v.record(v.string(), v.unknown()),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const read = readNorms(dataset.value);
      if (!read.ok) addIssue({ message: `forutsetningene (norms) er ikke gyldige: ${read.problems[0]}` });
    })
  )
});

/** A shared set of sketches (WGS84 polygons, as the app keeps them). */
export const SKETCHES_PAYLOAD = v.pipe(
  v.array(
    v.object({
      id: ID,
      navn: TEXT(200),
      kategori: KATEGORI,
      utnyttelseBraProsent: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(2000))),
      status: STATUS,
      geometry: geometry('EPSG:4326', ['Polygon'])
    })
  ),
  v.maxLength(500, 'høyst 500 skisser')
);

/** What a save sends (create: no baseVersion; update: the version it edited). */
export const SAVE_BODY = v.variant('kind', [
  v.object({ kind: v.literal('scenario'), name: TEXT(200), author: TEXT(100), baseVersion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))), payload: SCENARIO_PAYLOAD }),
  v.object({ kind: v.literal('skisser'), name: TEXT(200), author: TEXT(100), baseVersion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))), payload: SKETCHES_PAYLOAD })
], 'kind må være «scenario» eller «skisser»');

/** A valid save body. */
export type SaveBody = v.InferOutput<typeof SAVE_BODY>;

/** A lone UTF-16 surrogate (half a character), which PostgreSQL refuses and SQLite stores. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** How deep a body may nest (the deepest real one, a MultiPolygon coordinate in a scenario, is 11). */
export const MAX_JSON_DEPTH = 32;

/**
 * The first problem in parsed JSON that the schema must never see: nesting deeper than
 * {@link MAX_JSON_DEPTH}, or a text (key or value) with a NUL character or a lone surrogate.
 * Walks iteratively (no recursion, so deep nesting cannot overflow the stack).
 */
export function jsonProblem(json: unknown): { kind: 'too-deep' | 'bad-text'; path: string } | null {
  const bad = (t: string) => t.includes('\u0000') || LONE_SURROGATE.test(t);
  // Paths are kept as links to the parent and made into text only for the answer.
  type Where = { up: Where | null; key: string | number } | null;
  const pathOf = (w: Where) => {
    const keys: (string | number)[] = [];
    for (let x = w; x; x = x.up) keys.push(x.key);
    return keys.reverse().join('.');
  };
  const stack: [unknown, Where, number][] = [[json, null, 0]];
  while (stack.length) {
    const [value, where, depth] = stack.pop() as [unknown, Where, number];
    if (typeof value === 'string') {
      if (bad(value)) return { kind: 'bad-text', path: pathOf(where) || '(tekst)' };
    } else if (value && typeof value === 'object') {
      if (depth >= MAX_JSON_DEPTH) return { kind: 'too-deep', path: pathOf(where) };
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const x = value[i];
          // Numbers (most of a body: coordinates) need no look.
          if (typeof x !== 'number') stack.push([x, { up: where, key: i }, depth + 1]);
        }
      } else {
        for (const [k, v] of Object.entries(value)) {
          const here = { up: where, key: k };
          if (bad(k)) return { kind: 'bad-text', path: pathOf(here) };
          stack.push([v, here, depth + 1]);
        }
      }
    }
  }
  return null;
}

/** The path of the first text with a NUL character or a lone surrogate, or null. */
export function badTextPath(json: unknown): string | null {
  const p = jsonProblem(json);
  return p?.kind === 'bad-text' ? p.path : null;
}

/** The geometries in a valid body, each with its path. */
function geometriesOf(body: SaveBody): [string, unknown][] {
  if (body.kind === 'skisser') return body.payload.map((s, i) => [`payload.${i}.geometry`, s.geometry]);
  return body.payload.changes.flatMap((c, i) => (c.type === 'add-site' ? [[`payload.changes.${i}.site.geometry`, c.site.geometry] as [string, unknown]] : []));
}

/**
 * Parses and validates a request body (text): size limit, depth and text, JSON, the schema, then
 * each geometry as a polygon (in steps, within {@link VALIDATION_BUDGET_MS}). Returns the body,
 * or a Norwegian reason naming where the problem is (path and message).
 */
export async function parseSaveBody(text: string): Promise<{ ok: true; body: SaveBody } | { ok: false; reason: string }> {
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) return { ok: false, reason: `for stor (grensen er ${MAX_BODY_BYTES / 1_000_000} MB)` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `ikke gyldig JSON (${(e as Error).message})` };
  }
  // Deep nesting is refused before anything recursive sees it; and the same answer on SQLite and
  // PostgreSQL: text that PostgreSQL cannot store is refused here.
  const problem = jsonProblem(json);
  if (problem?.kind === 'too-deep') return { ok: false, reason: `${problem.path || '(innholdet)'}: nøstet dypere enn ${MAX_JSON_DEPTH} nivåer` };
  if (problem) return { ok: false, reason: `${problem.path}: teksten har et NUL-tegn eller et halvt tegn (ensomt surrogat)` };
  const r = v.safeParse(SAVE_BODY, json);
  if (!r.success) {
    const issue = r.issues[0];
    const where = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, reason: `${where ? `${where}: ` : ''}${issue?.message ?? 'ugyldig'}` };
  }
  const deadline = Date.now() + VALIDATION_BUDGET_MS;
  for (const [where, g] of geometriesOf(r.output)) {
    const checked = await validatePolygonalAsync(g, 'geometrien', { deadline });
    if (!checked.ok) return { ok: false, reason: `${where}: ${checked.error.message}` };
  }
  return { ok: true, body: r.output };
}
