import { isValidUtf8 } from './text.ts';

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

/**
 * Decodes SOSI bytes. Bytes with a UTF-8 BOM, or valid UTF-8 with non-ASCII in them, are UTF-8
 * whatever the label says (exporters often label UTF-8 as ISO8859-10). Otherwise the declared
 * ..TEGNSETT decides: ANSI and ISO8859-1 → Windows-1252 (a superset of ISO 8859-1), ISO8859-10,
 * DOSN8 (code page 865), ND7/DECN7 (ISO 646-NO). No label, or one we do not know: ISO 8859-1
 * (read as Windows-1252), which has Æ, Ø and Å where ISO8859-10 and ANSI have them.
 */
export function decodeSosi(bytes: Uint8Array): { text: string; encoding: SosiEncoding; declared: string | null } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const declared = declaredCharset(body);
  if (hasBom || (body.some((b) => b > 0x7f) && isValidUtf8(body))) return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', declared };
  if (declared === 'DOSN8') return { text: decodeTable(body, CP865_HIGH), encoding: 'cp865', declared };
  if (declared === 'ND7' || declared === 'DECN7') {
    return { text: new TextDecoder('latin1').decode(body).replace(/[[\\\]{|}]/g, (c) => ND7[c] as string), encoding: 'nd7', declared };
  }
  if (declared === 'ISO8859-10') return { text: new TextDecoder('iso-8859-10').decode(body), encoding: 'iso-8859-10', declared };
  return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252', declared };
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
