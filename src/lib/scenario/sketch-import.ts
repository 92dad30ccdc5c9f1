/**
 * Reading sketches from a GeoJSON file (the CLI's rules: CRS from `crs`, degrees or refusal,
 * validated and repaired geometry). Apart from scenario/exchange.ts because the GeoJSON reader
 * brings the repair code (polyclip) with it: the map page loads it when a file is read.
 */
import type { Polygon } from 'geojson';
import { STATUS_TOMT, type Kategori, type StatusTomt } from '../../../seeds/plan.ts';
import { isKategori } from '../domain/norms.ts';
import { readGeoJsonAreas } from '../io/geojson.ts';
import type { Sketch } from './sketches.ts';

/**
 * Reads sketches from a GeoJSON file with the same rules as the CLI (CRS from `crs`, degrees or
 * refusal; validated geometry). MultiPolygons become one sketch per part. Unknown categories
 * fall back to «kontor». New ids are made with `newId`.
 */
export function importSketches(
  text: string,
  fileName: string,
  newId: () => string
): { ok: true; sketches: Sketch[] } | { ok: false; reason: string; message: string } {
  const r = readGeoJsonAreas(text, fileName);
  if (!r.ok) return { ok: false, reason: r.error.reason, message: r.error.message };
  const sketches = r.areas.flatMap((a) => {
    const parts: Polygon[] =
      a.geometry4326.type === 'Polygon' ? [a.geometry4326] : a.geometry4326.coordinates.map((c) => ({ type: 'Polygon' as const, coordinates: c }));
    const p = a.properties;
    const kategori: Kategori = isKategori(p.kategori) ? p.kategori : 'kontor';
    const status: StatusTomt = typeof p.status_tomt === 'string' && Object.hasOwn(STATUS_TOMT, p.status_tomt) ? (p.status_tomt as StatusTomt) : 'maa-reguleres';
    const u = typeof p.utnyttelse_bra_prosent === 'number' && p.utnyttelse_bra_prosent > 0 ? p.utnyttelse_bra_prosent : null;
    return parts.map((geometry, i) => ({ id: newId(), navn: parts.length > 1 ? `${a.name} ${i + 1}` : a.name, kategori, utnyttelseBraProsent: u, status, geometry }));
  });
  return { ok: true, sketches };
}
