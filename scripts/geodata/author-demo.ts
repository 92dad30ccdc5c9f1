// Authors the demo dataset's sources in geodata/kilder/ (EPSG:25832), deterministically, from
// the table below and the public points in shared/reference/places-asker.json (copied into
// PLACES here with their confidence). Run once by a developer when the table changes:
//   node scripts/geodata/author-demo.ts
// The output is committed; `npm run geodata` validates and builds it for the app. GEODATA_KILDER_OUT
// writes the files to another directory (the tests check that they come out byte for byte as committed).
//
// DEMO DATA: the shapes are invented. They sit where the named areas really are (± about 1 km)
// and add up to the plan's figures (7425 daa current, 5720 daa future, temaplan §5.9.2), but
// they are not the kommuneplan's areas. Also made here: an earlier plan version («Kommuneplan
// 2015, demodata», today's with the changes listed below) and the AR5 area types other than
// farmland (a partition with the farmland), each from its own random stream so the other files
// stay byte for byte the same.

import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { featureCollection, intersect as turfIntersect, polygon as turfPolygon } from '@turf/turf';
import Flatbush from 'flatbush';
import * as polyclip from 'polyclip-ts';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { AR5_JORDBRUKSKLASSER } from '../../seeds/ar5.ts';
import { NAERINGSAREAL, LANDBRUK, type Kategori, type StatusTomt } from '../../seeds/plan.ts';
import { areaPlanarM2, ringAreaSigned } from '../../src/lib/geo/area.ts';
import { bboxOf, type BBox } from '../../src/lib/geo/bbox.ts';
import { centroidPlanar } from '../../src/lib/geo/centroid.ts';
import { projectPosition, reprojectGeometry } from '../../src/lib/geo/crs.ts';
import { intersectionAreaM2 } from '../../src/lib/geo/intersection-area.ts';
import { validatePolygonal } from '../../src/lib/geo/validate.ts';
import { mulberry32 } from '../../bench/random.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = process.env.GEODATA_KILDER_OUT ?? path.join(root, 'geodata', 'kilder');
const rand = mulberry32(3203);

// ---------------------------------------------------------------------------------------------
// Public points (WGS84) with their confidence, from shared/reference/places-asker.json.
const PLACES: Record<string, [lat: number, lon: number]> = {
  askerSentrum: [59.8336, 10.4344],
  kraglund: [59.829, 10.425],
  drengsrud: [59.8248, 10.4013],
  hvalstad: [59.8589, 10.4619],
  nesbru: [59.8718, 10.4901],
  holmen: [59.8528, 10.4834],
  vakas: [59.855, 10.478],
  billingstad: [59.8759, 10.4997],
  billingstadSt: [59.875, 10.4839],
  heggedal: [59.7868, 10.4286],
  slemmestad: [59.783, 10.5],
  veas: [59.7892, 10.4975],
  roykenNp: [59.6955, 10.4924],
  spikkestad: [59.7442, 10.34],
  saetre: [59.6797, 10.5175],
  engene: [59.679, 10.542],
  tofteMill: [59.55, 10.57],
  kana: [59.5542, 10.5191],
  dustad: [59.5675, 10.5165],
  dikemark: [59.8058, 10.3806],
  blakstad: [59.8199, 10.4719],
  midtbygda: [59.7336, 10.4289],
  dagslett: [59.75, 10.35],
  // Villages used by the 2015 plan version and the AR5 demo (same source).
  vollen: [59.8075, 10.4853],
  hyggen: [59.717, 10.35],
  klokkarstua: [59.6139, 10.4597],
  filtvet: [59.567, 10.617],
  tofte: [59.5431, 10.5603],
  hurum: [59.6031, 10.5181],
  hon: [59.8436, 10.4561],
  bondivann: [59.8212, 10.439],
  gullhella: [59.8069, 10.4338],
  roykenSt: [59.7467, 10.3897],
  nesoya: [59.8635, 10.5204]
};

type Formal = 1300 | 1160;
interface Parcel {
  formal: Formal;
  status: 1 | 2;
  kategori: Kategori;
  daa: number;
  at: keyof typeof PLACES;
  utnyttelse?: number;
  tomt?: StatusTomt;
  navn: string;
  /** Future parcels that take farmland (jordvern conflict): farmland is laid under part of them. */
  jord?: boolean;
}
interface Omrade {
  navn: string;
  parcels: Parcel[];
}

