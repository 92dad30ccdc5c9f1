import { describe, expect, it } from 'vitest';
import { frameFor, geometryBox, pathData, placeLabels, scaleBar, toPixel, unionBox } from './svg-map.ts';

const X = 580000;
const Y = 6633000;

describe('svg-map: a static north-up map in pixels', () => {
  it('frames a box with its margin, north up, and keeps its proportions', () => {
    // 4 km × 2 km plus 500 m each side: 5 km × 3 km at 500 px → 0.1 px/m, 300 px high.
    const f = frameFor([X, Y, X + 4000, Y + 2000], 500, 800);
    expect(f.scale).toBeCloseTo(0.1, 12);
    expect(f.height).toBe(300);
    expect(toPixel([X - 500, Y + 2500], f)).toEqual([0, 0]);
    const [x, y] = toPixel([X + 4500, Y - 500], f);
    expect(x).toBeCloseTo(500, 9);
    expect(y).toBeCloseTo(300, 9);
  });

  it('fits a tall box to the height limit, centred, and gives a small area at least the minimum span', () => {
    const tall = frameFor([X, Y, X + 1000, Y + 20000], 400, 300);
    expect(tall.height).toBe(300);
    expect(tall.scale).toBeCloseTo(300 / 21000, 12);
    expect(toPixel([X + 500, Y + 10000], tall).map((v) => Math.round(v))).toEqual([200, 150]);
    const tiny = frameFor([X, Y, X + 10, Y + 10], 300, 300);
    expect(tiny.scale).toBeCloseTo(300 / 3000, 12);
  });

  it('writes path data for every ring of every part, closed, in pixels to 0.1', () => {
    const f = frameFor([X, Y, X + 100, Y + 100], 300, 300, 0, 100);
    const d = pathData(
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [[X, Y], [X + 100, Y], [X + 100, Y + 100], [X, Y]],
            [[X + 10, Y + 10], [X + 20, Y + 10], [X + 20, Y + 20], [X + 10, Y + 10]]
          ],
          [[[X, Y], [X + 1, Y]]]
        ]
      },
      f
    );
    expect(d).toBe('M0 300L300 300L300 0L0 300ZM30 270L60 270L60 240L30 270Z');
    expect(geometryBox({ type: 'Polygon', coordinates: [[[X, Y], [X + 5, Y + 7], [X - 1, Y + 2], [X, Y]]] })).toEqual([X - 1, Y, X + 5, Y + 7]);
    expect(unionBox([])).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
  });

  it('gives the scale bar a round length that fits', () => {
    const f = frameFor([X, Y, X + 9000, Y + 9000], 500, 500, 500, 0); // 0.05 px/m
    expect(scaleBar(f, 120)).toEqual({ metres: 2000, px: 100 });
    expect(scaleBar(f, 99).metres).toBe(1000);
    expect(scaleBar({ ...f, scale: 1 }, 60).metres).toBe(50);
  });

  it('places labels in order without overlap, to the left when the right is taken, leaves out what does not fit', () => {
    const f = { width: 200, height: 100, scale: 1, minX: 0, maxY: 0 };
    const placed = placeLabels(
      [
        { x: 10, y: 50, text: 'Nesbru', widthPx: 60 },
        { x: 20, y: 55, text: 'Billingstad', widthPx: 80 }, // overlaps Nesbru on the right, no room on the left: left out
        { x: 190, y: 20, text: 'Tofte', widthPx: 40 }, // runs off on the right: to the left of its anchor
        { x: 150, y: 80, text: 'Vollen', widthPx: 30 }, // the scale bar is on its right: to the left
        { x: 40, y: 50, text: 'Vettre', widthPx: 30 }, // right and left overlap Nesbru: centred above
        { x: 10, y: 2, text: 'Kant', widthPx: 30 }, // off the frame in every spot: left out
        { x: 250, y: 50, text: 'Utenfor', widthPx: 10 } // outside the frame
      ],
      f,
      [[155, 70, 200, 100]]
    );
    expect(placed).toEqual([
      { x: 16, y: 50, text: 'Nesbru', anchor: 'start' },
      { x: 184, y: 20, text: 'Tofte', anchor: 'end' },
      { x: 144, y: 80, text: 'Vollen', anchor: 'end' },
      { x: 40, y: 33, text: 'Vettre', anchor: 'middle' }
    ]);
  });
});
