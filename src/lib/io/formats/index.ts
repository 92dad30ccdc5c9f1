// The one registry of the file formats the importers read: each with its name, the extensions it
// is chosen by, and its reader (driver.ts: bytes in, the common shape out). read-file.ts asks it
// for a file's format; the file picker lists its extensions. A reader is loaded the first time a
// file of its format is read, so listing the extensions loads no parser.
import type { FormatDriver, InputFormat } from './driver.ts';

export type { FormatDriver, InputFormat } from './driver.ts';

/** Every format, by id. */
export const FORMATS: Readonly<Record<InputFormat, FormatDriver>> = {
  geojson: { id: 'geojson', name: 'GeoJSON', extensions: ['.geojson', '.json'], alsoReads: [], read: async (b, o) => (await import('./geojson.ts')).read(b, o) },
  sosi: { id: 'sosi', name: 'SOSI', extensions: ['.sos'], alsoReads: ['.sosi'], read: async (b, o) => (await import('./sosi.ts')).read(b, o) },
  gml: { id: 'gml', name: 'GML', extensions: ['.gml'], alsoReads: ['.xml'], read: async (b, o) => (await import('./gml.ts')).read(b, o) },
  shapefile: { id: 'shapefile', name: 'Shapefile (zip)', extensions: ['.zip'], alsoReads: [], read: async (b, o) => (await import('./shapefile.ts')).read(b, o) }
};

const DRIVERS = Object.values(FORMATS);

/** File extensions the importers offer (for the file picker and messages). */
export const INPUT_EXTENSIONS: readonly string[] = DRIVERS.flatMap((d) => d.extensions);

/** The driver for a file, by its extension (any case), or null when no format has it. */
export function driverFor(fileName: string): FormatDriver | null {
  const ext = /\.[^.\/\\]+$/.exec(fileName)?.[0]?.toLowerCase();
  return (ext && DRIVERS.find((d) => d.extensions.includes(ext) || d.alsoReads.includes(ext))) || null;
}

/** The format of a file from its name, or null when the extension is not one we read. */
export function formatOf(fileName: string): InputFormat | null {
  return driverFor(fileName)?.id ?? null;
}
