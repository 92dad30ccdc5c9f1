import { describe, expect, it } from 'vitest';
import { readGeoJsonAreas } from './geojson.ts';

const square = [[580000, 6633000], [580100, 6633000], [580100, 6633100], [580000, 6633100], [580000, 6633000]];
const crs = (name: string) => ({ type: 'name', properties: { name } });

describe('readGeoJsonAreas', () => {
  it('reads a bare Polygon, a Feature and a FeatureCollection, with ids and names', () => {
    const bare = readGeoJsonAreas(JSON.stringify({ type: 'Polygon', coordinates: [square] }), 'a.json', { crs: 'EPSG:25832' });
    expect(bare.ok && bare.areas[0]?.id).toBe('#1');
    const feature = readGeoJsonAreas(
      JSON.stringify({ type: 'Feature', id: 7, properties: { navn: 'Vakås' }, geometry: { type: 'Polygon', coordinates: [square] }, crs: crs('EPSG:25832') }),
      'b.json'
    );
    expect(feature.ok && { id: feature.areas[0]?.id, name: feature.areas[0]?.name, crs: feature.crs, from: feature.crsFrom }).toEqual({
      id: '7',
      name: 'Vakås',
      crs: 'EPSG:25832',
      from: 'crs-member'
    });
  });

  it('reprojects to EPSG:25832 and keeps a WGS84 copy', () => {
    const r = readGeoJsonAreas(JSON.stringify({ type: 'FeatureCollection', crs: crs('EPSG:25832'), features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square] } }] }), 'c.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.areas[0]?.geometry25832.coordinates[0]?.[0]).toEqual([580000, 6633000]);
    const [lon, lat] = r.areas[0]?.geometry4326.coordinates[0]?.[0] as number[];
    expect(lon).toBeCloseTo(10.43, 1);
    expect(lat).toBeCloseTo(59.83, 1);
  });

  it.each([
    ['{', 'invalid-json'],
    ['{"type": "Point", "coordinates": [0, 0]}', 'not-geojson'],
    ['{"type": "FeatureCollection", "features": []}', 'no-features'],
    [JSON.stringify({ type: 'FeatureCollection', crs: crs('EPSG:2154'), features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [square] } }] }), 'unknown-crs'],
    [JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [square] } }] }), 'crs-needed'],
    [JSON.stringify({ type: 'FeatureCollection', crs: crs('EPSG:25832'), features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [square.map(([x, y]) => [y, x])] } }] }), 'outside-norway'],
    [JSON.stringify({ type: 'FeatureCollection', crs: crs('EPSG:3857'), features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [square] } }] }), 'outside-norway'],
    [JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[-70, 40], [-69, 40], [-69, 41], [-70, 40]]] } }] }), 'outside-norway'],
    [JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { navn: 'Linje' }, geometry: { type: 'LineString', coordinates: [[10, 59], [11, 60]] } }] }), 'not-polygonal']
  ])('refuses %s (%s) with the file name in the message', (text, reason) => {
    const r = readGeoJsonAreas(text, 'fil.geojson');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.reason).toBe(reason);
    expect(r.error.message.startsWith('fil.geojson: ')).toBe(true);
  });
});

describe('a ring too tangled to repair', () => {
  it('is skipped as too tangled, naming the limit, not as «no area left» (and quickly)', () => {
    let seed = 1;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    // 3000 random points: about a million crossings, over the repair's limit.
    const ring = Array.from({ length: 3000 }, () => [580000 + Math.round(rnd() * 1e6) / 1000, 6633000 + Math.round(rnd() * 1e6) / 1000]);
    ring.push(ring[0] as number[]);
    const good = { type: 'Feature', properties: { id: 'ok' }, geometry: { type: 'Polygon', coordinates: [square] } };
    const bad = { type: 'Feature', properties: { id: 'floke' }, geometry: { type: 'Polygon', coordinates: [ring] } };
    const t = performance.now();
    const r = readGeoJsonAreas(JSON.stringify({ type: 'FeatureCollection', crs: crs('EPSG:25832'), features: [good, bad] }), 'f.json', { skipBad: true });
    expect(performance.now() - t).toBeLessThan(5000);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.areas.map((a) => a.id)).toEqual(['ok']);
    expect(r.skipped[0]?.reason).toContain('for sammenfiltret til å repareres (over 300000 skjæringspunkter, grensen)');
  });
});
