import { describe, expect, it } from 'vitest';
import { VALIDATION_REASONS, validatePolygonal } from './validate.ts';

const sq = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];

describe('validatePolygonal: refusals, each with its reason and a Norwegian message naming the feature', () => {
  it.each([
    ['empty', null, 'ingen geometri'],
    ['empty', { type: 'Polygon', coordinates: [] }, 'tom'],
    ['not-polygonal', { type: 'Point', coordinates: [0, 0] }, '«Point» er ikke en flate'],
    ['not-polygonal', { coordinates: [] }, 'mangler type'],
    ['non-finite-coordinate', { type: 'Polygon', coordinates: [[[0, 0], [10, Number.NaN], [10, 10], [0, 0]]] }, 'punkt 2 i ring 1'],
    ['non-finite-coordinate', { type: 'Polygon', coordinates: [[[0, 0], ['10', 0], [10, 10], [0, 0]]] }, 'punkt 2'],
    ['too-few-points', { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [0, 0]]] }, 'for få punkter'],
    ['too-few-points', { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 0], [0, 0]]] }, 'for få punkter'],
    ['unclosed-ring', { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10]]] }, 'ikke lukket'],
    ['self-intersection', { type: 'Polygon', coordinates: [[[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]] }, 'krysser seg selv'],
    ['self-intersection', { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [10, 5], [10, 20], [0, 10], [0, 0]]] }, 'krysser seg selv'],
    ['rings-cross', { type: 'Polygon', coordinates: [sq, [[5, 5], [15, 5], [15, 8], [5, 8], [5, 5]]] }, 'krysser hverandre'],
    ['hole-outside', { type: 'Polygon', coordinates: [sq, [[20, 20], [30, 20], [30, 30], [20, 20]]] }, 'utenfor ytterringen'],
    ['zero-area', { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [20, 0], [0, 0]]] }, 'null areal'],
    ['unclosed-ring', { type: 'MultiPolygon', coordinates: [[sq], [[[20, 20], [30, 20], [30, 30]]]] }, 'del 2, ring 1']
  ])('%s: %j', (reason, geometry, text) => {
    const r = validatePolygonal(geometry, 'Billingstad');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.reason).toBe(reason);
    expect(VALIDATION_REASONS).toContain(r.error.reason);
    expect(r.error.featureId).toBe('Billingstad');
    expect(r.error.message.startsWith('Objekt «Billingstad»: ')).toBe(true);
    expect(r.error.message).toContain(text);
  });

  it('finds a self-intersection in a large ring (indexed path)', () => {
    const n = 500;
    const ring = Array.from({ length: n }, (_, i) => [Math.cos((2 * Math.PI * i) / n) * 1000, Math.sin((2 * Math.PI * i) / n) * 1000]);
    // Swap two far-apart vertices: the ring now crosses itself.
    const swapped = [...ring];
    [swapped[10], swapped[200]] = [swapped[200] as number[], swapped[10] as number[]];
    expect(validatePolygonal({ type: 'Polygon', coordinates: [[...ring, ring[0]]] }, 'stor').ok).toBe(true);
    const r = validatePolygonal({ type: 'Polygon', coordinates: [[...swapped, swapped[0]]] }, 'stor');
    expect(r.ok ? null : r.error.reason).toBe('self-intersection');
  });
});

describe('validatePolygonal: accepts', () => {
  it.each([
    ['a square', { type: 'Polygon', coordinates: [sq] }],
    ['a clockwise square', { type: 'Polygon', coordinates: [[...sq].reverse()] }],
    ['a square with a hole', { type: 'Polygon', coordinates: [sq, [[2, 2], [4, 2], [4, 4], [2, 4], [2, 2]]] }],
    ['a hole touching the shell at one point', { type: 'Polygon', coordinates: [sq, [[0, 5], [4, 4], [4, 6], [0, 5]]] }],
    ['consecutive duplicate points', { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] }],
    ['a MultiPolygon', { type: 'MultiPolygon', coordinates: [[sq], [[[20, 20], [30, 20], [30, 30], [20, 20]]]] }]
  ])('%s', (_name, geometry) => {
    const before = JSON.stringify(geometry);
    const r = validatePolygonal(geometry, 'x');
    expect(r.ok).toBe(true);
    expect(JSON.stringify(geometry)).toBe(before);
  });
});
