import { describe, expect, it } from 'vitest';
import { positionFromHash } from './hash.ts';

describe('positionFromHash', () => {
  it('reads zoom, latitude and longitude, and bearing and pitch when there', () => {
    expect(positionFromHash('#9.22/59.6946/10.4647')).toEqual({ center: [10.4647, 59.6946], zoom: 9.22, bearing: 0, pitch: 0 });
    expect(positionFromHash('#11/59.79/10.4/-12.5/30')).toEqual({ center: [10.4, 59.79], zoom: 11, bearing: -12.5, pitch: 30 });
    // Only the first parameter of the hash is the position.
    expect(positionFromHash('#11/59.79/10.4&annet=1')?.zoom).toBe(11);
  });

  it('gives null for no hash, too few parts, text, or positions out of range', () => {
    for (const h of ['', '#', '#11/59.79', '#11/abc/10.4', '#11//10.4', '#11/95/10.4', '#23/59/10', '#-1/59/10', '#11/59/10/200', '#11/59/10/0/80']) expect(positionFromHash(h), h).toBeNull();
  });
});
