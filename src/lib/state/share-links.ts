import { replaceState } from '$app/navigation';
import { page } from '$app/state';
import { tr } from '$lib/i18n/lang.svelte.ts';
import { decodeShare, MAX_SHARE_LENGTH } from '$lib/scenario/exchange.ts';
import { decodeScenarioShare } from '$lib/scenario/scenario-store.ts';
import { readShareParams } from '$lib/scenario/share-links.ts';
import { fetchSketchSet } from '$lib/scenario/shared-client.ts';
import type { DrawSession } from '$lib/state/draw-session.svelte.ts';
import type { ScenarioState } from '$lib/state/scenarios.svelte.ts';
import type { SharedState } from '$lib/state/shared.svelte.ts';
import type { SketchExchange } from '$lib/state/sketch-exchange.svelte.ts';
import type { SketchState } from '$lib/state/sketches.svelte.ts';

/**
 * Opens the share links of the planner's address once (call it when the page mounts): sketches
 * (`?skisser=…`) and a scenario (`?scenario=…`) carried in the link, sketches saved on the server
 * (`?delte-skisser=…`, added to this browser's own) and a scenario saved on the server
 * (`?delt=…`, with `&nokkel=…` for the edit link). Their content is then kept locally, so the
 * parameters are dropped from the address (a reload adds nothing twice, and the secret token
 * leaves the address at once; it is kept in this browser's list).
 */
export function openShareLinks(s: { sketches: SketchState; scenarios: ScenarioState; shared: SharedState; exchange: SketchExchange; draw: DrawSession; fetcher: typeof fetch }): void {
  const links = readShareParams(window.location.href);
  if (links.sketches) {
    const r = decodeShare(links.sketches, s.exchange.newId);
    if (!r.ok) s.draw.message = tr(`share.${r.reason}`, { max: MAX_SHARE_LENGTH });
    else {
      s.sketches.apply({ put: r.sketches, delete: [] });
      s.exchange.info = tr('info.openedShared', { n: r.sketches.length });
    }
  }
  if (links.scenario) {
    const r = decodeScenarioShare(links.scenario, s.scenarios.newId());
    if (r.ok) s.scenarios.adopt(r.scenario);
    else s.scenarios.shareError = r.reason;
  }
  if (links.sketchSet) {
    void fetchSketchSet(s.fetcher, links.sketchSet, s.exchange.newId).then((r) => {
      if (!r.ok) s.draw.message = tr('info.serverFailed', { message: r.message });
      else {
        s.sketches.apply({ put: r.data.sketches, delete: [] });
        s.exchange.info = tr('info.openedShared', { n: r.data.sketches.length });
      }
    });
  }
  if (links.shared) void s.shared.open(s.scenarios, links.shared.id, links.shared.token);
  const cleaned = links.cleaned;
  if (cleaned) queueMicrotask(() => replaceState(cleaned, page.state));
}
