/** The character sets a SOSI file is read in (WHATWG names, and the two DOS/7-bit ones of SOSI). */
export type SosiEncoding = 'utf-8' | 'windows-1252' | 'iso-8859-10' | 'cp865' | 'nd7';

/** IBM code page 865 (DOS Nordic, SOSI «DOSN8»), bytes 0x80–0xFF. */
const CP865_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø₧ƒáíóúñÑªº¿⌐¬½¼¡«¤░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** ISO 646-NO (SOSI «ND7», «DECN7»): seven-bit ASCII with Æ Ø Å æ ø å in place of [ \ ] { | }. */
const ND7: Record<string, string> = { '[': 'Æ', '\\': 'Ø', ']': 'Å', '{': 'æ', '|': 'ø', '}': 'å' };

/** The ..TEGNSETT label as written in the header (ASCII, so it can be read before decoding). */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
  return /\.\.TEGNSETT[ \t]+([^\s!]+)/i.exec(head)?.[1]?.toUpperCase() ?? null;
}

function decodeTable(bytes: Uint8Array, high: string): string {
  const parts: string[] = [];
  const chunk = 1 << 15;
  for (let start = 0; start < bytes.length; start += chunk) {
    let s = '';
    const end = Math.min(bytes.length, start + chunk);
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      s += b < 0x80 ? String.fromCharCode(b) : high[b - 0x80];
    }
    parts.push(s);
  }
  return parts.join('');
}

/** The bytes from `at` (where the underlying buffer is 4-aligned) as 32-bit words, whole words only. */
function wordsOf(bytes: Uint8Array, at: number): Uint32Array {
  if (at >= bytes.length) return new Uint32Array(0);
  return new Uint32Array(bytes.buffer, bytes.byteOffset + at, (bytes.length - at) >> 2);
}

/** The index of the first byte above 0x7F from `from`, or -1 (the bytes are ASCII). Four bytes at a time where they are aligned. */
function firstNonAscii(bytes: Uint8Array, from = 0): number {
  const end = bytes.length;
  let i = from;
  while (i < end && (bytes.byteOffset + i) % 4 !== 0) {
    if ((bytes[i] as number) > 0x7f) return i;
    i++;
  }
  const words = wordsOf(bytes, i);
  let w = 0;
  while (w < words.length && ((words[w] as number) & 0x80808080) === 0) w++;
  for (i += w * 4; i < end; i++) if ((bytes[i] as number) > 0x7f) return i;
  return -1;
}

/**
 * True when the bytes from `from` on are well-formed UTF-8 (Unicode table 3-7: no overlong
 * forms, no surrogates, nothing above U+10FFFF, no sequence cut short), exactly what a fatal
 * WHATWG UTF-8 decoder accepts, checked without making the text. `from` must not be inside a
 * sequence. Linear; runs of ASCII (most of a file) are skipped four bytes at a time.
 */
export function isUtf8(bytes: Uint8Array, from = 0): boolean {
  const n = bytes.length;
  const cont = (i: number) => i < n && ((bytes[i] as number) & 0xc0) === 0x80;
  // The bytes from `head` on, four at a time, to skip ASCII (most of a file) a word at a time.
  const head = (4 - (bytes.byteOffset % 4)) % 4;
  const words = wordsOf(bytes, head);
  let i = from;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      if (i >= head && ((i - head) & 3) === 0) {
        const w0 = (i - head) >> 2;
        let w = w0;
        while (w < words.length && ((words[w] as number) & 0x80808080) === 0) w++;
        i = w > w0 ? head + w * 4 : i + 1;
      } else i++;
      continue;
    }
    if (b >= 0xc2 && b <= 0xdf) {
      if (!cont(i + 1)) return false;
      i += 2;
      continue;
    }
    if (b >= 0xe0 && b <= 0xef) {
      const c = i + 1 < n ? (bytes[i + 1] as number) : -1;
      // E0 needs A0–BF (no overlong form), ED needs 80–9F (no surrogate).
      const lo = b === 0xe0 ? 0xa0 : 0x80;
      const hi = b === 0xed ? 0x9f : 0xbf;
      if (c < lo || c > hi || !cont(i + 2)) return false;
      i += 3;
      continue;
    }
    if (b >= 0xf0 && b <= 0xf4) {
      const c = i + 1 < n ? (bytes[i + 1] as number) : -1;
      // F0 needs 90–BF (no overlong form), F4 needs 80–8F (nothing above U+10FFFF).
      const lo = b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xf4 ? 0x8f : 0xbf;
      if (c < lo || c > hi || !cont(i + 2) || !cont(i + 3)) return false;
      i += 4;
      continue;
    }
    return false; // a continuation byte without a lead, C0, C1 or F5–FF
  }
  return true;
}

