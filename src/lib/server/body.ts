import { MAX_BODY_BYTES } from './schema.ts';

/** A request body read as text, or the answer to give instead (413 or 400, Norwegian JSON). */
export type BodyRead = { ok: true; text: string } | { ok: false; status: number; body: { error: string; message: string } };

const tooLarge = (limit: number): BodyRead => ({
  ok: false,
  status: 413,
  body: { error: 'for-stor', message: `Innholdet er for stort (grensen er ${limit / 1_000_000} MB).` }
});

/**
 * Reads a request body as UTF-8 text, chunk by chunk, and stops as soon as it passes `limit`
 * bytes — also when no content-length was sent (chunked upload), so nothing larger is ever held.
 * The server adapter's own limit (BODY_SIZE_LIMIT) ends in the same Norwegian 413.
 */
export async function readBody(request: Request, limit = MAX_BODY_BYTES): Promise<BodyRead> {
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        // Stop reading, but do not cancel: cancelling makes adapter-node destroy the socket, and
        // the client would get a reset instead of the 413. Node discards the rest of the body.
        reader.releaseLock();
        return tooLarge(limit);
      }
      chunks.push(value);
    }
  } catch (e) {
    if ((e as { status?: number }).status === 413) return tooLarge(limit);
    return { ok: false, status: 400, body: { error: 'ugyldig', message: 'Innholdet kunne ikke leses (avbrutt eller ødelagt overføring).' } };
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return { ok: true, text: new TextDecoder().decode(all) };
}
