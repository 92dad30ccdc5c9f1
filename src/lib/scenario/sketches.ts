import type { Polygon } from 'geojson';
import type { Kategori, StatusTomt } from '../../../seeds/plan.ts';
import { parseDecimal } from '../domain/decimal.ts';

/** A site a planner has sketched. Geometry in WGS84 (as drawn on the map); figures use EPSG:25832. */
export interface Sketch {
  id: string;
  navn: string;
  kategori: Kategori;
  /** Utnyttelse (%BRA), or null to use the category's default assumption. */
  utnyttelseBraProsent: number | null;
  /** Planned readiness of the site. */
  status: StatusTomt;
  geometry: Polygon;
}

/** The sketches, in the order they were made. */
export type SketchList = readonly Sketch[];

/**
 * An edit as data (Placemark's «moment»): sketches to put (insert or replace by id) and ids to
 * delete. Applying a change returns its inverse, so undo is «apply the inverse».
 */
export interface SketchChange {
  put: readonly Sketch[];
  delete: readonly string[];
}

/**
 * Applies a change to a list and returns the new list and the inverse change. Puts replace a
 * sketch with the same id in place, or append; deletes remove. Neither input is modified.
 */
export function applyChange(list: SketchList, change: SketchChange): { list: SketchList; inverse: SketchChange } {
  const byId = new Map(list.map((s, i) => [s.id, i]));
  const inversePut: Sketch[] = [];
  const inverseDelete: string[] = [];
  let next: (Sketch | null)[] = [...list];
  for (const id of change.delete) {
    const i = byId.get(id);
    if (i === undefined || next[i] === null) continue;
    inversePut.push(next[i] as Sketch);
    next[i] = null;
  }
  const appended: Sketch[] = [];
  for (const s of change.put) {
    const i = byId.get(s.id);
    if (i !== undefined && next[i] !== null) {
      inversePut.push(next[i] as Sketch);
      next[i] = s;
    } else {
      inverseDelete.push(s.id);
      appended.push(s);
    }
  }
  next = next.filter((s) => s !== null);
  return { list: [...(next as Sketch[]), ...appended], inverse: { put: inversePut, delete: inverseDelete } };
}

/** Undo and redo stacks of inverse changes. */
export interface History {
  undo: readonly SketchChange[];
  redo: readonly SketchChange[];
}

/** How many steps undo remembers. */
export const HISTORY_LIMIT = 100;

/** An empty history. */
export const EMPTY_HISTORY: History = { undo: [], redo: [] };

/** Applies a user's edit: its inverse goes on the undo stack (capped), and redo is cleared. */
export function commit(list: SketchList, history: History, change: SketchChange): { list: SketchList; history: History } {
  const r = applyChange(list, change);
  return { list: r.list, history: { undo: [...history.undo, r.inverse].slice(-HISTORY_LIMIT), redo: [] } };
}

/** Undoes the last edit, if any; its inverse goes on the redo stack. */
export function undo(list: SketchList, history: History): { list: SketchList; history: History } | null {
  const last = history.undo[history.undo.length - 1];
  if (!last) return null;
  const r = applyChange(list, last);
  return { list: r.list, history: { undo: history.undo.slice(0, -1), redo: [...history.redo, r.inverse] } };
}

/** Redoes the last undone edit, if any. */
export function redo(list: SketchList, history: History): { list: SketchList; history: History } | null {
  const last = history.redo[history.redo.length - 1];
  if (!last) return null;
  const r = applyChange(list, last);
  return { list: r.list, history: { undo: [...history.undo, r.inverse].slice(-HISTORY_LIMIT), redo: history.redo.slice(0, -1) } };
}

/** Why a form field is refused. */
export type FieldProblem = 'required' | 'too-long' | 'not-number' | 'out-of-range';

/** Problems with a sketch's form fields, by field, as codes a UI can say in its own language. */
export function sketchFieldProblems(fields: { navn: string; utnyttelse: string }): Partial<Record<'navn' | 'utnyttelse', FieldProblem>> {
  const out: Partial<Record<'navn' | 'utnyttelse', FieldProblem>> = {};
  if (!fields.navn.trim()) out.navn = 'required';
  else if (fields.navn.length > 80) out.navn = 'too-long';
  const v = parseDecimal(fields.utnyttelse);
  if (v !== null) {
    if (!Number.isFinite(v)) out.utnyttelse = 'not-number';
    else if (v <= 0 || v > 1000) out.utnyttelse = 'out-of-range';
  }
  return out;
}
