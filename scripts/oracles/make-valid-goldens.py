#!/usr/bin/env python3
"""GEOS MakeValid figures for tests/fixtures/geo/make-valid (goldens for src/lib/geo/make-valid.ts).

Needs python3 with shapely 2.1 (GEOS 3.13), e.g. `pip install shapely==2.1.2`. CI does not: the
tests read the committed JSON.

    python3 scripts/oracles/make-valid-goldens.py                  # write out/*.json from in/*.geojson
    python3 scripts/oracles/make-valid-goldens.py --write-inputs   # first (re)write in/*.geojson from the cases below

Per feature of each in/X.geojson, out/X.json has what GEOS says about it: `is_valid` of the input,
`area_before` (shapely `.area` of the invalid input), `area_after` (area of the polygonal part of
`shapely.make_valid(g)`, default method 'linework', lines and points left out), `parts` (number of
polygons in that polygonal part) and `geos_type` (geometry type make_valid returned).

The random cases (in/tilfeldige.geojson) come from random.Random(SEED) with SEED = 20240611; each
is kept only if GEOS calls it invalid.
"""
import json
import math
import os
import random
import sys

import shapely
from cases import CRS, E0, N0, closed, feature, multi, poly, random_ring, utm  # noqa: F401
from shapely.geometry import MultiPolygon, Polygon, mapping, shape

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tests', 'fixtures', 'geo', 'make-valid')
SEED = 20240611


def star(r, cx=0.0, cy=0.0, n=5, step=2):
    return [[cx + r * math.cos(math.pi / 2 + i * step * 2 * math.pi / n), cy + r * math.sin(math.pi / 2 + i * step * 2 * math.pi / n)] for i in range(n)]


SQ = [[0, 0], [10, 0], [10, 10], [0, 10]]
BIG = [[0, 0], [100, 0], [100, 100], [0, 100]]


