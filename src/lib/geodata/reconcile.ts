/**
 * The reconciliation of a dataset with the plan's own figures (geodata/README.md, the import
 * panel): apart from the build and its validation, so the map page does not load those.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { AR5_JORDBRUK, AR5_JORDBRUKSKLASSER } from '../../../seeds/ar5.ts';
import { LANDBRUK, NAERINGSAREAL } from '../../../seeds/plan.ts';
import { areaPlanarM2, m2ToDaa } from '../geo/area.ts';
import { AREALBRUKSSTATUS, AREALFORMAL } from './codes.ts';

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

/** Planar area of features, daa. */
export const daaOf = (features: readonly Feature[]) => m2ToDaa(features.reduce((s, f) => s + areaPlanarM2(f.geometry as Polygon | MultiPolygon), 0));

/**
 * Reconciles the dataset with the plan (planar areas in EPSG:25832): næringsareal per
 * arealbruksstatus and per arealformål (the plan's 7425 and 5720 daa include offentlig
 * tjenesteyting, 1160), and farmland against the plan's 42 000 daa.
 */
export function reconcile(dataset: { layers: { naeringsareal: FeatureCollection; jordbruk: FeatureCollection } }): ReconciliationRow[] {
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