const n = (navn: string, p: Omit<Parcel, 'navn'>): Parcel => ({ navn, ...p });
const AREAS: Omrade[] = [
  {
    navn: 'Asker sentrum',
    parcels: [
      n('Asker sentrum kontor', { formal: 1300, status: 1, kategori: 'kontor', daa: 160, at: 'askerSentrum', utnyttelse: 250 }),
      n('Asker sentrum handel', { formal: 1300, status: 1, kategori: 'handel/service', daa: 90, at: 'askerSentrum', utnyttelse: 150 }),
      n('Asker rådhus og skoler', { formal: 1160, status: 1, kategori: 'offentlig', daa: 170, at: 'askerSentrum', utnyttelse: 100 }),
      n('Asker sentrum kombinert', { formal: 1300, status: 1, kategori: 'kombinert', daa: 80, at: 'askerSentrum', utnyttelse: 200 }),
      n('Kraglund / Asker Tek', { formal: 1300, status: 1, kategori: 'kontor', daa: 60, at: 'kraglund', utnyttelse: 200 }),
      n('Asker sentrum nord', { formal: 1300, status: 2, kategori: 'kontor', daa: 120, at: 'askerSentrum', utnyttelse: 300, tomt: 'byggeklar' }),
      n('Kraglund øst', { formal: 1300, status: 2, kategori: 'kombinert', daa: 80, at: 'kraglund', utnyttelse: 200, tomt: 'regulert' })
    ]
  },
  {
    navn: 'Drengsrud',
    parcels: [
      n('Drengsrud industri', { formal: 1300, status: 1, kategori: 'lager/produksjon', daa: 220, at: 'drengsrud', utnyttelse: 80 }),
      n('Drengsrudhagen', { formal: 1300, status: 1, kategori: 'handel/service', daa: 120, at: 'drengsrud', utnyttelse: 80 }),
      n('Drengsrud vest', { formal: 1300, status: 2, kategori: 'lager/produksjon', daa: 200, at: 'drengsrud', tomt: 'regulert' }),
      n('Drengsrudbekken', { formal: 1300, status: 2, kategori: 'kontor', daa: 100, at: 'drengsrud', tomt: 'maa-reguleres' })
    ]
  },
  {
    navn: 'Hvalstad',
    parcels: [
      n('Hvalstad kontor', { formal: 1300, status: 1, kategori: 'kontor', daa: 110, at: 'hvalstad', utnyttelse: 150 }),
      n('Hvalstad skole og helse', { formal: 1160, status: 1, kategori: 'offentlig', daa: 90, at: 'hvalstad' }),
      n('Hvalstad stasjonsnært', { formal: 1300, status: 2, kategori: 'kontor', daa: 60, at: 'hvalstad', utnyttelse: 200, tomt: 'regulert' })
    ]
  },
  {
    navn: 'Nesbru',
    parcels: [
      n('Nesbru handel', { formal: 1300, status: 1, kategori: 'handel/service', daa: 150, at: 'nesbru', utnyttelse: 100 }),
      n('Nesbru lager', { formal: 1300, status: 1, kategori: 'lager/produksjon', daa: 270, at: 'nesbru', utnyttelse: 80 }),
      n('Nesbru videregående', { formal: 1160, status: 1, kategori: 'offentlig', daa: 70, at: 'nesbru' }),
      n('Nesbru ledig tomt', { formal: 1300, status: 2, kategori: 'handel/service', daa: 40, at: 'nesbru', tomt: 'byggeklar' })
    ]
  },
  {
    navn: 'Holmen/Vogellund',
    parcels: [
      n('Holmen senter', { formal: 1300, status: 1, kategori: 'handel/service', daa: 110, at: 'holmen', utnyttelse: 120 }),
      n('Holmen svømmehall og skole', { formal: 1160, status: 1, kategori: 'offentlig', daa: 80, at: 'holmen' })
    ]
  },
  {
    navn: 'Vakås',
    parcels: [
      n('Vakås kontor', { formal: 1300, status: 1, kategori: 'kontor', daa: 90, at: 'vakas', utnyttelse: 150 }),
      n('Vakås lager', { formal: 1300, status: 1, kategori: 'lager/produksjon', daa: 60, at: 'vakas' }),
      n('Vakås ledig tomt', { formal: 1300, status: 2, kategori: 'kontor', daa: 50, at: 'vakas', utnyttelse: 150, tomt: 'byggeklar' })
    ]
  },
  {
    navn: 'Billingstad/Slependen',
    parcels: [
      n('Billingstadsletta handel', { formal: 1300, status: 1, kategori: 'handel/service', daa: 310, at: 'billingstad', utnyttelse: 100 }),
      n('Billingstadsletta lager', { formal: 1300, status: 1, kategori: 'lager/produksjon', daa: 300, at: 'billingstad', utnyttelse: 100 }),
      n('Billingstad kontor', { formal: 1300, status: 1, kategori: 'kontor', daa: 250, at: 'billingstadSt', utnyttelse: 150 }),
      n('Slependen kombinert', { formal: 1300, status: 1, kategori: 'kombinert', daa: 90, at: 'billingstad' }),
      n('Billingstad vest', { formal: 1300, status: 2, kategori: 'kontor', daa: 100, at: 'billingstad', utnyttelse: 250, tomt: 'regulert' })
    ]
  },
  {
    navn: 'Blakstad',
    parcels: [n('Blakstad sykehus', { formal: 1160, status: 1, kategori: 'offentlig', daa: 180, at: 'blakstad' })]
  },
  {
    navn: 'Heggedal',
    parcels: [
      n('Heggedal fabrikker', { formal: 1300, status: 1, kategori: 'lager/produksjon', daa: 160, at: 'heggedal' }),
      n('Heggedal sentrum', { formal: 1300, status: 1, kategori: 'kombinert', daa: 70, at: 'heggedal', utnyttelse: 150 }),
      n('Heggedal skole', { formal: 1160, status: 1, kategori: 'offentlig', daa: 60, at: 'heggedal' }),
      n('Heggedal torg', { formal: 1300, status: 2, kategori: 'kombinert', daa: 150, at: 'heggedal', utnyttelse: 150, tomt: 'regulert' }),
      n('Heggedal nord', { formal: 1300, status: 2, kategori: 'lager/produksjon', daa: 200, at: 'heggedal', tomt: 'maa-reguleres', jord: true })
    ]
  },
  {
    navn: 'Slemmestad',
    parcels: [
      n('Slemmestad sementfabrikk', { formal: 1300, status: 1, kategori: 'lager/produksjon', daa: 400, at: 'slemmestad' }),
      n('Bjerkås / VEAS', { formal: 1300, status: 1, kategori: 'lager/produksjon', daa: 200, at: 'veas' }),
      n('Slemmestad brygge', { formal: 1300, status: 1, kategori: 'kombinert', daa: 100, at: 'slemmestad', utnyttelse: 150 }),
      n('Kystbyen Slemmestad', { formal: 1300, status: 2, kategori: 'kombinert', daa: 250, at: 'slemmestad', utnyttelse: 150, tomt: 'regulert' }),
      n('Slemmestad kontor', { formal: 1300, status: 2, kategori: 'kontor', daa: 150, at: 'slemmestad', tomt: 'maa-reguleres' })
    ]
  },
  {
    navn: 'Røyken næringspark',
    parcels: [
      n('Follestad næringspark', { formal: 1300, status: 1, kategori: 'lager/produksjon', daa: 495, at: 'roykenNp' }),
      n('Åros kontor', { formal: 1300, status: 1, kategori: 'kontor', daa: 60, at: 'roykenNp' }),
      n('Follestad byggetrinn 3', { formal: 1300, status: 2, kategori: 'lager/produksjon', daa: 450, at: 'roykenNp', tomt: 'byggeklar' }),
      n('Follestad byggetrinn 4', { formal: 1300, status: 2, kategori: 'lager/produksjon', daa: 200, at: 'roykenNp', tomt: 'regulert' })
    ]
  },
  {
    navn: 'Spikkestad',
    parcels: [
      n('Spikkestad kontor (Elopak)', { formal: 1300, status: 1, kategori: 'kontor', daa: 90, at: 'spikkestad', utnyttelse: 120 }),
      n('Spikkestad industri', { formal: 1300, status: 1, kategori: 'lager/produksjon', daa: 150, at: 'spikkestad' }),
      n('Spikkestad sør', { formal: 1300, status: 2, kategori: 'lager/produksjon', daa: 150, at: 'spikkestad', tomt: 'maa-reguleres', jord: true }),
      n('Spikkestad stasjon', { formal: 1300, status: 2, kategori: 'kombinert', daa: 70, at: 'spikkestad', tomt: 'regulert' })
    ]
  },
  {
    navn: 'Sætre',
    parcels: [
      n('Engene (Chemring Nobel)', { formal: 1300, status: 1, kategori: 'lager/produksjon', daa: 350, at: 'engene' }),
      n('Sætre sentrum', { formal: 1300, status: 1, kategori: 'handel/service', daa: 60, at: 'saetre' }),
      n('Sætre skole', { formal: 1160, status: 1, kategori: 'offentlig', daa: 50, at: 'saetre' }),
      n('Sætre nord', { formal: 1300, status: 2, kategori: 'lager/produksjon', daa: 150, at: 'saetre', tomt: 'regulert' })
    ]
  },
  {
    navn: 'Tofte',
    parcels: [
      n('Tofte tidligere cellulosefabrikk', { formal: 1300, status: 1, kategori: 'lager/produksjon', daa: 1100, at: 'tofteMill' }),
      n('Kana / Oredalen', { formal: 1300, status: 1, kategori: 'lager/produksjon', daa: 250, at: 'kana' }),
      n('Tofte skole', { formal: 1160, status: 1, kategori: 'offentlig', daa: 60, at: 'tofteMill' }),
      n('Dustad', { formal: 1300, status: 2, kategori: 'lager/produksjon', daa: 700, at: 'dustad', tomt: 'regulert' }),
      n('Tofte havn', { formal: 1300, status: 2, kategori: 'lager/produksjon', daa: 300, at: 'tofteMill', tomt: 'rekkefolgekrav' })
    ]
  },
  {
    navn: 'Dikemark',
    parcels: [
      n('Dikemark sykehusområde', { formal: 1160, status: 1, kategori: 'offentlig', daa: 450, at: 'dikemark' }),
      n('Dikemark kombinert', { formal: 1300, status: 1, kategori: 'kombinert', daa: 80, at: 'dikemark' }),
      n('Dikemark næringspark', { formal: 1300, status: 2, kategori: 'kontor', daa: 250, at: 'dikemark', tomt: 'maa-reguleres', jord: true }),
      n('Dikemark vest', { formal: 1300, status: 2, kategori: 'kombinert', daa: 250, at: 'dikemark', tomt: 'rekkefolgekrav' })
    ]
  },
  {
    navn: 'E134-korridoren',
    parcels: [
      n('Midtbygda næring', { formal: 1300, status: 1, kategori: 'lager/produksjon', daa: 180, at: 'midtbygda' }),
      n('E134 Midtbygda øst', { formal: 1300, status: 2, kategori: 'lager/produksjon', daa: 900, at: 'midtbygda', tomt: 'maa-reguleres', jord: true }),
      n('E134 Dagslett', { formal: 1300, status: 2, kategori: 'lager/produksjon', daa: 600, at: 'dagslett', tomt: 'rekkefolgekrav', jord: true }),
      n('E134 Dagslett kombinert', { formal: 1300, status: 2, kategori: 'kombinert', daa: 200, at: 'dagslett', tomt: 'maa-reguleres' })
    ]
  }
];

