import { describe, expect, it } from 'vitest';
import { guardApi, isApiRoute, type GuardRequest } from './guard.ts';
import { RateLimiter } from './rate-limit.ts';
import { MAX_BODY_BYTES } from './schema.ts';

const req = (over: Partial<GuardRequest> = {}): GuardRequest => ({
  routeId: '/api/delt',
  method: 'POST',
  contentType: 'application/json',
  contentLength: '100',
  client: '10.0.0.1',
  ...over
});

describe('guardApi', () => {
  it('counts every write to the API by its decoded route: /%61pi/delt and /api/%64elt are /api/delt to the router', () => {
    // SvelteKit decodes the path before routing; the guard sees the route id, not the raw path.
    const limiter = new RateLimiter(2, 2);
    expect(guardApi(req({ routeId: '/api/delt' }), limiter)).toBeNull();
    expect(guardApi(req({ routeId: '/api/delt/[id]', method: 'PUT' }), limiter)).toBeNull();
    const third = guardApi(req({ routeId: '/api/delt' }), limiter);
    expect(third?.status).toBe(429);
    expect(third?.headers?.['retry-after']).toMatch(/^\d+$/);
    expect(third?.body.message).toMatch(/^For mange lagringer/);
  });

  it('leaves reads and pages alone', () => {
    const limiter = new RateLimiter(1, 1);
    for (let i = 0; i < 5; i++) expect(guardApi(req({ method: 'GET' }), limiter)).toBeNull();
    for (let i = 0; i < 5; i++) expect(guardApi(req({ routeId: '/' }), limiter)).toBeNull();
    expect(isApiRoute(null)).toBe(false);
    expect(isApiRoute('/apiary')).toBe(false);
  });

  it('refuses a body that is not declared JSON (415) or is larger than the limit (413), in Norwegian', () => {
    const limiter = new RateLimiter(100, 100);
    expect(guardApi(req({ contentType: 'text/plain' }), limiter)).toMatchObject({ status: 415, body: { error: 'feil-innholdstype' } });
    expect(guardApi(req({ contentType: null }), limiter)?.status).toBe(415);
    expect(guardApi(req({ contentType: 'application/json; charset=utf-8' }), limiter)).toBeNull();
    expect(guardApi(req({ contentLength: String(MAX_BODY_BYTES + 1) }), limiter)).toMatchObject({ status: 413, body: { error: 'for-stor', message: expect.stringContaining('grensen er 1 MB') } });
    expect(guardApi(req({ method: 'DELETE', contentType: null }), limiter)).toBeNull();
  });
});
