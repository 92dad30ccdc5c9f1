import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { AR5_AREALTYPE, AR5_JORDBRUK, AR5_JORDBRUKSKLASSER, AR5_SKOGBONITET, AR5_TRESLAG } from '../../../seeds/ar5.ts';
import { LANDBRUK, NAERINGSAREAL } from '../../../seeds/plan.ts';
import { areaPlanarM2, m2ToDaa } from '../geo/area.ts';
import { planChanges, planChangeSummary, type PlanAreaState, type PlanChangeKind } from './plan-versions.ts';
import { AREALBRUKSSTATUS, AREALFORMAL, SOURCE_LAYERS, type Dataset } from './validate.ts';

/** The label every view, print and export of the demo data carries. */
export const DEMO_LABEL = 'Demodata – ikke offisielt plankart';

export { reconcile, type ReconciliationKey, type ReconciliationRow } from './reconcile.ts';
import { daaOf, type ReconciliationRow } from './reconcile.ts';

const nb = (v: number, decimals: number) =>
  (Math.abs(v) < 0.5 * 10 ** -decimals ? 0 : v)
    .toFixed(decimals)
    .replace('.', ',')
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** The reconciliation as a Markdown table (bokmål number format), for geodata/README.md. */
export function reconciliationMarkdown(rows: readonly ReconciliationRow[]): string {
  const lines = ['| Rad | Datasett (daa) | Plan (daa) | Differanse (daa) | Differanse (%) | Kilde for planens tall |', '|---|---:|---:|---:|---:|---|'];
  for (const r of rows) {
    const diff = r.planDaa === null ? null : r.datasetDaa - r.planDaa;
    lines.push(
      `| ${r.label} | ${nb(r.datasetDaa, 1)} | ${r.planDaa === null ? '–' : nb(r.planDaa, 0)} | ${diff === null ? '–' : nb(diff, 1)} | ${diff === null || r.planDaa === null ? '–' : nb((100 * diff) / r.planDaa, 2)} | ${r.planSource ?? '–'} |`
    );
  }
  return lines.join('\n');
}

/** Start and end markers of the generated table in geodata/README.md. */
export const TABLE_START = '<!-- avstemming:start (generert av npm run geodata; ikke rediger for hånd) -->';
export const TABLE_END = '<!-- avstemming:end -->';

/** Returns `readme` with the text between the markers replaced by `table`. */
export function withReconciliationTable(readme: string, table: string): string {
  return withGeneratedSection(readme, TABLE_START, TABLE_END, table);
}

/** Returns `readme` with the text between the markers `start` and `end` replaced by `text`. */
export function withGeneratedSection(readme: string, start: string, end: string, text: string): string {
  const i = readme.indexOf(start);
  const j = readme.indexOf(end);
  if (i < 0 || j < i) throw new Error(`geodata/README.md mangler markørene ${start} … ${end}`);
  return `${readme.slice(0, i + start.length)}\n${text}\n${readme.slice(j)}`;
}

/** Markers of the generated plan-version table in geodata/README.md. */
export const PLAN_VERSIONS_START = '<!-- planversjoner:start (generert av npm run geodata; ikke rediger for hånd) -->';
export const PLAN_VERSIONS_END = '<!-- planversjoner:end -->';

/** Markers of the generated AR5 table in geodata/README.md. */
export const AR5_START = '<!-- ar5:start (generert av npm run geodata; ikke rediger for hånd) -->';
export const AR5_END = '<!-- ar5:end -->';

/** The change kinds in bokmål, for geodata/README.md (the UI says them in its own language). */
const CHANGE_NB: Record<PlanChangeKind, string> = {
  added: 'Lagt til (bare i dagens plan)',
  removed: 'Tatt ut (bare i den eldre planen)',
  realised: 'Realisert (framtidig da, nåværende nå)',
  'formal-changed': 'Arealformål endret',
  changed: 'Annet endret (form, kategori, tomtestatus …)'
};

