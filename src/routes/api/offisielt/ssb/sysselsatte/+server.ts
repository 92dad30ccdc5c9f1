import { officialProxy } from '$lib/server/instance.ts';
import type { RequestHandler } from './$types';

/** SSB's jobs in Asker by year (table 13472, PxWebApi v2) through the app's cached proxy, as `{ series: [{ year, jobs, region }], fetchedAt, stale, … }`. */
export const GET: RequestHandler = async ({ getClientAddress }) => {
  const r = await officialProxy().ssbJobs(getClientAddress());
  return new Response(r.body as BodyInit, { status: r.status, headers: r.headers });
};