/** Growth areas named in temaplan §5.9.2, by the omrade they cover. */
const VEKSTOMRADER = ['Slemmestad', 'Tofte', 'Heggedal', 'Dikemark', 'E134-korridoren'];

// ---------------------------------------------------------------------------------------------
const to25832 = ([lat, lon]: [number, number]) => projectPosition([lon, lat], 'EPSG:4326', 'EPSG:25832');
const round2 = (v: number) => Math.round(v * 100) / 100;

const boundaryFile = JSON.parse(readFileSync(path.join(root, 'geodata', 'asker-3203-kommunegrense-kartverket-2024-M.geojson'), 'utf8')) as Feature<MultiPolygon>;
const boundary = reprojectGeometry(boundaryFile.geometry, 'EPSG:4326', 'EPSG:25832');
const boundaryArea = areaPlanarM2(boundary);

function insideKommune(p: Polygon): boolean {
  return intersectionAreaM2(p, boundary) >= areaPlanarM2(p) * (1 - 1e-9);
}

function overlapsBox(a: BBox, b: BBox, gap: number): boolean {
  return a[0] - gap < b[2] && b[0] - gap < a[2] && a[1] - gap < b[3] && b[1] - gap < a[3];
}

function scaleAbout(p: Polygon, k: number): Polygon {
  const [cx, cy] = centroidPlanar(p);
  return { type: 'Polygon', coordinates: p.coordinates.map((r) => r.map(([x, y]) => [cx + ((x as number) - cx) * k, cy + ((y as number) - cy) * k])) };
}

/** An irregular octagon-ish parcel of exactly `m2` (before rounding) centred on (cx, cy). */
function parcelShape(cx: number, cy: number, m2: number, rng: () => number = rand): Polygon {
  const aspect = 1 + rng() * 1.1;
  const theta = rng() * Math.PI;
  const w = Math.sqrt(m2 * aspect);
  const h = m2 / w;
  const pts: [number, number][] = [];
  const corners: [number, number][] = [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2]
  ];
  for (let i = 0; i < 4; i++) {
    const a = corners[i] as [number, number];
    const b = corners[(i + 1) % 4] as [number, number];
    pts.push(a);
    // One or two jittered points along each edge, pushed out or in by up to 7 %.
    const k = 1 + Math.floor(rng() * 2);
    for (let j = 1; j <= k; j++) {
      const t = j / (k + 1);
      const nx = -(b[1] - a[1]);
      const ny = b[0] - a[0];
      const len = Math.hypot(nx, ny);
      const off = (rng() - 0.5) * 0.14 * Math.min(w, h);
      pts.push([a[0] + (b[0] - a[0]) * t + (nx / len) * off, a[1] + (b[1] - a[1]) * t + (ny / len) * off]);
    }
  }
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const ring: Position[] = pts.map(([x, y]) => [cx + x * c - y * s, cy + x * s + y * c]);
  ring.push(ring[0] as Position);
  let poly: Polygon = { type: 'Polygon', coordinates: [ring] };
  poly = scaleAbout(poly, Math.sqrt(m2 / areaPlanarM2(poly)));
  return { type: 'Polygon', coordinates: poly.coordinates.map((r) => r.map(([x, y]) => [round2(x as number), round2(y as number)])) };
}

interface Placed {
  geometry: Polygon;
  box: BBox;
}
const placed: Placed[] = [];

/** Places a parcel as near (cx, cy) as it fits: inside the kommune, 15 m clear of others. */
function place(cx: number, cy: number, m2: number, label: string, rng: () => number = rand): Polygon {
  for (let k = 0; k < 6000; k++) {
    const r = 35 * Math.sqrt(k);
    const a = k * 2.399963;
    const poly = parcelShape(cx + r * Math.cos(a), cy + r * Math.sin(a), m2, rng);
    const box = bboxOf(poly);
    const grown = scaleAbout(poly, 1 + 15 / Math.sqrt(m2));
    const gbox = bboxOf(grown);
    if (placed.some((p) => overlapsBox(gbox, p.box, 0) && intersectionAreaM2(grown, p.geometry) > 0)) continue;
    if (!insideKommune(poly)) continue;
    placed.push({ geometry: poly, box });
    return poly;
  }
  throw new Error(`Fant ikke plass til ${label}`);
}

// ---------------------------------------------------------------------------------------------
// Næringsareal. Large parcels are split into pieces of at most 250 daa.
const naering: Feature<Polygon>[] = [];
const jordIds = new Set<string>();
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

// Placement order follows the ABC principle: people-intensive categories first, so they get the
// spots nearest the area's point (often a station); current before future. Output keeps table order.
const RANK: Record<Kategori, number> = { kontor: 0, kombinert: 1, offentlig: 2, 'handel/service': 3, 'lager/produksjon': 4 };
const pieces = AREAS.flatMap((omrade) =>
  omrade.parcels.flatMap((p) => {
    const count = Math.ceil(p.daa / 250);
    return Array.from({ length: count }, (_, i) => ({ omrade, p, navn: count > 1 ? `${p.navn} ${i + 1}` : p.navn, daa: p.daa / count }));
  })
);
const order = pieces.map((_, i) => i).sort((a, b) => {
  const x = pieces[a] as (typeof pieces)[number];
  const y = pieces[b] as (typeof pieces)[number];
  return x.p.status - y.p.status || RANK[x.p.kategori] - RANK[y.p.kategori] || a - b;
});
const geometries = new Map<number, Polygon>();
for (const i of order) {
  const piece = pieces[i] as (typeof pieces)[number];
  const [cx, cy] = to25832(PLACES[piece.p.at] as [number, number]);
  geometries.set(i, place(cx, cy, piece.daa * 1000, piece.navn));
}
pieces.forEach(({ omrade, p, navn }, i) => {
  if (p.jord) jordIds.add(`n-${slug(navn)}`);
  naering.push({
    type: 'Feature',
    properties: {
      id: `n-${slug(navn)}`,
      navn,
      omrade: omrade.navn,
      arealformal: p.formal,
      arealbruksstatus: p.status,
      kategori: p.kategori,
      ...(p.utnyttelse ? { utnyttelse_bra_prosent: p.utnyttelse } : {}),
      ...(p.tomt ? { status_tomt: p.tomt } : {}),
      kilde: 'demo'
    },
    geometry: geometries.get(i) as Polygon
  });
});

// ---------------------------------------------------------------------------------------------
// Growth areas: the convex hull of each named area's parcels, grown by up to 250 m where it
// stays inside the kommune.
function hull(points: [number, number][]): [number, number][] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: [number, number], a: [number, number], b: [number, number]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: [number, number][] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2] as [number, number], lower[lower.length - 1] as [number, number], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: [number, number][] = [];
  for (const p of [...pts].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2] as [number, number], upper[upper.length - 1] as [number, number], p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

