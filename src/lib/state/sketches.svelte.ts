import type { FeatureCollection, Polygon } from 'geojson';
import { commit, EMPTY_HISTORY, redo, undo, type History, type Sketch, type SketchChange, type SketchList } from '$lib/scenario/sketches.ts';
import { loadSketches, saveSketches, type KeyValueStorage, type StoreProblem } from '$lib/scenario/sketch-store.ts';

/** The planner's sketches with undo/redo; every edit is a change-set, saved locally. */
export class SketchState {
  list = $state.raw<SketchList>([]);
  history = $state.raw<History>(EMPTY_HISTORY);
  selectedId = $state<string | null>(null);
  /** What was set aside when the local store could not be read in full. */
  storeProblem = $state.raw<StoreProblem | null>(null);
  private storage: KeyValueStorage | null;
  private counter = 0;

  constructor(storage: KeyValueStorage | null) {
    this.storage = storage;
    if (storage) {
      const r = loadSketches(storage);
      this.list = r.sketches;
      this.storeProblem = r.problem;
    }
  }

  /** The selected sketch, if any. */
  get selected(): Sketch | null {
    return this.list.find((s) => s.id === this.selectedId) ?? null;
  }

  /** The sketches as WGS84 GeoJSON for the map (feature ids promoted from `id`), made once per change. */
  featureCollection = $derived.by<FeatureCollection>(() => ({
    type: 'FeatureCollection',
    features: this.list.map((s) => ({ type: 'Feature', properties: { id: s.id, navn: s.navn, kategori: s.kategori }, geometry: s.geometry }))
  }));

  get canUndo(): boolean {
    return this.history.undo.length > 0;
  }

  get canRedo(): boolean {
    return this.history.redo.length > 0;
  }

  /** Applies an edit as a change-set (undoable) and saves. */
  apply(change: SketchChange): void {
    const r = commit(this.list, this.history, change);
    this.list = r.list;
    this.history = r.history;
    this.save();
  }

  /** Adds a sketch for a newly drawn shape, with default fields (`name` makes the default name), and selects it. */
  add(geometry: Polygon, name: (n: number) => string = (n) => `Skisse ${n}`): Sketch {
    const id = `skisse-${Date.now().toString(36)}-${(this.counter++).toString(36)}`;
    const n = this.list.length + 1;
    const sketch: Sketch = { id, navn: name(n), kategori: 'kontor', utnyttelseBraProsent: null, status: 'maa-reguleres', geometry };
    this.apply({ put: [sketch], delete: [] });
    this.selectedId = id;
    return sketch;
  }

  /** Changes fields or the shape of a sketch (undoable). */
  update(id: string, patch: Partial<Omit<Sketch, 'id'>>): void {
    const s = this.list.find((x) => x.id === id);
    if (s) this.apply({ put: [{ ...s, ...patch }], delete: [] });
  }

  /** Deletes a sketch (undoable). */
  remove(id: string): void {
    this.apply({ put: [], delete: [id] });
    if (this.selectedId === id) this.selectedId = null;
  }

  undo(): void {
    const r = undo(this.list, this.history);
    if (!r) return;
    this.list = r.list;
    this.history = r.history;
    this.save();
  }

  redo(): void {
    const r = redo(this.list, this.history);
    if (!r) return;
    this.list = r.list;
    this.history = r.history;
    this.save();
  }

  private save(): void {
    if (this.storage) saveSketches(this.storage, this.list);
  }
}