def hand_cases():
    selv = [
        feature('sloyfe', 'sløyfe (bowtie): to trekanter som møtes i krysningen', poly([[0, 0], [10, 10], [10, 0], [0, 10]])),
        feature('sloyfe-utm', 'skjev sløyfe i UTM-koordinater', poly(utm([[0, 0], [120.5, 80.25], [118.0, 3.5], [2.75, 77.0]]))),
        feature('pentagram', 'pentagram, omkrets-radius 100: bare de fem spissene blir igjen (partall-odde-regelen)', poly(star(100))),
        feature('pentagram-utm', 'pentagram med radius 37,5 rundt et UTM-punkt', poly(star(37.5, E0 + 250, N0 + 250))),
        feature('heptagram', 'sjukantet stjerne {7/3}: flere lag med kryssinger', poly(star(50, E0, N0, 7, 3))),
        feature('attetall-felles-hjorne', 'åttetall: ringen berører seg selv i ett hjørne (10, 10)',
                poly([[0, 0], [10, 0], [10, 10], [20, 10], [20, 20], [10, 20], [10, 10], [0, 10]])),
        feature('omvendt-hull', 'ringen berører seg selv og lukker en trekant (ESRI-aktig «omvendt hull»)',
                poly(utm([[0, 0], [20, 0], [20, 20], [10, 20], [6, 12], [14, 12], [10, 20], [0, 20]]))),
        feature('to-runder', 'ringen går to ganger rundt det samme kvadratet', poly(SQ + SQ)),
        feature('to-runder-forskjovet', 'ringen går rundt to ganger, andre runde 1 m innenfor og krysser seg selv',
                poly([[0, 0], [10, 0], [10, 10], [0, 10], [0, 1], [9, 1], [9, 9], [1, 9], [1, 0]])),
        feature('spiral-to-runder', 'spiral som går to runder og krysser første runde på vei inn',
                poly(utm([[0, 0], [40, 0], [40, 40], [0, 40], [0, 5], [35, 5], [35, 35], [5, 35], [5, -5], [20, -5]]))),
        feature('indre-sloyfe-samme-retning', 'ytre kvadrat og indre kvadrat i samme ring, samme omløpsretning',
                poly([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0], [2, 2], [8, 2], [8, 8], [2, 8], [2, 2]])),
        feature('slange', 'sikksakk fram og forskjøvet sikksakk tilbake (krysser ved hver tann)',
                poly([[i * 3.0, 10.0 if i % 2 else 0.0] for i in range(21)] + [[i * 3.0, 0.5 if i % 2 else 9.5] for i in range(20, -1, -1)])),
    ]
    kollaps = [
        feature('pigg-ut', 'pigg ut og tilbake langs samme linje', poly([[0, 0], [10, 0], [10, 10], [5, 10], [5, 20], [5, 10], [0, 10]])),
        feature('pigg-inn', 'pigg inn i flaten og tilbake langs samme linje', poly(utm([[0, 0], [10, 0], [10, 10], [5, 10], [5, 3], [5, 10], [0, 10]]))),
        feature('pigg-delvis-tilbake', 'pigg som kommer tilbake langs en del av seg selv', poly([[0, 0], [10, 0], [10, 10], [6, 10], [6, 20], [6, 14], [4, 10], [0, 10]])),
        feature('skrivefeil-ost', 'SOSI-skrivefeil: Ø 580005 skrevet 580305, piggen krysser østkanten',
                poly([[E0, N0], [E0 + 100, N0], [E0 + 100, N0 + 60], [E0, N0 + 60], [E0 + 305, N0 + 30]])),
        feature('skrivefeil-nord', 'SOSI-skrivefeil: N 6633030 skrevet 6630330, lang tynn pigg over sørkanten',
                poly([[E0, N0], [E0 + 100, N0], [E0 + 100, N0 + 60], [E0, N0 + 60], [E0 + 5, N0 - 2670]])),
        feature('null-areal', 'ring som har falt sammen til en linje (null areal)', poly([[0, 0], [10, 0], [20, 0], [5, 0]])),
        feature('null-areal-frem-og-tilbake', 'ring som går fram og tilbake mellom to punkter', poly(utm([[0, 0], [10, 10], [0, 0], [10, 10]]))),
        feature('sammenfalt-hull', 'gyldig ytterring med et hull som har falt sammen til en linje', poly(SQ, [[2, 2], [4, 4], [6, 6], [4, 4]])),
    ]
    hull = [
        feature('hull-krysser-skallet', 'hullet krysser ytterringen', poly(SQ, [[5, 2], [15, 2], [15, 8], [5, 8]])),
        feature('hull-utenfor', 'hullet ligger utenfor ytterringen', poly(SQ, [[20, 0], [30, 0], [30, 10], [20, 10]])),
        feature('hull-lik-skallet', 'hullet er lik ytterringen', poly(SQ, SQ)),
        feature('hull-lik-skallet-motsatt', 'hullet er lik ytterringen, motsatt retning og annet startpunkt',
                poly(utm(SQ), utm([[10, 10], [10, 0], [0, 0], [0, 10]]))),
        feature('to-hull-overlapper', 'to hull som overlapper hverandre', poly(BIG, [[10, 10], [50, 10], [50, 50], [10, 50]], [[30, 30], [70, 30], [70, 70], [30, 70]])),
        feature('tre-hull-overlapper', 'tre hull som overlapper hverandre', poly(utm(BIG), utm([[10, 10], [50, 10], [50, 50], [10, 50]]), utm([[30, 30], [70, 30], [70, 70], [30, 70]]), utm([[20, 20], [60, 20], [60, 60], [20, 60]]))),
        feature('hull-i-hull', 'et hull inne i et annet hull', poly(BIG, [[10, 10], [90, 10], [90, 90], [10, 90]], [[30, 30], [70, 30], [70, 70], [30, 70]])),
        feature('hull-langs-kanten', 'hullet deler to kanter med ytterringen', poly(SQ, [[0, 0], [5, 0], [5, 5], [0, 5]])),
        feature('hull-berorer-i-to-punkter', 'hullet berører ytterringen i to punkter og deler flaten i to', poly(SQ, [[0, 5], [5, 2], [10, 5], [5, 8]])),
        feature('hull-storre-enn-skallet', 'hullet omslutter ytterringen', poly(utm(SQ, 45, 45), utm(BIG))),
    ]
    mp = [
        feature('mp-overlappende', 'to deler som overlapper', multi([SQ], [[[5, 5], [15, 5], [15, 15], [5, 15]]])),
        feature('mp-identiske', 'to like deler', multi([utm(SQ)], [utm(SQ)])),
        feature('mp-nostet', 'en del helt inne i en annen', multi([BIG], [[[40, 40], [60, 40], [60, 60], [40, 60]]])),
        feature('mp-nostet-felles-kant', 'en del inne i en annen, med to felles kanter', multi([BIG], [SQ])),
        feature('mp-felles-kant', 'to deler med en felles kant', multi([SQ], [[[10, 0], [20, 0], [20, 10], [10, 10]]])),
        feature('mp-kjede', 'tre deler der nabodelene overlapper', multi([utm([[0, 0], [30, 0], [30, 20], [0, 20]])], [utm([[20, 0], [50, 0], [50, 20], [20, 20]])], [utm([[40, 0], [70, 0], [70, 20], [40, 20]])])),
        feature('mp-selvkryssende-del', 'en sløyfe-del og en vanlig del', multi([[[0, 0], [10, 10], [10, 0], [0, 10]]], [[[20, 0], [30, 0], [30, 10], [20, 10]]])),
        feature('mp-del-med-hull-og-overlapp', 'del med hull, og en annen del som ligger over kanten av hullet', multi([BIG, [[20, 20], [80, 20], [80, 80], [20, 80]]], [[[10, 10], [40, 10], [40, 40], [10, 40]]])),
    ]
    # Nearly collinear edges and tiny crossings at UTM magnitudes.
    fan = []
    for i in range(9):
        a = 2 * math.pi * i / 9
        fan.append([E0 + 500 + 1e-4 * math.cos(7 * a), N0 + 500 + 1e-4 * math.sin(5 * a)])
        fan.append([E0 + 500 + 40 * math.cos(a), N0 + 500 + 40 * math.sin(a)])
        fan.append([E0 + 500 + 40 * math.cos(a + 0.3), N0 + 500 + 40 * math.sin(a + 0.3)])
    nesten = [
        feature('tynn-sloyfe', 'sløyfe 100 m lang og 1 mm høy', poly([[E0, N0], [E0 + 100, N0 + 0.001], [E0 + 100, N0], [E0, N0 + 0.001]])),
        feature('mikrokryss', 'kvadrat der ett hjørne går 0,1 µm over en kant og lager en ørliten sløyfe',
                poly([[E0, N0], [E0 + 50, N0], [E0 + 50, N0 + 50], [E0 + 25, N0 + 50], [E0 + 25.0000001, N0 + 50.0000001], [E0 + 24.9999999, N0 + 49.9999999], [E0, N0 + 50]])),
        feature('slak-kryssing', 'to lange kanter som krysser i en vinkel på omtrent 1e-8 rad',
                poly([[E0, N0], [E0 + 1000, N0 + 0.00001], [E0 + 1000, N0 + 50], [E0 + 500, N0 + 60], [E0 + 1000.000001, N0 - 0.00001], [E0 + 1001, N0 - 30], [E0 - 1, N0 - 30]])),
        feature('vifte', 'ringen går gjennom nesten samme punkt (0,1 mm) ni ganger', poly(fan)),
        feature('nesten-kolineaer-pigg', 'pigg der ut- og tilbakevei ligger 1 nm fra hverandre',
                poly([[E0, N0], [E0 + 10, N0], [E0 + 10, N0 + 10], [E0 + 5, N0 + 10], [E0 + 5, N0 + 30], [E0 + 5.000000001, N0 + 10], [E0, N0 + 10]])),
        feature('tre-kanter-ett-punkt', 'tre kanter krysser i samme punkt (4/3, 13/3), som ikke kan skrives eksakt som flyttall',
                poly([[4, 4], [3, 2], [1, 5], [2, 3], [2, 3], [3, 3], [0, 6], [4, 1], [0, 3], [2, 5], [2, 2]])),
        feature('tre-kanter-ett-punkt-utm', 'som over, forstørret 7 ganger og flyttet til UTM',
                poly(utm([[7 * x, 7 * y] for x, y in [[4, 4], [3, 2], [1, 5], [2, 3], [3, 3], [0, 6], [4, 1], [0, 3], [2, 5], [2, 2]]], 0.125, 0.375))),
        feature('kolineaer-overlapp', 'to kanter i ringen overlapper delvis på samme linje (skrå)',
                poly([[E0, N0], [E0 + 30, N0 + 10], [E0 + 30, N0 + 20], [E0 + 15, N0 + 5], [E0 + 6, N0 + 2], [E0 + 3, N0 + 8]])),
    ]
    # Cases where make-valid.ts must take its fallback (property `tilbakefall`: the expected reason).
    tilbake = [
        feature('validator-avviser', 'nesten kolineære biter: resultatet er gyldig i eksakt aritmetikk (og for GEOS); validate.ts med '
                'flyttall så en kryssing og sendte make-valid.ts til rutenett-reserven, med eksakte predikater godtas hovedresultatet',
                multi([[[41.178, 3.936], [86.417, 10.068], [91.141, 80.791], [53.745, 35.098], [95.779, 22.177]]],
                      [[[80.67, 54.012], [89.035, 2.721], [94.527, 74.782], [91.967, 54.772], [61.195, 85.009]]],
                      [[[29.982, 99.96], [23.947, 31.704], [63.454, 83.42], [97.534, 75.684]]])),
    ]
    return {'selvkryssende': selv, 'kollaps': kollaps, 'hull': hull, 'multipolygon': mp, 'nesten-kolineaer': nesten, 'tilbakefall': tilbake}


