import type { Polygon } from 'geojson';
import type { SketchStats } from '$lib/domain/sketch-stats.ts';
import { sketchStats } from '$lib/domain/sketch-stats.ts';
import { VALIDATION_REASONS, type ValidationReason } from '$lib/geo/validate.ts';
import { tr } from '$lib/i18n/lang.svelte.ts';
import type { DatasetState } from '$lib/state/dataset.svelte.ts';
import type { SketchState } from '$lib/state/sketches.svelte.ts';
import type { ViewState } from '$lib/state/view.svelte.ts';

/** Drawing modes the planner can choose. */
export type DrawKind = 'polygon' | 'rectangle' | 'freehand';

/** What the drawing tool tells the app. Geometry is WGS84 (lon, lat), as drawn. */
export interface DrawCallbacks {
  /** The shape being drawn or dragged changed (called often; throttle the work). null when none. */
  onprogress: (geometry: Polygon | null) => void;
  /** A new shape was finished. */
  onfinish: (geometry: Polygon) => void;
  /** The shape being edited (`edit`) was changed and committed. */
  onedit: (sketchId: string, geometry: Polygon) => void;
  /** An update was refused; the last valid shape is kept. */
  oninvalid: (message: string) => void;
  /** Validates a finished or committed shape; returns a Norwegian message when it must be refused. */
  validate: (geometry: Polygon) => string | null;
}

/** What the session asks of the drawing tool on the map (map/draw.ts implements it). */
export interface DrawTool {
  snapping: boolean;
  begin(kind: DrawKind): void;
  edit(sketchId: string, geometry: Polygon): void;
  cancel(): void;
  setSnapTargets(polys: readonly Polygon[]): void;
}

/**
 * The planner's drawing session: drawing a new sketch or editing a sketch's shape, live figures
 * for the shape (at most once per animation frame), snapping, refusal of invalid shapes, and
 * undo/redo from the keyboard. Finished shapes become change-sets in {@link SketchState}.
 * Create it while a component is being initialised (it keeps the snap targets up to date).
 */
export class DrawSession {
  /** The drawing tool, once the map has made it. */
  tool = $state.raw<DrawTool | null>(null);
  drawing = $state(false);
  /** What the planner is doing on the map: drawing a shape of a kind, or editing a sketch's shape (null: neither). */
  mode = $state<DrawKind | 'edit' | null>(null);
  snapping = $state(true);
  /** Why a shape or a file was refused, for the sketch panel. */
  message = $state<string | null>(null);
  /** Figures for the shape being drawn or dragged. */
  liveStats = $state.raw<SketchStats | null>(null);
  private dataset: DatasetState;
  private sketches: SketchState;
  private view: ViewState;
  private pending: Polygon | null = null;
  private frame = 0;
  private editingId: string | null = null;

  constructor(dataset: DatasetState, sketches: SketchState, view: ViewState) {
    this.dataset = dataset;
    this.sketches = sketches;
    this.view = view;
    // Snap targets: existing næring areas and the sketches.
    $effect(() => {
      const d = this.tool;
      const data = this.dataset.data;
      if (!d || !data) return;
      const polys = [...data.map['naering-naa'].features, ...data.map['naering-framtidig'].features, ...this.sketches.featureCollection.features]
        .map((f) => f.geometry)
        .filter((g): g is Polygon => g?.type === 'Polygon');
      d.setSnapTargets(polys);
    });
    // A click on a sketch on the map selects it in the sketch panel.
    $effect(() => {
      const sel = this.view.selected;
      if (sel?.layer === 'skisser') this.sketches.selectedId = String(sel.id);
    });
  }

  /** Figures of the selected sketch. */
  selectedStats = $derived.by(() => {
    const s = this.sketches.selected;
    return s && this.dataset.data ? this.dataset.sketchFigures(s.geometry, s) : null;
  });

  /** Figures for the sketch panel: the shape being drawn, else the selected sketch. */
  get stats(): SketchStats | null {
    return this.liveStats ?? this.selectedStats;
  }

  /** The map's drawing tool is ready. */
  ready(tool: DrawTool): void {
    this.tool = tool;
    tool.snapping = this.snapping;
  }

  setSnapping(on: boolean): void {
    this.snapping = on;
    if (this.tool) this.tool.snapping = on;
  }

  /** What the drawing tool reports. */
  readonly callbacks: DrawCallbacks = {
    onprogress: (geometry) => {
      this.pending = geometry;
      if (!geometry) {
        this.liveStats = null;
        return;
      }
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        const g = this.pending;
        const s = this.sketches.selected;
        this.liveStats = g
          ? this.dataset.sketchFigures(g, s && this.editingId === s.id ? s : { id: 'ny', navn: 'Ny skisse', kategori: 'kontor', utnyttelseBraProsent: null })
          : null;
      });
    },
    onfinish: (geometry) => {
      this.drawing = false;
      this.mode = null;
      this.message = null;
      this.liveStats = null;
      this.sketches.add(geometry, (n) => tr('sketch.defaultName', { n }));
      this.view.selected = null;
    },
    onedit: (id, geometry) => {
      this.message = null;
      this.sketches.update(id, { geometry });
      this.liveStats = null;
    },
    oninvalid: (message) => {
      this.message = message;
    },
    validate: (geometry) => {
      const data = this.dataset.data;
      const r = data ? sketchStats({ id: 'x', navn: 'Skissen', kategori: 'kontor', utnyttelseBraProsent: null, geometry }, data.ctx) : null;
      return r && !r.ok ? tr('draw.refused', { reason: VALIDATION_REASONS.includes(r.error.reason as ValidationReason) ? tr(`geo.${r.error.reason as ValidationReason}`) : r.error.message }) : null;
    }
  };

  begin(kind: DrawKind): void {
    this.message = null;
    this.editingId = null;
    this.tool?.begin(kind);
    this.drawing = true;
    this.mode = kind;
  }

  cancel(): void {
    this.tool?.cancel();
    this.drawing = false;
    this.mode = null;
    this.editingId = null;
    this.liveStats = null;
  }

  /** Edits the shape of a sketch on the map. */
  edit(id: string): void {
    const s = this.sketches.list.find((x) => x.id === id);
    if (!s || !this.tool) return;
    this.editingId = id;
    this.tool.edit(id, s.geometry);
    this.drawing = true;
    this.mode = 'edit';
  }

  /** Undo and redo end any drawing or editing first, so the map and the list agree. */
  undo(): void {
    if (this.drawing) this.cancel();
    this.sketches.undo();
  }

  redo(): void {
    if (this.drawing) this.cancel();
    this.sketches.redo();
  }

  /** Escape ends drawing; Ctrl/Cmd+Z undoes and Ctrl/Cmd+Shift+Z redoes (not while typing in a field). */
  onKey = (e: KeyboardEvent): void => {
    const target = e.target as HTMLElement | null;
    if (target?.closest('input, select, textarea')) return;
    if (e.key === 'Escape' && this.drawing) {
      this.cancel();
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      if (e.shiftKey) this.redo();
      else this.undo();
    }
  };
}
