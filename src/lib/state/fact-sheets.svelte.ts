import type { LngLatBounds } from '$lib/data/bounds.ts';
import { siteContext } from '$lib/domain/site-context.ts';
import type { Site } from '$lib/domain/sites.ts';
import type { BBox } from '$lib/geo/bbox.ts';
import { projectPosition, reprojectGeometry } from '$lib/geo/crs.ts';
import type { Contact } from '$lib/data/contact.ts';
import { dist, i18n, stationName, tr } from '$lib/i18n/lang.svelte.ts';
import type { Lang } from '$lib/i18n/messages.ts';
import { DatasetState } from '$lib/state/dataset.svelte.ts';
import { investorLang, investorSiteLink } from '$lib/state/investor.svelte.ts';

/** The contact block of a fact sheet in the page's language: the lines the operator set, in order. */
export interface ContactLines {
  organisasjon?: string;
  navn?: string;
  epost?: string;
  telefon?: string;
  nettside?: string;
}

/** The fact sheets of some sites (`/investor/faktaark?ids=a,b`), one A4 page each, in the page's language. */
export class FactSheetState {
  /** The page's language: the app's one language state (set from `?lang=` before the page renders). */
  get lang(): Lang {
    return i18n.lang;
  }
  readonly dataset = new DatasetState();
  /** The sites asked for that exist, in the order asked. */
  sites = $state.raw<Site[]>([]);
  /** As the operator set it (server, `KONTAKT_*`); null: no contact block on the sheets. */
  private contactTexts = $state.raw<Contact | null>(null);
  /** The contact in the page's language, or null: the block is left out. */
  contact = $derived.by((): ContactLines | null => {
    const c = this.contactTexts;
    if (!c) return null;
    const lang = this.lang;
    return Object.fromEntries(Object.entries(c).map(([k, t]) => [k, t[lang]]));
  });
  error = $state<string | null>(null);
  /** True once data and contact are loaded. */
  ready = $state(false);
  private ids: string[];
  private origin: string;

  constructor(url: URL) {
    i18n.lang = investorLang(url);
    this.ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
    this.origin = url.origin;
  }

  /** Start-up: language, data and the contact. */
  async start(url: URL): Promise<void> {
    try {
      const [loaded, contact] = await Promise.all([this.dataset.start(url, this.lang), fetchContact()]);
      if (!loaded) throw this.dataset.error ?? new Error('');
      this.sites = this.ids.map((id) => loaded.sites.find((s) => s.id === id)).filter((s): s is Site => s !== undefined);
      if (!this.sites.length) this.error = tr('sheet.missing');
      this.contactTexts = contact;
      this.ready = true;
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  /**
   * A site's map: framed on the site with its nearest station and main road (when near), the site
   * and road named, in WGS84 for the map; and the frame in EPSG:25832 for the overview inset.
   */
  mapOf(site: Site): { focus: LngLatBounds; labels: { id: string; text: string; at: [number, number] }[]; box: BBox } | null {
    const data = this.dataset.data;
    const area = data?.areas.get(site.id);
    if (!data || !area) return null;
    const station = data.ctx.stations.find((x) => x.navn === site.station?.navn) ?? null;
    const roads = data.map.veger.features.flatMap((f) =>
      f.geometry && (f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString')
        ? [{ navn: String(f.properties?.navn ?? ''), geometry: reprojectGeometry(f.geometry, 'EPSG:4326', 'EPSG:25832') }]
        : []
    );
    const c = siteContext({ id: site.id, navn: site.navn, geometry: area.geometry }, station, roads);
    const wgs = (p: readonly number[]) => projectPosition(p, 'EPSG:25832', 'EPSG:4326') as [number, number];
    return {
      focus: [wgs([c.box[0], c.box[1]]), wgs([c.box[2], c.box[3]])],
      // A far station or road: «Røyken station 21 km ↑» at the frame's edge.
      labels: c.labels.map((l) => ({ id: l.id, text: l.far ? `${stationName(l.text)} ${dist(l.far.distanceM)} ${l.far.arrow}` : l.text, at: wgs(l.at) })),
      box: c.box
    };
  }


  /** The link a sheet's QR code opens: the investor view at the site. */
  link(id: string): string {
    return investorSiteLink(this.lang, id, this.origin);
  }
}

/** The operator's contact from the server; none when it is not set or cannot be fetched (the sheets then leave the block out). */
async function fetchContact(): Promise<Contact | null> {
  try {
    const r = await fetch('/api/kontakt');
    if (!r.ok) return null;
    const body = (await r.json()) as { contact?: Contact | null };
    return body.contact ?? null;
  } catch {
    return null;
  }
}
