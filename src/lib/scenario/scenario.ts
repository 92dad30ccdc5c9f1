import type { Kategori } from '../../../seeds/plan.ts';
import { AREALBRUKSSTATUS, type Norms } from '../domain/norms.ts';
import type { ChangeEffect, PlanArea } from '../domain/plan-area.ts';

// The engine's view of a næring area and of a change's effect live in domain (indicators use them).
export type { ChangeEffect, PlanArea };

/** What a rezoning turns an area into. */
export type RezoneTarget = 'bolig' | 'lnf' | 'naavaerende';

/** What a change does, without its id and on/off switch. */
export type ScenarioChangeBody =
  | { type: 'add-site'; site: PlanArea }
  | { type: 'rezone'; areaId: string; to: RezoneTarget }
  | { type: 'set-category'; areaId: string; kategori: Kategori }
  | { type: 'set-utnyttelse'; areaId: string; utnyttelseBraProsent: number | null };

/** One change of a scenario. Changes are data; the baseline is never modified. */
export type ScenarioChange = { id: string; enabled: boolean; label?: string } & ScenarioChangeBody;

/** A scenario: the baseline plus an ordered list of changes and its own assumptions. */
export interface Scenario {
  id: string;
  navn: string;
  changes: readonly ScenarioChange[];
  norms: Norms;
}

/** The næring areas after a scenario's enabled changes, and what each change did. */
export interface AppliedScenario {
  areas: PlanArea[];
  effects: ChangeEffect[];
}

/**
 * Applies a scenario's enabled changes, in order, to the baseline: added sites become future
 * næring areas (tilgang); rezoning to bolig or LNF removes an area (avgang); framtidig →
 * nåværende changes status (neither); category and utnyttelse changes replace a field. Order
 * matters only where two changes touch the same area. `areaM2` gives an area's planar size
 * (EPSG:25832), so the effects can be reported. Neither the baseline nor the scenario is modified.
 */
export function applyScenario(baseline: readonly PlanArea[], changes: readonly ScenarioChange[], areaM2: (a: PlanArea) => number): AppliedScenario {
  const areas = new Map(baseline.map((a) => [a.id, a]));
  const effects: ChangeEffect[] = [];
  for (const c of changes) {
    if (!c.enabled) continue;
    if (c.type === 'add-site') {
      if (areas.has(c.site.id)) {
        effects.push({ changeId: c.id, tilgangM2: 0, avgangM2: 0, note: `Et område med id «${c.site.id}» finnes allerede.`, noteCode: 'exists' });
        continue;
      }
      areas.set(c.site.id, { ...c.site, status: AREALBRUKSSTATUS.framtidig });
      effects.push({ changeId: c.id, tilgangM2: areaM2(c.site), avgangM2: 0 });
      continue;
    }
    const area = areas.get(c.areaId);
    if (!area) {
      effects.push({ changeId: c.id, tilgangM2: 0, avgangM2: 0, note: `Området «${c.areaId}» finnes ikke (lenger) i scenariet.`, noteCode: 'missing' });
      continue;
    }
    if (c.type === 'rezone') {
      if (c.to === 'naavaerende') {
        areas.set(area.id, { ...area, status: 1, statusTomt: null });
        effects.push({ changeId: c.id, tilgangM2: 0, avgangM2: 0 });
      } else {
        areas.delete(area.id);
        effects.push({ changeId: c.id, tilgangM2: 0, avgangM2: areaM2(area) });
      }
    } else if (c.type === 'set-category') {
      areas.set(area.id, { ...area, kategori: c.kategori });
      effects.push({ changeId: c.id, tilgangM2: 0, avgangM2: 0 });
    } else {
      areas.set(area.id, { ...area, utnyttelseBraProsent: c.utnyttelseBraProsent });
      effects.push({ changeId: c.id, tilgangM2: 0, avgangM2: 0 });
    }
  }
  return { areas: [...areas.values()], effects };
}

/** Moves a change from one position to another (a new list; out-of-range moves return a copy). */
export function moveChange(changes: readonly ScenarioChange[], from: number, to: number): ScenarioChange[] {
  const next = [...changes];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length) return next;
  const [c] = next.splice(from, 1);
  next.splice(to, 0, c as ScenarioChange);
  return next;
}

/** Turns one change on or off (a new list). */
export function toggleChange(changes: readonly ScenarioChange[], id: string, enabled: boolean): ScenarioChange[] {
  return changes.map((c) => (c.id === id ? { ...c, enabled } : c));
}
