// A small hand-made dataset for the arealregnskap tests: rectangles in EPSG:25832 (near Asker, so the
// coordinates are as large as real ones), with figures that can be worked out by hand. 1 daa = 1000 m²,
// so a 100 m × 100 m square is 10 daa.
//
// Baseline (næring):
//   A «Tofte 1»   Tofte,  framtidig, 1300, lager/produksjon, no utnyttelse   x 0–200,   y 0–100   20 daa
//   B «Tofte 2»   Tofte,  nåværende, 1300, kontor                           x 300–400, y 0–100   10 daa
//   C «Nesbru 1»  Nesbru, framtidig, 1160, offentlig, 100 %BRA              x 0–100,   y 200–300 10 daa
//   D «Nesbru 2»  Nesbru, framtidig, 1300, kontor, 200 %BRA                 x 200–300, y 200–300 10 daa
// AR5:
//   21 x 0–100 y 0–100 (10 daa in A); 11 x 100–150 y 0–100 (5 in A); 12 x 150–200 y 0–50 (2.5 in A);
//   30/14 x 150–200 y 50–100 (2.5 in A); 30/'13' (strings) x 0–100 y 200–250 (5 in C); 60 x 0–100
//   y 250–300 (5 in C); 23 x 200–350 y 200–260 (9 daa, 6 in D); 81 x 200–300 y 260–280 (2 in D);
//   D's strip y 280–300 (2 daa) has no AR5; 30/12 on B (nåværende, not counted);
//   30 without bonitet x 500–600 y 0–50 and 22 x 500–600 y 50–100 (the added site S).
// Scenario «Test»:
//   1 add-site S «Skisse» (Skisser, 1300, lager/produksjon) x 500–600 y 0–100  10 daa tilgang
//   2 rezone C → lnf       10 daa avgang (1160, framtidig), tilbakeført til LNF
//   3 rezone D → nåværende 10 daa from (1300, framtidig) to (1300, nåværende)
//   4 set-category A → kontor (no change in land)
//   5 rezone «finnes-ikke» → bolig (missing)
//   6 rezone A → bolig, disabled
//   7 rezone B → bolig     10 daa avgang (1300, nåværende)
import type { Polygon } from 'geojson';
import type { Kategori } from '../../../seeds/plan.ts';
import type { ScenarioChange } from '../scenario/scenario.ts';
import type { Ar5Feature } from './arealregnskap.ts';
import type { PlanArea } from './plan-area.ts';

const E0 = 580000;
const N0 = 6630000;

/** A rectangle x0–x1, y0–y1 (metres from the dataset's origin) in EPSG:25832. */
export function rect(x0: number, y0: number, x1: number, y1: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [E0 + x0, N0 + y0],
        [E0 + x1, N0 + y0],
        [E0 + x1, N0 + y1],
        [E0 + x0, N0 + y1],
        [E0 + x0, N0 + y0]
      ]
    ]
  };
}

function area(id: string, navn: string, omrade: string, status: 1 | 2, arealformal: number, kategori: Kategori, utnyttelse: number | null, g: Polygon): PlanArea {
  return { id, navn, omrade, status, arealformal, kategori, utnyttelseBraProsent: utnyttelse, statusTomt: status === 2 ? 'regulert' : null, geometry: g };
}

/** The baseline's næring areas. */
export function planAreas(): PlanArea[] {
  return [
    area('A', 'Tofte 1', 'Tofte', 2, 1300, 'lager/produksjon', null, rect(0, 0, 200, 100)),
    area('B', 'Tofte 2', 'Tofte', 1, 1300, 'kontor', null, rect(300, 0, 400, 100)),
    area('C', 'Nesbru 1', 'Nesbru', 2, 1160, 'offentlig', 100, rect(0, 200, 100, 300)),
    area('D', 'Nesbru 2', 'Nesbru', 2, 1300, 'kontor', 200, rect(200, 200, 300, 300))
  ];
}

/** AR5 with several area types, codes as numbers and as strings. */
export function ar5(): Ar5Feature[] {
  const f = (properties: Record<string, unknown>, g: Polygon): Ar5Feature => ({ geometry: g, properties });
  return [
    f({ arealtype: 21 }, rect(0, 0, 100, 100)),
    f({ arealtype: 11 }, rect(100, 0, 150, 100)),
    f({ arealtype: 12 }, rect(150, 0, 200, 50)),
    f({ arealtype: 30, treslag: 31, skogbonitet: 14 }, rect(150, 50, 200, 100)),
    f({ arealtype: '30', skogbonitet: '13' }, rect(0, 200, 100, 250)),
    f({ arealtype: 60, skogbonitet: 11 }, rect(0, 250, 100, 300)),
    f({ arealtype: 23 }, rect(200, 200, 350, 260)),
    f({ arealtype: 81 }, rect(200, 260, 300, 280)),
    f({ arealtype: 30, skogbonitet: 12 }, rect(300, 0, 400, 100)),
    f({ arealtype: 30 }, rect(500, 0, 600, 50)),
    f({ arealtype: 22 }, rect(500, 50, 600, 100))
  ];
}

/** The added site. */
export const SITE: PlanArea = area('S', 'Skisse', 'Skisser', 2, 1300, 'lager/produksjon', null, rect(500, 0, 600, 100));

/** The scenario's changes (see the table at the top). */
export function changes(): ScenarioChange[] {
  return [
    { id: 'c1', enabled: true, label: 'Ny tomt', type: 'add-site', site: SITE },
    { id: 'c2', enabled: true, type: 'rezone', areaId: 'C', to: 'lnf' },
    { id: 'c3', enabled: true, type: 'rezone', areaId: 'D', to: 'naavaerende' },
    { id: 'c4', enabled: true, type: 'set-category', areaId: 'A', kategori: 'kontor' },
    { id: 'c5', enabled: true, type: 'rezone', areaId: 'finnes-ikke', to: 'bolig' },
    { id: 'c6', enabled: false, type: 'rezone', areaId: 'A', to: 'bolig' },
    { id: 'c7', enabled: true, label: '=Til bolig; "B"', type: 'rezone', areaId: 'B', to: 'bolig' }
  ];
}
