import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { ar5Arealtype, ar5Jordbruksklasse } from '../../../seeds/ar5.ts';
import { KATEGORIER, STATUS_TOMT, type Kategori } from '../../../seeds/plan.ts';
import { areaPlanarM2, m2ToDaa } from '../geo/area.ts';
import type { ReadArea } from './geojson.ts';
import { ar5ArealtypeOf, ar5SkogbonitetOf, ar5TreslagOf, AREALFORMAL_ANNET, arealformalOf, kategoriFromArealformal, pick } from './mapping.ts';

/** What an imported file holds: næringsareal from a kommuneplan, or farmland from AR5. */
export type ImportKind = 'naering' | 'jordbruk';

/** One line of an import report: objects left out or needing attention, grouped by reason. */
export interface ReportGroup {
  /** A stable code for the reason (for tests and translation). */
  code: 'annet-formal' | 'ukjent-formal' | 'mangler-status' | 'status-3' | 'ikke-jordbruk' | 'mangler-arealtype' | 'ukjent-arealtype';
  /** The code or value the group is about (arealformål, arealtype), as read. */
  value: string;
  /** Its name where the code list gives one. */
  name: string | null;
  count: number;
  /** Up to ten feature ids, so the user can find them. */
  ids: string[];
}

/** An app layer made from an imported file, with what was kept and left out. */
export interface PlanLayerResult {
  /** The layer in EPSG:25832 with the app's properties (and the file's own, as read). */
  layer: FeatureCollection<Polygon | MultiPolygon>;
  kept: number;
  /** Objects not in the layer (known non-næring arealformål, not farmland, no status). */
  leftOut: ReportGroup[];
  /** Objects in the layer that the user should know about (unknown codes, status 3). */
  notes: ReportGroup[];
  /** Planar areas in EPSG:25832: næring by status (daa), or farmland by AR5 class (daa). */
  totalsDaa: Record<string, number>;
}

function groupAdd(groups: Map<string, ReportGroup>, code: ReportGroup['code'], value: string, name: string | null, id: string) {
  const key = `${code}|${value}`;
  const g = groups.get(key) ?? { code, value, name, count: 0, ids: [] };
  g.count++;
  if (g.ids.length < 10) g.ids.push(id);
  groups.set(key, g);
}

const toNumber = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : Number.NaN);

