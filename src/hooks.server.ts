import { json, type Handle } from '@sveltejs/kit';
import { writeLimiter } from '$lib/server/instance.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Rate limit for writes to the API (per client address), and security headers on every answer.
 * The CSP itself is in svelte.config.js (Kit adds hashes for its inline scripts).
 */
export const handle: Handle = async ({ event, resolve }) => {
  if (event.url.pathname.startsWith('/api/') && WRITES.has(event.request.method)) {
    const wait = writeLimiter().take(event.getClientAddress());
    if (wait > 0) {
      return json(
        { error: 'for-mange', message: `For mange lagringer på kort tid; prøv igjen om ${wait} s.` },
        { status: 429, headers: { 'retry-after': String(wait) } }
      );
    }
  }
  const response = await resolve(event);
  response.headers.set('x-content-type-options', 'nosniff');
  // Edit links carry a secret token: never send the address on to other sites.
  response.headers.set('referrer-policy', 'no-referrer');
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('cross-origin-opener-policy', 'same-origin');
  response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  return response;
};
