import { officialProxy } from '$lib/server/instance.ts';
import type { RequestHandler } from './$types';

/** A WMS request to an official map service (`dibk`, `nibio`) through the app's cached proxy: only configured hosts, checked parameters. */
export const GET: RequestHandler = async ({ params, url, getClientAddress }) => {
  const r = await officialProxy().wms(params.tjeneste, url.searchParams, getClientAddress());
  return new Response(r.body as BodyInit, { status: r.status, headers: r.headers });
};
