import { describe, expect, it } from 'vitest';
import { poly, rect, X, Y } from '../geo/fixtures.test-helper.ts';
import { siteContext } from './site-context.ts';

const site = { id: 't1', navn: 'Tomt 1', geometry: poly(rect(0, 0, 200, 100)) };
const road = (navn: string, x: number) => ({ navn, geometry: { type: 'LineString' as const, coordinates: [[X + x, Y - 5000], [X + x, Y + 5000]] } });

describe('siteContext: what a fact sheet’s map shows around a site', () => {
  it('takes in the nearest station and the nearest point of the nearest main road, and labels the site and the road', () => {
    const r = siteContext(site, { navn: 'Asker stasjon', coordinates: [X - 1000, Y + 800] }, [road('E134', 3000), road('E18', 1500)], 4000, 100);
    expect(r.labels).toEqual([
      { id: 't1', text: 'Tomt 1', at: [X + 100, Y + 50] },
      { id: 'veg-E18', text: 'E18', at: [X + 1500, Y + 50] }
    ]);
    // Room for the station's name east of the frame: 30 % of the larger span (2 500 m).
    expect(r.box).toEqual([X - 1100, Y - 100, X + 1600 + 750, Y + 900]);
  });

  it('names a station or road too far away to frame at the edge, with its distance and an arrow towards it', () => {
    const r = siteContext(site, { navn: 'Røyken stasjon', coordinates: [X + 100, Y + 21050] }, [road('E18', 12100)], 4000, 0);
    expect(r.box).toEqual([X, Y, X + 200, Y + 100]);
    expect(r.labels.map((l) => [l.id, l.text, l.far?.arrow, Math.round(l.far?.distanceM ?? 0)])).toEqual([
      ['t1', 'Tomt 1', undefined, 0],
      ['fjern-stasjon', 'Røyken stasjon', '↑', 21000],
      ['veg-E18', 'E18', '→', 12000]
    ]);
    // At the frame's edge (12 % in), in the direction of each.
    expect(r.labels[1]?.at).toEqual([X + 100, Y + 88]);
    expect(r.labels[2]?.at.map((v) => Math.round(v * 1000) / 1000)).toEqual([X + 176, Y + 50]);
  });
});

describe('siteContext: far names do not overlap', () => {
  it('moves the road’s name a line further in when the station’s is at the same edge', () => {
    const r = siteContext(site, { navn: 'Røyken stasjon', coordinates: [X + 100, Y + 21050] }, [road('E18', 0)].map((x) => ({ ...x, geometry: { type: 'LineString' as const, coordinates: [[X - 5000, Y + 12100], [X + 5000, Y + 12100]] } })), 4000, 0);
    const [, station, e18] = r.labels;
    expect(station?.at).toEqual([X + 100, Y + 88]);
    // Same edge, 8 % of the frame's height further in.
    expect(e18?.at[0]).toBeCloseTo(X + 100, 6);
    expect(e18?.at[1]).toBeCloseTo(Y + 80, 6);
  });
});
