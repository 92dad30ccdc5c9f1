import { KATEGORIER } from '../../../seeds/plan.ts';
import { readNorms, type Norms } from '../domain/norms.ts';
import type { Scenario, ScenarioChange } from './scenario.ts';
import { fromBase64Url, MAX_SHARE_LENGTH, toBase64Url } from './exchange.ts';
import { loadVersioned, type KeyValueStorage, type StoreProblem } from './sketch-store.ts';

/** Where scenarios are kept in local storage. */
export const SCENARIO_KEY = 'naeringsareal-asker:scenarier';

/** The schema version this code writes. */
export const SCENARIO_VERSION = 1;

const TYPES = new Set(['add-site', 'rezone', 'set-category', 'set-utnyttelse']);

function parseChange(raw: unknown): ScenarioChange | null {
  const c = raw as Record<string, unknown>;
  if (typeof c?.id !== 'string' || typeof c.enabled !== 'boolean' || !TYPES.has(String(c.type))) return null;
  if (c.type === 'rezone' && !['bolig', 'lnf', 'naavaerende'].includes(String(c.to))) return null;
  if (c.type === 'set-category' && !Object.hasOwn(KATEGORIER, String(c.kategori))) return null;
  if (c.type !== 'add-site' && typeof c.areaId !== 'string') return null;
  if (c.type === 'add-site') {
    const site = c.site as Record<string, unknown> | undefined;
    const g = site?.geometry as { type?: unknown } | undefined;
    if (typeof site?.id !== 'string' || (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon')) return null;
  }
  return c as unknown as ScenarioChange;
}

function parseNorms(raw: unknown): Norms | null {
  const read = readNorms(raw);
  return read.ok ? read.norms : null;
}

/** Reads one stored or shared scenario; null when anything in it is not valid. */
export function parseScenario(raw: unknown): Scenario | null {
  const s = raw as Record<string, unknown>;
  if (typeof s?.id !== 'string' || typeof s.navn !== 'string' || !Array.isArray(s.changes)) return null;
  const changes = s.changes.map(parseChange);
  const norms = parseNorms(s.norms);
  if (changes.some((c) => c === null) || !norms) return null;
  return { id: s.id, navn: s.navn, changes: changes as ScenarioChange[], norms };
}

function migrate(doc: unknown): unknown[] | null {
  const d = doc as { versjon?: unknown; scenarier?: unknown };
  return d && d.versjon === SCENARIO_VERSION && Array.isArray(d.scenarier) ? d.scenarier : null;
}

/** Loads scenarios; a store that cannot be read is set aside with a notice, never dropped. */
export function loadScenarios(storage: KeyValueStorage, now?: () => Date): { scenarios: Scenario[]; notice: string | null; problem: StoreProblem | null } {
  const r = loadVersioned(storage, { key: SCENARIO_KEY, what: 'scenarier', migrate, parse: parseScenario }, now);
  return { scenarios: r.items, notice: r.notice, problem: r.problem };
}

/** Saves scenarios in the current schema version. */
export function saveScenarios(storage: KeyValueStorage, scenarios: readonly Scenario[]): void {
  storage.setItem(SCENARIO_KEY, JSON.stringify({ versjon: SCENARIO_VERSION, scenarier: scenarios }));
}

/** A scenario (changes and assumptions) as a share-link parameter (base64url JSON). */
export function encodeScenarioShare(s: Scenario): string {
  return toBase64Url(JSON.stringify({ versjon: SCENARIO_VERSION, scenario: s }));
}

/** Reads a scenario from a share link, with a new id; refuses oversized or malformed links in Norwegian. */
export function decodeScenarioShare(param: string, newId: string): { ok: true; scenario: Scenario } | { ok: false; reason: 'too-long' | 'broken'; message: string } {
  if (param.length > MAX_SHARE_LENGTH) return { ok: false, reason: 'too-long', message: `Scenariolenken er for lang (${param.length} tegn; høyst ${MAX_SHARE_LENGTH}).` };
  try {
    const doc = JSON.parse(fromBase64Url(param)) as { versjon?: unknown; scenario?: unknown };
    const s = doc.versjon === SCENARIO_VERSION ? parseScenario(doc.scenario) : null;
    if (!s) return { ok: false, reason: 'broken', message: 'Scenariolenken er ødelagt eller fra en annen versjon, og kan ikke leses.' };
    return { ok: true, scenario: { ...s, id: newId } };
  } catch {
    return { ok: false, reason: 'broken', message: 'Scenariolenken er ødelagt og kan ikke leses.' };
  }
}
