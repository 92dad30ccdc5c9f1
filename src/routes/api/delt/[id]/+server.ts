import { json } from '@sveltejs/kit';
import { bearerToken, deleteShared, getShared, saveShared } from '$lib/server/api.ts';
import { readBody } from '$lib/server/body.ts';
import { repository } from '$lib/server/instance.ts';
import type { RequestHandler } from './$types';

/** The newest version (anyone with the read link). */
export const GET: RequestHandler = async ({ params }) => {
  const r = await getShared(repository(), params.id);
  return json(r.body, { status: r.status, headers: { 'cache-control': 'no-store' } });
};

/** A new version on top of `baseVersion` (edit token in `Authorization: Bearer …`). */
export const PUT: RequestHandler = async ({ params, request }) => {
  const body = await readBody(request);
  if (!body.ok) return json(body.body, { status: body.status });
  const r = await saveShared(repository(), params.id, body.text, bearerToken(request.headers.get('authorization')));
  return json(r.body, { status: r.status });
};

/** Deletes it with its history (edit token needed). */
export const DELETE: RequestHandler = async ({ params, request }) => {
  const r = await deleteShared(repository(), params.id, bearerToken(request.headers.get('authorization')));
  return r.status === 204 ? new Response(null, { status: 204 }) : json(r.body, { status: r.status });
};