def random_cases():
    rng = random.Random(SEED)
    out = []
    kinds = ['flyttall'] * 70 + ['rutenett'] * 50 + ['hull'] * 40 + ['multi'] * 40
    for k, kind in enumerate(kinds):
        for _ in range(1000):
            if kind == 'flyttall':
                g = poly(utm(random_ring(rng, rng.randint(4, 25), 100, False), rng.uniform(0, 5000), rng.uniform(0, 5000)))
            elif kind == 'rutenett':
                g = poly(random_ring(rng, rng.randint(4, 14), 6, True))
            elif kind == 'hull':
                grid = rng.random() < 0.4
                size = 8 if grid else 100
                g = poly(*[random_ring(rng, rng.randint(3, 8), size, grid) for _ in range(rng.randint(2, 4))])
            else:
                grid = rng.random() < 0.4
                size = 8 if grid else 100
                g = multi(*[[random_ring(rng, rng.randint(3, 8), size, grid)] for _ in range(rng.randint(2, 3))])
            rings = g['coordinates'] if g['type'] == 'Polygon' else [r for p in g['coordinates'] for r in p]
            if any(len(r) < 4 for r in rings):
                continue
            if not shape(g).is_valid:
                break
        out.append(feature(f'tilfeldig-{k:03d}', f'tilfeldig ({kind}), frø {SEED}', g))
    return out


