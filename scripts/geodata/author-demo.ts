// Authors the demo dataset's sources in geodata/kilder/ (EPSG:25832), deterministically, from
// the table below and the public points in shared/reference/places-asker.json (copied into
// PLACES here with their confidence). Run once by a developer when the table changes:
//   node scripts/geodata/author-demo.ts [path/to/places-asker.json]
// The output is committed; `npm run geodata` validates and builds it for the app.
//
// DEMO DATA: the shapes are invented. They sit where the named areas really are (± about 1 km)
// and add up to the plan's figures (7425 daa current, 5720 daa future, temaplan §5.9.2), but
// they are not the kommuneplan's areas.

import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { featureCollection, intersect as turfIntersect, polygon as turfPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { AR5_JORDBRUKSKLASSER } from '../../seeds/ar5.ts';
import { NAERINGSAREAL, LANDBRUK, type Kategori, type StatusTomt } from '../../seeds/plan.ts';
import { areaPlanarM2 } from '../../src/lib/geo/area.ts';
import { bboxOf, type BBox } from '../../src/lib/geo/bbox.ts';
import { centroidPlanar } from '../../src/lib/geo/centroid.ts';
import { projectPosition, reprojectGeometry } from '../../src/lib/geo/crs.ts';
import { intersectionAreaM2 } from '../../src/lib/geo/intersection-area.ts';
import { mulberry32 } from '../../bench/random.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'geodata', 'kilder');
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
  dagslett: [59.75, 10.35]
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
function parcelShape(cx: number, cy: number, m2: number): Polygon {
  const aspect = 1 + rand() * 1.1;
  const theta = rand() * Math.PI;
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
    const k = 1 + Math.floor(rand() * 2);
    for (let j = 1; j <= k; j++) {
      const t = j / (k + 1);
      const nx = -(b[1] - a[1]);
      const ny = b[0] - a[0];
      const len = Math.hypot(nx, ny);
      const off = (rand() - 0.5) * 0.14 * Math.min(w, h);
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
function place(cx: number, cy: number, m2: number, label: string): Polygon {
  for (let k = 0; k < 6000; k++) {
    const r = 35 * Math.sqrt(k);
    const a = k * 2.399963;
    const poly = parcelShape(cx + r * Math.cos(a), cy + r * Math.sin(a), m2);
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
write('stasjoner.geojson', 'stasjoner', stasjoner);
write('jernbane.geojson', 'jernbane', jernbane);
write('veger.geojson', 'veger', veger);

const sum = (s: 1 | 2) => naering.filter((f) => f.properties?.arealbruksstatus === s).reduce((t, f) => t + areaPlanarM2(f.geometry), 0) / 1000;
console.log(`næring nåværende: ${sum(1).toFixed(1)} daa (plan ${NAERINGSAREAL.naavaerendeDaa.verdi}), framtidig: ${sum(2).toFixed(1)} daa (plan ${NAERINGSAREAL.framtidigDaa.verdi})`);
console.log(`jordbruk: ${(jordM2 / 1000).toFixed(0)} daa i ${jord.length} polygoner; kommunen: ${(boundaryArea / 1000).toFixed(0)} daa`);
console.log(`${naering.length} næringspolygoner, ${vekst.length} vekstområder`);
