import type { MultiPolygon, Polygon } from 'geojson';
import type { Kategori, StatusTomt } from '../../../seeds/plan.ts';

/** A næring area as the scenario engine sees it. Geometry in EPSG:25832 (planar). */
export interface PlanArea {
  id: string;
  navn: string;
  /** Named area (Asker sentrum, Tofte, …) for the per-area table. */
  omrade: string;
  /** Arealbruksstatus: 1 nåværende, 2 framtidig. */
  status: 1 | 2;
  /** SOSI arealformål (1300 næring, 1160 offentlig eller privat tjenesteyting). */
  arealformal: number;
  kategori: Kategori;
  utnyttelseBraProsent: number | null;
  /** Readiness of a free site; null for built-up areas. */
  statusTomt: StatusTomt | null;
  geometry: Polygon | MultiPolygon;
}

/** What a change did: land added to (tilgang) or taken from (avgang) næring, by status, m². */
export interface ChangeEffect {
  changeId: string;
  tilgangM2: number;
  avgangM2: number;
  /** Why a change had no effect (e.g. the area was already rezoned away), in Norwegian. */
  note?: string;
  /** The same as a code: the site id exists already, or the area is missing. */
  noteCode?: 'exists' | 'missing';
}