const stateNb = (s: PlanAreaState | null) =>
  s ? `${AREALBRUKSSTATUS[s.arealbruksstatus as 1 | 2]?.toLowerCase() ?? s.arealbruksstatus}, ${s.arealformal} ${s.kategori}` : 'ikke i planen';

/**
 * The earlier plan versions against today's plan as Markdown (bokmål number format), for
 * geodata/README.md: per version, the totals by status, the changes by kind (count and daa) and
 * every area that differs.
 */
export function planVersionsMarkdown(dataset: Pick<Dataset, 'layers' | 'planVersions'>): string {
  const now = dataset.layers.naeringsareal;
  const sumDaa = (fc: { features: readonly Feature[] }, status: 1 | 2) => daaOf(fc.features.filter((f) => f.properties?.arealbruksstatus === status));
  const out: string[] = [];
  for (const v of dataset.planVersions ?? []) {
    const changes = planChanges(v.naeringsareal, now);
    out.push(
      `**${v.label}** (${v.naeringsareal.features.length} polygoner) mot dagens plan (${now.features.length} polygoner):`,
      '',
      `| Arealbruksstatus | ${v.year} (daa) | I dag (daa) |`,
      '|---|---:|---:|',
      ...([1, 2] as const).map((st) => `| ${AREALBRUKSSTATUS[st]} | ${nb(sumDaa(v.naeringsareal, st), 1)} | ${nb(sumDaa(now, st), 1)} |`),
      '',
      '| Endring | Polygoner | Areal (daa) |',
      '|---|---:|---:|',
      ...planChangeSummary(changes).map((r) => `| ${CHANGE_NB[r.kind]} | ${r.count} | ${nb(r.daa, 1)} |`),
      '',
      `| id | Navn | Område | Endring | Areal (daa) | ${v.year} | I dag |`,
      '|---|---|---|---|---:|---|---|',
      ...changes.map((c) => `| \`${c.id}\` | ${c.navn} | ${c.omrade} | ${CHANGE_NB[c.kind]} | ${nb((c.after ?? c.before)?.daa ?? 0, 1)} | ${stateNb(c.before)} | ${stateNb(c.after)} |`)
    );
  }
  return out.join('\n');
}

/** Area (daa) by AR5 area type over the whole AR5 layer (farmland and the other types), and skog by treslag and skogbonitet. */
export function ar5Totals(dataset: Pick<Dataset, 'layers' | 'ar5Other'>): { arealtype: Record<string, number>; skogTreslag: Record<string, number>; skogBonitet: Record<string, number> } {
  const arealtype: Record<string, number> = {};
  const skogTreslag: Record<string, number> = {};
  const skogBonitet: Record<string, number> = {};
  for (const f of [...dataset.layers.jordbruk.features, ...(dataset.ar5Other?.features ?? [])]) {
    const p = f.properties ?? {};
    const daa = m2ToDaa(areaPlanarM2(f.geometry as Polygon | MultiPolygon));
    const t = String(p.arealtype);
    arealtype[t] = (arealtype[t] ?? 0) + daa;
    if (t === '30') {
      skogTreslag[String(p.treslag)] = (skogTreslag[String(p.treslag)] ?? 0) + daa;
      skogBonitet[String(p.skogbonitet)] = (skogBonitet[String(p.skogbonitet)] ?? 0) + daa;
    }
  }
  return { arealtype, skogTreslag, skogBonitet };
}