def write_inputs():
    os.makedirs(os.path.join(HERE, 'in'), exist_ok=True)
    cases = hand_cases()
    for name, feats in cases.items():
        with open(os.path.join(HERE, 'in', f'{name}.geojson'), 'w') as f:
            json.dump({'type': 'FeatureCollection', 'crs': CRS, 'features': feats}, f, ensure_ascii=False, indent=1)
            f.write('\n')
    # The random file: one feature per line, to keep it readable and small.
    feats = random_cases()
    with open(os.path.join(HERE, 'in', 'tilfeldige.geojson'), 'w') as f:
        f.write('{"type": "FeatureCollection", "crs": ' + json.dumps(CRS) + ', "features": [\n')
        f.write(',\n'.join(json.dumps(x, ensure_ascii=False) for x in feats))
        f.write('\n]}\n')


def polygonal_part(g):
    if g.is_empty:
        return []
    if g.geom_type == 'Polygon':
        return [g]
    if g.geom_type == 'MultiPolygon':
        return list(g.geoms)
    if g.geom_type == 'GeometryCollection':
        return [p for sub in g.geoms for p in polygonal_part(sub)]
    return []


def figures(geometry):
    g = shape(geometry)
    fixed = shapely.make_valid(g)
    parts = polygonal_part(fixed)
    return {
        'is_valid': bool(g.is_valid),
        'area_before': g.area,
        'area_after': sum(p.area for p in parts),
        'parts': len(parts),
        'geos_type': fixed.geom_type,
    }


def write_goldens():
    os.makedirs(os.path.join(HERE, 'out'), exist_ok=True)
    names = sorted(f[:-len('.geojson')] for f in os.listdir(os.path.join(HERE, 'in')) if f.endswith('.geojson'))
    for name in names:
        with open(os.path.join(HERE, 'in', f'{name}.geojson')) as f:
            coll = json.load(f)
        out = {
            'generated_by': 'python3 scripts/oracles/make-valid-goldens.py',
            'oracle': f'shapely {shapely.__version__}, GEOS {shapely.geos_version_string}: shapely.make_valid(g) (method="linework")',
            'tolerance': '1e-6 relativt (1e-6 m² absolutt for små arealer)',
            'features': {},
        }
        for feat in coll['features']:
            out['features'][feat['properties']['id']] = figures(feat['geometry'])
        with open(os.path.join(HERE, 'out', f'{name}.json'), 'w') as f:
            json.dump(out, f, ensure_ascii=False, indent=1)
            f.write('\n')
        print(f'out/{name}.json: {len(out["features"])} objekter', file=sys.stderr)


if __name__ == '__main__':
    if '--write-inputs' in sys.argv[1:]:
        write_inputs()
    write_goldens()
