import { scenarioIndicators, type ScenarioIndicators } from '../domain/indicators.ts';
import { AREALBRUKSSTATUS, AREALFORMAL, type Norms } from '../domain/norms.ts';
import type { StatsContext } from '../domain/stats.ts';
import { areaPlanarM2 } from '../geo/area.ts';
import { reprojectGeometry } from '../geo/crs.ts';
import { applyScenario, type ChangeEffect, type PlanArea, type ScenarioChange } from './scenario.ts';
import type { Sketch } from './sketches.ts';

/** What scenarios run on: the baseline's næring areas (EPSG:25832) and the engine's context. */
export interface ScenarioBase {
  planAreas: readonly PlanArea[];
  ctx: StatsContext;
}

/** A scenario's figures, the plan areas it gave, and what each of its changes did. */
export interface ScenarioRun {
  indicators: ScenarioIndicators;
  areas: PlanArea[];
  effects: ChangeEffect[];
}

/** The baseline's figures (no changes, the context's norms). */
export function baselineIndicators(base: ScenarioBase): ScenarioIndicators {
  return scenarioIndicators(base.planAreas, [], base.ctx);
}

/**
 * Runs a scenario on the baseline: applies its enabled changes (areas measured planar in
 * EPSG:25832) and computes the figures with the scenario's own norms.
 */
export function runScenario(base: ScenarioBase, scenario: { changes: readonly ScenarioChange[]; norms: Norms }): ScenarioRun {
  const r = applyScenario(base.planAreas, scenario.changes, (x) => areaPlanarM2(x.geometry));
  return { indicators: scenarioIndicators(r.areas, r.effects, { ...base.ctx, norms: scenario.norms }), areas: r.areas, effects: r.effects };
}

/** How the map shows a changed feature (feature-state `endring`). */
export type MapChange = 'tilgang' | 'avgang' | 'endret';

/**
 * A scenario's enabled changes by feature id, for the map: an added site is tilgang, a rezoning
 * to bolig or LNF avgang, everything else (framtidig → nåværende, category, utnyttelse) endret.
 * Where two changes touch one feature, the later one counts.
 */
export function mapChanges(changes: readonly ScenarioChange[] | undefined): Map<string, MapChange> {
  const m = new Map<string, MapChange>();
  for (const c of changes ?? []) {
    if (!c.enabled) continue;
    if (c.type === 'add-site') m.set(c.site.id, 'tilgang');
    else if (c.type === 'rezone') m.set(c.areaId, c.to === 'naavaerende' ? 'endret' : 'avgang');
    else m.set(c.areaId, 'endret');
  }
  return m;
}

/** The named area («område») sketched sites are listed under in the per-area table. */
export const SKETCH_OMRADE = 'Skisser';

/**
 * A sketch as a planned næring area for a scenario (`add-site`): framtidig
 * ({@link AREALBRUKSSTATUS}), arealformål tjenesteyting for the category «offentlig» and
 * næringsbebyggelse otherwise ({@link AREALFORMAL}), geometry reprojected from WGS84 to EPSG:25832.
 */
export function siteFromSketch(s: Sketch): PlanArea {
  return {
    id: s.id,
    navn: s.navn,
    omrade: SKETCH_OMRADE,
    status: AREALBRUKSSTATUS.framtidig,
    arealformal: s.kategori === 'offentlig' ? AREALFORMAL.tjenesteyting : AREALFORMAL.naeringsbebyggelse,
    kategori: s.kategori,
    utnyttelseBraProsent: s.utnyttelseBraProsent,
    statusTomt: s.status,
    geometry: reprojectGeometry(s.geometry, 'EPSG:4326', 'EPSG:25832')
  };
}
