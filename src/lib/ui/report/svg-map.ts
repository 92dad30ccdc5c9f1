/**
 * A small static map as SVG, for the report (prints as vector on A4, needs no tiles): planar
 * EPSG:25832 coordinates to screen pixels with north up, path data for polygons, a scale bar of a
 * round length, and labels placed so that none overlaps another. Pure: coordinates in, numbers and
 * strings out.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { bboxOf } from '../../geo/bbox.ts';

/** How metres map to pixels: x = (E − minX) · scale, y = (maxY − N) · scale. */
export interface SvgFrame {
  width: number;
  height: number;
  /** Pixels per metre. */
  scale: number;
  minX: number;
  maxY: number;
}

export type Box = readonly [minX: number, minY: number, maxX: number, maxY: number];

/** The box around some boxes ([Infinity, …] when there are none). */
export function unionBox(boxes: Iterable<Box>): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const x of boxes) {
    b[0] = Math.min(b[0], x[0]);
    b[1] = Math.min(b[1], x[1]);
    b[2] = Math.max(b[2], x[2]);
    b[3] = Math.max(b[3], x[3]);
  }
  return b;
}

/** The bounding box of a polygon (its outer rings bound it). */
export function geometryBox(g: Polygon | MultiPolygon): [number, number, number, number] {
  return bboxOf(g);
}

/**
 * A frame `width` pixels wide showing `box` with `marginM` metres around it (and at least
 * `minSpanM` metres across, so a single small area is not blown up), its height following the
 * box's shape but at most `maxHeight` (then the box is fitted to the height and centred).
 */
export function frameFor(box: Box, width: number, maxHeight: number, marginM = 500, minSpanM = 3000): SvgFrame {
  if (!(box[0] <= box[2] && box[1] <= box[3])) return { width, height: Math.round(width / 2), scale: 1, minX: 0, maxY: 0 };
  const cx = (box[0] + box[2]) / 2;
  const cy = (box[1] + box[3]) / 2;
  const spanX = Math.max(minSpanM, box[2] - box[0] + 2 * marginM);
  const spanY = Math.max(minSpanM, box[3] - box[1] + 2 * marginM);
  let scale = width / spanX;
  let height = Math.round(spanY * scale);
  if (height > maxHeight) {
    height = maxHeight;
    scale = Math.min(scale, height / spanY);
  }
  return { width, height, scale, minX: cx - width / scale / 2, maxY: cy + height / scale / 2 };
}

/** A point (E, N) in pixels. */
export function toPixel(p: Position, f: SvgFrame): [number, number] {
  return [((p[0] as number) - f.minX) * f.scale, (f.maxY - (p[1] as number)) * f.scale];
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** SVG path data of a polygon (every ring closed; draw with `fill-rule: evenodd`), pixels to 0.1. */
export function pathData(g: Polygon | MultiPolygon, f: SvgFrame): string {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const parts: string[] = [];
  for (const rings of polys) {
    for (const ring of rings) {
      if (ring.length < 3) continue;
      parts.push(
        ring
          .map((p, i) => {
            const [x, y] = toPixel(p, f);
            return `${i === 0 ? 'M' : 'L'}${r1(x)} ${r1(y)}`;
          })
          .join('') + 'Z'
      );
    }
  }
  return parts.join('');
}

/** A scale bar: the largest round length (1, 2 or 5 × 10ⁿ m) at most `maxPx` pixels long, and its length in pixels. */
export function scaleBar(f: SvgFrame, maxPx: number): { metres: number; px: number } {
  const most = maxPx / f.scale;
  let best = 1;
  for (let e = 0; e <= 6; e++) for (const m of [1, 2, 5]) if (m * 10 ** e <= most) best = m * 10 ** e;
  return { metres: best, px: best * f.scale };
}

/** A label to place: its anchor (pixels), its text and how wide it is (pixels). */
export interface LabelCandidate {
  x: number;
  y: number;
  text: string;
  widthPx: number;
}

/**
 * The labels that fit: in the given order (most important first), each to the right of its anchor,
 * else to the left, above or below it; a label that would overlap one already placed or a box in `avoid` (the north
 * arrow, the scale bar), or run off the frame, in every spot is left out. Returns the placed labels
 * with their text anchor.
 */
export function placeLabels(
  cands: readonly LabelCandidate[],
  f: SvgFrame,
  avoid: readonly Box[] = [],
  heightPx = 14,
  gapPx = 6
): { x: number; y: number; text: string; anchor: 'start' | 'end' | 'middle' }[] {
  const taken: Box[] = [...avoid];
  const out: { x: number; y: number; text: string; anchor: 'start' | 'end' | 'middle' }[] = [];
  const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  for (const c of cands) {
    if (c.x < 0 || c.x > f.width || c.y < 0 || c.y > f.height) continue;
    // Right of the anchor, left of it, centred above it, centred below it.
    const spots = [
      { x: c.x + gapPx, y: c.y, x0: c.x + gapPx, anchor: 'start' as const },
      { x: c.x - gapPx, y: c.y, x0: c.x - gapPx - c.widthPx, anchor: 'end' as const },
      { x: c.x, y: c.y - heightPx - gapPx / 2, x0: c.x - c.widthPx / 2, anchor: 'middle' as const },
      { x: c.x, y: c.y + heightPx + gapPx / 2, x0: c.x - c.widthPx / 2, anchor: 'middle' as const }
    ];
    for (const spot of spots) {
      const box: Box = [spot.x0, spot.y - heightPx / 2, spot.x0 + c.widthPx, spot.y + heightPx / 2];
      if (box[0] < 0 || box[2] > f.width || box[1] < 0 || box[3] > f.height || taken.some((t) => overlaps(t, box))) continue;
      taken.push(box);
      out.push({ x: spot.x, y: spot.y, text: c.text, anchor: spot.anchor });
      break;
    }
  }
  return out;
}
