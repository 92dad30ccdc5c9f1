import { describe, expect, it } from 'vitest';
import type { Sketch } from './sketches.ts';
import { loadSketches, saveSketches, STORE_KEY, type KeyValueStorage } from './sketch-store.ts';

class MemoryStorage implements KeyValueStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
}

const geometry: Sketch['geometry'] = { type: 'Polygon', coordinates: [[[10, 59], [10.01, 59], [10.01, 59.01], [10, 59]]] };
const sketch: Sketch = { id: 's1', navn: 'Tomt', kategori: 'kontor', utnyttelseBraProsent: 150, status: 'regulert', geometry };
const fixed = () => new Date('2026-11-23T10:00:00Z');

describe('sketch store', () => {
  it('round-trips sketches in the current version', () => {
    const st = new MemoryStorage();
    saveSketches(st, [sketch]);
    expect(JSON.parse(st.getItem(STORE_KEY) ?? '')).toMatchObject({ versjon: 2 });
    expect(loadSketches(st)).toEqual({ sketches: [sketch], notice: null, problem: null });
  });

  it('is empty when nothing is stored', () => {
    expect(loadSketches(new MemoryStorage())).toEqual({ sketches: [], notice: null, problem: null });
  });

  it('migrates version 1', () => {
    const st = new MemoryStorage();
    st.setItem(STORE_KEY, JSON.stringify({ versjon: 1, skisser: [{ id: 's1', navn: 'Gammel', kategori: 'kontor', utnyttelse: 90, geometry }] }));
    const r = loadSketches(st);
    expect(r.notice).toBeNull();
    expect(r.sketches).toEqual([{ id: 's1', navn: 'Gammel', kategori: 'kontor', utnyttelseBraProsent: 90, status: 'maa-reguleres', geometry }]);
  });

  it('sets a corrupt store aside with a notice instead of dropping it', () => {
    const st = new MemoryStorage();
    st.setItem(STORE_KEY, '{"versjon": 2, "skisser": [');
    const r = loadSketches(st, fixed);
    expect(r.sketches).toEqual([]);
    expect(r.notice).toContain('kunne ikke leses');
    const backupKey = `${STORE_KEY}:korrupt:2026-11-23T10:00:00.000Z`;
    expect(r.notice).toContain(backupKey);
    expect(st.getItem(backupKey)).toBe('{"versjon": 2, "skisser": [');
    expect(r.problem).toEqual({ lost: null, total: null, backup: backupKey });
  });

  it('keeps the readable sketches of a partly broken store and backs up the whole', () => {
    const st = new MemoryStorage();
    const raw = JSON.stringify({ versjon: 2, skisser: [sketch, { id: 'x', navn: 'Ødelagt', kategori: 'bolig', geometry: null }] });
    st.setItem(STORE_KEY, raw);
    const r = loadSketches(st, fixed);
    expect(r.sketches).toEqual([sketch]);
    expect(r.notice).toContain('1 av 2 lagrede skisser');
    expect([...st.data.values()]).toContain(raw);
  });

  it('refuses an unknown future version without losing it', () => {
    const st = new MemoryStorage();
    st.setItem(STORE_KEY, JSON.stringify({ versjon: 9, skisser: [] }));
    const r = loadSketches(st, fixed);
    expect(r.notice).not.toBeNull();
    expect(st.data.size).toBe(2);
  });
});
