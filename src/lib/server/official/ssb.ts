/**
 * SSB's jobs in Asker (issue #19) from PxWebApi v2: table 13472, «Sysselsatte per 4. kvartal,
 * etter arbeidsstedskommune», as JSON-stat2. The table's dimensions are read from its metadata,
 * not assumed: the region dimension (`role.geo`, else named like «region») is asked for Asker's
 * kommune numbers, the time dimension (`role.time`) for every year, the measure (`role.metric`)
 * for the one about employed persons, and any other dimension that may not be left out for its
 * total; dimensions that may be left out are left out (SSB then gives their total).
 *
 * Asker's number changed with the regional reforms: 3025 for the merged Asker (Asker, Røyken,
 * Hurum) in 2020–2023, 3203 since 2024 (SSB's regional classification, KLASS 131). Both cover the
 * same area, so a year's figure is taken from 3203, else 3025. Earlier years (0220, the old,
 * smaller Asker) are not the same area and are not used.
 *
 * Pure functions: text in, plain data or a code out. JSON-stat2 is read with bounds (dimensions,
 * categories, cells), so a crafted answer ends in a code, not a hang.
 */

/** The table: sysselsatte etter arbeidsstedskommune. */
export const SSB_TABLE = '13472';
/** Asker's kommune numbers, newest first (see above). */
export const ASKER_REGIONS: readonly string[] = ['3203', '3025'];

/** Bounds on a JSON-stat2 answer. */
export const JSONSTAT_LIMITS = { maxDims: 12, maxCategories: 20_000, maxCells: 2_000_000 };

export interface StatDim {
  id: string;
  label: string;
  /** Category codes in index order. */
  codes: string[];
  /** Category labels, same order. */
  labels: string[];
  /** May the dimension be left out of a query (metadata only). */
  elimination: boolean;
}

export interface StatDataset {
  label: string;
  updated: string | null;
  dims: StatDim[];
  role: { time: string[]; geo: string[]; metric: string[] };
  /** The cells in row-major order (last dimension fastest); null where SSB has no figure. */
  value: (number | null)[];
}

export type SsbProblem = { code: 'ssb.bad-answer' | 'ssb.too-large' | 'ssb.no-region' | 'ssb.no-time' | 'ssb.no-measure' | 'ssb.no-data'; params: { detail?: string } };

type Result<T> = { ok: true; value: T } | { ok: false; problem: SsbProblem };
const fail = (code: SsbProblem['code'], detail?: string): { ok: false; problem: SsbProblem } => ({ ok: false, problem: { code, params: detail ? { detail: detail.slice(0, 200) } : {} } });

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = 500): string => (typeof v === 'string' ? v.slice(0, max) : '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The categories of a dimension in index order (JSON-stat2 allows `index` as an array or as code → position). */
function categories(cat: Record<string, unknown>, limit: number): Result<{ codes: string[]; labels: string[] }> {
  const index = cat.index;
  const labelOf = isObj(cat.label) ? cat.label : {};
  let codes: string[];
  if (Array.isArray(index)) {
    if (index.length > limit) return fail('ssb.too-large', 'categories');
    codes = strings(index);
    if (codes.length !== index.length) return fail('ssb.bad-answer', 'category index');
  } else if (isObj(index)) {
    const entries = Object.entries(index);
    if (entries.length > limit) return fail('ssb.too-large', 'categories');
    codes = new Array<string>(entries.length);
    for (const [code, pos] of entries) {
      if (typeof pos !== 'number' || !Number.isInteger(pos) || pos < 0 || pos >= entries.length || codes[pos] !== undefined) return fail('ssb.bad-answer', 'category index');
      codes[pos] = code;
    }
  } else if (isObj(labelOf) && Object.keys(labelOf).length === 1) {
    // A dimension of one category may give only its label.
    codes = Object.keys(labelOf);
  } else {
    return fail('ssb.bad-answer', 'category index');
  }
  return { ok: true, value: { codes, labels: codes.map((c) => str(labelOf[c]) || c) } };
}

/** Reads a JSON-stat2 dataset (metadata or data) within {@link JSONSTAT_LIMITS}. */
export function parseJsonStat2(text: string, limits = JSONSTAT_LIMITS): Result<StatDataset> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fail('ssb.bad-answer', 'not JSON');
  }
  if (!isObj(doc) || doc.class !== 'dataset' || !Array.isArray(doc.id) || !Array.isArray(doc.size) || !isObj(doc.dimension)) return fail('ssb.bad-answer', 'not a JSON-stat2 dataset');
  const ids = strings(doc.id);
  if (ids.length !== doc.id.length || ids.length !== doc.size.length) return fail('ssb.bad-answer', 'id and size');
  if (ids.length > limits.maxDims) return fail('ssb.too-large', 'dimensions');
  const dims: StatDim[] = [];
  let cells = 1;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string;
    const d = (doc.dimension as Record<string, unknown>)[id];
    if (!isObj(d) || !isObj(d.category)) return fail('ssb.bad-answer', `dimension ${id}`);
    const c = categories(d.category, limits.maxCategories);
    if (!c.ok) return c;
    if (c.value.codes.length !== doc.size[i]) return fail('ssb.bad-answer', `size of ${id}`);
    cells *= c.value.codes.length;
    if (cells > limits.maxCells) return fail('ssb.too-large', 'cells');
    const ext = isObj(d.extension) ? d.extension : {};
    dims.push({ id, label: str(d.label) || id, codes: c.value.codes, labels: c.value.labels, elimination: ext.elimination === true });
  }
  const value: (number | null)[] = new Array<number | null>(cells).fill(null);
  const raw = doc.value;
  if (Array.isArray(raw)) {
    // A metadata answer has no cells (an empty list); a data answer has them all.
    if (raw.length !== 0 && raw.length !== cells) return fail('ssb.bad-answer', 'value');
    for (let i = 0; i < raw.length; i++) {
      const v = raw[i];
      value[i] = typeof v === 'number' && Number.isFinite(v) ? v : null;
    }
  } else if (isObj(raw)) {
    const entries = Object.entries(raw);
    if (entries.length > cells) return fail('ssb.bad-answer', 'value');
    for (const [k, v] of entries) {
      const i = Number(k);
      if (Number.isInteger(i) && i >= 0 && i < cells && typeof v === 'number' && Number.isFinite(v)) value[i] = v;
    }
  } else if (raw !== undefined) {
    return fail('ssb.bad-answer', 'value');
  }
  const role = isObj(doc.role) ? doc.role : {};
  return {
    ok: true,
    value: { label: str(doc.label), updated: str(doc.updated, 40) || null, dims, role: { time: strings(role.time), geo: strings(role.geo), metric: strings(role.metric) }, value }
  };
}

