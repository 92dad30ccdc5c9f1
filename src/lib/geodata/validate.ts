import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { AR5_AREALTYPE, AR5_JORDBRUK, AR5_SKOGBONITET, AR5_TRESLAG } from '../../../seeds/ar5.ts';
import { KATEGORIER, STATUS_TOMT } from '../../../seeds/plan.ts';
import { areaPlanarM2 } from '../geo/area.ts';
import { bboxOf } from '../geo/bbox.ts';
import { crsFromGeoJson } from '../geo/crs.ts';
import { intersectionAreaM2 } from '../geo/intersection-area.ts';
import { buildOverlapIndex, overlapByKey } from '../geo/overlap.ts';
import { pointInRing } from '../geo/segments.ts';
import { validatePolygonal } from '../geo/validate.ts';

/** The source layers of the dataset, one file each in geodata/kilder/ (EPSG:25832). */
export const SOURCE_LAYERS = ['naeringsareal', 'vekstomrader', 'jordbruk', 'stasjoner', 'jernbane', 'veger'] as const;

/** One of {@link SOURCE_LAYERS}. */
export type SourceLayer = (typeof SOURCE_LAYERS)[number];

/** A source file as read: its path (for messages) and parsed JSON. */
export interface SourceFile {
  file: string;
  json: unknown;
}

/** A refusal: file, feature id and reason, with a Norwegian message naming all three. */
export interface SourceProblem {
  file: string;
  id: string;
  reason: string;
  message: string;
}

export { AREALBRUKSSTATUS, AREALFORMAL } from './codes.ts';
import { AREALBRUKSSTATUS, AREALFORMAL } from './codes.ts';

type Rule = { key: string; required: boolean; check: (v: unknown) => boolean; expected: string };

const isText = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
const oneOf = (codes: object) => (v: unknown) => (typeof v === 'string' || typeof v === 'number') && Object.hasOwn(codes, String(v));

const RULES: Record<SourceLayer, { geometry: 'polygon' | 'point' | 'line'; props: Rule[] }> = {
  naeringsareal: {
    geometry: 'polygon',
    props: [
      { key: 'id', required: true, check: isText, expected: 'tekst' },
      { key: 'navn', required: true, check: isText, expected: 'tekst' },
      { key: 'omrade', required: true, check: isText, expected: 'tekst' },
      { key: 'arealformal', required: true, check: oneOf(AREALFORMAL), expected: Object.keys(AREALFORMAL).join(' eller ') },
      { key: 'arealbruksstatus', required: true, check: oneOf(AREALBRUKSSTATUS), expected: '1 (nåværende) eller 2 (framtidig)' },
      { key: 'kategori', required: true, check: oneOf(KATEGORIER), expected: Object.keys(KATEGORIER).join(', ') },
      { key: 'kilde', required: true, check: isText, expected: 'tekst' },
      { key: 'utnyttelse_bra_prosent', required: false, check: (v) => typeof v === 'number' && v > 0 && v <= 1000, expected: 'tall mellom 0 og 1000' },
      { key: 'status_tomt', required: false, check: oneOf(STATUS_TOMT), expected: Object.keys(STATUS_TOMT).join(', ') }
    ]
  },
  vekstomrader: {
    geometry: 'polygon',
    props: [
      { key: 'id', required: true, check: isText, expected: 'tekst' },
      { key: 'navn', required: true, check: isText, expected: 'tekst' },
      { key: 'kilde', required: true, check: isText, expected: 'tekst' }
    ]
  },
  jordbruk: {
    geometry: 'polygon',
    props: [
      { key: 'id', required: true, check: isText, expected: 'tekst' },
      { key: 'arealtype', required: true, check: oneOf(AR5_JORDBRUK), expected: Object.keys(AR5_JORDBRUK).join(', ') },
      { key: 'kilde', required: true, check: isText, expected: 'tekst' }
    ]
  },
  stasjoner: {
    geometry: 'point',
    props: [
      { key: 'id', required: true, check: isText, expected: 'tekst' },
      { key: 'navn', required: true, check: isText, expected: 'tekst' }
    ]
  },
  jernbane: {
    geometry: 'line',
    props: [
      { key: 'id', required: true, check: isText, expected: 'tekst' },
      { key: 'navn', required: true, check: isText, expected: 'tekst' }
    ]
  },
  veger: {
    geometry: 'line',
    props: [
      { key: 'id', required: true, check: isText, expected: 'tekst' },
      { key: 'navn', required: true, check: isText, expected: 'tekst' }
    ]
  }
};

