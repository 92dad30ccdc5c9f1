import { json } from '@sveltejs/kit';
import { createShared } from '$lib/server/api.ts';
import { readBody } from '$lib/server/body.ts';
import { repository } from '$lib/server/instance.ts';
import type { RequestHandler } from './$types';

/** Saves a new shared scenario or sketch set: 201 with the read id and the edit token. */
export const POST: RequestHandler = async ({ request }) => {
  const body = await readBody(request);
  if (!body.ok) return json(body.body, { status: body.status });
  const r = await createShared(repository(), body.text);
  return json(r.body, { status: r.status });
};
