import { replaceState } from '$app/navigation';
import { page } from '$app/state';
import { i18n } from '$lib/i18n/lang.svelte.ts';
import { isLang, type Lang } from '$lib/i18n/messages.ts';
import { withViewQuery } from '$lib/state/url.ts';
import type { ViewState } from '$lib/state/view.svelte.ts';

/** The language a page address asks for with `?lang=`, or null. */
export function langParam(url: URL): Lang | null {
  const lang = url.searchParams.get('lang');
  return isLang(lang) ? lang : null;
}

/**
 * Start-up: puts the page's language in use app-wide (the map and shared components read it):
 * `?lang=` when valid, else `fallback` (null keeps the language in use).
 */
export function applyLang(url: URL, fallback: Lang | null): void {
  const lang = langParam(url) ?? fallback;
  if (lang) i18n.lang = lang;
}

/**
 * The planner page's address and language: basemap, layers and `?lang=` go into the query
 * string (MapLibre keeps `#zoom/lat/lon`), and the document's `lang` follows the language.
 * Create it while a component is being initialised.
 */
export class PlannerUrl {
  private view: ViewState;

  constructor(view: ViewState) {
    this.view = view;
    $effect(() => {
      document.documentElement.lang = i18n.lang;
    });
  }

  /** Switches the language of the whole page (kept in the URL as `?lang=`). */
  setLang(lang: Lang): void {
    i18n.lang = lang;
    this.write();
  }

  /** Shows or hides a layer, and keeps it in the URL. */
  setLayerVisible(id: Parameters<ViewState['setLayerVisible']>[0], visible: boolean): void {
    this.view.setLayerVisible(id, visible);
    this.write();
  }

  /** Changes the basemap (a new one may load again), and keeps it in the URL. */
  setBasemap(id: ViewState['basemap']): void {
    this.view.basemap = id;
    this.view.basemapUnavailable = false;
    this.write();
  }

  /** Writes basemap, layers and language into the query string, keeping MapLibre's `#zoom/lat/lon` hash. */
  private write(): void {
    const next = withViewQuery(new URL(window.location.href), this.view.query);
    if (i18n.lang === 'en') next.searchParams.set('lang', 'en');
    else next.searchParams.delete('lang');
    if (next.href !== window.location.href) replaceState(next, page.state);
  }
}
