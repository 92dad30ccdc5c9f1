import { describe, expect, it } from 'vitest';
import { t } from '../i18n/messages.ts';
import { applyChange, sketchFieldProblems, commit, EMPTY_HISTORY, HISTORY_LIMIT, redo, undo, type Sketch } from './sketches.ts';

const sq = (x: number): Sketch['geometry'] => ({ type: 'Polygon', coordinates: [[[x, 59], [x + 0.01, 59], [x + 0.01, 59.01], [x, 59]]] });
const sketch = (id: string, navn = id, x = 10): Sketch => ({ id, navn, kategori: 'kontor', utnyttelseBraProsent: null, status: 'regulert', geometry: sq(x) });

describe('applyChange', () => {
  it('appends new sketches, replaces in place, deletes, and returns the exact inverse', () => {
    const list = [sketch('a'), sketch('b'), sketch('c')];
    const change = { put: [sketch('b', 'B2'), sketch('d')], delete: ['a'] };
    const r = applyChange(list, change);
    expect(r.list.map((s) => `${s.id}:${s.navn}`)).toEqual(['b:B2', 'c:c', 'd:d']);
    const back = applyChange(r.list, r.inverse);
    expect(back.list.map((s) => s.id).sort()).toEqual(['a', 'b', 'c']);
    expect(back.list.find((s) => s.id === 'b')?.navn).toBe('b');
    expect(list.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('ignores deletes of unknown ids', () => {
    const r = applyChange([sketch('a')], { put: [], delete: ['x'] });
    expect(r.list).toHaveLength(1);
    expect(r.inverse).toEqual({ put: [], delete: [] });
  });
});

describe('undo and redo', () => {
  it('undo pops the last change, redo restores it, a new edit clears redo', () => {
    let s = commit([], EMPTY_HISTORY, { put: [sketch('a')], delete: [] });
    s = commit(s.list, s.history, { put: [sketch('a', 'flyttet', 11)], delete: [] });
    expect(s.list[0]?.navn).toBe('flyttet');
    const u1 = undo(s.list, s.history);
    expect(u1?.list[0]?.navn).toBe('a');
    const u2 = undo(u1!.list, u1!.history);
    expect(u2?.list).toEqual([]);
    expect(undo(u2!.list, u2!.history)).toBeNull();
    const r1 = redo(u2!.list, u2!.history);
    expect(r1?.list.map((x) => x.navn)).toEqual(['a']);
    const edited = commit(r1!.list, r1!.history, { put: [], delete: ['a'] });
    expect(edited.history.redo).toEqual([]);
    expect(redo(edited.list, edited.history)).toBeNull();
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let s = { list: [] as readonly Sketch[], history: EMPTY_HISTORY };
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) s = commit(s.list, s.history, { put: [sketch(`s${i}`)], delete: [] });
    expect(s.history.undo).toHaveLength(HISTORY_LIMIT);
  });
});

describe('sketchFieldProblems', () => {
  it('requires a name and a sensible utnyttelse, as codes the UI says in nb and en', () => {
    expect(sketchFieldProblems({ navn: 'Tomt', utnyttelse: '' })).toEqual({});
    expect(sketchFieldProblems({ navn: 'Tomt', utnyttelse: '120,5' })).toEqual({});
    const bad = sketchFieldProblems({ navn: ' ', utnyttelse: 'mye' });
    expect(bad).toEqual({ navn: 'required', utnyttelse: 'not-number' });
    expect(t('nb', `form.${bad.navn!}`)).toBe('Navn må fylles ut.');
    expect(t('nb', `form.${bad.utnyttelse!}`)).toBe('Utnyttelse må være et tall (prosent BRA), f.eks. 120.');
    const zero = sketchFieldProblems({ navn: 'x', utnyttelse: '0' }).utnyttelse;
    expect(t('nb', `form.${zero!}`)).toBe('Utnyttelse må være mellom 1 og 1000 %BRA.');
    expect(t('en', `form.${zero!}`)).toBe('The floor-area ratio must be between 1 and 1000 %BRA.');
  });
});;
