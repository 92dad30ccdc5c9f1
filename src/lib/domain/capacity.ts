import type { Kategori, Spenn } from '../../../seeds/plan.ts';
import type { Norms } from './norms.ts';

/**
 * Job capacity from land, as land is used today: land m² ÷ gross m² per workplace (plan: 420).
 * Areas are planar m² in EPSG:25832.
 */
export interface LandCapacity {
  /** Workplaces (not rounded). */
  jobs: number;
  inputs: { areaM2: number; bruttoM2PerArbeidsplass: number };
}

/** Returns the land-based job capacity of `areaM2` (planar m², EPSG:25832). */
export function jobsFromLand(areaM2: number, norms: Norms): LandCapacity {
  const m2 = norms.bruttoTomtM2PerArbeidsplass;
  return { jobs: Math.max(0, areaM2) / m2, inputs: { areaM2, bruttoM2PerArbeidsplass: m2 } };
}

/**
 * Job capacity from floor space: land m² × utnyttelse (%BRA) ÷ 100 × net/gross factor ÷ net m²
 * per workplace for the category. The low figure uses the high end of the net m² range, the high
 * figure the low end.
 */
export interface FloorCapacity {
  low: number;
  high: number;
  inputs: {
    areaM2: number;
    kategori: Kategori;
    utnyttelseBraProsent: number;
    /** Whether utnyttelse came from the area itself or from the default assumption. */
    utnyttelseFra: 'omradet' | 'antakelse';
    braM2: number;
    nettoBruttoFaktor: number;
    nettoM2: number;
    nettoM2PerArbeidsplass: Spenn;
  };
}

/**
 * Returns the floor-based job capacity of an area of `areaM2` planar m² (EPSG:25832) for a
 * category. `utnyttelseBraProsent` is the area's own %BRA where a plan gives one; otherwise the
 * norms' default for the category is used and marked as such.
 */
export function jobsFromFloor(
  areaM2: number,
  kategori: Kategori,
  utnyttelseBraProsent: number | null | undefined,
  norms: Norms
): FloorCapacity {
  const own = typeof utnyttelseBraProsent === 'number' && Number.isFinite(utnyttelseBraProsent) && utnyttelseBraProsent > 0;
  const pct = own ? utnyttelseBraProsent : norms.utnyttelseBraProsent[kategori];
  const braM2 = (Math.max(0, areaM2) * pct) / 100;
  const nettoM2 = braM2 * norms.nettoBruttoFaktor;
  const per = norms.nettoM2PerArbeidsplass[kategori];
  return {
    low: nettoM2 / per.max,
    high: nettoM2 / per.min,
    inputs: {
      areaM2,
      kategori,
      utnyttelseBraProsent: pct,
      utnyttelseFra: own ? 'omradet' : 'antakelse',
      braM2,
      nettoBruttoFaktor: norms.nettoBruttoFaktor,
      nettoM2,
      nettoM2PerArbeidsplass: { min: per.min, max: per.max }
    }
  };
}
