import { json } from '@sveltejs/kit';
import { contact } from '$lib/server/instance.ts';
import type { RequestHandler } from './$types';

/** The fact sheets' contact as the operator set it, or null: the sheets leave the contact block out. */
export const GET: RequestHandler = () => json({ contact: contact() }, { headers: { 'cache-control': 'no-store' } });
