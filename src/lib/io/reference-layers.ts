import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import type { Station } from '../domain/stats.ts';
import { crsFromGeoJson, projectPosition, reprojectGeometry, type CrsCode } from '../geo/crs.ts';

/** The CRS of a reference layer: its `crs` member, else WGS84. */
function layerCrs(fc: FeatureCollection): CrsCode {
  const c = crsFromGeoJson(fc);
  return c && c !== 'unknown' ? c : 'EPSG:4326';
}

/** Stations in EPSG:25832 from a point layer in any supported CRS. */
export function stationsIn25832(fc: FeatureCollection): Station[] {
  const crs = layerCrs(fc);
  return fc.features.flatMap((f) => {
    if (f.geometry?.type !== 'Point') return [];
    const p = f.properties ?? {};
    return [{ id: String(p.id ?? f.id), navn: String(p.navn ?? p.id ?? f.id), coordinates: projectPosition(f.geometry.coordinates, crs, 'EPSG:25832') }];
  });
}

/** Lines (E18, E134) in EPSG:25832 from a line layer in any supported CRS. */
export function roadsIn25832(fc: FeatureCollection): (LineString | MultiLineString)[] {
  const crs = layerCrs(fc);
  return fc.features.flatMap((f) =>
    f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString' ? [reprojectGeometry(f.geometry, crs, 'EPSG:25832')] : []
  );
}
