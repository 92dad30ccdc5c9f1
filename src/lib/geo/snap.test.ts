import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ringBounds, snapTarget, type ScreenPoint } from './snap.ts';

// Screen = map units × 10 (a stand-in for map.project).
const project = (p: Position): ScreenPoint => ({ x: (p[0] as number) * 10, y: (p[1] as number) * 10 });
const square: Position[] = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
  [0, 0]
];

describe('snapTarget', () => {
  it('prefers a vertex within the tolerance, even when an edge is nearer', () => {
    const t = snapTarget({ x: 104, y: 3 }, [square], project, 10);
    expect(t).toEqual({ kind: 'vertex', position: [10, 0], distance: 5 });
  });

  it('snaps to the nearest point on an edge when no vertex is close', () => {
    const t = snapTarget({ x: 50, y: 4 }, [square], project, 10);
    expect(t?.kind).toBe('edge');
    expect(t && 'screen' in t ? t.screen : null).toEqual({ x: 50, y: 0 });
  });

  it('gives null when nothing is within the tolerance, and handles zero-length edges', () => {
    expect(snapTarget({ x: 50, y: 50 }, [square], project, 10)).toBeNull();
    expect(snapTarget({ x: 1, y: 1 }, [[[0, 0], [0, 0]]], project, 5)?.kind).toBe('vertex');
  });
});

describe('ringBounds', () => {
  it('bounds a ring, also one far too long for Math.min(...spread)', () => {
    expect(ringBounds(square)).toEqual([0, 0, 10, 10]);
    const long: Position[] = Array.from({ length: 300_000 }, (_, i) => [i, 5 - i]);
    expect(ringBounds(long)).toEqual([0, 5 - 299_999, 299_999, 5]);
  });
});
