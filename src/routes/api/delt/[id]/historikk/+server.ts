import { json } from '@sveltejs/kit';
import { historyOf } from '$lib/server/api.ts';
import { repository } from '$lib/server/instance.ts';
import type { RequestHandler } from './$types';

/** Every version's number, name, author and time. */
export const GET: RequestHandler = async ({ params }) => {
  const r = await historyOf(repository(), params.id);
  return json(r.body, { status: r.status, headers: { 'cache-control': 'no-store' } });
};
