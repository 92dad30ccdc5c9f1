import { describe, expect, it } from 'vitest';
import { loadSharedRecords, saveSharedRecords, sharedLinks, SHARED_KEY, type SharedRecord } from './shared-client.ts';

const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
};

describe('delte scenarier i nettleseren', () => {
  it('keeps records and leaves out entries that cannot be read', () => {
    const s = memory();
    const rec: SharedRecord = { serverId: 'abcdefghijklmnopqrstuv', scenarioId: 's1', token: 't'.repeat(43), version: 3, name: 'A', savedAt: '2026-11-29T12:00:00Z' };
    saveSharedRecords(s, [rec]);
    expect(loadSharedRecords(s)).toEqual([rec]);
    s.setItem(SHARED_KEY, JSON.stringify({ versjon: 1, delte: [rec, { serverId: 1 }] }));
    expect(loadSharedRecords(s)).toEqual([rec]);
    s.setItem(SHARED_KEY, '{ødelagt');
    expect(loadSharedRecords(s)).toEqual([]);
  });

  it('makes a read link without the token and an edit link with it', () => {
    expect(sharedLinks('https://kart.asker.kommune.no', { serverId: 'abc_-123', token: null })).toEqual({ read: 'https://kart.asker.kommune.no/?delt=abc_-123', edit: null });
    expect(sharedLinks('http://x', { serverId: 'id', token: 'hemmelig' }).edit).toBe('http://x/?delt=id&nokkel=hemmelig');
  });
});
