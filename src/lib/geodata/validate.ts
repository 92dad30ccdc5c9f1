import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { AR5_JORDBRUK } from '../../../seeds/ar5.ts';
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

/** SOSI arealformål codes the dataset uses: 1300 næringsbebyggelse, 1160 offentlig eller privat tjenesteyting. */
export const AREALFORMAL = { 1300: 'Næringsbebyggelse', 1160: 'Offentlig eller privat tjenesteyting' } as const;

/** Arealbruksstatus codes: 1 nåværende, 2 framtidig. */
export const AREALBRUKSSTATUS = { 1: 'Nåværende', 2: 'Framtidig' } as const;

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

/** The validated dataset, all in EPSG:25832, plus the kommune boundary. */
export interface Dataset {
  layers: Record<SourceLayer, FeatureCollection>;
  /** The kommune boundary in EPSG:25832. */
  boundary: Polygon | MultiPolygon;
}

function pointInside(x: number, y: number, boundary: Polygon | MultiPolygon): boolean {
  const polys = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
  return polys.some(([outer, ...holes]) => outer !== undefined && pointInRing(x, y, outer) >= 0 && !holes.some((h) => pointInRing(x, y, h) > 0));
}

/**
 * Validates the dataset's sources: EPSG:25832 `crs` member, required properties and known codes,
 * valid geometry of the right type, unique ids across all files, every feature inside the kommune,
 * no overlaps between næring polygons or between farmland polygons, and no farmland under current
 * næring. Returns the dataset, or every problem found (each naming file, id and reason).
 */
export function validateSources(files: Record<SourceLayer, SourceFile>, boundary: Polygon | MultiPolygon): { ok: true; dataset: Dataset } | { ok: false; problems: SourceProblem[] } {
  const problems: SourceProblem[] = [];
  const add = (file: string, id: string, reason: string, text: string) => problems.push({ file, id, reason, message: `${file}: objekt «${id}»: ${text}` });
  const ids = new Map<string, string>();
  const layers = {} as Record<SourceLayer, FeatureCollection>;
  const boundaryArea = areaPlanarM2(boundary);

  for (const layer of SOURCE_LAYERS) {
    const { file, json } = files[layer];
    const rules = RULES[layer];
    const fc = json as FeatureCollection;
    if (typeof json !== 'object' || json === null || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
      problems.push({ file, id: '–', reason: 'not-geojson', message: `${file}: ikke en GeoJSON FeatureCollection.` });
      continue;
    }
    if (crsFromGeoJson(json) !== 'EPSG:25832') {
      problems.push({ file, id: '–', reason: 'wrong-crs', message: `${file}: kildene skal være i EPSG:25832 (crs-medlem), fant ${JSON.stringify((json as { crs?: unknown }).crs ?? null)}.` });
      continue;
    }
    const kept: Feature[] = [];
    fc.features.forEach((f, index) => {
      const props = (f?.properties ?? {}) as Record<string, unknown>;
      const id = isText(props.id) ? String(props.id) : `#${index + 1}`;
      let bad = false;
      for (const rule of rules.props) {
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
      if (rules.geometry === 'polygon') {
        const v = validatePolygonal(g, id);
        if (!v.ok) {
          add(file, id, v.error.reason, v.error.message.replace(/^Objekt «[^»]*»: /, ''));
          bad = true;
        } else if (intersectionAreaM2(v.geometry, boundary) < areaPlanarM2(v.geometry) * (1 - 1e-9) - 0.01) {
          add(file, id, 'outside-kommune', 'ligger (delvis) utenfor kommunegrensen.');
          bad = true;
        }
      } else {
        const type = rules.geometry === 'point' ? 'Point' : 'LineString';
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
    layers[layer] = { type: 'FeatureCollection', features: kept };
  }

  // Overlaps within næring and within farmland, and farmland under current næring.
  const overlapsWithin = (layer: SourceLayer) => {
    const feats = layers[layer]?.features ?? [];
    const index = buildOverlapIndex(feats.map((f) => ({ geometry: f.geometry as Polygon, key: String(f.properties?.id) })));
    feats.forEach((f, i) => {
      const b = bboxOf(f.geometry as Polygon);
      for (const j of index.tree?.search(b[0], b[1], b[2], b[3]) ?? []) {
        if (j <= i) continue;
        const other = feats[j] as Feature;
        const m2 = intersectionAreaM2(f.geometry as Polygon, other.geometry as Polygon);
        if (m2 > 0.01) add(files[layer].file, String(f.properties?.id), 'overlap', `overlapper «${String(other.properties?.id)}» med ${m2.toFixed(1)} m².`);
      }
    });
  };
  overlapsWithin('naeringsareal');
  overlapsWithin('jordbruk');
  const naa = (layers.naeringsareal?.features ?? []).filter((f) => f.properties?.arealbruksstatus === 1);
  const jordIndex = buildOverlapIndex((layers.jordbruk?.features ?? []).map((f) => ({ geometry: f.geometry as Polygon, key: String(f.properties?.id) })));
  for (const f of naa) {
    const o = overlapByKey(jordIndex, f.geometry as Polygon);
    for (const [jid, m2] of Object.entries(o.byKeyM2)) {
      if (m2 > 0.01) add(files.jordbruk.file, jid, 'farmland-under-current', `jordbruksareal under nåværende næring «${String(f.properties?.id)}» (${m2.toFixed(1)} m²).`);
    }
  }
  if (!(boundaryArea > 0)) problems.push({ file: 'kommunegrense', id: '3203', reason: 'empty', message: 'kommunegrensen har ikke noe areal.' });

  return problems.length ? { ok: false, problems } : { ok: true, dataset: { layers, boundary } };
}
