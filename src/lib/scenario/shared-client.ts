import { toSketch, type KeyValueStorage } from './sketch-store.ts';
import type { Sketch } from './sketches.ts';
import { parseScenario } from './scenario-store.ts';
import type { Scenario } from './scenario.ts';

/** A scenario this browser saved to (or opened from) the server. */
export interface SharedRecord {
  /** The server's read id. */
  serverId: string;
  /** The local scenario it belongs to. */
  scenarioId: string;
  /** The edit token, when this browser may save new versions; null for read links. */
  token: string | null;
  /** The version this browser last saved or loaded. */
  version: number;
  name: string;
  savedAt: string;
}

/** Where the records are kept in local storage. */
export const SHARED_KEY = 'naeringsareal-asker:delte';

const isRecord = (r: unknown): r is SharedRecord => {
  const x = r as Record<string, unknown>;
  return (
    typeof x?.serverId === 'string' &&
    typeof x.scenarioId === 'string' &&
    (x.token === null || typeof x.token === 'string') &&
    Number.isInteger(x.version) &&
    typeof x.name === 'string' &&
    typeof x.savedAt === 'string'
  );
};

/** The records kept in this browser; entries that cannot be read are left out. */
export function loadSharedRecords(storage: KeyValueStorage): SharedRecord[] {
  try {
    const doc = JSON.parse(storage.getItem(SHARED_KEY) ?? '{"versjon":1,"delte":[]}') as { delte?: unknown };
    return Array.isArray(doc.delte) ? doc.delte.filter(isRecord) : [];
  } catch {
    return [];
  }
}

/** Keeps the records (schema version 1). */
export function saveSharedRecords(storage: KeyValueStorage, list: readonly SharedRecord[]): void {
  storage.setItem(SHARED_KEY, JSON.stringify({ versjon: 1, delte: list }));
}

/**
 * The two links of a shared scenario: read (anyone with it can open a copy) and edit (also the
 * secret token, so new versions can be saved). The token is in the query, which the app removes
 * from the address once read; the server sends `Referrer-Policy: no-referrer`.
 */
export function sharedLinks(origin: string, rec: Pick<SharedRecord, 'serverId' | 'token'>): { read: string; edit: string | null } {
  const read = `${origin}/?delt=${encodeURIComponent(rec.serverId)}`;
  return { read, edit: rec.token ? `${read}&nokkel=${encodeURIComponent(rec.token)}` : null };
}

/** The head of a shared item as the API gives it. */
export interface Head {
  id: string;
  version: number;
  name: string;
  author: string;
  savedAt: string;
}

/** What an API call gave: ok with data, or the HTTP status and the server's message. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string; head?: Head };

async function call<T>(fetcher: typeof fetch, url: string, init: RequestInit): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetcher(url, init);
  } catch (e) {
    return { ok: false, status: 0, message: (e as Error).message };
  }
  const body = (await res.json().catch(() => null)) as (T & { message?: string; head?: Head }) | null;
  if (res.ok && body) return { ok: true, data: body };
  return { ok: false, status: res.status, message: body?.message ?? `HTTP ${res.status}`, head: body?.head };
}

/** Saves a scenario as a new shared item: its read id, version 1 and the edit token. */
export function createOnServer(fetcher: typeof fetch, s: Scenario, author: string): Promise<ApiResult<Head & { editToken: string }>> {
  return call(fetcher, '/api/delt', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'scenario', name: s.navn, author, payload: s }) });
}

/** Saves a new version on top of `baseVersion` (409 with the newest head when someone was first). */
export function saveOnServer(fetcher: typeof fetch, rec: SharedRecord, s: Scenario, author: string): Promise<ApiResult<Head>> {
  return call(fetcher, `/api/delt/${encodeURIComponent(rec.serverId)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${rec.token ?? ''}` },
    body: JSON.stringify({ kind: 'scenario', name: s.navn, author, baseVersion: rec.version, payload: s })
  });
}

/** The newest version of a shared scenario, checked like a local one (null payload if invalid). */
export async function fetchShared(fetcher: typeof fetch, serverId: string): Promise<ApiResult<Head & { scenario: Scenario | null }>> {
  const r = await call<Head & { payload: unknown; kind: string }>(fetcher, `/api/delt/${encodeURIComponent(serverId)}`, { cache: 'no-store' });
  if (!r.ok) return r;
  return { ok: true, data: { ...r.data, scenario: r.data.kind === 'scenario' ? parseScenario(r.data.payload) : null } };
}

/** The read link of a shared sketch set: opening it adds the sketches to the opener's own. */
export function sketchSetLink(origin: string, serverId: string): string {
  return `${origin}/?delte-skisser=${encodeURIComponent(serverId)}`;
}

/** Saves sketches on the server as a shared set (a new item each time). */
export function createSketchSet(fetcher: typeof fetch, sketches: readonly Sketch[], name: string, author: string): Promise<ApiResult<Head & { editToken: string }>> {
  return call(fetcher, '/api/delt', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'skisser', name, author, payload: sketches }) });
}

/** A shared sketch set, each sketch checked like a stored one and given a fresh local id. */
export async function fetchSketchSet(fetcher: typeof fetch, serverId: string, newId: () => string): Promise<ApiResult<Head & { sketches: Sketch[] }>> {
  const r = await call<Head & { payload: unknown; kind: string }>(fetcher, `/api/delt/${encodeURIComponent(serverId)}`, { cache: 'no-store' });
  if (!r.ok) return r;
  if (r.data.kind !== 'skisser' || !Array.isArray(r.data.payload)) return { ok: false, status: 400, message: 'ikke et skissesett' };
  const sketches = r.data.payload.map(toSketch).filter((x): x is Sketch => x !== null).map((x) => ({ ...x, id: newId() }));
  return { ok: true, data: { ...r.data, sketches } };
}