/** AR5 area types other than farmland: the codes of the AR5 file beside the farmland file. */
export const AR5_OTHER_TYPES = Object.fromEntries(Object.entries(AR5_AREALTYPE).filter(([k]) => !Object.hasOwn(AR5_JORDBRUK, k))) as Record<string, string>;

/** The AR5 area types other than farmland: arealtype, treslag and skogbonitet on every feature. */
const AR5_OTHER_RULES: Rule[] = [
  { key: 'id', required: true, check: isText, expected: 'tekst' },
  { key: 'arealtype', required: true, check: oneOf(AR5_OTHER_TYPES), expected: `${Object.keys(AR5_OTHER_TYPES).join(', ')} (jordbruk 21–23 ligger i jordbruksfila)` },
  { key: 'treslag', required: true, check: oneOf(AR5_TRESLAG), expected: Object.keys(AR5_TRESLAG).join(', ') },
  { key: 'skogbonitet', required: true, check: oneOf(AR5_SKOGBONITET), expected: Object.keys(AR5_SKOGBONITET).join(', ') },
  { key: 'kilde', required: true, check: isText, expected: 'tekst' }
];

/** A plan version's næringsareal: the rules of today's file, and the version's name on every feature. */
const PLAN_VERSION_RULES: Rule[] = [...RULES.naeringsareal.props, { key: 'planversjon', required: true, check: isText, expected: 'tekst' }];

/** An earlier version of the næring plan, as a source: its id, name and year, and the file. */
export interface PlanVersionSource {
  id: string;
  label: string;
  year: number;
  source: SourceFile;
}

/**
 * Demo layers beside {@link SOURCE_LAYERS} (which an import can replace): the AR5 area types
 * other than farmland, and earlier plan versions.
 */
export interface ExtraSources {
  /** AR5 area types other than farmland; with the farmland layer a partition (no overlaps). */
  ar5Other?: SourceFile;
  /** Earlier versions of the næring plan, each with its own ids (the same id is the same area). */
  planVersions?: readonly PlanVersionSource[];
}

/** A validated earlier plan version: næringsareal in EPSG:25832, same properties as today's plus `planversjon`. */
export interface PlanVersionLayer {
  id: string;
  label: string;
  year: number;
  naeringsareal: FeatureCollection;
}

/** The validated dataset, all in EPSG:25832, plus the kommune boundary. */
export interface Dataset {
  layers: Record<SourceLayer, FeatureCollection>;
  /** The kommune boundary in EPSG:25832. */
  boundary: Polygon | MultiPolygon;
  /** AR5 area types other than farmland, when given (see {@link ExtraSources}). */
  ar5Other?: FeatureCollection;
  /** Earlier plan versions, when given, in the order given. */
  planVersions?: PlanVersionLayer[];
}

function pointInside(x: number, y: number, boundary: Polygon | MultiPolygon): boolean {
  const polys = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
  return polys.some(([outer, ...holes]) => outer !== undefined && pointInRing(x, y, outer) >= 0 && !holes.some((h) => pointInRing(x, y, h) > 0));
}

type AddProblem = (file: string, id: string, reason: string, text: string) => void;

/**
 * Checks one source file: a FeatureCollection in EPSG:25832, the properties by `rules`, ids
 * unique in `ids` (shared by the files of one id namespace), geometry of the right type and
 * inside the kommune. Returns the features without problems, or null when the file is unusable.
 */
