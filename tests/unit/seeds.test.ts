import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as plan from '../../seeds/plan.ts';
import type { Kilde } from '../../seeds/plan.ts';

// The source documents live beside the repository (shared/seeds), as in CI.
const docsDir = path.resolve(import.meta.dirname, '../../../shared/seeds');
const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

function allSources(value: unknown, out: Kilde[] = []): Kilde[] {
  if (Array.isArray(value)) value.forEach((v) => allSources(v, out));
  else if (value && typeof value === 'object') {
    if ('dokument' in value && 'sitat' in value && 'avsnitt' in value) out.push(value as Kilde);
    else Object.values(value).forEach((v) => allSources(v, out));
  }
  return out;
}

describe.runIf(existsSync(docsDir))('seeds/plan.ts against the plan documents', () => {
  // Read lazily: vitest collects the body of a skipped suite too.
  const texts = () =>
    Object.fromEntries(Object.entries(plan.DOKUMENTER).map(([id, d]) => [id, normalize(readFileSync(path.join(docsDir, d.fil), 'utf8'))])) as Record<
      plan.DokumentId,
      string
    >;

  it('quotes every source sentence word for word (fragments between «…»)', () => {
    const text = texts();
    const sources = allSources(plan);
    expect(sources.length).toBeGreaterThan(20);
    for (const k of sources) {
      for (const fragment of k.sitat.split('…').map(normalize).filter(Boolean)) {
        expect(text[k.dokument], `${k.avsnitt}: «${fragment}»`).toContain(fragment);
      }
    }
  });

  it('has the figures the quotes state', () => {
    expect(plan.NAERINGSAREAL.naavaerendeDaa.kilde.sitat).toContain(String(plan.NAERINGSAREAL.naavaerendeDaa.verdi));
    expect(plan.NAERINGSAREAL.framtidigDaa.kilde.sitat).toContain(String(plan.NAERINGSAREAL.framtidigDaa.verdi));
    expect(plan.ARBEIDSPLASS_AREAL.bruttoTomtM2.kilde.sitat).toContain('420 kvm');
    expect(plan.ARBEIDSPLASS_AREAL.nettoHandelServiceM2.kilde.sitat).toContain('75–100 kvm');
    expect(plan.ARBEIDSPLASSVEKST.perAar.kilde.sitat).toContain('500–550');
    expect(plan.ARBEIDSPLASSVEKST.nyeArbeidsplasser.kilde.sitat).toContain('15 000–20 000');
    expect(plan.LANDBRUK.jordDaa.kilde.sitat).toContain('42 000 dekar jord');
  });

  it('copies the §6 indicator table exactly', () => {
    const lines = readFileSync(path.join(docsDir, plan.DOKUMENTER.temaplan.fil), 'utf8').split('\n');
    const num = (cell: string) => Number(cell.replace('%', '').replace(',', '.').trim());
    for (const ind of plan.INDIKATORER) {
      const row = lines.find((l) => l.startsWith(ind.tekst));
      expect(row, ind.tekst).toBeDefined();
      const cells = (row ?? '').split('\t');
      // tekst, kilde, 2017, 2018, 2019, 2020 (empty), 2021, 2022, 2023, 2024
      expect(cells[1]).toBe(ind.kildeData);
      expect([2, 3, 4].map((i) => num(cells[i] ?? ''))).toEqual([ind.resultat[2017], ind.resultat[2018], ind.resultat[2019]]);
      const amb = [6, 7, 8, 9].map((i) => (cells[i] ?? '').trim());
      if (ind.ambisjonTekst) expect(amb).toEqual([ind.ambisjonTekst, ind.ambisjonTekst, ind.ambisjonTekst, ind.ambisjonTekst]);
      else expect(amb.map(num)).toEqual([ind.ambisjon[2021], ind.ambisjon[2022], ind.ambisjon[2023], ind.ambisjon[2024]]);
    }
  });
});

describe('assumptions', () => {
  it('are marked as assumptions with a reason', () => {
    for (const [id, a] of Object.entries(plan.ANTAKELSER)) {
      expect(a.antakelse, id).toBe(true);
      expect(a.begrunnelse.length, id).toBeGreaterThan(40);
    }
  });

  it('warehouse norms start where the plan’s retail range ends («higher than this»)', () => {
    expect(plan.ANTAKELSER.nettoLagerProduksjonM2.verdi.min).toBeGreaterThanOrEqual(plan.ARBEIDSPLASS_AREAL.nettoHandelServiceM2.verdi.max);
  });
});
