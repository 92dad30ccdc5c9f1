import type { Polygon, Position } from 'geojson';
import type { Map as MlMap } from 'maplibre-gl';
import type { GeoJSONStoreFeatures, SnapToCustom, TerraDrawMouseEvent } from 'terra-draw';
import Flatbush from 'flatbush';
import { ringBounds, snapTarget } from '$lib/geo/snap.ts';
import { tr } from '$lib/i18n/lang.svelte.ts';
// The drawing modes and callbacks are the app's drawing session's; this is the tool it drives on the map.
import type { DrawCallbacks, DrawKind, DrawTool } from '$lib/state/draw-session.svelte.ts';

/** Polygons (WGS84) whose vertices and edges drawing may snap to. */
export type SnapTargets = readonly Polygon[];

const SNAP_PX = 10;
/** How long after a shape is finished a map click still belongs to the drawing, ms (the finishing click's own click event). */
const FINISH_CLICK_MS = 400;

/**
 * Connects terra-draw (and its MapLibre adapter) to the map: polygon, rectangle and freehand
 * drawing, editing one sketch's vertices in select mode, snapping to vertices and edges of
 * existing areas, and refusing self-intersecting shapes through the app's own validation.
 * The map stays owned by MapView; this only adds terra-draw's layers to it.
 */
export class SketchDraw implements DrawTool {
  private draw: import('terra-draw').TerraDraw | null = null;
  private editing: { sketchId: string; featureId: string | number } | null = null;
  private snapIndex: { tree: Flatbush; polys: Polygon[] } | null = null;
  /** When the last shape was finished (performance.now()), see {@link consumesClick}. */
  private finishedAt = -Infinity;
  snapping = true;
  private map: MlMap;
  private cb: DrawCallbacks;

  constructor(map: MlMap, callbacks: DrawCallbacks) {
    this.map = map;
    this.cb = callbacks;
  }

  /** Set by {@link stop}: a start still loading terra-draw then leaves the map alone. */
  private stopped = false;

