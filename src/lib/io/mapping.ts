import type { Kategori } from '../../../seeds/plan.ts';

/**
 * SOSI arealformål codes (kommuneplan/reguleringsplan, «Bebyggelse og anlegg») and the app
 * category each maps to. Næring without a more precise use (1300) counts as «kombinert», the
 * category whose net m² per job spans office to retail. Codes not listed are kept with their
 * value and reported as unknown by {@link kategoriFromArealformal}.
 */
export const AREALFORMAL_KATEGORI: Readonly<Record<number, { navn: string; kategori: Kategori }>> = {
  1001: { navn: 'Bebyggelse og anlegg', kategori: 'kombinert' },
  1130: { navn: 'Sentrumsformål', kategori: 'kombinert' },
  1140: { navn: 'Kjøpesenter', kategori: 'handel/service' },
  1150: { navn: 'Forretninger', kategori: 'handel/service' },
  1160: { navn: 'Offentlig eller privat tjenesteyting', kategori: 'offentlig' },
  1300: { navn: 'Næringsbebyggelse', kategori: 'kombinert' },
  1800: { navn: 'Kombinert bebyggelse og anleggsformål', kategori: 'kombinert' }
};

/**
 * Arealformål codes (SOSI code list for kommuneplan/reguleringsplan) that are known and are not
 * næringsareal: an import of a whole kommuneplan leaves them out of the næring layer and counts
 * them in its report. Codes in neither this list nor {@link AREALFORMAL_KATEGORI} are unknown:
 * kept, and listed.
 */
export const AREALFORMAL_ANNET: Readonly<Record<number, string>> = {
  1110: 'Boligbebyggelse',
  1120: 'Fritidsbebyggelse',
  1170: 'Fritids- og turistformål',
  1200: 'Råstoffutvinning',
  1400: 'Idrettsanlegg',
  1500: 'Andre typer bebyggelse og anlegg',
  1600: 'Uteoppholdsareal',
  1700: 'Grav- og urnelund',
  2001: 'Samferdselsanlegg og teknisk infrastruktur',
  3001: 'Grønnstruktur',
  4001: 'Forsvaret',
  5001: 'Landbruks-, natur- og friluftsformål samt reindrift',
  5100: 'LNFR-areal for nødvendige tiltak for landbruk og reindrift',
  5200: 'LNFR-areal for spredt bolig-, fritids- eller næringsbebyggelse',
  6001: 'Bruk og vern av sjø og vassdrag med tilhørende strandsone'
};

/** The app category for an arealformål code (number or text), or `unknown` with the code as read. */
export function kategoriFromArealformal(code: unknown): { kategori: Kategori } | { unknown: string } {
  const n = typeof code === 'number' ? code : typeof code === 'string' ? Number(code.trim()) : Number.NaN;
  const hit = Number.isInteger(n) ? AREALFORMAL_KATEGORI[n] : undefined;
  return hit ? { kategori: hit.kategori } : { unknown: String(code ?? '') };
}

/**
 * Keys compared without case, Æ/Ø/Å folded and punctuation dropped («AREALFORMÅL» = «arealformal»).
 * Shapefile field names are cut to ten characters, so key lists also hold the cut forms.
 */
const foldText = (k: string) =>
  k
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]/g, '');

/**
 * Folded keys by key, remembered: a file has a handful of attribute names, met once for every
 * feature and every key looked for (folding each anew took a fifth of a large import). Bounded,
 * so a file of endless distinct names cannot make it grow: past the bound keys are folded anew.
 */
const folded = new Map<string, string>();
const FOLDED_MAX = 4096;
const MAX_FOLD_KEY = 256;

function fold(k: string): string {
  const hit = folded.get(k);
  if (hit !== undefined) return hit;
  const f = foldText(k);
  if (folded.size < FOLDED_MAX && k.length <= MAX_FOLD_KEY) folded.set(k, f);
  return f;
}

/**
 * The value of the first of `keys` (in order) that a property has, keys compared folded (see
 * above), skipping empty values. Attribute names differ between SOSI, GML, shapefiles and GeoJSON.
 */
export function pick(props: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const key of keys) {
    const w = fold(key);
    for (const k in props) {
      if (!Object.hasOwn(props, k) || fold(k) !== w) continue;
      const v = props[k];
      if (v !== null && v !== undefined && String(v).trim() !== '') return v;
    }
  }
  return undefined;
}

/** The arealformål code of a feature as read: AREALFORMÅL (SOSI), arealformål (GML), cut shapefile names. */
export function arealformalOf(props: Record<string, unknown>): unknown {
  return pick(props, ['arealformal', 'arealforma', 'formal', 'arformal']);
}

/** The AR5 area type of a feature as read: ARTYPE (SOSI 4.x), AREALTYPE (SOSI 5.0), arealtype (GML, GeoJSON). */
export function ar5ArealtypeOf(props: Record<string, unknown>): unknown {
  return pick(props, ['arealtype', 'artype']);
}

/** AR5 treslag as read: ARTRESLAG (SOSI 4.x), TRESLAG (SOSI 5.0), treslag (GML). */
export function ar5TreslagOf(props: Record<string, unknown>): unknown {
  return pick(props, ['treslag', 'artreslag', 'artresla']);
}

/** AR5 skogbonitet as read: ARSKOGBON (SOSI 4.x), SKOGBONITET (SOSI 5.0), skogbonitet (GML). */
export function ar5SkogbonitetOf(props: Record<string, unknown>): unknown {
  return pick(props, ['skogbonitet', 'arskogbon', 'skogbonite']);
}
