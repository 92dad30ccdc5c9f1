/** A screen rectangle in CSS pixels. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function overlaps(a: Rect, b: Rect, gap: number): boolean {
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;
}

/**
 * Greedy label placement: walks the labels in priority order and keeps each one that does not
 * overlap (within `gap` px) a label already kept. Returns one flag per label.
 */
export function labelsToShow(rects: readonly Rect[], gap = 2): boolean[] {
  const kept: Rect[] = [];
  return rects.map((r) => {
    if (kept.some((k) => overlaps(k, r, gap))) return false;
    kept.push(r);
    return true;
  });
}