  /** Loads terra-draw lazily and starts it in a neutral (static) mode (not if stopped meanwhile). */
  async start(): Promise<void> {
    const td = await import('terra-draw');
    const { TerraDrawMapLibreGLAdapter } = await import('terra-draw-maplibre-gl-adapter');
    if (this.stopped) return;
    // Drawing validates the finished shape (each click is a 'commit' of a shape still growing);
    // editing validates every committed change (end of a drag), so the last valid shape is kept.
    const check = (feature: GeoJSONStoreFeatures) => {
      const message = this.cb.validate(feature.geometry as Polygon);
      if (message) {
        this.cb.oninvalid(message);
        return { valid: false, reason: message };
      }
      return { valid: true };
    };
    const validation = (feature: GeoJSONStoreFeatures, ctx: { updateType: string }) =>
      ctx.updateType === 'finish' && feature.geometry.type === 'Polygon' ? check(feature) : { valid: true };
    const editValidation = (feature: GeoJSONStoreFeatures, ctx: { updateType: string }) =>
      ctx.updateType !== 'provisional' && feature.geometry.type === 'Polygon' ? check(feature) : { valid: true };
    const snapping = { toCustom: this.snapToAreas };
    this.draw = new td.TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map }),
      modes: [
        new td.TerraDrawPolygonMode({ snapping, validation, keyEvents: { cancel: 'Escape', finish: 'Enter' } }),
        new td.TerraDrawRectangleMode({ validation, keyEvents: { cancel: 'Escape', finish: 'Enter' } }),
        new td.TerraDrawFreehandMode({ validation, keyEvents: { cancel: 'Escape', finish: 'Enter' } }),
        new td.TerraDrawSelectMode({
          flags: {
            polygon: { feature: { draggable: true, validation: editValidation, coordinates: { draggable: true, midpoints: true, deletable: true, snappable: snapping } } },
            rectangle: { feature: { draggable: true, validation: editValidation, coordinates: { draggable: true, midpoints: true, deletable: true } } },
            freehand: { feature: { draggable: true, validation: editValidation, coordinates: { draggable: true, deletable: true } } }
          },
          keyEvents: { deselect: null, delete: null, rotate: null, scale: null }
        })
      ]
    });
    this.draw.start();
    this.draw.on('change', (ids) => {
      const f = ids.map((id) => this.draw?.getSnapshotFeature(id)).find((x) => x?.geometry.type === 'Polygon' && !x.properties?.midPoint && !x.properties?.selectionPoint);
      this.cb.onprogress(f ? (f.geometry as Polygon) : null);
    });
    this.draw.on('finish', (id, ctx) => {
      const f = this.draw?.getSnapshotFeature(id);
      if (!f || f.geometry.type !== 'Polygon') return;
      const geometry = f.geometry as Polygon;
      if (ctx.mode === 'select' || this.editing) {
        if (this.editing && this.editing.featureId === id) this.cb.onedit(this.editing.sketchId, geometry);
        return;
      }
      // A finished shape becomes a sketch (drawn by our own layer); terra-draw lets it go.
      this.finishedAt = performance.now();
      this.draw?.removeFeatures([id]);
      this.draw?.setMode('static');
      this.cb.onprogress(null);
      this.cb.onfinish(geometry);
    });
  }

  /** Starts drawing a new shape. */
  begin(kind: DrawKind): void {
    this.stopEditing();
    this.draw?.setMode(kind);
  }

  /** Loads a sketch's shape for editing: drag it, drag or delete vertices, add at midpoints. */
  edit(sketchId: string, geometry: Polygon): void {
    if (!this.draw) return;
    this.stopEditing();
    this.draw.setMode('select');
    const [result] = this.draw.addFeatures([{ type: 'Feature', geometry, properties: { mode: 'polygon' } }]);
    if (!result?.valid) {
      this.cb.oninvalid(tr('draw.cannotEdit', { reason: result?.reason ?? '' }));
      return;
    }
    this.editing = { sketchId, featureId: result.id as string | number };
    this.draw.selectFeature(result.id as string | number);
  }

  /** Ends editing or drawing without changing any sketch (Escape). */
  cancel(): void {
    this.stopEditing();
    this.draw?.setMode('static');
    this.cb.onprogress(null);
  }

  /** True while a shape is being drawn or edited. */
  get active(): boolean {
    const mode = this.draw?.getMode();
    return mode !== undefined && mode !== 'static';
  }

  /**
   * True when a map click belongs to the drawing: while drawing or editing, and for the click
   * that finished a shape (terra-draw finishes on the pointer-up before the map's click event, so
   * the mode is already static when that click arrives).
   */
  consumesClick(): boolean {
    return this.active || performance.now() - this.finishedAt < FINISH_CLICK_MS;
  }

  /** The polygons drawing snaps to (existing næring areas and other sketches), WGS84. */
  setSnapTargets(polys: SnapTargets): void {
    const usable = polys.filter((p) => p.coordinates[0]?.length);
    if (!usable.length) {
      this.snapIndex = null;
      return;
    }
    const tree = new Flatbush(usable.length);
    for (const p of usable) {
      const [minX, minY, maxX, maxY] = ringBounds(p.coordinates[0] as Position[]);
      tree.add(minX, minY, maxX, maxY);
    }
    tree.finish();
    this.snapIndex = { tree, polys: usable };
  }

  /** Removes terra-draw from the map. */
  stop(): void {
    this.stopped = true;
    this.stopEditing();
    this.draw?.stop();
    this.draw = null;
  }

  private stopEditing(): void {
    if (this.editing && this.draw) {
      try {
        this.draw.removeFeatures([this.editing.featureId]);
      } catch {
        // Already gone (e.g. deleted in select mode).
      }
    }
    this.editing = null;
  }

  /** Snaps to the nearest vertex (preferred) or edge of the target polygons within SNAP_PX pixels. */
  private snapToAreas: SnapToCustom = (event: TerraDrawMouseEvent) => {
    if (!this.snapping || !this.snapIndex) return undefined;
    const { tree, polys } = this.snapIndex;
    const px = { x: event.containerX, y: event.containerY };
    const a = this.map.unproject([px.x - SNAP_PX, px.y + SNAP_PX]);
    const b = this.map.unproject([px.x + SNAP_PX, px.y - SNAP_PX]);
    const rings = tree.search(a.lng, a.lat, b.lng, b.lat).flatMap((i) => (polys[i] as Polygon).coordinates);
    const hit = snapTarget(px, rings, (p) => this.map.project(p as [number, number]), SNAP_PX);
    if (!hit) return undefined;
    if (hit.kind === 'vertex') return hit.position;
    const ll = this.map.unproject([hit.screen.x, hit.screen.y]);
    return [ll.lng, ll.lat];
  };
}