function checkFile(source: SourceFile, geometry: 'polygon' | 'point' | 'line', rules: readonly Rule[], ids: Map<string, string>, boundary: Polygon | MultiPolygon, add: AddProblem, problems: SourceProblem[]): Feature[] | null {
  const { file, json } = source;
  const fc = json as FeatureCollection;
  if (typeof json !== 'object' || json === null || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    problems.push({ file, id: '–', reason: 'not-geojson', message: `${file}: ikke en GeoJSON FeatureCollection.` });
    return null;
  }
  if (crsFromGeoJson(json) !== 'EPSG:25832') {
    problems.push({ file, id: '–', reason: 'wrong-crs', message: `${file}: kildene skal være i EPSG:25832 (crs-medlem), fant ${JSON.stringify((json as { crs?: unknown }).crs ?? null)}.` });
    return null;
  }
  const kept: Feature[] = [];
  fc.features.forEach((f, index) => {
    const props = (f?.properties ?? {}) as Record<string, unknown>;
    const id = isText(props.id) ? String(props.id) : `#${index + 1}`;
    let bad = false;
    for (const rule of rules) {
      const v = props[rule.key];
      if (v === undefined || v === null) {
        if (rule.required) {
          add(file, id, 'missing-property', `mangler egenskapen «${rule.key}».`);
          bad = true;
        }
      } else if (!rule.check(v)) {
        add(file, id, 'unknown-code', `ugyldig ${rule.key} ${JSON.stringify(v)} (forventet ${rule.expected}).`);
        bad = true;
      }
    }
    if (isText(props.id)) {
      const other = ids.get(id);
      if (other) {
        add(file, id, 'duplicate-id', `id-en finnes fra før (i ${other}).`);
        bad = true;
      } else ids.set(id, file);
    }
    const g = f?.geometry as Geometry | null | undefined;
    if (geometry === 'polygon') {
      const v = validatePolygonal(g, id);
      if (!v.ok) {
        add(file, id, v.error.reason, v.error.message.replace(/^Objekt «[^»]*»: /, ''));
        bad = true;
      } else if (intersectionAreaM2(v.geometry, boundary) < areaPlanarM2(v.geometry) * (1 - 1e-9) - 0.01) {
        add(file, id, 'outside-kommune', 'ligger (delvis) utenfor kommunegrensen.');
        bad = true;
      }
    } else {
      const type = geometry === 'point' ? 'Point' : 'LineString';
      const coords = g?.type === type ? (type === 'Point' ? [(g as { coordinates: number[] }).coordinates] : (g as { coordinates: number[][] }).coordinates) : null;
      if (!coords || coords.length === 0 || coords.some((p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]))) {
        add(file, id, 'wrong-geometry', `forventet ${type} med gyldige koordinater, fikk ${g?.type ?? 'ingen geometri'}.`);
        bad = true;
      } else if (coords.some((p) => !pointInside(p[0] as number, p[1] as number, boundary))) {
        add(file, id, 'outside-kommune', 'ligger (delvis) utenfor kommunegrensen.');
        bad = true;
      }
    }
    if (!bad) kept.push(f);
  });
  return kept;
}

/**
 * Reports every pair of polygons that overlap (more than 0.01 m²): within `a` when `b` is not
 * given, else between `a` and `b` (the problem is filed under `a`'s file and feature).
 */
function checkOverlaps(a: readonly Feature[], fileA: string, add: AddProblem, b?: readonly Feature[]): void {
  const others = b ?? a;
  const index = buildOverlapIndex(others.map((f) => ({ geometry: f.geometry as Polygon | MultiPolygon, key: String(f.properties?.id) })));
  a.forEach((f, i) => {
    const box = bboxOf(f.geometry as Polygon | MultiPolygon);
    for (const j of index.tree?.search(box[0], box[1], box[2], box[3]) ?? []) {
      if (!b && j <= i) continue;
      const other = others[j] as Feature;
      const m2 = intersectionAreaM2(f.geometry as Polygon | MultiPolygon, other.geometry as Polygon | MultiPolygon);
      if (m2 > 0.01) add(fileA, String(f.properties?.id), 'overlap', `overlapper «${String(other.properties?.id)}» med ${m2.toFixed(1)} m².`);
    }
  });
}

