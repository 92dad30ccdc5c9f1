import { ANTAKELSER, ARBEIDSPLASS_AREAL, ARBEIDSPLASSVEKST, KATEGORIER, STATUS_TOMT, type Kategori, type StatusTomt } from '../../../seeds/plan.ts';
import type { Norms } from './norms.ts';

/** One editable assumption: how to read and write it, and where its default comes from. */
/** Units of the editable assumptions (codes; the UI names them in its language). */
export type NormUnit = 'm2' | 'share' | 'pct-bra' | 'm' | 'years' | 'per-year' | 'daa-per-year';

export interface NormField {
  id: string;
  label: string;
  /** The unit, as a code the UI names in its language (`unit.<code>`). */
  unit: NormUnit;
  get: (n: Norms) => number;
  /** Returns new norms with the value set (the input is not modified). */
  set: (n: Norms, v: number) => Norms;
  /** The source of the default: a plan section, or «antakelse». */
  source: string;
}

const plan = (avsnitt: string) => `Temaplan næring ${avsnitt.split(' ')[0]}`;
const ANT = 'antakelse (se seeds/plan.ts)';

const kats = Object.keys(KATEGORIER) as Kategori[];
const nettoSource: Record<Kategori, string> = {
  kontor: plan(ARBEIDSPLASS_AREAL.nettoKontorM2.kilde.avsnitt),
  'handel/service': plan(ARBEIDSPLASS_AREAL.nettoHandelServiceM2.kilde.avsnitt),
  'lager/produksjon': ANT,
  offentlig: ANT,
  kombinert: ANT
};

/** Every assumption the «Forutsetninger» panel lets a user change, in display order. */
export const NORM_FIELDS: readonly NormField[] = [
  {
    id: 'brutto',
    label: 'Brutto tomteareal per arbeidsplass',
    unit: 'm2',
    get: (n) => n.bruttoTomtM2PerArbeidsplass,
    set: (n, v) => ({ ...n, bruttoTomtM2PerArbeidsplass: v }),
    source: plan(ARBEIDSPLASS_AREAL.bruttoTomtM2.kilde.avsnitt)
  },
  ...kats.flatMap((k): NormField[] => [
    {
      id: `netto-min-${k}`,
      label: `Netto per arbeidsplass, ${KATEGORIER[k].toLowerCase()} (fra)`,
      unit: 'm2',
      get: (n) => n.nettoM2PerArbeidsplass[k].min,
      set: (n, v) => ({ ...n, nettoM2PerArbeidsplass: { ...n.nettoM2PerArbeidsplass, [k]: { ...n.nettoM2PerArbeidsplass[k], min: v } } }),
      source: nettoSource[k]
    },
    {
      id: `netto-max-${k}`,
      label: `Netto per arbeidsplass, ${KATEGORIER[k].toLowerCase()} (til)`,
      unit: 'm2',
      get: (n) => n.nettoM2PerArbeidsplass[k].max,
      set: (n, v) => ({ ...n, nettoM2PerArbeidsplass: { ...n.nettoM2PerArbeidsplass, [k]: { ...n.nettoM2PerArbeidsplass[k], max: v } } }),
      source: nettoSource[k]
    }
  ]),
  {
    id: 'netto-brutto',
    label: 'Netto/brutto-faktor for gulvareal',
    unit: 'share',
    get: (n) => n.nettoBruttoFaktor,
    set: (n, v) => ({ ...n, nettoBruttoFaktor: v }),
    source: ANT
  },
  ...kats.map(
    (k): NormField => ({
      id: `utnyttelse-${k}`,
      label: `Standard utnyttelse, ${KATEGORIER[k].toLowerCase()}`,
      unit: 'pct-bra',
      get: (n) => n.utnyttelseBraProsent[k],
      set: (n, v) => ({ ...n, utnyttelseBraProsent: { ...n.utnyttelseBraProsent, [k]: v } }),
      source: ANT
    })
  ),
  { id: 'abc-a', label: 'ABC: A-område inntil', unit: 'm', get: (n) => n.abc.aMaksM, set: (n, v) => ({ ...n, abc: { ...n.abc, aMaksM: v } }), source: ANT },
  { id: 'abc-b', label: 'ABC: B-område inntil', unit: 'm', get: (n) => n.abc.bMaksM, set: (n, v) => ({ ...n, abc: { ...n.abc, bMaksM: v } }), source: ANT },
  { id: 'abc-veg', label: 'God vegtilknytning inntil (E18/E134)', unit: 'm', get: (n) => n.abc.vegMaksM, set: (n, v) => ({ ...n, abc: { ...n.abc, vegMaksM: v } }), source: ANT },
  ...(Object.keys(STATUS_TOMT) as StatusTomt[]).map(
    (s): NormField => ({
      id: `klar-${s}`,
      label: `År til byggeklar: ${STATUS_TOMT[s].toLowerCase()}`,
      unit: 'years',
      get: (n) => n.aarTilKlar[s],
      set: (n, v) => ({ ...n, aarTilKlar: { ...n.aarTilKlar, [s]: v } }),
      source: plan(ANTAKELSER.aarTilKlar.kilde.avsnitt) + ' (antatte år)'
    })
  ),
  {
    id: 'vekst-min',
    label: 'Nye arbeidsplasser per år (lav)',
    unit: 'per-year',
    get: (n) => n.arbeidsplasserPerAar.min,
    set: (n, v) => ({ ...n, arbeidsplasserPerAar: { ...n.arbeidsplasserPerAar, min: v } }),
    source: plan(ARBEIDSPLASSVEKST.perAar.kilde.avsnitt)
  },
  {
    id: 'vekst-max',
    label: 'Nye arbeidsplasser per år (høy)',
    unit: 'per-year',
    get: (n) => n.arbeidsplasserPerAar.max,
    set: (n, v) => ({ ...n, arbeidsplasserPerAar: { ...n.arbeidsplasserPerAar, max: v } }),
    source: plan(ARBEIDSPLASSVEKST.perAar.kilde.avsnitt)
  },
  {
    id: 'jordvern',
    label: 'Jordvernmål',
    unit: 'daa-per-year',
    get: (n) => n.jordvernDaaPerAar,
    set: (n, v) => ({ ...n, jordvernDaaPerAar: v }),
    source: 'Temaplan næring 6'
  }
];

/** The assumptions where two sets of norms differ: label and both values. */
export function normDifferences(a: Norms, b: Norms): { id: string; label: string; unit: NormUnit; a: number; b: number }[] {
  return NORM_FIELDS.filter((f) => f.get(a) !== f.get(b)).map((f) => ({ id: f.id, label: f.label, unit: f.unit, a: f.get(a), b: f.get(b) }));
}
