/** Formats a number the Norwegian way (space as thousands separator, comma as decimal mark). */
export function nb(value: number, decimals = 0): string {
  return value.toLocaleString('nb-NO', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A range «a–b», or one number when both ends round to the same. */
export function nbRange(low: number, high: number, decimals = 0): string {
  const a = nb(low, decimals);
  const b = nb(high, decimals);
  return a === b ? a : `${a}–${b}`;
}

/** Metres as «850 m» or «2,4 km». */
export function distance(m: number): string {
  return m < 1000 ? `${nb(Math.round(m / 10) * 10)} m` : `${nb(m / 1000, 1)} km`;
}
