import { officialProxy } from '$lib/server/instance.ts';
import type { RequestHandler } from './$types';

/** The layers the app shows for an official map service, from its GetCapabilities (cached). */
export const GET: RequestHandler = async ({ params, getClientAddress }) => {
  const r = await officialProxy().layers(params.tjeneste, getClientAddress());
  return new Response(r.body as BodyInit, { status: r.status, headers: r.headers });
};
