import { defaultNorms, type Norms } from '$lib/domain/norms.ts';
import { moveChange, toggleChange, type Scenario, type ScenarioChange, type ScenarioChangeBody } from '$lib/scenario/scenario.ts';
import { loadScenarios, saveScenarios } from '$lib/scenario/scenario-store.ts';
import type { KeyValueStorage, StoreProblem } from '$lib/scenario/sketch-store.ts';

/** The councillors' and planners' scenarios, kept locally; one is active at a time. */
export class ScenarioState {
  list = $state.raw<Scenario[]>([]);
  activeId = $state<string | null>(null);
  /** What was set aside when the local store could not be read in full. */
  problem = $state.raw<StoreProblem | null>(null);
  /** Why a scenario link could not be opened. */
  shareError = $state<'too-long' | 'broken' | null>(null);
  private storage: KeyValueStorage | null;
  private counter = 0;

  constructor(storage: KeyValueStorage | null) {
    this.storage = storage;
    if (storage) {
      const r = loadScenarios(storage);
      this.list = r.scenarios;
      this.problem = r.problem;
      this.activeId = r.scenarios[0]?.id ?? null;
    }
  }

  /** The active scenario, if any. */
  get active(): Scenario | null {
    return this.list.find((s) => s.id === this.activeId) ?? null;
  }

  private nextId(prefix: string): string {
    return `${prefix}-${Date.now().toString(36)}-${(this.counter++).toString(36)}`;
  }

  private set(list: Scenario[]): void {
    this.list = list;
    if (this.storage) saveScenarios(this.storage, list);
  }

  private updateActive(f: (s: Scenario) => Scenario): void {
    const a = this.active;
    if (a) this.set(this.list.map((s) => (s.id === a.id ? f(s) : s)));
  }

  /** Creates an empty scenario with the plan's default assumptions and makes it active. */
  create(navn = `Scenario ${this.list.length + 1}`): Scenario {
    const s: Scenario = { id: this.nextId('scenario'), navn, changes: [], norms: defaultNorms() };
    this.set([...this.list, s]);
    this.activeId = s.id;
    return s;
  }

  rename(navn: string): void {
    if (navn.trim()) this.updateActive((s) => ({ ...s, navn: navn.trim() }));
  }

  duplicate(copyName: (name: string) => string = (name) => `${name} (kopi)`): void {
    const a = this.active;
    if (!a) return;
    const copy: Scenario = { ...structuredClone(a), id: this.nextId('scenario'), navn: copyName(a.navn) };
    this.set([...this.list, copy]);
    this.activeId = copy.id;
  }

  remove(): void {
    const a = this.active;
    if (!a) return;
    const rest = this.list.filter((s) => s.id !== a.id);
    this.set(rest);
    this.activeId = rest[0]?.id ?? null;
  }

  /** Adds a scenario received through a share link and makes it active. */
  adopt(scenario: Scenario): void {
    this.set([...this.list, scenario]);
    this.activeId = scenario.id;
  }

  /** Replaces a scenario by id (a newer version loaded from the server), keeping its place. */
  replace(scenario: Scenario): void {
    this.set(this.list.map((s) => (s.id === scenario.id ? scenario : s)));
  }

  /** A fresh id for a scenario. */
  newId(): string {
    return this.nextId('scenario');
  }

  /** Replaces the active scenario's assumptions (already checked by the caller). */
  setNorms(norms: Norms): void {
    this.updateActive((s) => ({ ...s, norms }));
  }

  /** Adds a change to the active scenario (creating one when there is none). */
  addChange(change: ScenarioChangeBody): void {
    if (!this.active) this.create();
    const c: ScenarioChange = { ...change, id: this.nextId('endring'), enabled: true };
    this.updateActive((s) => ({ ...s, changes: [...s.changes, c] }));
  }

  toggle(changeId: string, enabled: boolean): void {
    this.updateActive((s) => ({ ...s, changes: toggleChange(s.changes, changeId, enabled) }));
  }

  move(from: number, to: number): void {
    this.updateActive((s) => ({ ...s, changes: moveChange(s.changes, from, to) }));
  }

  removeChange(changeId: string): void {
    this.updateActive((s) => ({ ...s, changes: s.changes.filter((c) => c.id !== changeId) }));
  }
}
