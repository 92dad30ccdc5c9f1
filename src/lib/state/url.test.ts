import { describe, expect, it } from 'vitest';
import { APP_LAYER_IDS } from '$lib/layers/catalogue.ts';
import { parseViewQuery, withViewQuery } from '$lib/state/url.ts';

describe('parseViewQuery', () => {
  it('gives the default basemap and every layer when the query is empty', () => {
    const q = parseViewQuery(new URLSearchParams(''));
    expect(q.basemap).toBe('topograatone');
    expect([...q.layers]).toEqual(APP_LAYER_IDS.filter((id) => id !== 'abc-soner'));
  });

  it('reads basemap and layers, ignoring unknown values', () => {
    const q = parseViewQuery(new URLSearchParams('kart=topo&lag=stasjoner,tull'));
    expect(q.basemap).toBe('topo');
    expect([...q.layers]).toEqual(['stasjoner']);
  });

  it('treats an empty layer list as no layers and an unknown basemap as the default', () => {
    const q = parseViewQuery(new URLSearchParams('kart=osm&lag='));
    expect(q.basemap).toBe('topograatone');
    expect(q.layers.size).toBe(0);
  });
});

describe('withViewQuery', () => {
  it('writes kart and lag in panel order and keeps the hash and other parameters', () => {
    const url = new URL('http://x/?foo=1&kart=topo#12/59.83/10.43');
    const out = withViewQuery(url, { basemap: 'ingen', layers: new Set(['stasjoner', 'grense'] as const) });
    expect(out.search).toBe('?kart=ingen&lag=grense,stasjoner&foo=1');
    expect(out.hash).toBe('#12/59.83/10.43');
    expect(url.search).toBe('?foo=1&kart=topo');
  });

  it('round-trips through parseViewQuery', () => {
    const view = { basemap: 'topo' as const, layers: new Set(['stasjoner'] as const) };
    const back = parseViewQuery(withViewQuery(new URL('http://x/'), view).searchParams);
    expect(back.basemap).toBe('topo');
    expect([...back.layers]).toEqual(['stasjoner']);
  });
});