const vekst: Feature<Polygon | MultiPolygon>[] = VEKSTOMRADER.map((navn) => {
  const pts = naering.filter((f) => f.properties?.omrade === navn).flatMap((f) => f.geometry.coordinates[0] as [number, number][]);
  const h = hull(pts);
  const [cx, cy] = centroidPlanar({ type: 'Polygon', coordinates: [[...h, h[0] as [number, number]]] });
  const grow = 250;
  const ring: Position[] = h.map(([x, y]) => {
    const d = Math.hypot(x - cx, y - cy) || 1;
    return [x + ((x - cx) / d) * grow, y + ((y - cy) / d) * grow];
  });
  ring.push(ring[0] as Position);
  // Clip to the kommune (polyclip inside turf.intersect is planar, so it works on UTM metres).
  const clipped = turfIntersect(featureCollection<Polygon | MultiPolygon>([turfPolygon([ring]), { type: 'Feature', properties: {}, geometry: boundary }]));
  if (!clipped) throw new Error(`vekstområde ${navn}`);
  return {
    type: 'Feature',
    properties: {
      id: `v-${slug(navn)}`,
      navn,
      kilde: 'demo',
      grunnlag: 'Temaplan næring 2020–2032 §5.9.2: «størst prosentvis økning i Slemmestad, på Tofte, i Heggedal og på Dikemark»; arealkrevende virksomheter langs E134'
    },
    geometry: clipped.geometry
  };
});

// ---------------------------------------------------------------------------------------------
// Farmland (AR5-like): one jittered polygon per 300 m cell, rural cells first, never touching
// current næring; cells under future parcels marked `jord` are taken on purpose (jordvern).
const CELL = 300;
const bb = bboxOf(boundary);
const current = naering.filter((f) => f.properties?.arealbruksstatus === 1);
const conflicts = naering.filter((f) => jordIds.has(String(f.properties?.id)));
const centres = current.map((f) => centroidPlanar(f.geometry));
const targetM2 = LANDBRUK.jordDaa.verdi * 1000;

interface Cell {
  i: number;
  j: number;
  weight: number;
}
const cells: Cell[] = [];
for (let i = 0; bb[0] + i * CELL < bb[2]; i++) {
  for (let j = 0; bb[1] + j * CELL < bb[3]; j++) {
    const x = bb[0] + (i + 0.5) * CELL;
    const y = bb[1] + (j + 0.5) * CELL;
    const nearTown = Math.min(...centres.map(([cx, cy]) => Math.hypot(cx - x, cy - y)));
    const conflict = conflicts.some((f) => {
      const b = bboxOf(f.geometry);
      return x > b[0] - CELL / 2 && x < b[2] + CELL / 2 && y > b[1] - CELL / 2 && y < b[3] + CELL / 2;
    });
    // Farmland lies away from the built-up areas, most of it in Røyken and Hurum (south).
    const south = y < 6_628_000 ? 1 : 0.45;
    const weight = conflict ? 10 : nearTown < 900 ? 0 : south * (0.4 + rand());
    cells.push({ i, j, weight });
  }
}
cells.sort((a, b) => b.weight - a.weight || a.i - b.i || a.j - b.j);

const jord: Feature<Polygon>[] = [];
let jordM2 = 0;
for (const c of cells) {
  if (jordM2 >= targetM2 || c.weight <= 0) break;
  const x0 = bb[0] + c.i * CELL;
  const y0 = bb[1] + c.j * CELL;
  const inset = () => 12 + rand() * 45;
  const ring: Position[] = [
    [x0 + inset(), y0 + inset()],
    [x0 + CELL / 2, y0 + inset() * 0.6],
    [x0 + CELL - inset(), y0 + inset()],
    [x0 + CELL - inset() * 0.6, y0 + CELL / 2],
    [x0 + CELL - inset(), y0 + CELL - inset()],
    [x0 + CELL / 2, y0 + CELL - inset() * 0.6],
    [x0 + inset(), y0 + CELL - inset()],
    [x0 + inset() * 0.6, y0 + CELL / 2]
  ].map(([x, y]) => [round2(x as number), round2(y as number)]);
  ring.push(ring[0] as Position);
  const geometry: Polygon = { type: 'Polygon', coordinates: [ring] };
  if (!insideKommune(geometry)) continue;
  const box = bboxOf(geometry);
  if (current.some((f) => overlapsBox(box, bboxOf(f.geometry), 1) && intersectionAreaM2(geometry, f.geometry) > 0)) continue;
  const r = rand();
  const arealtype = r < 0.7 ? AR5_JORDBRUKSKLASSER[0] : r < 0.76 ? AR5_JORDBRUKSKLASSER[1] : AR5_JORDBRUKSKLASSER[2];
  jord.push({ type: 'Feature', properties: { id: `j-${String(jord.length + 1).padStart(4, '0')}`, arealtype: Number(arealtype), kilde: 'demo' }, geometry });
  jordM2 += areaPlanarM2(geometry);
}

// ---------------------------------------------------------------------------------------------
// Lines and points: stations, railway and E18/E134 from the public points (approximate).
const STATIONS: [string, [number, number], string][] = [
  ['Asker stasjon', [59.8336, 10.4344], 'Drammenbanen, Askerbanen og Spikkestadlinjen'],
  ['Billingstad stasjon', [59.875, 10.4839], 'Drammenbanen (L1)'],
  ['Hvalstad stasjon', [59.8589, 10.4619], 'Drammenbanen (L1)'],
  ['Vakås stasjon', [59.8497, 10.4675], 'Drammenbanen (L1)'],
  ['Høn stasjon', [59.8436, 10.4561], 'Drammenbanen (L1)'],
  ['Bondivann stasjon', [59.8212, 10.439], 'Spikkestadlinjen (L1)'],
  ['Gullhella stasjon', [59.8069, 10.4338], 'Spikkestadlinjen (L1)'],
  ['Heggedal stasjon', [59.7868, 10.4286], 'Spikkestadlinjen (L1)'],
  ['Røyken stasjon', [59.7467, 10.3897], 'Spikkestadlinjen (L1)'],
  ['Spikkestad stasjon', [59.7454, 10.3412], 'Spikkestadlinjen (L1)']
];
const stationsIn = JSON.parse(readFileSync(path.join(root, 'geodata', 'forfatting', 'stasjoner-wgs84.geojson'), 'utf8')) as FeatureCollection<Point>;
const kildeOf = (navn: string) => stationsIn.features.find((f) => f.properties?.navn === navn)?.properties ?? {};
const stasjoner: Feature<Point>[] = STATIONS.map(([navn, ll, bane]) => ({
  type: 'Feature',
  properties: { id: `s-${slug(navn.replace(' stasjon', ''))}`, navn, bane, kilde: kildeOf(navn).kilde, presisjon: kildeOf(navn).presisjon },
  geometry: { type: 'Point', coordinates: to25832(ll).map(round2) }
}));

const line = (lls: [number, number][]): LineString => ({ type: 'LineString', coordinates: lls.map((ll) => to25832(ll).map(round2)) });
const st = (navn: string) => (STATIONS.find((s) => s[0] === navn) as [string, [number, number], string])[1];
const jernbane: Feature<LineString>[] = [
  {
    type: 'Feature',
    properties: { id: 'b-drammenbanen', navn: 'Drammenbanen', kilde: 'demo: rette linjer mellom stasjonene; endepunktene ved kommunegrensen er anslått' },
    geometry: line([[59.8790, 10.4930], st('Billingstad stasjon'), st('Hvalstad stasjon'), st('Vakås stasjon'), st('Høn stasjon'), st('Asker stasjon'), [59.8240, 10.3950]])
  },
  {
    type: 'Feature',
    properties: { id: 'b-spikkestadlinjen', navn: 'Spikkestadlinjen', kilde: 'demo: rette linjer mellom stasjonene' },
    geometry: line([st('Asker stasjon'), st('Bondivann stasjon'), st('Gullhella stasjon'), st('Heggedal stasjon'), st('Røyken stasjon'), st('Spikkestad stasjon')])
  }
];

const vegerIn = JSON.parse(readFileSync(path.join(root, 'geodata', 'forfatting', 'veger-wgs84.geojson'), 'utf8')) as FeatureCollection<LineString>;
const veger: Feature<LineString>[] = vegerIn.features.map((f) => ({ ...f, geometry: reprojectGeometry(f.geometry, 'EPSG:4326', 'EPSG:25832') })).map((f) => ({
  ...f,
  geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map((p) => p.map(round2)) }
}));

