import { coded, type Coded } from '../coded.ts';

/** True when the bytes are valid UTF-8 (a strict decode succeeds). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The text of a file meant to be UTF-8 (a BOM dropped); not valid UTF-8, it is read as ISO 8859-1 and a note says so. */
export function decodeText(bytes: Uint8Array): { text: string; note: Coded | null } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), note: null };
  } catch {
    return { text: new TextDecoder('iso-8859-1').decode(body), note: coded('io.note.not-utf8') };
  }
}
