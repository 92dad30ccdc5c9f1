import { json } from '@sveltejs/kit';
import { createShared } from '$lib/server/api.ts';
import { repository } from '$lib/server/instance.ts';
import type { RequestHandler } from './$types';

/** Saves a new shared scenario or sketch set: 201 with the read id and the edit token. */
export const POST: RequestHandler = async ({ request }) => {
  const r = await createShared(repository(), await request.text());
  return json(r.body, { status: r.status });
};