// ---------------------------------------------------------------------------------------------
// «Kommuneplan 2015, demodata»: an earlier version of the næring plan, made from today's by the
// changes below (invented, plausible). Ids are today's where the area is the same, so the two
// versions compare by id. The table of differences in geodata/README.md is made by the build.
const PLAN_2015 = 'Kommuneplan 2015, demodata';
/** In today's plan, not in 2015's: the E134 corridor and Dikemark næringspark came with the 2020 temaplan. */
const ADDED_SINCE_2015 = ['n-e134-dagslett-1', 'n-e134-dagslett-2', 'n-e134-dagslett-3', 'n-e134-dagslett-kombinert', 'n-dikemark-naeringspark'];
/** Built since 2015: framtidig (2) then, nåværende (1) now; the plot status they had in 2015. */
const REALISED_SINCE_2015: Record<string, StatusTomt> = {
  'n-kraglund-asker-tek': 'regulert',
  'n-drengsrudhagen': 'regulert',
  'n-slemmestad-brygge': 'regulert',
  'n-follestad-naeringspark-1': 'byggeklar',
  'n-follestad-naeringspark-2': 'byggeklar'
};
/** Arealformål changed since 2015: part of the Dikemark hospital area became næring. */
const FORMAL_2015: Record<string, { formal: Formal; kategori: Kategori }> = {
  'n-dikemark-kombinert': { formal: 1160, kategori: 'offentlig' }
};
/** In 2015's plan, not in today's: rezoned to bolig or back to LNF (on farmland, for jordvern). */
const REZONED_SINCE_2015: { omrade: string; til: 'bolig' | 'LNF'; parcel: Parcel }[] = [
  { omrade: 'Vollen', til: 'bolig', parcel: n('Vollen næring', { formal: 1300, status: 2, kategori: 'kombinert', daa: 90, at: 'vollen', tomt: 'maa-reguleres' }) },
  { omrade: 'Hvalstad', til: 'bolig', parcel: n('Hvalstad øst', { formal: 1300, status: 2, kategori: 'kontor', daa: 60, at: 'hvalstad', utnyttelse: 150, tomt: 'regulert' }) },
  { omrade: 'Hyggen', til: 'LNF', parcel: n('Hyggen næring', { formal: 1300, status: 2, kategori: 'lager/produksjon', daa: 150, at: 'hyggen', tomt: 'maa-reguleres', jord: true }) },
  { omrade: 'Klokkarstua', til: 'LNF', parcel: n('Klokkarstua næring', { formal: 1300, status: 2, kategori: 'lager/produksjon', daa: 120, at: 'klokkarstua', tomt: 'maa-reguleres' }) }
];

const rand2015 = mulberry32(2015);
const naering2015: Feature<Polygon>[] = naering
  .filter((f) => !ADDED_SINCE_2015.includes(String(f.properties?.id)))
  .map((f) => {
    const p = f.properties as Record<string, unknown>;
    const id = String(p.id);
    const realised = REALISED_SINCE_2015[id];
    const formal = FORMAL_2015[id];
    const utnyttelse = formal ? undefined : p.utnyttelse_bra_prosent;
    const tomt = realised ?? p.status_tomt;
    return {
      type: 'Feature',
      properties: {
        id,
        navn: p.navn,
        omrade: p.omrade,
        arealformal: formal?.formal ?? p.arealformal,
        arealbruksstatus: realised ? 2 : p.arealbruksstatus,
        kategori: formal?.kategori ?? p.kategori,
        ...(utnyttelse !== undefined ? { utnyttelse_bra_prosent: utnyttelse } : {}),
        ...(tomt !== undefined ? { status_tomt: tomt } : {}),
        kilde: p.kilde,
        planversjon: PLAN_2015
      },
      geometry: f.geometry
    };
  });
for (const { omrade, parcel } of REZONED_SINCE_2015) {
  let [cx, cy] = to25832(PLACES[parcel.at] as [number, number]);
  if (parcel.jord) {
    // Back to LNF because it lay on farmland: centre it on the field nearest the place.
    const near = jord
      .map((j) => ({ c: centroidPlanar(j.geometry), j }))
      .sort((a, b) => Math.hypot(a.c[0] - cx, a.c[1] - cy) - Math.hypot(b.c[0] - cx, b.c[1] - cy))[0];
    if (near) [cx, cy] = near.c;
  }
  naering2015.push({
    type: 'Feature',
    properties: {
      id: `n-${slug(parcel.navn)}`,
      navn: parcel.navn,
      omrade,
      arealformal: parcel.formal,
      arealbruksstatus: parcel.status,
      kategori: parcel.kategori,
      ...(parcel.utnyttelse ? { utnyttelse_bra_prosent: parcel.utnyttelse } : {}),
      ...(parcel.tomt ? { status_tomt: parcel.tomt } : {}),
      kilde: 'demo',
      planversjon: PLAN_2015
    },
    geometry: place(cx, cy, parcel.daa * 1000, parcel.navn, rand2015)
  });
}

// ---------------------------------------------------------------------------------------------
// AR5, the other area types (demo): with the farmland above they make a partition of the kommune
// (no overlaps; everything but a 0.1 m strip inside the boundary is covered). Laid on the
// farmland's 300 m grid: each cell gets a type (bebygd near the villages and under current næring
// and transformation areas, skog elsewhere, some myr and åpen fastmark), cells of one type are
// merged within tiles of 5 × 5 cells, and the farmland, roads and railway (samferdsel, strips along
// veger/jernbane), lakes (ferskvann) and a few bays along the coast (hav) are cut out. Skog gets
// treslag and skogbonitet from smooth random fields. Own random streams, so the files above do not
// change when this does.
type XY = [number, number];
const AR5_MARGIN = 0.1;
const TILE = 10;
const sqr = (x0: number, y0: number, x1: number, y1: number): XY[][] => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0]
  ]
];
const roundRing = (ring: Position[]): XY[] => ring.map(([x, y]) => [round2(x as number), round2(y as number)]);

/** The ring moved `d` metres inwards (miter joins), rounded to cm. */
function insetRing(ring: Position[], d: number, outer: boolean): XY[] {
  const pts = ring.slice(0, -1) as XY[];
  const s = ringAreaSigned(ring) > 0 === outer ? 1 : -1;
  const nrm = (a: XY, b: XY): XY => {
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    return [(-(b[1] - a[1]) / len) * s, ((b[0] - a[0]) / len) * s];
  };
  const out: XY[] = pts.map((cur, i) => {
    const prev = pts[(i - 1 + pts.length) % pts.length] as XY;
    const next = pts[(i + 1) % pts.length] as XY;
    const n1 = nrm(prev, cur);
    const n2 = nrm(cur, next);
    const p: XY = [prev[0] + n1[0] * d, prev[1] + n1[1] * d];
    const q: XY = [cur[0] + n2[0] * d, cur[1] + n2[1] * d];
    const r: XY = [cur[0] - prev[0], cur[1] - prev[1]];
    const u: XY = [next[0] - cur[0], next[1] - cur[1]];
    const den = r[0] * u[1] - r[1] * u[0];
    if (Math.abs(den) < 1e-9 * Math.hypot(...r) * Math.hypot(...u)) return [round2(cur[0] + n1[0] * d), round2(cur[1] + n1[1] * d)];
    const t = ((q[0] - p[0]) * u[1] - (q[1] - p[1]) * u[0]) / den;
    return [round2(p[0] + t * r[0]), round2(p[1] + t * r[1])];
  });
  out.push(out[0] as XY);
  return out;
}
const innerCoords: XY[][][] = boundary.coordinates.map((poly) => poly.map((ring, k) => insetRing(ring, AR5_MARGIN, k === 0)));
const inner: MultiPolygon = { type: 'MultiPolygon', coordinates: innerCoords };
if (intersectionAreaM2(inner, boundary) < areaPlanarM2(inner) - 1e-6) throw new Error('den innskutte kommunegrensen ligger utenfor kommunen');