/** The AR5 totals as Markdown (bokmål number format), for geodata/README.md; shares of the kommune's area. */
export function ar5Markdown(dataset: Pick<Dataset, 'layers' | 'ar5Other' | 'boundary'>): string {
  const t = ar5Totals(dataset);
  const kommuneDaa = m2ToDaa(areaPlanarM2(dataset.boundary));
  const byCode = (o: Record<string, number>) => Object.entries(o).sort(([a], [b]) => Number(a) - Number(b));
  const total = Object.values(t.arealtype).reduce((s, v) => s + v, 0);
  const row = (label: string, daa: number) => `| ${label} | ${nb(daa, 1)} | ${nb((100 * daa) / kommuneDaa, 2)} |`;
  return [
    '| AR5 | Areal (daa) | Andel av kommunen (%) |',
    '|---|---:|---:|',
    ...byCode(t.arealtype).map(([k, v]) => row(`${k} ${AR5_AREALTYPE[k as keyof typeof AR5_AREALTYPE] ?? k}`, v)),
    row('Sum AR5', total),
    ...byCode(t.skogTreslag).map(([k, v]) => row(`Skog, treslag ${k} ${(AR5_TRESLAG[k as keyof typeof AR5_TRESLAG] ?? k).toLowerCase()}`, v)),
    ...byCode(t.skogBonitet).map(([k, v]) => row(`Skog, skogbonitet ${k} ${(AR5_SKOGBONITET[k as keyof typeof AR5_SKOGBONITET] ?? k).toLowerCase()}`, v))
  ].join('\n');
}

/** What the app loads: every layer in EPSG:25832, the boundary in WGS84 as Kartverket gives it. */
export interface AppDataFile {
  meta: {
    label: string;
    crs: 'EPSG:25832';
    kilde: string;
    lisens: string;
  };
  layers: Record<(typeof SOURCE_LAYERS)[number], FeatureCollection>;
  /** Asker kommune (3203), WGS84, Kartverket, CC BY 4.0. */
  kommunegrense: FeatureCollection;
  /**
   * AR5 area types other than farmland (EPSG:25832; demo data): `arealtype` (11, 12, 30, 50, 60,
   * 81, 82), `treslag`, `skogbonitet` (AR5 codes, 98 «ikke relevant» where they do not apply),
   * `id`, `kilde`. With `layers.jordbruk` (the farmland) it is the whole AR5 layer, a partition:
   * no two polygons overlap. Absent from files built before it was added.
   */
  ar5Other?: FeatureCollection;
  /**
   * Earlier versions of the næring plan (EPSG:25832; demo data), oldest first: each with an id,
   * a name («Kommuneplan 2015, demodata»), the year and its næringsareal, whose features have the
   * properties of `layers.naeringsareal` plus `planversjon`; the same id is the same area.
   */
  planVersions?: { id: string; label: string; year: number; naeringsareal: FeatureCollection }[];
}

const CRS_25832 = { type: 'name', properties: { name: 'EPSG:25832' } };

/**
 * Builds the file the app loads. Deterministic: the same sources give byte-identical output
 * (input order kept, no timestamps). Layers stay in EPSG:25832 so the app's figures equal the
 * CLI's on the same sources; the app makes WGS84 copies for the map. The dataset's other AR5
 * types and earlier plan versions, when validated with it, go in `ar5Other` and `planVersions`.
 */
export function buildAppData(dataset: Dataset, kommunegrense: FeatureCollection): string {
  const out: AppDataFile = {
    meta: {
      label: DEMO_LABEL,
      crs: 'EPSG:25832',
      kilde: 'Demodatasett laget for appen (geodata/kilder, se geodata/README.md); kommunegrense © Kartverket',
      lisens: 'Kommunegrensen: Kartverket, CC BY 4.0'
    },
    layers: Object.fromEntries(
      SOURCE_LAYERS.map((l) => [l, { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:25832' } }, features: dataset.layers[l].features }])
    ) as unknown as AppDataFile['layers'],
    kommunegrense
  };
  if (dataset.ar5Other) out.ar5Other = { type: 'FeatureCollection', crs: CRS_25832, features: dataset.ar5Other.features } as FeatureCollection;
  if (dataset.planVersions) {
    out.planVersions = dataset.planVersions.map((v) => ({
      id: v.id,
      label: v.label,
      year: v.year,
      naeringsareal: { type: 'FeatureCollection', crs: CRS_25832, features: v.naeringsareal.features } as FeatureCollection
    }));
  }
  return JSON.stringify(out) + '\n';
}