/** A SOSI file's bytes and the character set they are read in. */
export interface SosiCharset {
  encoding: SosiEncoding;
  /** The ..TEGNSETT label, upper case, or null. */
  declared: string | null;
  /** The bytes without a leading UTF-8 BOM. */
  body: Uint8Array;
  /** Where the text starts in `body`: 3 when a second BOM follows (decoding the whole body as UTF-8 drops it), else 0. */
  start: number;
  /**
   * Decodes whole lines of the body (any selection of them, in any order, each ending in a line
   * feed or at the end): every line reads exactly as it does in the decoded file, since none of
   * the decoders carries anything across a line feed.
   */
  decode: (lines: Uint8Array) => string;
}

/**
 * The character set of SOSI bytes. Bytes with a UTF-8 BOM, or valid UTF-8 with non-ASCII in them,
 * are UTF-8 whatever the label says (exporters often label UTF-8 as ISO8859-10). Otherwise the
 * declared ..TEGNSETT decides: ANSI and ISO8859-1 → Windows-1252 (a superset of ISO 8859-1),
 * ISO8859-10, DOSN8 (code page 865), ND7/DECN7 (ISO 646-NO). No label, or one we do not know:
 * ISO 8859-1 (read as Windows-1252), which has Æ, Ø and Å where ISO8859-10 and ANSI have them.
 */
export function sosiCharset(bytes: Uint8Array): SosiCharset {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const declared = declaredCharset(body);
  const high = hasBom ? -1 : firstNonAscii(body);
  if (hasBom || (high >= 0 && isUtf8(body, high))) {
    // The BOM is dropped where the text starts (as a whole-text decode does), not at each line.
    const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
    const start = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
    return { encoding: 'utf-8', declared, body, start, decode: (b) => utf8.decode(b) };
  }
  const table = (encoding: SosiEncoding, decode: (b: Uint8Array) => string): SosiCharset => ({ encoding, declared, body, start: 0, decode });
  if (declared === 'DOSN8') return table('cp865', (b) => decodeTable(b, CP865_HIGH));
  if (declared === 'ND7' || declared === 'DECN7') {
    const latin1 = new TextDecoder('latin1');
    return table('nd7', (b) => latin1.decode(b).replace(/[[\\\]{|}]/g, (c) => ND7[c] as string));
  }
  if (declared === 'ISO8859-10') {
    const iso = new TextDecoder('iso-8859-10');
    return table('iso-8859-10', (b) => iso.decode(b));
  }
  const ansi = new TextDecoder('windows-1252');
  return table('windows-1252', (b) => ansi.decode(b));
}

/** Decodes SOSI bytes as {@link sosiCharset} chooses: the whole text, the character set and the declared label. */
export function decodeSosi(bytes: Uint8Array): { text: string; encoding: SosiEncoding; declared: string | null } {
  const c = sosiCharset(bytes);
  return { text: c.decode(c.body.subarray(c.start)), encoding: c.encoding, declared: c.declared };
}

/** True when a declared ..TEGNSETT names the character set the file was read in. */
export function sameCharset(declared: string, used: SosiEncoding): boolean {
  const d = declared.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (used === 'utf-8') return d === 'UTF8';
  if (used === 'windows-1252') return d === 'ANSI' || d === 'ISO88591' || d === 'WINDOWS1252';
  if (used === 'iso-8859-10') return d === 'ISO885910';
  if (used === 'cp865') return d === 'DOSN8';
  return d === 'ND7' || d === 'DECN7';
}
