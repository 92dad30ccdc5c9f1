import * as v from 'valibot';
import { KATEGORIER, STATUS_TOMT } from '../../../seeds/plan.ts';
import { checkNorms, defaultNorms, type Norms } from '../domain/norms.ts';
import { validatePolygonal } from '../geo/validate.ts';

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

function countVertices(c: unknown): number {
  if (!Array.isArray(c)) return 0;
  if (typeof c[0] === 'number') return 1;
  let n = 0;
  for (const x of c) n += countVertices(x);
  return n;
}

function inExtent(c: unknown, e: readonly number[]): boolean {
  if (!Array.isArray(c)) return false;
  if (typeof c[0] === 'number') {
    const [x, y] = c as number[];
    return Number.isFinite(x) && Number.isFinite(y) && (x as number) >= (e[0] as number) && (x as number) <= (e[2] as number) && (y as number) >= (e[1] as number) && (y as number) <= (e[3] as number);
  }
  return c.every((x) => inExtent(x, e));
}

/**
 * A polygon or multipolygon that is sane: at most {@link MAX_VERTICES} vertices, every
 * coordinate a finite number inside Norway in the given CRS, closed rings, no self-intersection
 * (the app's own validator).
 */
const geometry = (crs: keyof typeof EXTENT, types: readonly ('Polygon' | 'MultiPolygon')[]) =>
  v.pipe(
    v.object({ type: v.picklist(types as ['Polygon']), coordinates: v.array(v.unknown()) }),
    v.check((g) => countVertices(g.coordinates) <= MAX_VERTICES, `geometrien har flere enn ${MAX_VERTICES} hjørner`),
    v.check((g) => inExtent(g.coordinates, EXTENT[crs]), `koordinatene er ikke tall innenfor Norge i ${crs}`),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const r = validatePolygonal(dataset.value, 'geometrien');
      if (!r.ok) addIssue({ message: r.error.message });
    })
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
    v.check((n) => {
      try {
        return checkNorms({ ...defaultNorms(), ...n } as Norms).length === 0;
      } catch {
        return false;
      }
    }, 'forutsetningene (norms) er ikke gyldige')
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

/**
 * Parses and validates a request body (text): size limit, JSON, then the schema. Returns the
 * body, or a Norwegian reason naming where the problem is (path and message).
 */
/** A lone UTF-16 surrogate (half a character), which PostgreSQL refuses and SQLite stores. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path of the first text (key or value) in parsed JSON with a NUL character or a lone
 * surrogate, or null. Walks iteratively (no recursion, so deep nesting cannot overflow the stack).
 */
export function badTextPath(json: unknown): string | null {
  const bad = (t: string) => t.includes('\u0000') || LONE_SURROGATE.test(t);
  const stack: [unknown, string][] = [[json, '']];
  while (stack.length) {
    const [value, where] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (bad(value)) return where || '(tekst)';
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${where}${where ? '.' : ''}${i}`]);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const here = `${where}${where ? '.' : ''}${k}`;
        if (bad(k)) return here;
        stack.push([v, here]);
      }
    }
  }
  return null;
}

export function parseSaveBody(text: string): { ok: true; body: SaveBody } | { ok: false; reason: string } {
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) return { ok: false, reason: `for stor (grensen er ${MAX_BODY_BYTES / 1_000_000} MB)` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `ikke gyldig JSON (${(e as Error).message})` };
  }
  // The same answer on SQLite and PostgreSQL: text that PostgreSQL cannot store is refused here.
  const badText = badTextPath(json);
  if (badText !== null) return { ok: false, reason: `${badText}: teksten har et NUL-tegn eller et halvt tegn (ensomt surrogat)` };
  const r = v.safeParse(SAVE_BODY, json);
  if (r.success) return { ok: true, body: r.output };
  const issue = r.issues[0];
  const where = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, reason: `${where ? `${where}: ` : ''}${issue?.message ?? 'ugyldig'}` };
}
