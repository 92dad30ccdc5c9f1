import { coded } from '../coded.ts';
import { refuse, type FormatReader } from './driver.ts';
import { decodeText } from './text.ts';

/**
 * The GeoJSON reader of the registry: the file's text (UTF-8, else ISO 8859-1 with a note) parsed
 * as JSON. Its CRS (`crs` member, the user's choice or degrees), validation and reprojection are
 * read-file's, through ../geojson.ts, as for every format.
 */
export const read: FormatReader = async (bytes) => {
  const { text, note } = decodeText(bytes);
  try {
    return { ok: true, json: JSON.parse(text), crs: null, skipped: [], notAreas: { lines: 0, points: 0 }, notes: note ? [note] : [] };
  } catch (e) {
    return refuse('invalid-json', coded('io.file.invalid-json', { detail: (e as Error).message }));
  }
};
