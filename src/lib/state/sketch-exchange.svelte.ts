import { countOf, ioProblem, tr } from '$lib/i18n/lang.svelte.ts';
import { excelCsvBytes } from '$lib/io/csv.ts';
import { downloadFile } from '$lib/state/download.ts';
import { ensureFullProjections } from '$lib/geo/crs.ts';
import { encodeShare, sketchesToGeoJson, sketchFiguresCsv } from '$lib/scenario/exchange.ts';
import { siteFromSketch } from '$lib/scenario/run.ts';
import { createSketchSet, sketchSetLink } from '$lib/scenario/shared-client.ts';
import { SKETCHES_PARAM } from '$lib/scenario/share-links.ts';
import type { DatasetState } from '$lib/state/dataset.svelte.ts';
import type { DrawSession } from '$lib/state/draw-session.svelte.ts';
import type { ScenarioState } from '$lib/state/scenarios.svelte.ts';
import type { SharedState } from '$lib/state/shared.svelte.ts';
import type { SketchState } from '$lib/state/sketches.svelte.ts';

/** The formats sketches can be exported in. */
export type SketchExportFormat = 'geojson-4326' | 'geojson-25832' | 'csv';

/**
 * What goes in and out of the sketches: export (GeoJSON in two CRS, figures as CSV), import of a
 * GeoJSON file, a share link that carries the sketches, a shared set saved on the server, and a
 * sketch added to the active scenario as a planned site. Problems go to the draw session's
 * message; results to `info`.
 */
export class SketchExchange {
  /** Result of the last import, export or share. */
  info = $state<string | null>(null);
  /** A link to show for copying by hand, when the clipboard is not available. */
  shareLink = $state<string | null>(null);
  private sketches: SketchState;
  private draw: DrawSession;
  private dataset: DatasetState;
  private scenarios: ScenarioState;
  private shared: SharedState;
  private fetcher: typeof fetch;
  private idCounter = 0;

  constructor(deps: { sketches: SketchState; draw: DrawSession; dataset: DatasetState; scenarios: ScenarioState; shared: SharedState; fetcher: typeof fetch }) {
    this.sketches = deps.sketches;
    this.draw = deps.draw;
    this.dataset = deps.dataset;
    this.scenarios = deps.scenarios;
    this.shared = deps.shared;
    this.fetcher = deps.fetcher;
  }

  /** A fresh id for an imported or shared sketch. */
  newId = (): string => `skisse-${Date.now().toString(36)}-i${(this.idCounter++).toString(36)}`;

  export(format: SketchExportFormat): void {
    const label = this.dataset.label;
    const list = this.sketches.list;
    if (format === 'csv') {
      const rows = list.map((s) => ({ sketch: s, stats: this.dataset.sketchFigures(s.geometry, s) }));
      downloadFile('skisser-nokkeltall.csv', 'text/csv;charset=utf-8', excelCsvBytes(sketchFiguresCsv(rows, label)));
    } else {
      const crs = format === 'geojson-4326' ? 'EPSG:4326' : 'EPSG:25832';
      downloadFile(`skisser-${crs === 'EPSG:4326' ? 'wgs84' : 'epsg25832'}.geojson`, 'application/geo+json', JSON.stringify(sketchesToGeoJson(list, crs, label), null, 1));
    }
    this.info = tr('info.exported', { sketches: countOf('sketch', list.length) });
  }

  /** Adds the sketches of a GeoJSON file (the CLI's rules). */
  async importFile(file: File): Promise<void> {
    const text = await file.text();
    // The file may name any supported CRS, old datums too: proj4 and the reader are loaded for it now, not with the map.
    await ensureFullProjections();
    const { importSketches } = await import('$lib/scenario/sketch-import.ts');
    const r = importSketches(text, file.name, this.newId);
    if (!r.ok) {
      this.draw.message = ioProblem(r.reason, file.name);
      return;
    }
    this.draw.message = null;
    this.sketches.apply({ put: r.sketches, delete: [] });
    this.info = tr('info.imported', { sketches: countOf('sketch', r.sketches.length), file: file.name });
  }

  /** Saves the sketches on the server as a shared set; the link opens them for anyone. */
  async saveOnServer(): Promise<void> {
    const r = await createSketchSet(this.fetcher, this.sketches.list, tr('sketch.title'), this.shared.author.trim());
    if (!r.ok) {
      this.draw.message = tr('info.serverFailed', { message: r.message });
      return;
    }
    this.shareLink = sketchSetLink(window.location.origin, r.data.id);
    this.info = tr('info.savedServer', { sketches: countOf('sketch', this.sketches.list.length) });
  }

  /** Copies a link that carries the sketches (`?skisser=…`), or shows it for copying by hand. */
  async share(): Promise<void> {
    const url = new URL(window.location.href);
    url.searchParams.set(SKETCHES_PARAM, encodeShare(this.sketches.list));
    const link = url.href;
    try {
      await navigator.clipboard.writeText(link);
      this.shareLink = null;
      this.info = tr('info.linkCopied');
    } catch {
      this.shareLink = link;
      this.info = tr('info.copyBelow');
    }
  }

  /** Adds a sketch to the active scenario (creating one when there is none) as a planned site. */
  addToScenario(id: string): void {
    const s = this.sketches.list.find((x) => x.id === id);
    if (!s) return;
    this.scenarios.addChange({ type: 'add-site', site: siteFromSketch(s) });
    this.info = tr('info.addedToScenario', { sketch: s.navn, scenario: this.scenarios.active?.navn ?? '' });
  }
}
