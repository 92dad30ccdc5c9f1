/**
 * Fetching from an official service with bounds: a time limit for the whole answer, a size limit
 * read as it streams (the answer is dropped at the limit, not buffered whole), and only the content
 * types maps and statistics come as. Never throws: a failure is a code.
 */

export interface UpstreamAnswer {
  contentType: string;
  body: Uint8Array;
}

export type UpstreamFailure = { code: 'upstream.timeout' | 'upstream.too-large' | 'upstream.unreachable' | 'upstream.content-type' | 'upstream.status' | 'upstream.limited'; params: { status?: number; detail?: string } };

const TYPES = /^(image\/(png|jpeg|gif)|text\/(plain|xml)|application\/(json|xml|geojson|vnd\.ogc\.[\w.+-]+|json-stat\+json))\b/i;

export async function fetchBounded(url: URL, limits: { timeoutMs: number; maxBytes: number }, fetcher: typeof fetch = fetch): Promise<{ ok: true; answer: UpstreamAnswer } | { ok: false; failure: UpstreamFailure }> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error('timeout')), limits.timeoutMs);
  try {
    let res: Response;
    try {
      res = await fetcher(url, { signal: abort.signal, redirect: 'error', headers: { accept: 'image/png,image/jpeg,application/json,text/xml,text/plain;q=0.8,*/*;q=0.1' } });
    } catch (e) {
      return { ok: false, failure: abort.signal.aborted ? { code: 'upstream.timeout', params: {} } : { code: 'upstream.unreachable', params: { detail: String((e as Error).message).slice(0, 200) } } };
    }
    if (res.status !== 200) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, failure: { code: 'upstream.status', params: { status: res.status } } };
    }
    const contentType = res.headers.get('content-type') ?? '';
    if (!TYPES.test(contentType)) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, failure: { code: 'upstream.content-type', params: { detail: contentType.slice(0, 100) } } };
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, failure: { code: 'upstream.too-large', params: {} } };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = res.body?.getReader();
    try {
      for (;;) {
        const { done, value } = reader ? await reader.read() : { done: true, value: undefined };
        if (done || !value) break;
        size += value.byteLength;
        if (size > limits.maxBytes) {
          await reader?.cancel().catch(() => undefined);
          return { ok: false, failure: { code: 'upstream.too-large', params: {} } };
        }
        chunks.push(value);
      }
    } catch {
      return { ok: false, failure: abort.signal.aborted ? { code: 'upstream.timeout', params: {} } : { code: 'upstream.unreachable', params: { detail: 'the answer broke off' } } };
    }
    const body = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      body.set(c, at);
      at += c.byteLength;
    }
    return { ok: true, answer: { contentType, body } };
  } finally {
    clearTimeout(timer);
  }
}
