// Types for the parts of shpjs (6.x) the app uses; the package ships none.
declare module 'shpjs' {
  /** Parses .shp bytes into GeoJSON geometries (reprojected to WGS84 only when a .prj is given). */
  export function parseShp(shp: DataView | ArrayBuffer | Uint8Array, prj?: string | false): (import('geojson').Geometry | null)[];
  /** Parses .dbf bytes into one attribute object per record, decoded with the .cpg encoding. */
  export function parseDbf(dbf: DataView | ArrayBuffer | Uint8Array, cpg?: string): Record<string, unknown>[];
}
