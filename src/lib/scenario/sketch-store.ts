import { isKategori } from '../domain/norms.ts';
import { STATUS_TOMT } from '../../../seeds/plan.ts';
import type { Sketch } from './sketches.ts';

/** The part of the Web Storage API the store uses (so tests can pass a fake). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Where sketches are kept in local storage. */
export const STORE_KEY = 'naeringsareal-asker:skisser';

/** The schema version this code writes. Version 1 stored `{ versjon: 1, skisser: [...] }` with `utnyttelse` and no status. */
export const STORE_VERSION = 2;

/** The result of loading: the sketches, and a Norwegian notice when something was set aside. */
export interface LoadResult {
  sketches: Sketch[];
  notice: string | null;
  problem: StoreProblem | null;
}

function isPolygon(g: unknown): g is Sketch['geometry'] {
  const p = g as { type?: unknown; coordinates?: unknown };
  return (
    p?.type === 'Polygon' &&
    Array.isArray(p.coordinates) &&
    p.coordinates.length > 0 &&
    p.coordinates.every((r) => Array.isArray(r) && r.length >= 4 && r.every((c) => Array.isArray(c) && Number.isFinite(c[0]) && Number.isFinite(c[1])))
  );
}

/** Reads one stored or shared sketch; null when it is not a valid sketch. */
export function toSketch(raw: unknown): Sketch | null {
  const s = raw as Record<string, unknown>;
  if (typeof s?.id !== 'string' || typeof s.navn !== 'string' || !isKategori(s.kategori) || !isPolygon(s.geometry)) return null;
  const u = s.utnyttelseBraProsent;
  const status = typeof s.status === 'string' && Object.hasOwn(STATUS_TOMT, s.status) ? (s.status as Sketch['status']) : 'maa-reguleres';
  return { id: s.id, navn: s.navn, kategori: s.kategori, utnyttelseBraProsent: typeof u === 'number' && u > 0 ? u : null, status, geometry: s.geometry };
}

/** Migrates a stored document to the current version; null when it cannot be read. */
export function migrate(doc: unknown): unknown[] | null {
  const d = doc as { versjon?: unknown; skisser?: unknown };
  if (!d || typeof d !== 'object' || !Array.isArray(d.skisser)) return null;
  if (d.versjon === 1) {
    // v1 → v2: `utnyttelse` was renamed `utnyttelseBraProsent`; `status` did not exist.
    return d.skisser.map((s) => {
      const { utnyttelse, ...rest } = (s ?? {}) as Record<string, unknown>;
      return { ...rest, utnyttelseBraProsent: utnyttelse ?? null, status: 'maa-reguleres' };
    });
  }
  if (d.versjon === STORE_VERSION) return d.skisser;
  return null;
}

/** What was set aside when a store could not be read in full: how many items (null: all) and the backup key. */
export interface StoreProblem {
  lost: number | null;
  total: number | null;
  backup: string;
}

/** How to read one kind of item from a versioned store document. */
export interface VersionedKind<T> {
  key: string;
  /** Plural noun for messages, e.g. «skisser». */
  what: string;
  migrate: (doc: unknown) => unknown[] | null;
  parse: (raw: unknown) => T | null;
}

/**
 * Loads items from a versioned store. A store that cannot be read (bad JSON, unknown version,
 * broken items) is never dropped silently: the raw text is copied to a backup key and a
 * Norwegian notice says so; the readable items are kept.
 */
export function loadVersioned<T>(
  storage: KeyValueStorage,
  kind: VersionedKind<T>,
  now: () => Date = () => new Date()
): { items: T[]; notice: string | null; problem: StoreProblem | null } {
  const raw = storage.getItem(kind.key);
  if (raw === null) return { items: [], notice: null, problem: null };
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch {
    doc = undefined;
  }
  const items = doc === undefined ? null : kind.migrate(doc);
  const parsed = (items ?? []).map(kind.parse);
  const good = parsed.filter((s): s is T => s !== null);
  if (items !== null && good.length === parsed.length) return { items: good, notice: null, problem: null };
  const backup = `${kind.key}:korrupt:${now().toISOString()}`;
  storage.setItem(backup, raw);
  const lost = items === null ? `Lagrede ${kind.what} kunne ikke leses` : `${parsed.length - good.length} av ${parsed.length} lagrede ${kind.what} kunne ikke leses`;
  return {
    items: good,
    notice: `${lost}; de er lagt til side under «${backup}» i nettleserens lokale lager, og ingenting er slettet.`,
    problem: { lost: items === null ? null : parsed.length - good.length, total: items === null ? null : parsed.length, backup }
  };
}

/** Loads sketches (see {@link loadVersioned}). */
export function loadSketches(storage: KeyValueStorage, now: () => Date = () => new Date()): LoadResult {
  const r = loadVersioned(storage, { key: STORE_KEY, what: 'skisser', migrate, parse: toSketch }, now);
  return { sketches: r.items, notice: r.notice, problem: r.problem };
}

/** Saves sketches in the current schema version. */
export function saveSketches(storage: KeyValueStorage, sketches: readonly Sketch[]): void {
  storage.setItem(STORE_KEY, JSON.stringify({ versjon: STORE_VERSION, skisser: sketches }));
}