// Smooth random fields (value noise on a coarse lattice), each from its own seed.
function valueNoise(seed: number, step: number): (x: number, y: number) => number {
  const r = mulberry32(seed);
  const nx = Math.ceil((bb[2] - bb[0]) / step) + 2;
  const ny = Math.ceil((bb[3] - bb[1]) / step) + 2;
  const v = Array.from({ length: nx * ny }, () => r());
  const sm = (t: number) => t * t * (3 - 2 * t);
  return (x, y) => {
    const u = (x - bb[0]) / step;
    const w = (y - bb[1]) / step;
    const i = Math.floor(u);
    const j = Math.floor(w);
    const fx = sm(u - i);
    const fy = sm(w - j);
    const at = (a: number, b: number) => v[b * nx + a] as number;
    return (at(i, j) * (1 - fx) + at(i + 1, j) * fx) * (1 - fy) + (at(i, j + 1) * (1 - fx) + at(i + 1, j + 1) * fx) * fy;
  };
}
const noiseBuilt = valueNoise(1101, 1200);
const noiseTreslag = valueNoise(1131, 3600);
const noiseBonitet = valueNoise(1141, 4500);
const noiseMyr = valueNoise(1160, 900);
const noiseOpen = valueNoise(1150, 900);
const ar5Rand = mulberry32(5032);

// Built-up land around the villages (radius in m): the old Asker kommune's belt along E18 is
// almost continuous; Røyken and Hurum have smaller centres.
const SETTLEMENTS: [keyof typeof PLACES, number][] = [
  ['askerSentrum', 1500], ['kraglund', 900], ['drengsrud', 800], ['hvalstad', 1100], ['nesbru', 1100], ['holmen', 1000], ['vakas', 900],
  ['billingstad', 1100], ['billingstadSt', 900], ['hon', 1000], ['bondivann', 900], ['gullhella', 700], ['blakstad', 700], ['vollen', 900],
  ['nesoya', 700], ['heggedal', 900], ['slemmestad', 1000], ['veas', 500], ['dikemark', 500], ['roykenSt', 700], ['midtbygda', 800],
  ['spikkestad', 1000], ['hyggen', 500], ['saetre', 900], ['engene', 500], ['roykenNp', 500], ['klokkarstua', 400], ['hurum', 400],
  ['tofte', 800], ['filtvet', 500], ['kana', 400], ['dustad', 300]
];
const settlementPts = SETTLEMENTS.map(([p, r]) => [...to25832(PLACES[p] as [number, number]), r] as [number, number, number]);
const builtScore = (x: number, y: number) => Math.max(...settlementPts.map(([sx, sy, r]) => Math.exp(-((Math.hypot(sx - x, sy - y) / r) ** 2)))) + 0.5 * (noiseBuilt(x, y) - 0.5);

/** Future areas that are transformation of built land (the rest of the future areas are greenfield). */
const TRANSFORMATION = new Set([
  'n-asker-sentrum-nord', 'n-kraglund-ost', 'n-hvalstad-stasjonsnaert', 'n-nesbru-ledig-tomt', 'n-vakas-ledig-tomt', 'n-billingstad-vest',
  'n-heggedal-torg', 'n-kystbyen-slemmestad', 'n-spikkestad-stasjon', 'n-tofte-havn-1', 'n-tofte-havn-2'
]);
const builtUnder = naering.filter((f) => f.properties?.arealbruksstatus === 1 || TRANSFORMATION.has(String(f.properties?.id)));
const greenfield = naering.filter((f) => !builtUnder.includes(f));
const hits = (g: Polygon, list: readonly Feature<Polygon>[]) => {
  const b = bboxOf(g);
  return list.some((f) => overlapsBox(b, bboxOf(f.geometry), 0) && intersectionAreaM2(g, f.geometry) > 0);
};

interface Ar5Cell {
  i: number;
  j: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** 'full' inside the (inset) kommune, 'partial', or outside. */
  cover: 'full' | 'partial' | 'none';
  klass: string;
  farm: boolean;
}
const gx = (i: number) => Math.round(bb[0] + i * CELL);
const gy = (j: number) => Math.round(bb[1] + j * CELL);
const farmBoxes = jord.map((f) => bboxOf(f.geometry));
const ar5Cells: Ar5Cell[] = [];
for (let i = 0; bb[0] + i * CELL < bb[2]; i++) {
  for (let j = 0; bb[1] + j * CELL < bb[3]; j++) {
    const [x0, y0, x1, y1] = [gx(i), gy(j), gx(i + 1), gy(j + 1)];
    const square: Polygon = { type: 'Polygon', coordinates: sqr(x0, y0, x1, y1) };
    const m2 = intersectionAreaM2(square, inner);
    const cover = m2 <= 0 ? 'none' : m2 >= areaPlanarM2(square) - 1e-6 ? 'full' : 'partial';
    const farm = farmBoxes.some((b) => b[0] > x0 && b[2] < x1 && b[1] > y0 && b[3] < y1);
    ar5Cells.push({ i, j, x0, y0, x1, y1, cover, klass: '', farm });
  }
}
const inside = ar5Cells.filter((c) => c.cover !== 'none');

// Types by cell. Shares of the random fields are taken by rank, so they do not depend on the
// fields' spread: bebygd where the village score is high, and always under current næring and
// transformation areas; skog under greenfield future areas; myr and åpen fastmark in patches.
const quantile = (vals: number[], q: number) => [...vals].sort((a, b) => a - b)[Math.min(vals.length - 1, Math.floor(q * vals.length))] as number;
const centre = (c: Ar5Cell): XY => [(c.x0 + c.x1) / 2, (c.y0 + c.y1) / 2];
const scores = inside.map((c) => builtScore(...centre(c)));
const builtCut = quantile(scores, 0.84);
const coastal = (c: Ar5Cell) => c.cover === 'partial' && (c.y0 < 6_630_000 || c.x0 > 586_000);
const myrVals = inside.map((c) => noiseMyr(...centre(c)));
const myrCut = quantile(myrVals, 0.985);
const openVals = inside.map((c) => noiseOpen(...centre(c)));
const openCut = quantile(openVals, 0.99);
const tVals = inside.map((c) => noiseTreslag(...centre(c)));
const tCuts = [quantile(tVals, 0.62), quantile(tVals, 0.85)];
const bVals = inside.map((c) => noiseBonitet(...centre(c)));
const bCuts = [quantile(bVals, 0.25), quantile(bVals, 0.68)];
inside.forEach((c, k) => {
  const square: Polygon = { type: 'Polygon', coordinates: sqr(c.x0, c.y0, c.x1, c.y1) };
  const forcedBuilt = hits(square, builtUnder);
  const forcedForest = !forcedBuilt && hits(square, greenfield);
  const score = scores[k] as number;
  if (forcedBuilt || (!forcedForest && score > builtCut)) c.klass = '11';
  else if (!forcedForest && !c.farm && (myrVals[k] as number) > myrCut) c.klass = '60';
  else if (!forcedForest && !c.farm && ((coastal(c) && ar5Rand() < 0.3) || (openVals[k] as number) > openCut)) c.klass = '50';
  else {
    const t = tVals[k] as number;
    const b = bVals[k] as number;
    const treslag = t < (tCuts[0] as number) ? 31 : t < (tCuts[1] as number) ? 33 : 32;
    const bonitet = b < (bCuts[0] as number) ? 12 : b < (bCuts[1] as number) ? 13 : 14;
    c.klass = `30-${treslag}-${bonitet}`;
  }
});

