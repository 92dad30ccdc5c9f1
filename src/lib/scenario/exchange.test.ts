import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, MAX_SHARE_LENGTH, sketchesToGeoJson, sketchFiguresCsv } from './exchange.ts';
import { importSketches } from './sketch-import.ts';
import type { Sketch } from './sketches.ts';

const sketch: Sketch = {
  id: 's1',
  navn: 'Tomt ved «Åros», øst',
  kategori: 'lager/produksjon',
  utnyttelseBraProsent: 80,
  status: 'regulert',
  geometry: { type: 'Polygon', coordinates: [[[10.49, 59.695], [10.495, 59.695], [10.495, 59.698], [10.49, 59.698], [10.49, 59.695]]] }
};
let n = 0;
const newId = () => `ny-${++n}`;

describe('share links', () => {
  it('round-trip the sketches (coordinates to 1e-6 degrees)', () => {
    const param = encodeShare([sketch, { ...sketch, navn: 'B', kategori: 'kontor', utnyttelseBraProsent: null, status: 'byggeklar' }]);
    expect(param).toMatch(/^[A-Za-z0-9_-]+$/);
    const r = decodeShare(param, newId);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sketches.map((s) => [s.navn, s.kategori, s.utnyttelseBraProsent, s.status])).toEqual([
      ['Tomt ved «Åros», øst', 'lager/produksjon', 80, 'regulert'],
      ['B', 'kontor', null, 'byggeklar']
    ]);
    expect(r.sketches[0]?.geometry).toEqual(sketch.geometry);
  });

  it('refuse oversized and malformed links with a Norwegian message', () => {
    expect(decodeShare('x'.repeat(MAX_SHARE_LENGTH + 1), newId)).toEqual({ ok: false, reason: 'too-long', message: expect.stringContaining('for lang') });
    expect(decodeShare('!!!', newId)).toEqual({ ok: false, reason: 'broken', message: expect.stringContaining('ødelagt') });
    const wrong = btoa(JSON.stringify([1, [['x', 99, 0, 0, [1, 2, 3, 4, 5, 6]]]]));
    expect(decodeShare(wrong, newId)).toEqual({ ok: false, reason: 'broken', message: expect.stringContaining('ugyldige felt') });
    const tooFew = btoa(JSON.stringify([1, [['x', 0, 0, 0, [1, 2]]]]));
    expect(decodeShare(tooFew, newId)).toEqual({ ok: false, reason: 'broken', message: expect.stringContaining('ugyldige koordinater') });
  });
});

describe('export', () => {
  it('writes WGS84 GeoJSON, and EPSG:25832 with a crs member', () => {
    const wgs = sketchesToGeoJson([sketch], 'EPSG:4326', 'Demodata – ikke offisielt plankart');
    expect(wgs.crs).toBeUndefined();
    expect(wgs.features[0]?.properties).toMatchObject({ navn: sketch.navn, kategori: 'lager/produksjon', status_tomt: 'regulert', datagrunnlag: 'Demodata – ikke offisielt plankart' });
    const utm = sketchesToGeoJson([sketch], 'EPSG:25832', 'demo');
    expect(utm.crs).toEqual({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } });
    const [x, y] = (utm.features[0]?.geometry as { coordinates: number[][][] }).coordinates[0]?.[0] ?? [];
    expect(x).toBeGreaterThan(500000);
    expect(y).toBeGreaterThan(6600000);
  });

  it('round-trips through import with the CLI’s rules', () => {
    const text = JSON.stringify(sketchesToGeoJson([sketch], 'EPSG:25832', 'demo'));
    const r = importSketches(text, 'skisser.geojson', newId);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sketches[0]).toMatchObject({ navn: sketch.navn, kategori: 'lager/produksjon', utnyttelseBraProsent: 80, status: 'regulert' });
    const [lon, lat] = r.sketches[0]?.geometry.coordinates[0]?.[0] ?? [];
    expect(lon).toBeCloseTo(10.49, 6);
    expect(lat).toBeCloseTo(59.695, 6);
  });

  it('refuses a bad import, naming the file', () => {
    const r = importSketches('{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}}]}', 'feil.geojson', newId);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('feil.geojson');
    expect(r.message).toContain('krysser seg selv');
  });

  it('writes the figures as CSV with the data basis', () => {
    const csv = sketchFiguresCsv([{ sketch, stats: null }, { sketch: { ...sketch, navn: '=SUM(A1)', utnyttelseBraProsent: 82.5 }, stats: null }], 'Demodata – ikke offisielt plankart');
    // Norwegian Excel: «;» between fields, decimal comma, CRLF; a formula is text.
    expect(csv.endsWith('\r\n')).toBe(true);
    const [head, row, formula] = csv.trimEnd().split('\r\n');
    expect(head?.split(';')).toContain('arbeidsplasser_tomteareal');
    expect(row?.split(';').slice(0, 5)).toEqual(['s1', 'Tomt ved «Åros», øst', 'lager/produksjon', 'regulert', '80']);
    expect(row?.endsWith('Demodata – ikke offisielt plankart')).toBe(true);
    expect(formula?.split(';').slice(1, 5)).toEqual(["'=SUM(A1)", 'lager/produksjon', 'regulert', '82,5']);
  });
});