/** Ids unique within the layer: a repeated id gets «-2», «-3» … */
function uniqueIds() {
  const seen = new Map<string, number>();
  return (id: string) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}-${n}`;
  };
}

/**
 * Makes the app's næringsareal layer from an imported kommuneplan (or a GeoJSON in the app's own
 * format). Arealformål (AREALFORMÅL, arealformål, arealformal) gives the category by the app's
 * mapping; known non-næring formål (bolig, LNFR, …) are left out and counted; unknown codes are
 * kept as «kombinert» and listed. Arealbruksstatus 1 and 2 are kept as they are, 3
 * (videreutvikling av nåværende) counts as nåværende and is listed; objects without a status
 * are left out and listed. Name from OMRÅDENAVN/navn, else the id. Areas are planar in EPSG:25832.
 * The input is not modified.
 */
export function naeringLayerFrom(areas: readonly ReadArea[], source: string): PlanLayerResult {
  const leftOut = new Map<string, ReportGroup>();
  const notes = new Map<string, ReportGroup>();
  const features: Feature<Polygon | MultiPolygon>[] = [];
  const totalsDaa: Record<string, number> = { naavaerende: 0, framtidig: 0 };
  const nextId = uniqueIds();
  for (const a of areas) {
    const p = a.properties;
    const formalRaw = arealformalOf(p);
    const formal = toNumber(formalRaw);
    const own = pick(p, ['kategori']);
    const fromCode = kategoriFromArealformal(formalRaw);
    if (Number.isInteger(formal) && AREALFORMAL_ANNET[formal] && !own) {
      groupAdd(leftOut, 'annet-formal', String(formal), AREALFORMAL_ANNET[formal] ?? null, a.id);
      continue;
    }
    const statusValue = pick(p, ['arealbruksstatus', 'arealbruks', 'arealbruk', 'status', 'arstatus']);
    const statusRaw = toNumber(statusValue);
    if (![1, 2, 3].includes(statusRaw)) {
      groupAdd(leftOut, 'mangler-status', String(statusValue ?? ''), null, a.id);
      continue;
    }
    if (statusRaw === 3) groupAdd(notes, 'status-3', '3', 'Videreutvikling av nåværende', a.id);
    let kategori: Kategori;
    if (typeof own === 'string' && Object.hasOwn(KATEGORIER, own)) kategori = own as Kategori;
    else if ('kategori' in fromCode) kategori = fromCode.kategori;
    else {
      groupAdd(notes, 'ukjent-formal', fromCode.unknown, null, a.id);
      kategori = 'kombinert';
    }
    const status = statusRaw === 2 ? 2 : 1;
    const id = nextId(a.id);
    const navn = String(pick(p, ['navn', 'omradenavn', 'name', 'omrnavn']) ?? a.name);
    const utn = toNumber(pick(p, ['utnyttelse_bra_prosent']));
    const tomt = pick(p, ['status_tomt']);
    const areaDaa = m2ToDaa(areaPlanarM2(a.geometry25832));
    totalsDaa[status === 1 ? 'naavaerende' : 'framtidig'] = (totalsDaa[status === 1 ? 'naavaerende' : 'framtidig'] ?? 0) + areaDaa;
    features.push({
      type: 'Feature',
      properties: {
        ...p,
        id,
        navn,
        omrade: String(pick(p, ['omrade']) ?? navn),
        arealformal: Number.isFinite(formal) ? formal : String(formalRaw ?? ''),
        arealbruksstatus: status,
        kategori,
        utnyttelse_bra_prosent: Number.isFinite(utn) && utn > 0 ? utn : null,
        ...(typeof tomt === 'string' && Object.hasOwn(STATUS_TOMT, tomt) ? { status_tomt: tomt } : {}),
        kilde: source
      },
      geometry: a.geometry25832
    });
  }
  return { layer: { type: 'FeatureCollection', features }, kept: features.length, leftOut: [...leftOut.values()], notes: [...notes.values()], totalsDaa };
}

/**
 * Makes the app's farmland layer from imported AR5 (ARTYPE in SOSI 4.x, AREALTYPE in SOSI 5.0,
 * arealtype in GML/GeoJSON): classes 21, 22 and 23 are kept; other area types are left out and
 * counted by code. Areas are planar in EPSG:25832. The input is not modified.
 */
export function jordbrukLayerFrom(areas: readonly ReadArea[], source: string): PlanLayerResult {
  const leftOut = new Map<string, ReportGroup>();
  const features: Feature<Polygon | MultiPolygon>[] = [];
  const totalsDaa: Record<string, number> = { '21': 0, '22': 0, '23': 0 };
  const nextId = uniqueIds();
  for (const a of areas) {
    const raw = ar5ArealtypeOf(a.properties);
    const klasse = ar5Jordbruksklasse(raw);
    if (!klasse) {
      if (raw === undefined) groupAdd(leftOut, 'mangler-arealtype', '', null, a.id);
      else groupAdd(leftOut, 'ikke-jordbruk', String(raw), null, a.id);
      continue;
    }
    totalsDaa[klasse] = (totalsDaa[klasse] ?? 0) + m2ToDaa(areaPlanarM2(a.geometry25832));
    features.push({ type: 'Feature', properties: { ...a.properties, id: nextId(a.id), arealtype: Number(klasse), kilde: source }, geometry: a.geometry25832 });
  }
  return { layer: { type: 'FeatureCollection', features }, kept: features.length, leftOut: [...leftOut.values()], notes: [], totalsDaa };
}

/**
 * The whole AR5 layer of an import: every area type (11 bebygd … 99 ikke kartlagt), with
 * `arealtype` as a number and `treslag` and `skogbonitet` where the file has them (ARTRESLAG /
 * TRESLAG, ARSKOGBON / SKOGBONITET), so land other than farmland can be accounted for. Objects
 * without an area type, or with one the code list does not have, are left out and counted.
 * `totalsDaa` is planar area in EPSG:25832 by area type. The input is not modified.
 */
export function ar5LayerFrom(areas: readonly ReadArea[], source: string): PlanLayerResult {
  const leftOut = new Map<string, ReportGroup>();
  const features: Feature<Polygon | MultiPolygon>[] = [];
  const totalsDaa: Record<string, number> = {};
  const nextId = uniqueIds();
  for (const a of areas) {
    const raw = ar5ArealtypeOf(a.properties);
    const type = ar5Arealtype(raw);
    if (!type) {
      if (raw === undefined) groupAdd(leftOut, 'mangler-arealtype', '', null, a.id);
      else groupAdd(leftOut, 'ukjent-arealtype', String(raw), null, a.id);
      continue;
    }
    totalsDaa[type] = (totalsDaa[type] ?? 0) + m2ToDaa(areaPlanarM2(a.geometry25832));
    const treslag = toNumber(ar5TreslagOf(a.properties));
    const bonitet = toNumber(ar5SkogbonitetOf(a.properties));
    features.push({
      type: 'Feature',
      properties: {
        ...a.properties,
        id: nextId(a.id),
        arealtype: Number(type),
        ...(Number.isInteger(treslag) ? { treslag } : {}),
        ...(Number.isInteger(bonitet) ? { skogbonitet: bonitet } : {}),
        kilde: source
      },
      geometry: a.geometry25832
    });
  }
  return { layer: { type: 'FeatureCollection', features }, kept: features.length, leftOut: [...leftOut.values()], notes: [], totalsDaa };
}