/** The dimensions the query is made of: which is region, time and measure, by role, else by name. */
function roles(ds: StatDataset): { region?: StatDim; time?: StatDim; metric?: StatDim } {
  const byRole = (ids: string[], fallback: RegExp) => ds.dims.find((d) => ids.includes(d.id)) ?? ds.dims.find((d) => fallback.test(d.id));
  return { region: byRole(ds.role.geo, /region|kommune/i), time: byRole(ds.role.time, /^(tid|time|år|aar)$/i), metric: byRole(ds.role.metric, /^contentscode$/i) };
}

/** Asker's codes as the table writes them (`3203`, or with a prefix such as `K-3203`), in {@link ASKER_REGIONS} order. */
function askerCodes(region: StatDim): string[] {
  return ASKER_REGIONS.flatMap((n) => region.codes.filter((c) => c === n || new RegExp(`^[A-Za-z]+-?${n}$`).test(c)));
}

const TOTAL = /^(i alt|alle|totalt?|begge kjønn|all|both sexes)\b/i;

/**
 * The PxWebApi v2 data query for Asker's jobs by year, from the table's metadata: the query
 * parameters (`valueCodes[…]`, `outputFormat=json-stat2`, `lang`) and the region codes asked for.
 */
export function ssbJobsQuery(meta: StatDataset, lang = 'no'): Result<{ params: URLSearchParams; regions: string[] }> {
  const { region, time, metric } = roles(meta);
  if (!region) return fail('ssb.no-region', 'no region dimension');
  const regions = askerCodes(region);
  if (!regions.length) return fail('ssb.no-region', ASKER_REGIONS.join(', '));
  if (!time) return fail('ssb.no-time');
  const params = new URLSearchParams({ lang, outputFormat: 'json-stat2' });
  params.set(`valueCodes[${region.id}]`, regions.join(','));
  params.set(`valueCodes[${time.id}]`, '*');
  if (metric) {
    const i = metric.codes.findIndex((c, k) => /syssel/i.test(c) || /syssel/i.test(metric.labels[k] ?? ''));
    const code = metric.codes[i < 0 ? 0 : i];
    if (code === undefined) return fail('ssb.no-measure');
    params.set(`valueCodes[${metric.id}]`, code);
  }
  for (const d of meta.dims) {
    if (d === region || d === time || d === metric || d.elimination) continue;
    // A dimension that must be chosen: its total, else its first category.
    const i = d.labels.findIndex((l) => TOTAL.test(l));
    const code = d.codes[i < 0 ? 0 : i];
    if (code === undefined) return fail('ssb.bad-answer', `dimension ${d.id} is empty`);
    params.set(`valueCodes[${d.id}]`, code);
  }
  return { ok: true, value: { params, regions } };
}

export interface JobsYear {
  year: number;
  jobs: number;
  /** The kommune number the figure is given under. */
  region: string;
}

/**
 * Asker's jobs by year from a data answer to {@link ssbJobsQuery}: for each year the first of the
 * region codes with a figure; years without one are left out. Any other dimension still in the
 * answer is read at its first category (the query asked for one).
 */
export function jobsByYear(ds: StatDataset, regions: readonly string[]): Result<JobsYear[]> {
  const { region, time } = roles(ds);
  if (!region) return fail('ssb.no-region', 'no region dimension');
  if (!time) return fail('ssb.no-time');
  const strides = ds.dims.map((_, i) => ds.dims.slice(i + 1).reduce((p, d) => p * d.codes.length, 1));
  const ri = ds.dims.indexOf(region);
  const ti = ds.dims.indexOf(time);
  const out: JobsYear[] = [];
  for (let t = 0; t < time.codes.length; t++) {
    const m = /^(\d{4})/.exec(time.codes[t] as string);
    if (!m) continue;
    for (const code of regions) {
      const r = region.codes.indexOf(code);
      if (r < 0) continue;
      const v = ds.value[r * (strides[ri] as number) + t * (strides[ti] as number)];
      if (typeof v === 'number') {
        out.push({ year: Number(m[1]), jobs: v, region: code });
        break;
      }
    }
  }
  out.sort((a, b) => a.year - b.year);
  if (!out.length) return fail('ssb.no-data');
  return { ok: true, value: out };
}
