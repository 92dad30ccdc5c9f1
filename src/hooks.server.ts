import { json, type Handle } from '@sveltejs/kit';
import { guardApi, isApiRoute } from '$lib/server/guard.ts';
import { writeLimiter } from '$lib/server/instance.ts';

/**
 * The API's guard (write limit per client, JSON only, size limit; judged on the decoded route, so
 * every spelling of the path counts) and security headers on every answer. API answers are never
 * cached (a 201 carries the edit key). The CSP itself is in svelte.config.js.
 */
export const handle: Handle = async ({ event, resolve }) => {
  const stop = guardApi(
    {
      routeId: event.route.id,
      method: event.request.method,
      contentType: event.request.headers.get('content-type'),
      contentLength: event.request.headers.get('content-length'),
      client: event.getClientAddress()
    },
    writeLimiter()
  );
  if (stop) return json(stop.body, { status: stop.status, headers: { 'cache-control': 'no-store', ...stop.headers } });
  const response = await resolve(event);
  if (isApiRoute(event.route.id)) response.headers.set('cache-control', 'no-store');
  response.headers.set('x-content-type-options', 'nosniff');
  // Edit links carry a secret token: never send the address on to other sites.
  response.headers.set('referrer-policy', 'no-referrer');
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('cross-origin-opener-policy', 'same-origin');
  response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  return response;
};
