import type { MessageKey } from '$lib/i18n/messages.ts';
import type { Scenario } from '$lib/scenario/scenario.ts';
import { createOnServer, fetchShared, loadSharedRecords, saveOnServer, saveSharedRecords, type Head, type SharedRecord } from '$lib/scenario/shared-client.ts';
import type { KeyValueStorage } from '$lib/scenario/sketch-store.ts';
import type { ScenarioState } from '$lib/state/scenarios.svelte.ts';

const AUTHOR_KEY = 'naeringsareal-asker:forfatter';

/** A message for the panel: a dictionary key with its values. */
export interface SharedMessage {
  key: MessageKey;
  params?: Record<string, string | number>;
  error: boolean;
}

/**
 * Scenarios saved on the server from this browser: «Lagre og del», the read and edit links,
 * opening a link, and noticing when someone else saved a newer version. A save never
 * overwrites a newer version: the server answers 409 and the user reloads or saves a copy.
 */
export class SharedState {
  records = $state.raw<SharedRecord[]>([]);
  author = $state('');
  busy = $state(false);
  message = $state.raw<SharedMessage | null>(null);
  /** A save refused because someone saved a newer version first. */
  conflict = $state.raw<{ scenarioId: string; head: Head } | null>(null);
  /** Someone else saved a newer version than the one this browser has. */
  newer = $state.raw<{ scenarioId: string; head: Head } | null>(null);
  private storage: KeyValueStorage | null;
  private fetcher: typeof fetch;

  constructor(storage: KeyValueStorage | null, fetcher: typeof fetch) {
    this.storage = storage;
    this.fetcher = fetcher;
    if (storage) {
      this.records = loadSharedRecords(storage);
      this.author = storage.getItem(AUTHOR_KEY) ?? '';
    }
  }

  /** The record of a local scenario, if it was saved or opened from the server. */
  recordFor(scenarioId: string | null | undefined): SharedRecord | null {
    return this.records.find((r) => r.scenarioId === scenarioId) ?? null;
  }

  private put(rec: SharedRecord) {
    this.records = [...this.records.filter((r) => r.scenarioId !== rec.scenarioId), rec];
    if (this.storage) saveSharedRecords(this.storage, this.records);
  }

  setAuthor(name: string) {
    this.author = name;
    this.storage?.setItem(AUTHOR_KEY, name);
  }

  /** «Lagre og del»: a new version when this browser has the edit token, else a new shared item. */
  async save(s: Scenario): Promise<void> {
    this.busy = true;
    this.conflict = null;
    try {
      const rec = this.recordFor(s.id);
      if (rec?.token) {
        const r = await saveOnServer(this.fetcher, rec, s, this.author.trim());
        if (r.ok) {
          this.put({ ...rec, version: r.data.version, name: r.data.name, savedAt: r.data.savedAt });
          this.newer = null;
          this.message = { key: 'shared.savedVersion', params: { version: r.data.version }, error: false };
        } else if (r.status === 409 && r.head) {
          this.conflict = { scenarioId: s.id, head: r.head };
          this.message = null;
        } else this.message = { key: 'shared.failed', params: { message: r.message }, error: true };
        return;
      }
      await this.create(s);
    } finally {
      this.busy = false;
    }
  }

  private async create(s: Scenario): Promise<void> {
    const r = await createOnServer(this.fetcher, s, this.author.trim());
    if (!r.ok) {
      this.message = { key: 'shared.failed', params: { message: r.message }, error: true };
      return;
    }
    this.put({ serverId: r.data.id, scenarioId: s.id, token: r.data.editToken, version: r.data.version, name: r.data.name, savedAt: r.data.savedAt });
    this.message = { key: 'shared.saved', error: false };
  }

  /** After a conflict (or with a read link): keep this version as a new shared scenario. */
  async saveCopy(scenarios: ScenarioState, copyName: (name: string) => string): Promise<void> {
    scenarios.duplicate(copyName);
    const copy = scenarios.active;
    this.conflict = null;
    if (!copy) return;
    this.busy = true;
    try {
      await this.create(copy);
    } finally {
      this.busy = false;
    }
  }

  /** Replaces the local scenario with the newest version on the server. */
  async reloadLatest(scenarios: ScenarioState, scenarioId: string): Promise<void> {
    const rec = this.recordFor(scenarioId);
    if (!rec) return;
    const r = await fetchShared(this.fetcher, rec.serverId);
    if (!r.ok || !r.data.scenario) {
      this.message = { key: 'shared.failed', params: { message: r.ok ? 'ugyldig innhold' : r.message }, error: true };
      return;
    }
    scenarios.replace({ ...r.data.scenario, id: scenarioId });
    this.put({ ...rec, version: r.data.version, name: r.data.name, savedAt: r.data.savedAt });
    this.conflict = null;
    this.newer = null;
    this.message = { key: 'shared.reloaded', params: { version: r.data.version }, error: false };
  }

  /** Opens a read or edit link: the scenario becomes a local one, linked to the server item. */
  async open(scenarios: ScenarioState, serverId: string, token: string | null): Promise<void> {
    const r = await fetchShared(this.fetcher, serverId);
    if (!r.ok || !r.data.scenario) {
      this.message = { key: 'shared.openFailed', params: { message: r.ok ? 'ugyldig innhold' : r.message }, error: true };
      return;
    }
    const known = this.records.find((x) => x.serverId === serverId && scenarios.list.some((s) => s.id === x.scenarioId));
    if (known) {
      scenarios.activeId = known.scenarioId;
      if (token && !known.token) this.put({ ...known, token });
      await this.check(known.scenarioId);
      return;
    }
    const s = r.data.scenario;
    const id = scenarios.list.some((x) => x.id === s.id) ? scenarios.newId() : s.id;
    scenarios.adopt({ ...s, id });
    this.put({ serverId, scenarioId: id, token, version: r.data.version, name: r.data.name, savedAt: r.data.savedAt });
    this.message = { key: token ? 'shared.openedEdit' : 'shared.openedRead', params: { name: r.data.name, version: r.data.version }, error: false };
  }

  /**
   * Keeps asking about the active scenario, when it is saved on the server: now, every 30 s and
   * when the window gets focus, whether someone else saved a newer version (shown as a banner).
   * Call it while a component is being initialised.
   */
  watch(scenarios: ScenarioState): void {
    $effect(() => {
      const id = scenarios.activeId;
      if (!id || !this.recordFor(id)) return;
      void this.check(id);
      const timer = setInterval(() => void this.check(id), 30_000);
      const onFocus = () => void this.check(id);
      window.addEventListener('focus', onFocus);
      return () => {
        clearInterval(timer);
        window.removeEventListener('focus', onFocus);
      };
    });
  }

  /** Asks the server whether someone saved a newer version of this scenario. */
  async check(scenarioId: string): Promise<void> {
    const rec = this.recordFor(scenarioId);
    if (!rec) return;
    const r = await fetchShared(this.fetcher, rec.serverId);
    if (r.ok && r.data.version > rec.version) this.newer = { scenarioId, head: r.data };
    else if (this.newer?.scenarioId === scenarioId) this.newer = null;
  }
}