// Overlays cut out of the cells: farmland (as it is), samferdsel, ferskvann, hav.
const farmGeoms = jord.map((f) => f.geometry);
function strip(coords: Position[], width: number): XY[][][] {
  const h = width / 2;
  const parts: XY[][][] = [];
  for (let k = 0; k + 1 < coords.length; k++) {
    const [ax, ay] = coords[k] as XY;
    const [bx, by] = coords[k + 1] as XY;
    const len = Math.hypot(bx - ax, by - ay);
    const [nx, ny] = [(-(by - ay) / len) * h, ((bx - ax) / len) * h];
    parts.push([roundRing([[ax + nx, ay + ny], [ax - nx, ay - ny], [bx - nx, by - ny], [bx + nx, by + ny], [ax + nx, ay + ny]])]);
    if (k > 0) {
      const oct: Position[] = Array.from({ length: 8 }, (_, m) => [ax + h * Math.cos((m * Math.PI) / 4 + Math.PI / 8), ay + h * Math.sin((m * Math.PI) / 4 + Math.PI / 8)]);
      oct.push(oct[0] as Position);
      parts.push([roundRing(oct)]);
    }
  }
  return parts;
}
const STRIP_WIDTH: Record<string, number> = { 'v-e18': 40, 'v-e134': 30, 'b-drammenbanen': 25, 'b-spikkestadlinjen': 15 };
const stripParts = [...veger, ...jernbane].flatMap((f) => strip(f.geometry.coordinates, STRIP_WIDTH[String(f.properties?.id)] ?? 20));
const samfUnion = polyclip.union(stripParts[0] as XY[][], ...stripParts.slice(1)).map((poly) => poly.map((r) => roundRing(r)));
const samf: MultiPolygon = { type: 'MultiPolygon', coordinates: samfUnion };
{
  const v = validatePolygonal(samf, 'samferdsel');
  if (!v.ok) throw new Error(v.error.message);
}

const avoid = (g: Polygon, gap: number, others: readonly (Polygon | MultiPolygon)[]) => {
  const grown = scaleAbout(g, 1 + gap / Math.sqrt(areaPlanarM2(g)));
  const b = bboxOf(grown);
  return !others.some((o) => overlapsBox(b, bboxOf(o), 0) && intersectionAreaM2(grown, o) > 0);
};
const allNaering = [...naering, ...naering2015].map((f) => f.geometry);

/** An irregular lake of `m2` as near (cx, cy) as it fits: inside the kommune, clear of næring, farmland, roads and other water. */
function lake(cx: number, cy: number, m2: number, water: readonly Polygon[]): Polygon | null {
  const radii = Array.from({ length: 14 }, () => 0.75 + ar5Rand() * 0.4);
  const theta = ar5Rand() * Math.PI;
  for (let k = 0; k < 1500; k++) {
    const r = 40 * Math.sqrt(k);
    const a = k * 2.399963;
    const [px, py] = [cx + r * Math.cos(a), cy + r * Math.sin(a)];
    const ring: Position[] = radii.map((q, m) => [px + q * Math.cos(theta + (m * Math.PI) / 7), py + 0.8 * q * Math.sin(theta + (m * Math.PI) / 7)]);
    ring.push(ring[0] as Position);
    let g: Polygon = { type: 'Polygon', coordinates: [ring] };
    g = scaleAbout(g, Math.sqrt(m2 / areaPlanarM2(g)));
    g = { type: 'Polygon', coordinates: [roundRing(g.coordinates[0] as Position[])] };
    if (intersectionAreaM2(g, inner) < areaPlanarM2(g) - 1e-6) continue;
    if (!avoid(g, 20, [...allNaering, ...farmGeoms, samf, ...water])) continue;
    return g;
  }
  return null;
}
// Two lakes roughly where Semsvannet and Gjellumvannet are (guessed, ± 1 km), then forest lakes
// in the cells furthest from the villages.
const lakes: Polygon[] = [];
for (const [ll, daa] of [
  [[59.853, 10.392], 700],
  [[59.7955, 10.445], 250]
] as [[number, number], number][]) {
  const g = lake(...to25832(ll), daa * 1000, lakes);
  if (g) lakes.push(g);
}
const lakeCells = inside
  .filter((c) => c.cover === 'full' && c.klass.startsWith('30') && !c.farm)
  .map((c) => ({ c, s: builtScore(...centre(c)) - noiseMyr(...centre(c)) }))
  .sort((a, b) => a.s - b.s || a.c.i - b.c.i || a.c.j - b.c.j);
for (const { c } of lakeCells) {
  if (lakes.length >= 11) break;
  const [x, y] = centre(c);
  if (lakes.some((l) => {
    const [lx, ly] = centroidPlanar(l);
    return Math.hypot(lx - x, ly - y) < 3000;
  })) continue;
  const g = lake(x, y, (40 + ar5Rand() * 140) * 1000, lakes);
  if (g) lakes.push(g);
}

// Hav: a bay the generalised boundary takes in, at a few harbours (half-discs on the boundary).
const boundaryRings = boundary.coordinates.flat() as XY[][];
function nearestOnBoundary(px: number, py: number): { ring: XY[]; k: number; t: number } {
  let best = { ring: boundaryRings[0] as XY[], k: 0, t: 0, d: Infinity };
  for (const ring of boundaryRings) {
    for (let k = 0; k + 1 < ring.length; k++) {
      const [a, b] = [ring[k] as XY, ring[k + 1] as XY];
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const t = Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / (dx * dx + dy * dy)));
      const d = Math.hypot(a[0] + t * dx - px, a[1] + t * dy - py);
      if (d < best.d) best = { ring, k, t, d };
    }
  }
  return best;
}
/** The point `s` metres along the ring from (k, t). */
function alongRing(ring: XY[], k: number, t: number, s: number): XY {
  const segLen = (m: number) => Math.hypot((ring[m + 1] as XY)[0] - (ring[m] as XY)[0], (ring[m + 1] as XY)[1] - (ring[m] as XY)[1]);
  const n = ring.length - 1;
  let m = k;
  let pos = t * segLen(m) + s;
  while (pos < 0) {
    m = (m - 1 + n) % n;
    pos += segLen(m);
  }
  while (pos > segLen(m)) {
    pos -= segLen(m);
    m = (m + 1) % n;
  }
  const [a, b] = [ring[m] as XY, ring[m + 1] as XY];
  const f = pos / segLen(m);
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])];
}
const seas: Polygon[] = [];
for (const harbour of ['vollen', 'slemmestad', 'saetre', 'filtvet', 'tofte'] as const) {
  const [hx, hy] = to25832(PLACES[harbour] as [number, number]);
  const near = nearestOnBoundary(hx, hy);
  for (const s of [0, 150, -150, 300, -300, 450, -450, 600, -600, 800, -800, 1000, -1000, 1300, -1300, 1600, -1600]) {
    const [cx, cy] = alongRing(near.ring, near.k, near.t, s);
    const disc: Position[] = Array.from({ length: 16 }, (_, m) => [cx + 220 * Math.cos((m * Math.PI) / 8), cy + 220 * Math.sin((m * Math.PI) / 8)]);
    disc.push(disc[0] as Position);
    const parts = polyclip.intersection([roundRing(disc)], innerCoords);
    const biggest = parts.map((p) => ({ type: 'Polygon', coordinates: p.map((r) => roundRing(r)) }) as Polygon).sort((a, b) => areaPlanarM2(b) - areaPlanarM2(a))[0];
    if (!biggest || areaPlanarM2(biggest) < 0.35 * Math.PI * 220 * 220) continue;
    if (!validatePolygonal(biggest, 'hav').ok) continue;
    if (!avoid(biggest, 15, [...allNaering, ...farmGeoms, samf, ...lakes, ...seas])) continue;
    seas.push(biggest);
    break;
  }
}

