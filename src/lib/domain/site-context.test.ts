import { describe, expect, it } from 'vitest';
import { poly, rect, X, Y } from '../geo/fixtures.test-helper.ts';
import { siteContext } from './site-context.ts';

const site = { id: 't1', navn: 'Tomt 1', geometry: poly(rect(0, 0, 200, 100)) };
const road = (navn: string, x: number) => ({ navn, geometry: { type: 'LineString' as const, coordinates: [[X + x, Y - 5000], [X + x, Y + 5000]] } });

describe('siteContext: what a fact sheet’s map shows around a site', () => {
  it('takes in the nearest station and the nearest point of the nearest main road, and labels the site and the road', () => {
    const r = siteContext(site, { coordinates: [X - 1000, Y + 800] }, [road('E134', 3000), road('E18', 1500)], 4000, 100);
    expect(r.labels).toEqual([
      { id: 't1', text: 'Tomt 1', at: [X + 100, Y + 50] },
      { id: 'veg-E18', text: 'E18', at: [X + 1500, Y + 50] }
    ]);
    expect(r.box).toEqual([X - 1100, Y - 100, X + 1600, Y + 900]);
  });

  it('leaves out a station or road too far away to show at a useful scale', () => {
    const r = siteContext(site, { coordinates: [X + 9000, Y] }, [road('E18', 8000)], 4000, 0);
    expect(r.labels.map((l) => l.text)).toEqual(['Tomt 1']);
    expect(r.box).toEqual([X, Y, X + 200, Y + 100]);
  });
});
