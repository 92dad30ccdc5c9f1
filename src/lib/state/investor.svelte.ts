import { replaceState } from '$app/navigation';
import { page } from '$app/state';
import { boundsOfGeometries, type LngLatBounds } from '$lib/data/bounds.ts';
import { filterSites, type Site, type SiteFilter } from '$lib/domain/sites.ts';
import { i18n, tr } from '$lib/i18n/lang.svelte.ts';
import type { Lang } from '$lib/i18n/messages.ts';
import { DatasetState } from '$lib/state/dataset.svelte.ts';
import { langParam } from '$lib/state/language.svelte.ts';
import type { SelectedFeature } from '$lib/state/view.svelte.ts';

/** How many sites the shortlist holds. */
export const SHORTLIST_MAX = 4;

/** A site as the map's selection (its næring layer by status). */
export function siteSelection(s: Site): SelectedFeature {
  return { layer: s.status === 1 ? 'naering-naa' : 'naering-framtidig', id: s.id, title: s.navn, properties: {} };
}

/** A link that opens the investor view at one site (`origin` for a link that leaves the page, e.g. a QR code). */
export function investorSiteLink(lang: Lang, id: string, origin = ''): string {
  return `${origin}/investor?lang=${lang}&tomt=${encodeURIComponent(id)}`;
}

/** The page language of the investor pages: `?lang=`, else bokmål (rendered so on the server too). */
export function investorLang(url: URL): Lang {
  return langParam(url) ?? 'nb';
}

/**
 * «Invest in Asker»: the free sites, filtered and sorted; the chosen site on the map; a shortlist
 * of up to {@link SHORTLIST_MAX} to compare and print; and a presentation mode that pages through
 * them with the arrow keys. The language is the app's one language state (`i18n.lang`, from
 * `?lang=` and kept in the URL); it is set before the page renders, also on the server, whose
 * rendering is synchronous.
 */
export class InvestorState {
  /** The page's language: the app's language state. */
  get lang(): Lang {
    return i18n.lang;
  }
  readonly dataset = new DatasetState();
  filter = $state<SiteFilter>({ minDaa: 0, readiness: null, abc: null, fitOnly: false, sort: 'size' });
  selected = $state.raw<SelectedFeature | null>(null);
  /** Where the map flies to (WGS84 bounds). */
  focus = $state.raw<LngLatBounds | null>(null);
  shortlist = $state<string[]>([]);
  shortlistMessage = $state<string | null>(null);
  presenting = $state(false);
  /** The sites named on the map: the one chosen, or all of those shown with «Vis i kartet». */
  labelled = $state.raw<Site[]>([]);
  /** On a phone, which half is shown: the list of sites or the map. */
  phoneView = $state<'list' | 'map'>('list');
  /** The basemap's tiles could not be loaded (offline, blocked): the page says so. */
  basemapUnavailable = $state(false);

  /** The map labels of the {@link labelled} sites: the name at the middle of each site's bounds (WGS84). */
  mapLabels = $derived(
    this.labelled.map((s) => {
      const b = boundsOfGeometries([s.geometry]);
      const at: [number, number] = b ? [(b[0][0] + b[1][0]) / 2, (b[0][1] + b[1][1]) / 2] : [0, 0];
      return { id: s.id, text: s.navn, at };
    })
  );

  constructor(url: URL) {
    i18n.lang = investorLang(url);
  }

  get sites(): Site[] {
    return this.dataset.loaded?.sites ?? [];
  }

  /** The sites that pass the filter, sorted. */
  shown = $derived.by(() => filterSites(this.sites, this.filter, this.lang === 'nb' ? 'nb' : 'en'));

  /** The shortlisted sites, in the order they were added. */
  shortlisted = $derived.by(() => this.shortlist.map((id) => this.sites.find((x) => x.id === id)).filter((x): x is Site => x !== undefined));


  /** The sites presentation mode steps through: the shortlist, or all shown when it is empty. */
  presentList = $derived(this.shortlisted.length ? this.shortlisted : this.shown);
  /** The site presented now, and its place in {@link presentList} (1-based). */
  presented = $derived.by(() => {
    const i = this.presentList.findIndex((x) => x.id === this.selected?.id);
    const site = this.presentList[i];
    return site ? { site, n: i + 1, total: this.presentList.length } : null;
  });

  /** Start-up: language and data; a link to one site (`?tomt=`) shows it. */
  async start(url: URL): Promise<void> {
    const loaded = await this.dataset.start(url, this.lang);
    const tomt = url.searchParams.get('tomt');
    const s = loaded && tomt ? loaded.sites.find((x) => x.id === tomt) : undefined;
    if (s) this.choose(s);
  }

  /** Shows a site on the map. */
  choose(s: Site): void {
    this.selected = siteSelection(s);
    this.focus = boundsOfGeometries([s.geometry]);
    this.labelled = [s];
  }

  /** «Vis i kartet» on a card: the site on the map (on a phone, the map comes forward). */
  showOnMap(s: Site): void {
    this.choose(s);
    this.phoneView = 'map';
  }

  /** A click on the map: shows the site clicked, if it is one. */
  select(f: SelectedFeature | null): void {
    const s = f ? this.sites.find((x) => x.id === String(f.id)) : undefined;
    if (s) this.choose(s);
  }

  /** Fits the map to several sites. */
  showAll(list: readonly Site[]): void {
    this.focus = boundsOfGeometries(list.map((x) => x.geometry));
    this.labelled = [...list];
    this.phoneView = 'map';
  }

  toggleShortlist(id: string): void {
    this.shortlistMessage = null;
    if (this.shortlist.includes(id)) this.shortlist = this.shortlist.filter((x) => x !== id);
    else if (this.shortlist.length >= SHORTLIST_MAX) this.shortlistMessage = tr('shortlist.full');
    else this.shortlist = [...this.shortlist, id];
  }

  /** Presentation mode on or off (full screen of `root` where allowed); on shows the first site. */
  async present(on: boolean, root: HTMLElement): Promise<void> {
    this.presenting = on;
    try {
      if (on && !document.fullscreenElement) await root.requestFullscreen();
      if (!on && document.fullscreenElement) await document.exitFullscreen();
    } catch {
      // Full screen may be refused (e.g. without a user gesture); the large layout still applies.
    }
    const first = this.presentList[0];
    if (on && first) this.choose(first);
  }

  /** In presentation mode: Escape ends it, the arrow keys page through the shortlist (or all shown). */
  onKey = (e: KeyboardEvent): void => {
    if (!this.presenting) return;
    if (e.key === 'Escape') {
      this.presenting = false;
      return;
    }
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const list = this.presentList;
    if (!list.length) return;
    const i = list.findIndex((x) => x.id === this.selected?.id);
    const next = list[(i + (e.key === 'ArrowRight' ? 1 : list.length - 1)) % list.length];
    if (next) this.choose(next);
    e.preventDefault();
  };

  /** Switches the language (kept in the URL as `?lang=`). */
  setLang(lang: Lang): void {
    i18n.lang = lang;
    const url = new URL(window.location.href);
    url.searchParams.set('lang', lang);
    replaceState(url, page.state);
  }

  /** A link that opens the investor view at one site. */
  siteLink(id: string): string {
    return investorSiteLink(this.lang, id);
  }

  /** The fact sheets of some sites. */
  sheetLink(ids: readonly string[]): string {
    return `/investor/faktaark?lang=${this.lang}&ids=${ids.map((id) => encodeURIComponent(id)).join(',')}`;
  }
}
