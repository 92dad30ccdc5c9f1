import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { bboxOf } from '../geo/bbox.ts';
import { reprojectGeometry } from '../geo/crs.ts';
import type { AppDataFile } from '../geodata/build.ts';
import type { ImportReport } from '../io/import-plan.ts';
import type { ImportKind } from '../io/plan-layers.ts';

/** An imported layer as kept in the browser (IndexedDB): the layer in EPSG:25832 and its report. */
export interface StoredImport {
  kind: ImportKind;
  fileName: string;
  /** ISO time of the import. */
  importedAt: string;
  report: ImportReport;
  layer: FeatureCollection<Polygon | MultiPolygon>;
  /** AR5 imports: the whole AR5 layer (every area type), EPSG:25832; kept for land accounting. */
  ar5?: FeatureCollection<Polygon | MultiPolygon>;
}

/** The imports in use, at most one per kind; a kind without one uses the demo data. */
export type Imports = Partial<Record<ImportKind, StoredImport>>;

/** Which layer of the data file each import kind replaces. */
export const IMPORT_LAYER = { naering: 'naeringsareal', jordbruk: 'jordbruk' } as const satisfies Record<ImportKind, keyof AppDataFile['layers']>;

/**
 * The data file with imported layers in place of the demo layers (næringsareal, jordbruk).
 * Growth areas, roads, railway and stations stay as they are. The input is not modified.
 */
export function withImports(file: AppDataFile, imports: Imports): AppDataFile {
  const layers = { ...file.layers };
  for (const kind of Object.keys(IMPORT_LAYER) as ImportKind[]) {
    const imp = imports[kind];
    if (imp) layers[IMPORT_LAYER[kind]] = { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:25832' } }, features: imp.layer.features } as FeatureCollection;
  }
  return { ...file, layers };
}

/** File names of the imports in use (null where the demo data is used). */
export function importedFiles(imports: Imports): Record<ImportKind, string | null> {
  return { naering: imports.naering?.fileName ?? null, jordbruk: imports.jordbruk?.fileName ?? null };
}

/**
 * How many features of a layer (EPSG:25832) lie wholly outside the kommune's extent (its
 * boundary, WGS84, as a bounding box in EPSG:25832). Many outside is the mark of a wrong CRS.
 */
export function countOutside(layer: FeatureCollection, boundary: FeatureCollection): { n: number; total: number } {
  const boxes = boundary.features.filter((f) => f.geometry).map((f) => bboxOf(reprojectGeometry(f.geometry as Geometry, 'EPSG:4326', 'EPSG:25832')));
  if (!boxes.length) return { n: 0, total: layer.features.length };
  const k = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
  let n = 0;
  for (const f of layer.features) {
    if (!f.geometry) continue;
    const b = bboxOf(f.geometry);
    if (b[2] < (k[0] as number) || b[0] > (k[2] as number) || b[3] < (k[1] as number) || b[1] > (k[3] as number)) n++;
  }
  return { n, total: layer.features.length };
}
