import type { RateLimiter } from './rate-limit.ts';
import { MAX_BODY_BYTES } from './schema.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What the guard needs to know of a request. `routeId` is SvelteKit's, after it decoded the path. */
export interface GuardRequest {
  /** The matched route (`/api/delt/[id]`), or null when no route matched. */
  routeId: string | null;
  method: string;
  contentType: string | null;
  contentLength: string | null;
  client: string;
}

/** An answer that stops the request before the handler: status, Norwegian JSON body, headers. */
export interface GuardAnswer {
  status: number;
  body: { error: string; message: string };
  headers?: Record<string, string>;
}

/** True for the app's API, judged by the decoded route (so `/%61pi/delt` is the API too). */
export function isApiRoute(routeId: string | null): boolean {
  return routeId !== null && (routeId === '/api' || routeId.startsWith('/api/'));
}

/**
 * Checks a request to the API before its handler runs: writes are rate limited per client (429
 * with Retry-After), a body must be declared JSON (415) and not larger than the limit (413).
 * Returns null when the request may go on.
 */
export function guardApi(req: GuardRequest, limiter: RateLimiter): GuardAnswer | null {
  if (!isApiRoute(req.routeId) || !WRITES.has(req.method)) return null;
  const wait = limiter.take(req.client);
  if (wait > 0) {
    return { status: 429, body: { error: 'for-mange', message: `For mange lagringer på kort tid; prøv igjen om ${wait} s.` }, headers: { 'retry-after': String(wait) } };
  }
  if (req.method === 'DELETE') return null;
  const length = Number(req.contentLength ?? 0);
  if (Number.isFinite(length) && length > MAX_BODY_BYTES) {
    return { status: 413, body: { error: 'for-stor', message: `Innholdet er for stort (${Math.round(length / 1000)} kB; grensen er ${MAX_BODY_BYTES / 1_000_000} MB).` } };
  }
  const type = (req.contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    return { status: 415, body: { error: 'feil-innholdstype', message: 'Innholdet må sendes som JSON (content-type: application/json).' } };
  }
  return null;
}
