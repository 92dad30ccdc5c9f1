import type { Repository, SharedHead, SharedKind } from './store/repository.ts';
import { hashToken, newToken, tokenMatches } from './store/tokens.ts';
import { parseSaveBody } from './schema.ts';

/** What an API handler answers: a status and a JSON body (null for 204). */
export interface ApiResponse {
  status: number;
  body: unknown;
}

const problem = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): ApiResponse => ({ status, body: { error: code, message, ...extra } });

/** The edit token from `Authorization: Bearer <token>`, or null. */
export function bearerToken(header: string | null): string | null {
  const m = /^Bearer\s+([A-Za-z0-9_-]{10,200})\s*$/.exec(header ?? '');
  return m ? (m[1] as string) : null;
}

const IDS = /^[A-Za-z0-9_-]{10,64}$/;

/**
 * Saves a new shared scenario or sketch set (version 1). Answers 201 with the read id and the
 * edit token; the token is shown once and only its hash is kept. 400 names what is wrong.
 */
export async function createShared(repo: Repository, text: string): Promise<ApiResponse> {
  const parsed = await parseSaveBody(text);
  if (!parsed.ok) return problem(400, 'ugyldig', `Ugyldig innhold: ${parsed.reason}.`);
  const token = newToken();
  const b = parsed.body;
  const head = await repo.create({ kind: b.kind, name: b.name, author: b.author, payload: b.payload, tokenHash: hashToken(token) });
  return { status: 201, body: { ...head, editToken: token } };
}

/** The newest version of a shared item, with its payload (read link: no token needed). */
export async function getShared(repo: Repository, id: string): Promise<ApiResponse> {
  const r = IDS.test(id) ? await repo.get(id) : null;
  return r ? { status: 200, body: r } : problem(404, 'finnes-ikke', 'Finnes ikke (feil lenke, eller slettet).');
}

/** The history: every version's number, name, author and time (oldest first). */
export async function historyOf(repo: Repository, id: string): Promise<ApiResponse> {
  const r = IDS.test(id) ? await repo.history(id) : null;
  return r ? { status: 200, body: { id, versions: r } } : problem(404, 'finnes-ikke', 'Finnes ikke (feil lenke, eller slettet).');
}

/** Checks the edit token: the item's kind when it matches, else the answer to give (404 or 403). */
async function authorize(repo: Repository, id: string, token: string | null): Promise<{ kind: SharedKind } | ApiResponse> {
  const access = IDS.test(id) ? await repo.access(id) : null;
  if (access === null) return problem(404, 'finnes-ikke', 'Finnes ikke (feil lenke, eller slettet).');
  if (!token) return problem(403, 'mangler-nokkel', 'Redigeringsnøkkelen mangler; bare den som har redigeringslenken kan endre eller slette.');
  if (!tokenMatches(token, access.tokenHash)) return problem(403, 'feil-nokkel', 'Redigeringsnøkkelen stemmer ikke.');
  return { kind: access.kind };
}

/**
 * Saves a new version on top of `baseVersion`. 403 without the right edit token; 409 when someone
 * saved a newer version since (the body has the newest head, so the client can reload or save
 * a copy); nothing is overwritten silently.
 */
export async function saveShared(repo: Repository, id: string, text: string, token: string | null): Promise<ApiResponse> {
  const auth = await authorize(repo, id, token);
  if ('status' in auth) return auth;
  const parsed = await parseSaveBody(text);
  if (!parsed.ok) return problem(400, 'ugyldig', `Ugyldig innhold: ${parsed.reason}.`);
  const b = parsed.body;
  if (b.baseVersion === undefined) return problem(400, 'ugyldig', 'Ugyldig innhold: baseVersion (versjonen du endret) mangler.');
  if (auth.kind !== b.kind) return problem(400, 'ugyldig', `Ugyldig innhold: dette er ${auth.kind}, ikke ${b.kind}.`);
  const r = await repo.save(id, { baseVersion: b.baseVersion, name: b.name, author: b.author, payload: b.payload });
  if (r.ok) return { status: 200, body: r.head };
  if (r.reason === 'not-found') return problem(404, 'finnes-ikke', 'Finnes ikke (slettet i mellomtiden).');
  const h: SharedHead = r.head;
  return problem(409, 'nyere-versjon', `Noen andre har lagret en nyere versjon (versjon ${h.version} av ${h.author || 'ukjent'}). Last inn den nyeste, eller lagre din som en kopi.`, { head: h });
}

/** Deletes a shared item and its history; 403 without the right edit token. */
export async function deleteShared(repo: Repository, id: string, token: string | null): Promise<ApiResponse> {
  const auth = await authorize(repo, id, token);
  if ('status' in auth) return auth;
  return (await repo.remove(id)) ? { status: 204, body: null } : problem(404, 'finnes-ikke', 'Finnes ikke.');
}
