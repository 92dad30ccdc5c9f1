import { countOutside, importedFiles, type Imports, type StoredImport } from '$lib/data/imported.ts';
import type { MapLayersData } from '$lib/data/appdata.ts';
import { DATA_URL, datasetFrom, fetchDataFile, fetchMapData, mapLayersFrom, readDataFile, type Loaded } from '$lib/data/load.ts';
import type { AppDataFile } from '$lib/geodata/build.ts';
import type { SketchStats } from '$lib/domain/sketch-stats.ts';
import { sketchStats } from '$lib/domain/sketch-stats.ts';
import { reconcile } from '$lib/geodata/reconcile.ts';
import { dataAttribution, dataLabel } from '$lib/i18n/lang.svelte.ts';
import type { Lang } from '$lib/i18n/messages.ts';
import type { Sketch } from '$lib/scenario/sketches.ts';
import type { MultiPolygon, Polygon } from 'geojson';
import { reprojectGeometry } from '$lib/geo/crs.ts';
import { clearImports, loadImports, saveImport } from '$lib/state/import-store.ts';
import { applyLang } from '$lib/state/language.svelte.ts';

/**
 * The dataset every page starts with: the demo data file, with the user's imported layers
 * (IndexedDB) in place of its næring and jordbruk layers, and every area's figures. An import,
 * or going back to the demo data, puts a new dataset in use without fetching the file again.
 */
export class DatasetState {
  /** The demo data file as fetched, and the imported layers that replace parts of it. */
  demoFile = $state.raw<AppDataFile | null>(null);
  imports = $state.raw<Imports>({});
  /** The dataset in use (null until loaded). */
  loaded = $state.raw<Loaded | null>(null);
  /**
   * The map layers (WGS84) of the dataset in use (null until loaded). With `figuresAfter` (see
   * {@link start}) they are there before the figures, so the first map need not wait for them.
   */
  mapLayers = $state.raw<MapLayersData | null>(null);
  /** Why the data could not be loaded. */
  error = $state.raw<Error | null>(null);
  /** Which file each imported layer came from (null: demo data). */
  imported = $derived(importedFiles(this.imports));
  /** The reconciliation against the plan's figures, when imported layers are in use. */
  reconciliation = $derived(this.loaded && (this.imported.naering || this.imported.jordbruk) ? reconcile(this.loaded.file) : null);
  /** The kommune boundary in EPSG:25832 (for the static maps: report, prints, overview insets); null until loaded. */
  boundary25832 = $derived.by((): Polygon | MultiPolygon | null => {
    const g = this.loaded?.data.map.grense.features[0]?.geometry;
    return g && (g.type === 'Polygon' || g.type === 'MultiPolygon') ? reprojectGeometry(g, 'EPSG:4326', 'EPSG:25832') : null;
  });
  /** How many features of each imported layer lie wholly outside the kommune. */
  outside = $derived.by(() => {
    const out: Partial<Record<'naering' | 'jordbruk', { n: number; total: number }>> = {};
    for (const k of ['naering', 'jordbruk'] as const) {
      const imp = this.imports[k];
      if (imp && this.data) out[k] = countOutside(imp.layer, this.data.map.grense);
    }
    return out;
  });
  private onswitch: () => void;

  /** `onswitch` is called when an import or the demo data replaces the dataset in use. */
  constructor(onswitch: () => void = () => {}) {
    this.onswitch = onswitch;
  }

  get data() {
    return this.loaded?.data ?? null;
  }

  /** The data label shown with every view (demo data, or the imported files), in the current language. */
  get label(): string {
    return dataLabel(this.imported);
  }

  /** Map attribution for the data layers, in the current language. */
  get attribution() {
    return dataAttribution(this.imported);
  }

  /**
   * Start-up of every page: the language from `?lang=` (else `fallbackLang`), then the data file
   * and the stored imports. Returns the dataset, or null (and `error`) when it cannot be loaded.
   * With `figuresAfter` (the planner's first map), the map layers come first, from the demo data's
   * ready-made map file (`MAP_DATA_URL`); the data file is read, and the engine's context, every
   * area's figures and the free sites are computed, only when it resolves: the map is drawn first.
   */
  async start(url: URL, fallbackLang: Lang | null = null, figuresAfter?: Promise<unknown>): Promise<Loaded | null> {
    applyLang(url, fallbackLang);
    try {
      if (!figuresAfter) {
        const [file, stored] = await Promise.all([fetchDataFile(), loadImports()]);
        this.demoFile = file;
        this.imports = stored;
        this.loaded = datasetFrom(file, stored);
        this.mapLayers = this.loaded.data.map;
        return this.loaded;
      }
      // The data file downloads meanwhile; it is read after the first map.
      const response = fetch(DATA_URL);
      response.catch(() => undefined);
      const [demoMap, stored] = await Promise.all([fetchMapData(), loadImports()]);
      this.imports = stored;
      const map = mapLayersFrom(demoMap, stored);
      this.mapLayers = map;
      await figuresAfter;
      // A task of its own: the first map's frame reaches the screen before the figures are computed.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const file = await readDataFile(await response);
      this.demoFile = file;
      // An import or the demo data put in use meanwhile has made its own dataset.
      if (this.imports !== stored) return this.loaded;
      this.loaded = datasetFrom(file, stored, map);
      return this.loaded;
    } catch (e) {
      this.error = e as Error;
      return null;
    }
  }

  /** An import replaces its layer and is kept; resolves with a problem text if it could not be kept. */
  async useImport(imp: StoredImport): Promise<string | null> {
    if (!this.demoFile) return null;
    this.imports = { ...this.imports, [imp.kind]: imp };
    this.loaded = datasetFrom(this.demoFile, this.imports);
    this.mapLayers = this.loaded.data.map;
    this.onswitch();
    try {
      await saveImport(imp);
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }

  /** Forgets the imports and puts the demo data back in use. */
  async backToDemo(): Promise<void> {
    if (!this.demoFile) return;
    try {
      await clearImports();
    } finally {
      this.imports = {};
      this.onswitch();
      this.loaded = datasetFrom(this.demoFile, {});
      this.mapLayers = this.loaded.data.map;
    }
  }

  /** A sketch's figures for a shape (WGS84), or null without data or for an invalid shape. */
  sketchFigures(geometry: Polygon, s: Pick<Sketch, 'id' | 'navn' | 'kategori' | 'utnyttelseBraProsent'>): SketchStats | null {
    if (!this.data) return null;
    const r = sketchStats({ ...s, geometry }, this.data.ctx);
    return r.ok ? r.stats : null;
  }
}
