import { describe, expect, it } from 'vitest';
import { readShareParams } from './share-links.ts';

describe('readShareParams', () => {
  it('finds nothing in a plain address and leaves it alone', () => {
    expect(readShareParams('http://x/?kart=topo&lang=en#12/59.8/10.4')).toEqual({ sketches: null, scenario: null, sketchSet: null, shared: null, cleaned: null });
  });

  it('reads sketches and a scenario carried in the link, and drops them from the address', () => {
    const r = readShareParams('http://x/?kart=ingen&skisser=abc&scenario=def#15/59.8/10.4');
    expect([r.sketches, r.scenario, r.sketchSet, r.shared]).toEqual(['abc', 'def', null, null]);
    expect(r.cleaned?.href).toBe('http://x/?kart=ingen#15/59.8/10.4');
  });

  it('reads a server sketch set', () => {
    const r = readShareParams('http://x/?delte-skisser=s1');
    expect(r.sketchSet).toBe('s1');
    expect(r.cleaned?.href).toBe('http://x/');
  });

  it('reads a read link and an edit link to a shared scenario; the token leaves the address', () => {
    expect(readShareParams('http://x/?delt=id1').shared).toEqual({ id: 'id1', token: null });
    const edit = readShareParams('http://x/?delt=id1&nokkel=hemmelig&lang=en');
    expect(edit.shared).toEqual({ id: 'id1', token: 'hemmelig' });
    expect(edit.cleaned?.href).toBe('http://x/?lang=en');
  });

  it('ignores empty parameters, and a token without a shared id', () => {
    const r = readShareParams('http://x/?skisser=&nokkel=t');
    expect(r).toEqual({ sketches: null, scenario: null, sketchSet: null, shared: null, cleaned: null });
  });

  it('does not modify a URL it is given', () => {
    const url = new URL('http://x/?skisser=abc');
    readShareParams(url);
    expect(url.href).toBe('http://x/?skisser=abc');
  });
});
