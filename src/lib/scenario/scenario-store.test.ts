import { describe, expect, it } from 'vitest';
import { defaultNorms } from '../domain/norms.ts';
import type { Scenario } from './scenario.ts';
import { decodeScenarioShare, encodeScenarioShare, loadScenarios, saveScenarios, SCENARIO_KEY } from './scenario-store.ts';
import type { KeyValueStorage } from './sketch-store.ts';

const mem = (): KeyValueStorage & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};
const scenario: Scenario = {
  id: 'sc1',
  navn: 'Billingstad til bolig',
  changes: [{ id: 'c1', enabled: true, type: 'rezone', areaId: 'n-billingstad-kontor', to: 'bolig' }],
  norms: defaultNorms()
};

describe('scenario store', () => {
  it('round-trips scenarios with their changes and assumptions', () => {
    const st = mem();
    saveScenarios(st, [scenario]);
    expect(loadScenarios(st)).toEqual({ scenarios: [scenario], notice: null, problem: null });
  });

  it('sets a scenario with an unknown change type aside, keeping the others', () => {
    const st = mem();
    const raw = JSON.stringify({ versjon: 1, scenarier: [scenario, { ...scenario, id: 'sc2', changes: [{ id: 'x', enabled: true, type: 'tull' }] }] });
    st.setItem(SCENARIO_KEY, raw);
    const r = loadScenarios(st, () => new Date('2026-11-23T00:00:00Z'));
    expect(r.scenarios.map((s) => s.id)).toEqual(['sc1']);
    expect(r.notice).toContain('1 av 2 lagrede scenarier');
    expect(r.problem).toEqual({ lost: 1, total: 2, backup: `${SCENARIO_KEY}:korrupt:2026-11-23T00:00:00.000Z` });
    expect(st.data.get(`${SCENARIO_KEY}:korrupt:2026-11-23T00:00:00.000Z`)).toBe(raw);
  });

  it('refuses norms that do not make sense', () => {
    const st = mem();
    st.setItem(SCENARIO_KEY, JSON.stringify({ versjon: 1, scenarier: [{ ...scenario, norms: { ...defaultNorms(), bruttoTomtM2PerArbeidsplass: -1 } }] }));
    expect(loadScenarios(st).scenarios).toEqual([]);
  });
});

describe('scenario share links', () => {
  it('round-trip changes and assumptions under a new id', () => {
    const norms = { ...defaultNorms(), bruttoTomtM2PerArbeidsplass: 300 };
    const r = decodeScenarioShare(encodeScenarioShare({ ...scenario, norms }), 'ny');
    expect(r).toEqual({ ok: true, scenario: { ...scenario, norms, id: 'ny' } });
  });

  it('refuse broken and oversized links', () => {
    expect(decodeScenarioShare('%%%', 'x')).toEqual({ ok: false, reason: 'broken', message: expect.stringContaining('ødelagt') });
    expect(decodeScenarioShare('a'.repeat(20000), 'x')).toEqual({ ok: false, reason: 'too-long', message: expect.stringContaining('for lang') });
  });
});
