import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { AR5_JORDBRUK, AR5_JORDBRUKSKLASSER } from '../../../seeds/ar5.ts';
import { LANDBRUK, NAERINGSAREAL } from '../../../seeds/plan.ts';
import { areaPlanarM2, m2ToDaa } from '../geo/area.ts';
import { AREALBRUKSSTATUS, AREALFORMAL, SOURCE_LAYERS, type Dataset } from './validate.ts';

/** The label every view, print and export of the demo data carries. */
export const DEMO_LABEL = 'Demodata – ikke offisielt plankart';

/** One row of the reconciliation table: the dataset against the plan. */
/** What a reconciliation row is, as data the UI says in its own language. */
export type ReconciliationKey =
  | { kind: 'formal'; status: 1 | 2; formal: 1300 | 1160 }
  | { kind: 'status-sum'; status: 1 | 2 }
  | { kind: 'ar5'; klasse: '21' | '22' | '23' }
  | { kind: 'jord-sum'; planDaa: number };

export interface ReconciliationRow {
  /** The row in bokmål, for geodata/README.md. */
  label: string;
  key: ReconciliationKey;
  datasetDaa: number;
  /** The plan's figure, where the plan gives one for this row. */
  planDaa: number | null;
  planSource: string | null;
}

const daaOf = (features: readonly Feature[]) => m2ToDaa(features.reduce((s, f) => s + areaPlanarM2(f.geometry as Polygon | MultiPolygon), 0));

/**
 * Reconciles the dataset with the plan (planar areas in EPSG:25832): næringsareal per
 * arealbruksstatus and per arealformål (the plan's 7425 and 5720 daa include offentlig
 * tjenesteyting, 1160), and farmland against the plan's 42 000 daa.
 */
export function reconcile(dataset: Pick<Dataset, 'layers'>): ReconciliationRow[] {
  const naering = dataset.layers.naeringsareal.features;
  const rows: ReconciliationRow[] = [];
  const plan = { 1: NAERINGSAREAL.naavaerendeDaa, 2: NAERINGSAREAL.framtidigDaa } as const;
  for (const status of [1, 2] as const) {
    const inStatus = naering.filter((f) => f.properties?.arealbruksstatus === status);
    for (const formal of [1300, 1160] as const) {
      rows.push({
        label: `${AREALBRUKSSTATUS[status]}, ${formal} ${AREALFORMAL[formal].toLowerCase()}`,
        key: { kind: 'formal', status, formal },
        datasetDaa: daaOf(inStatus.filter((f) => f.properties?.arealformal === formal)),
        planDaa: null,
        planSource: null
      });
    }
    rows.push({
      label: `${AREALBRUKSSTATUS[status]}, sum næring inkl. offentlig tjenesteyting`,
      key: { kind: 'status-sum', status },
      datasetDaa: daaOf(inStatus),
      planDaa: plan[status].verdi,
      planSource: `Temaplan næring ${plan[status].kilde.avsnitt.split(' ')[0]}`
    });
  }
  const jord = dataset.layers.jordbruk.features;
  for (const k of AR5_JORDBRUKSKLASSER) {
    rows.push({ label: `Jordbruk, AR5 ${k} ${AR5_JORDBRUK[k].toLowerCase()}`, key: { kind: 'ar5', klasse: k }, datasetDaa: daaOf(jord.filter((f) => String(f.properties?.arealtype) === k)), planDaa: null, planSource: null });
  }
  rows.push({ label: 'Jordbruk, sum (planen: «42 000 dekar jord»)', key: { kind: 'jord-sum', planDaa: LANDBRUK.jordDaa.verdi }, datasetDaa: daaOf(jord), planDaa: LANDBRUK.jordDaa.verdi, planSource: `Temaplan næring ${LANDBRUK.jordDaa.kilde.avsnitt.split(' ')[0]}` });
  return rows;
}

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
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`geodata/README.md mangler markørene ${TABLE_START} … ${TABLE_END}`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
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
}

/**
 * Builds the file the app loads. Deterministic: the same sources give byte-identical output
 * (input order kept, no timestamps). Layers stay in EPSG:25832 so the app's figures equal the
 * CLI's on the same sources; the app makes WGS84 copies for the map.
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
  return JSON.stringify(out) + '\n';
}
