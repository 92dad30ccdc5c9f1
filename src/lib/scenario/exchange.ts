import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { KATEGORIER, STATUS_TOMT, type Kategori, type StatusTomt } from '../../../seeds/plan.ts';
import { AR5_JORDBRUKSKLASSER } from '../../../seeds/ar5.ts';
import { reprojectGeometry } from '../geo/crs.ts';
import { isKategori } from '../domain/norms.ts';
import type { SketchStats } from '../domain/sketch-stats.ts';
import { CSV_NB, csvLines, csvNumber, csvText } from '../io/csv.ts';
import type { Sketch } from './sketches.ts';

/**
 * Sketches as GeoJSON: WGS84 (RFC 7946) or EPSG:25832 with a `crs` member, so GIS tools can take
 * either. Properties use the dataset's names (`navn`, `kategori`, `utnyttelse_bra_prosent`,
 * `status_tomt`). `datagrunnlag` says what the figures were computed against.
 */
export function sketchesToGeoJson(sketches: readonly Sketch[], crs: 'EPSG:4326' | 'EPSG:25832', datagrunnlag: string): FeatureCollection & { crs?: unknown } {
  const features: Feature[] = sketches.map((s) => ({
    type: 'Feature',
    properties: {
      id: s.id,
      navn: s.navn,
      kategori: s.kategori,
      utnyttelse_bra_prosent: s.utnyttelseBraProsent,
      status_tomt: s.status,
      kilde: 'skisse',
      datagrunnlag
    },
    geometry: crs === 'EPSG:4326' ? s.geometry : reprojectGeometry(s.geometry, 'EPSG:4326', 'EPSG:25832')
  }));
  const fc: FeatureCollection & { crs?: unknown } = { type: 'FeatureCollection', features };
  if (crs === 'EPSG:25832') fc.crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } };
  return fc;
}

const CSV_COLUMNS = [
  'id',
  'navn',
  'kategori',
  'status_tomt',
  'utnyttelse_bra_prosent',
  'areal_daa',
  'arbeidsplasser_tomteareal',
  'arbeidsplasser_gulvareal_lav',
  'arbeidsplasser_gulvareal_hoy',
  'jordbruk_daa',
  'jordbruk_21_daa',
  'jordbruk_22_daa',
  'jordbruk_23_daa',
  'allerede_naering_daa',
  'abc',
  'naermeste_stasjon',
  'avstand_stasjon_m',
  'egnethet',
  'datagrunnlag'
] as const;

/** Numbers to at most three decimals (1 m² in daa) with a decimal comma; texts guarded for Excel; empty for none. */
const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' ? csvNumber(v, null, CSV_NB) : csvText(String(v), CSV_NB));

/**
 * The sketches' figures as CSV for Norwegian Excel (`;`, decimal comma, CRLF; write it with
 * {@link excelCsvBytes} for the byte order mark). Areas planar in EPSG:25832; units in the headers.
 */
export function sketchFiguresCsv(rows: readonly { sketch: Sketch; stats: SketchStats | null }[], datagrunnlag: string): string {
  const lines = rows.map(({ sketch: s, stats: f }) =>
    [
      s.id,
      s.navn,
      s.kategori,
      s.status,
      s.utnyttelseBraProsent,
      f ? f.areaDaa : null,
      f?.land.jobs,
      f?.floor.low,
      f?.floor.high,
      f?.farmland ? f.farmland.totalM2 / 1000 : null,
      ...AR5_JORDBRUKSKLASSER.map((k) => (f?.farmland ? f.farmland.byClassM2[k] / 1000 : null)),
      f ? f.naeringM2.total / 1000 : null,
      f?.abc.klasse,
      f?.nearestStation?.navn,
      f?.nearestStation?.distanceM,
      f?.fit.egnethet,
      datagrunnlag
    ].map(cell)
  );
  return csvLines([[...CSV_COLUMNS], ...lines], CSV_NB);
}


/** The longest share parameter accepted (characters); longer links are refused. */
export const MAX_SHARE_LENGTH = 16_000;

const KAT = Object.keys(KATEGORIER) as Kategori[];
const STA = Object.keys(STATUS_TOMT) as StatusTomt[];

/** UTF-8 text as base64url (no padding), for links. */
export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The inverse of {@link toBase64Url}; throws on bad input. */
export function fromBase64Url(s: string): string {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/**
 * Encodes sketches compactly for a share link: per sketch [name, category index, utnyttelse,
 * status index, outer ring as delta-encoded integers of 1e-6 degrees], as base64url JSON.
 * Holes are not kept (sketches are drawn without holes).
 */
export function encodeShare(sketches: readonly Sketch[]): string {
  const items = sketches.map((s) => {
    const ring = (s.geometry.coordinates[0] ?? []).slice(0, -1);
    let px = 0;
    let py = 0;
    const flat: number[] = [];
    for (const [x, y] of ring as [number, number][]) {
      const ix = Math.round(x * 1e6);
      const iy = Math.round(y * 1e6);
      flat.push(ix - px, iy - py);
      px = ix;
      py = iy;
    }
    return [s.navn, KAT.indexOf(s.kategori), s.utnyttelseBraProsent ?? 0, STA.indexOf(s.status), flat];
  });
  return toBase64Url(JSON.stringify([1, items]));
}

/** Decodes a share parameter; refuses oversized or malformed links with a Norwegian message. */
export function decodeShare(param: string, newId: () => string): { ok: true; sketches: Sketch[] } | { ok: false; reason: 'too-long' | 'broken'; message: string } {
  if (param.length > MAX_SHARE_LENGTH) return { ok: false, reason: 'too-long', message: `Delingslenken er for lang (${param.length} tegn; høyst ${MAX_SHARE_LENGTH}).` };
  const bad = (why: string) => ({ ok: false as const, reason: 'broken' as const, message: `Delingslenken er ødelagt og kan ikke leses (${why}).` });
  let doc: unknown;
  try {
    doc = JSON.parse(fromBase64Url(param));
  } catch {
    return bad('ikke gyldig koding');
  }
  if (!Array.isArray(doc) || doc[0] !== 1 || !Array.isArray(doc[1])) return bad('ukjent format');
  const sketches: Sketch[] = [];
  for (const item of doc[1] as unknown[]) {
    if (!Array.isArray(item) || item.length !== 5) return bad('feil oppbygning');
    const [navn, k, u, st, flat] = item as [unknown, unknown, unknown, unknown, unknown];
    if (typeof navn !== 'string' || typeof k !== 'number' || !KAT[k] || typeof st !== 'number' || !STA[st] || typeof u !== 'number') return bad('ugyldige felt');
    if (!Array.isArray(flat) || flat.length < 6 || flat.length % 2 !== 0 || !flat.every((v) => Number.isInteger(v))) return bad('ugyldige koordinater');
    const ring: Position[] = [];
    let x = 0;
    let y = 0;
    for (let i = 0; i < flat.length; i += 2) {
      x += flat[i] as number;
      y += flat[i + 1] as number;
      ring.push([x / 1e6, y / 1e6]);
    }
    if (ring.some(([lon, lat]) => Math.abs(lon as number) > 180 || Math.abs(lat as number) > 90)) return bad('koordinater utenfor kloden');
    ring.push([...(ring[0] as Position)]);
    sketches.push({ id: newId(), navn, kategori: KAT[k] as Kategori, utnyttelseBraProsent: u > 0 ? u : null, status: STA[st] as StatusTomt, geometry: { type: 'Polygon', coordinates: [ring] } });
  }
  return { ok: true, sketches };
}