/**
 * Validates the dataset's sources: EPSG:25832 `crs` member, required properties and known codes,
 * valid geometry of the right type, unique ids across all files, every feature inside the kommune,
 * no overlaps between næring polygons or between farmland polygons, and no farmland under current
 * næring. `extra` adds the demo's other layers: the AR5 area types other than farmland (its codes,
 * ids unique with the rest, and no overlap within it or with the farmland: AR5 is a partition),
 * and earlier plan versions (the rules of næringsareal plus `planversjon`, each version its own
 * id namespace, no overlaps within a version). Returns the dataset, or every problem found (each
 * naming file, id and reason).
 */
export function validateSources(files: Record<SourceLayer, SourceFile>, boundary: Polygon | MultiPolygon, extra: ExtraSources = {}): { ok: true; dataset: Dataset } | { ok: false; problems: SourceProblem[] } {
  const problems: SourceProblem[] = [];
  const add: AddProblem = (file, id, reason, text) => problems.push({ file, id, reason, message: `${file}: objekt «${id}»: ${text}` });
  const ids = new Map<string, string>();
  const layers = {} as Record<SourceLayer, FeatureCollection>;
  const boundaryArea = areaPlanarM2(boundary);

  for (const layer of SOURCE_LAYERS) {
    const kept = checkFile(files[layer], RULES[layer].geometry, RULES[layer].props, ids, boundary, add, problems);
    if (kept) layers[layer] = { type: 'FeatureCollection', features: kept };
  }

  // Overlaps within næring and within farmland, and farmland under current næring.
  checkOverlaps(layers.naeringsareal?.features ?? [], files.naeringsareal.file, add);
  checkOverlaps(layers.jordbruk?.features ?? [], files.jordbruk.file, add);
  const naa = (layers.naeringsareal?.features ?? []).filter((f) => f.properties?.arealbruksstatus === 1);
  const jordIndex = buildOverlapIndex((layers.jordbruk?.features ?? []).map((f) => ({ geometry: f.geometry as Polygon, key: String(f.properties?.id) })));
  for (const f of naa) {
    const o = overlapByKey(jordIndex, f.geometry as Polygon);
    for (const [jid, m2] of Object.entries(o.byKeyM2)) {
      if (m2 > 0.01) add(files.jordbruk.file, jid, 'farmland-under-current', `jordbruksareal under nåværende næring «${String(f.properties?.id)}» (${m2.toFixed(1)} m²).`);
    }
  }
  if (!(boundaryArea > 0)) problems.push({ file: 'kommunegrense', id: '3203', reason: 'empty', message: 'kommunegrensen har ikke noe areal.' });

  const dataset: Dataset = { layers, boundary };
  if (extra.ar5Other) {
    const file = extra.ar5Other.file;
    const kept = checkFile(extra.ar5Other, 'polygon', AR5_OTHER_RULES, ids, boundary, add, problems);
    if (kept) {
      // Skog carries its treslag and skogbonitet; the codes «ikke relevant» (98) do not do for it.
      for (const f of kept) {
        const p = f.properties ?? {};
        if (String(p.arealtype) === '30' && (!['31', '32', '33', '39'].includes(String(p.treslag)) || !['11', '12', '13', '14', '15'].includes(String(p.skogbonitet)))) {
          add(file, String(p.id), 'unknown-code', `skog (30) skal ha treslag 31, 32, 33 eller 39 og skogbonitet 11–15, fant ${String(p.treslag)} og ${String(p.skogbonitet)}.`);
        }
      }
      checkOverlaps(kept, file, add);
      checkOverlaps(kept, file, add, layers.jordbruk?.features ?? []);
      dataset.ar5Other = { type: 'FeatureCollection', features: kept };
    }
  }
  if (extra.planVersions) {
    dataset.planVersions = [];
    for (const v of extra.planVersions) {
      const kept = checkFile(v.source, 'polygon', PLAN_VERSION_RULES, new Map(), boundary, add, problems);
      if (!kept) continue;
      checkOverlaps(kept, v.source.file, add);
      dataset.planVersions.push({ id: v.id, label: v.label, year: v.year, naeringsareal: { type: 'FeatureCollection', features: kept } });
    }
  }

  return problems.length ? { ok: false, problems } : { ok: true, dataset };
}
