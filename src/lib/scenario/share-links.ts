/** Query parameter of a link that carries sketches itself (`?skisser=…`, see `encodeShare`). */
export const SKETCHES_PARAM = 'skisser';
/** Query parameter of a link that carries a scenario itself (`?scenario=…`). */
export const SCENARIO_PARAM = 'scenario';
/** Query parameter of a link to sketches saved on the server (`?delte-skisser=<id>`). */
export const SKETCH_SET_PARAM = 'delte-skisser';
/** Query parameters of a link to a scenario saved on the server (`?delt=<id>`, edit links add `&nokkel=<token>`). */
export const SHARED_PARAM = 'delt';
export const TOKEN_PARAM = 'nokkel';

/** What the share links in a planner address ask for; each is opened once. */
export interface ShareParams {
  /** Sketches in the link itself (encoded), or null. */
  sketches: string | null;
  /** A scenario in the link itself (encoded), or null. */
  scenario: string | null;
  /** The server id of a shared set of sketches, or null. */
  sketchSet: string | null;
  /** A scenario saved on the server: its id, and the secret edit token of an edit link. */
  shared: { id: string; token: string | null } | null;
  /**
   * The address without those parameters (the content is then kept locally, and the token must
   * leave the address at once), or null when there were none. Other parameters and the hash stay.
   */
  cleaned: URL | null;
}

/** Reads the share links of a planner address (empty parameters count as none). The input is not modified. */
export function readShareParams(address: string | URL): ShareParams {
  const url = new URL(address);
  const q = url.searchParams;
  const take = (name: string): string | null => {
    const v = q.get(name);
    if (!v) return null;
    q.delete(name);
    return v;
  };
  const sketches = take(SKETCHES_PARAM);
  const scenario = take(SCENARIO_PARAM);
  const sketchSet = take(SKETCH_SET_PARAM);
  const id = take(SHARED_PARAM);
  const shared = id ? { id, token: q.get(TOKEN_PARAM) } : null;
  if (id) q.delete(TOKEN_PARAM);
  return { sketches, scenario, sketchSet, shared, cleaned: sketches || scenario || sketchSet || id ? url : null };
}