// Tiles: cells of one type merged, clipped to the kommune, the overlays cut out.
interface Overlay {
  geometry: Polygon | MultiPolygon;
  box: BBox;
}
const overlays: Overlay[] = [...farmGeoms, samf, ...lakes, ...seas].map((geometry) => ({ geometry, box: bboxOf(geometry) }));
const overlaySegs: [XY, XY][] = [];
for (const o of overlays) {
  const polys = o.geometry.type === 'Polygon' ? [o.geometry.coordinates] : o.geometry.coordinates;
  for (const ring of polys.flat()) for (let k = 0; k + 1 < ring.length; k++) overlaySegs.push([ring[k] as XY, ring[k + 1] as XY]);
}
const segIndex = new Flatbush(overlaySegs.length);
for (const [a, b] of overlaySegs) segIndex.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
segIndex.finish();
const onOverlayEdge = ([x, y]: XY) =>
  segIndex.search(x - 1e-6, y - 1e-6, x + 1e-6, y + 1e-6).some((k) => {
    const [a, b] = overlaySegs[k] as [XY, XY];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(a[0] + t * dx - x, a[1] + t * dy - y) < 1e-6;
  });
/**
 * Coordinates to cm, except where a point was computed on an overlay's edge (a road crossing a
 * tile line, say): there it stays as computed, so it does not move into the overlay.
 */
const tidy = (ring: XY[]): XY[] => {
  const out: XY[] = [];
  for (const p of ring) {
    const r: XY = [round2(p[0]), round2(p[1])];
    const q = Math.hypot(r[0] - p[0], r[1] - p[1]) < 1e-7 || !onOverlayEdge(p) ? r : p;
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
};
let droppedM2 = 0;
const ar5Polys: { klass: string; geometry: Polygon | MultiPolygon }[] = [];
/** Keeps the parts of one type in one tile as one feature (Polygon or MultiPolygon); crumbs under 2 m² are dropped. */
function keep(klass: string, parts: XY[][][]) {
  const polys: XY[][][] = [];
  for (const rings of parts) {
    const [outer, ...holes] = rings.map(tidy);
    if (!outer || outer.length < 4) continue;
    const poly = [outer, ...holes.filter((r) => r.length >= 4)];
    const m2 = areaPlanarM2({ type: 'Polygon', coordinates: poly });
    if (m2 < 2) {
      droppedM2 += m2;
      continue;
    }
    polys.push(poly);
  }
  if (!polys.length) return;
  const geometry: Polygon | MultiPolygon = polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] as XY[][] } : { type: 'MultiPolygon', coordinates: polys };
  const v = validatePolygonal(geometry, klass);
  if (!v.ok) throw new Error(`AR5 ${klass}: ${v.error.message}`);
  ar5Polys.push({ klass, geometry });
}
const KLASS_ORDER = (k: string) => (k.startsWith('30') ? `3${k}` : k);
const tilesI = Math.max(...ar5Cells.map((c) => c.i)) + 1;
const tilesJ = Math.max(...ar5Cells.map((c) => c.j)) + 1;
for (let ti = 0; ti * TILE < tilesI; ti++) {
  for (let tj = 0; tj * TILE < tilesJ; tj++) {
    const cells = inside.filter((c) => Math.floor(c.i / TILE) === ti && Math.floor(c.j / TILE) === tj);
    if (!cells.length) continue;
    const tileBox: BBox = [gx(ti * TILE), gy(tj * TILE), gx((ti + 1) * TILE), gy((tj + 1) * TILE)];
    const cut = overlays.filter((o) => overlapsBox(o.box, tileBox, 0)).map((o) => (o.geometry.type === 'Polygon' ? o.geometry.coordinates : o.geometry.coordinates) as XY[][] | XY[][][]);
    const klasses = [...new Set(cells.map((c) => c.klass))].sort((a, b) => (KLASS_ORDER(a) < KLASS_ORDER(b) ? -1 : 1));
    for (const klass of klasses) {
      const mine = cells.filter((c) => c.klass === klass);
      const squares = mine.map((c) => sqr(c.x0, c.y0, c.x1, c.y1));
      let geom: XY[][][] = squares.length === 1 ? [squares[0] as XY[][]] : polyclip.union(squares[0] as XY[][], ...squares.slice(1));
      if (mine.some((c) => c.cover === 'partial')) geom = polyclip.intersection(geom, innerCoords);
      if (cut.length) geom = polyclip.difference(geom, ...cut);
      keep(klass, geom);
    }
  }
}
for (const poly of polyclip.difference(polyclip.intersection(samfUnion, innerCoords), ...farmGeoms.map((g) => g.coordinates as XY[][]))) keep('12', [poly]);
for (const g of lakes) keep('81', [g.coordinates as XY[][]]);
for (const g of seas) keep('82', [g.coordinates as XY[][]]);

const AR5_CODES: Record<string, [number, number]> = { '11': [98, 98], '12': [98, 98], '50': [39, 98], '60': [39, 11], '81': [98, 98], '82': [98, 98] };
const ar5Ovrige: Feature<Polygon | MultiPolygon>[] = ar5Polys.map(({ klass, geometry }, k) => {
  const [type, treslag, bonitet] = klass.startsWith('30') ? klass.split('-').map(Number) : [Number(klass), ...(AR5_CODES[klass] as [number, number])];
  return { type: 'Feature', properties: { id: `a-${String(k + 1).padStart(5, '0')}`, arealtype: type, treslag, skogbonitet: bonitet, kilde: 'demo' }, geometry };
});

// ---------------------------------------------------------------------------------------------
const CRS = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } };
function write(file: string, name: string, features: Feature[]) {
  const fc = { type: 'FeatureCollection', name, crs: CRS, features };
  // One feature per line: readable diffs, small files.
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  writeFileSync(path.join(out, file), `{"type":"FeatureCollection","name":${JSON.stringify(fc.name)},"crs":${JSON.stringify(CRS)},"features":[\n${body}\n]}\n`);
}
mkdirSync(out, { recursive: true });
write('naeringsareal.geojson', 'naeringsareal', naering);
write('vekstomrader.geojson', 'vekstomrader', vekst);
write('jordbruk-ar5-demo.geojson', 'jordbruk-ar5-demo', jord);
write('ar5-ovrige-demo.geojson', 'ar5-ovrige-demo', ar5Ovrige);
write('naeringsareal-2015.geojson', 'naeringsareal-2015', naering2015);
write('stasjoner.geojson', 'stasjoner', stasjoner);
write('jernbane.geojson', 'jernbane', jernbane);
write('veger.geojson', 'veger', veger);

const sum = (s: 1 | 2) => naering.filter((f) => f.properties?.arealbruksstatus === s).reduce((t, f) => t + areaPlanarM2(f.geometry), 0) / 1000;
console.log(`næring nåværende: ${sum(1).toFixed(1)} daa (plan ${NAERINGSAREAL.naavaerendeDaa.verdi}), framtidig: ${sum(2).toFixed(1)} daa (plan ${NAERINGSAREAL.framtidigDaa.verdi})`);
console.log(`jordbruk: ${(jordM2 / 1000).toFixed(0)} daa i ${jord.length} polygoner; kommunen: ${(boundaryArea / 1000).toFixed(0)} daa`);
console.log(`${naering.length} næringspolygoner, ${vekst.length} vekstområder`);
const daaBy = new Map<string, number>();
for (const f of [...jord, ...ar5Ovrige]) {
  const k = String(f.properties?.arealtype);
  daaBy.set(k, (daaBy.get(k) ?? 0) + areaPlanarM2(f.geometry) / 1000);
}
const ar5Total = [...daaBy.values()].reduce((s, v) => s + v, 0);
console.log(`AR5: ${ar5Ovrige.length} polygoner til (utenom jordbruk); ${[...daaBy].sort().map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')} daa; sum ${ar5Total.toFixed(0)} daa (${((100 * ar5Total * 1000) / boundaryArea).toFixed(2)} % av kommunen); ${lakes.length} vann, ${seas.length} viker; kastet ${droppedM2.toFixed(1)} m² smuler`);
console.log(`kommuneplan 2015: ${naering2015.length} næringspolygoner`);
