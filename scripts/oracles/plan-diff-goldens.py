#!/usr/bin/env python3
"""Golden figures for the plan diff (src/lib/domain/plan-diff.ts, `npm run cli -- diff`): tilgang,
avgang and realisert næringsareal between two plan versions, by planar overlay in EPSG:25832,
computed independently with shapely 2.1 (GEOS 3.13) on real public polygons.

Needs python3 with shapely 2.1.2; reading SOSI needs Debian's GDAL python bindings under
/usr/bin/python3 (`from osgeo import ogr`, FYBA SOSI driver). CI needs neither: the tests read the
committed files.

    python3 scripts/oracles/plan-diff-goldens.py                 # write out/*.json from in/
    python3 scripts/oracles/plan-diff-goldens.py --write-inputs  # first (re)make in/ from the real files

The inputs (tests/fixtures/plan-diff/in/) are made deterministically from two real public SOSI files
(tests/fixtures/io/sosi/ekte/, see its README for sources and licences):

- in/gammel.sos (OLD) is 1001_Hoyde.sos (Kartverket's høydelag, KOORDSYS 22 = EPSG:25832, 71 flater)
  with three attribute lines added after each `.FLATE n:` line and nothing else changed:
  `..AREALFORMÅL`, `..AREALBRUKSSTATUS` and `..OMRÅDENAVN "Felt n"` (see old_attributes()).
- in/ny.geojson (NEW, EPSG:25832 with a crs member) is OLD read by GDAL, changed by the rules of
  new_features(): flater removed, moved (a boundary edit), status 2 → 1 and 2 → 3 (realised), formål
  changed, status dropped; plus polygons of naturvernomraade.sos (real naturvernområder, KOORDSYS 25 =
  EPSG:25835) reprojected to EPSG:25832 by GDAL/PROJ and moved onto flater of OLD, so real shapes
  overlap OLD and each other partly; plus one exact copy of a flate (it owns no area).

The goldens (out/<case>.json) read the committed inputs again (gammel.sos by GDAL, ny.geojson as JSON),
pick the næringsareal the way the app's import does (src/lib/io/plan-layers.ts naeringLayerFrom:
arealformål in the code list of non-næring formål or no arealbruksstatus 1/2/3 → left out; status 3
counts as 1) and compute with shapely:

- each plan's features made disjoint in file order (a feature owns what no earlier næring feature of
  its plan covers), so overlaps inside one plan count once;
- M[j][i] = area(new piece j ∩ old piece i) for every pair;
- per feature, parts: new → tilgang (not covered by OLD næring), realisert (old status 2 → new
  status 1), uendret (the rest); old → avgang, realisert, uendret; the feature's change is its largest
  part (ties: uendret, then realisert, then tilgang/avgang);
- totals and per arealformål / status from the parts, checked against a second, direct way:
  area(union(NEW) − union(OLD)) for tilgang (and per formål), the reverse for avgang, and
  area(union(OLD status 2) ∩ union(NEW status 1)) for realisert.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
HERE = os.path.join(ROOT, 'tests', 'fixtures', 'plan-diff')
EKTE = os.path.join(ROOT, 'tests', 'fixtures', 'io', 'sosi', 'ekte')
GDAL_PYTHON = '/usr/bin/python3'


def gdal_read(path, out):
    """(Runs under /usr/bin/python3 with GDAL.) The polygons of a SOSI file in file order, with their
    attributes, as WKB in EPSG:25832 (reprojected by GDAL/PROJ when the file is in another CRS)."""
    import shutil

    from osgeo import gdal, ogr, osr

    gdal.UseExceptions()
    tmp = tempfile.mkdtemp()
    copy = os.path.join(tmp, os.path.basename(path))
    raw = open(path, 'rb').read()
    # FYBA refuses UTF-8: a temporary copy in ISO8859-10 (as scripts/oracles/sosi-goldens.py does).
    if raw.startswith(b'\xef\xbb\xbf') or b'TEGNSETT UTF-8' in raw[:2000]:
        raw = raw.decode('utf-8-sig').replace('TEGNSETT UTF-8', 'TEGNSETT ISO8859-10').encode('iso8859-10')
    open(copy, 'wb').write(raw)
    ds = ogr.Open(copy)
    to25832 = osr.SpatialReference()
    to25832.ImportFromEPSG(25832)
    to25832.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = ds.GetLayerByName('polygons')
    srs = layer.GetSpatialRef()
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = None if srs.IsSame(to25832) else osr.CoordinateTransformation(srs, to25832)
    feats = []
    for f in layer:
        g = f.GetGeometryRef().Clone()
        g.FlattenTo2D()
        if ct is not None:
            g.Transform(ct)
        props = {k: (v if isinstance(v, (int, float)) or v is None else str(v)) for k, v in f.items().items()}
        feats.append({'fid': f.GetFID(), 'properties': props, 'wkb': bytes(g.ExportToWkb()).hex()})
    ds = None
    shutil.rmtree(tmp, ignore_errors=True)
    json.dump({'gdal': gdal.__version__, 'features': feats}, open(out, 'w'))


if __name__ == '__main__' and len(sys.argv) == 4 and sys.argv[1] == '--gdal-read':
    gdal_read(sys.argv[2], sys.argv[3])
    sys.exit(0)

import shapely  # noqa: E402  (not needed by the GDAL child above)
from cases import CRS  # noqa: E402
from shapely.geometry import mapping, shape  # noqa: E402

# --- Reading -----------------------------------------------------------------------------------


def read_sosi(path):
    """Polygons of a SOSI file read by GDAL in a child process (FYBA prints on stdout: the data goes through a file)."""
    fd, out = tempfile.mkstemp(suffix='.json')
    os.close(fd)
    try:
        r = subprocess.run([GDAL_PYTHON, os.path.abspath(__file__), '--gdal-read', path, out], capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f'GDAL could not read {path}: {r.stderr.strip()[:500]}')
        data = json.load(open(out))
    finally:
        os.unlink(out)
    return data['gdal'], [{'fid': f['fid'], 'properties': f['properties'], 'geometry': shapely.from_wkb(bytes.fromhex(f['wkb']))} for f in data['features']]


def read_geojson(path):
    coll = json.load(open(path, encoding='utf-8'))
    return [{'properties': f['properties'], 'geometry': shape(f['geometry'])} for f in coll['features']]


# --- The app's næring mapping (src/lib/io/mapping.ts, src/lib/io/plan-layers.ts) ----------------

# Known arealformål that are not næringsareal (mapping.ts AREALFORMAL_ANNET): left out of the næring layer.
ANNET = {1110, 1120, 1170, 1200, 1400, 1500, 1600, 1700, 2001, 3001, 4001, 5001, 5100, 5200, 6001}
# Næring codes (mapping.ts AREALFORMAL_KATEGORI). The fixtures use only codes in one of the two lists.
NAERING = {1001, 1130, 1140, 1150, 1160, 1300, 1800}


def fold(k):
    k = k.lower().replace('æ', 'ae').replace('ø', 'o').replace('å', 'a')
    return re.sub('[^a-z0-9]', '', k)


def pick(props, keys):
    for w in (fold(k) for k in keys):
        for k, v in props.items():
            if fold(k) == w and v is not None and str(v).strip() != '':
                return v
    return None


def naering_class(props):
    """(arealformål as text, status 1|2) of a næring feature, or None when the app leaves it out."""
    formal = pick(props, ['arealformal', 'arealforma', 'formal', 'arformal'])
    status = pick(props, ['arealbruksstatus', 'arealbruks', 'arealbruk', 'status', 'arstatus'])
    code = int(str(formal).strip())
    if code in ANNET:
        return None
    if status is None or int(str(status).strip()) not in (1, 2, 3):
        return None
    assert code in NAERING, f'the fixtures use only known codes, got {code}'
    s = int(str(status).strip())
    return str(code), (2 if s == 2 else 1)


# --- Making the inputs ------------------------------------------------------------------------

# The four flater over 1 km² (høydelag covering most of the land) are LNF, not næring.
BIG = {34, 36, 51, 52}


def old_attributes(n):
    """(arealformål, arealbruksstatus) of `.FLATE n:` in OLD."""
    if n in BIG:
        return 5001, 1
    return [(1110, 1), (1300, 2), (1300, 1), (1150, 1), (1300, 2), (1160, 2)][n % 6]


SHIFT = (23.17, -41.30)  # a boundary edit: the flate moved 23.17 m east and 41.30 m south
# Flater of OLD the naturvernområder are moved onto, in the order of naturvernomraade.sos (17
# polygons; the one over 2 km² is left out). Flate 3 gets two, so NEW overlaps itself there. The
# k-th moved polygon (from 0) comes right after its target in NEW when k is even, right before it
# when k is odd; after all the rest when the target is removed from NEW.
TARGETS = [3, 32, 18, 19, 69, 62, 6, 55, 70, 54, 57, 15, 25, 30, 3, 50]
TARGET_OFFSET = (75.0, 40.0)  # centroid of the moved polygon = centroid of its target + this
ADDED_ATTRIBUTES = [(1300, 2), (1150, 1), (1800, 1)]  # by index of the added polygon, modulo 3


def write_old():
    text = open(os.path.join(EKTE, '1001_Hoyde.sos'), 'rb').read().decode('utf-8')
    lines = text.split('\r\n')
    out = []
    for line in lines:
        out.append(line)
        m = re.match(r'^\.FLATE (\d+):', line)
        if m:
            n = int(m.group(1))
            formal, status = old_attributes(n)
            out += [f'..AREALFORMÅL {formal}', f'..AREALBRUKSSTATUS {status}', f'..OMRÅDENAVN "Felt {n}"']
    os.makedirs(os.path.join(HERE, 'in'), exist_ok=True)
    open(os.path.join(HERE, 'in', 'gammel.sos'), 'wb').write('\r\n'.join(out).encode('utf-8'))


def flate_number(feature):
    """The `.FLATE n:` of a feature GDAL read from OLD (its OMRÅDENAVN «Felt n»; GDAL's FID is n − 1)."""
    n = feature['fid'] + 1
    assert feature['properties'].get('OMRÅDENAVN') == f'Felt {n}', feature['properties']
    return n


def rounded(g, digits=2):
    """Coordinates rounded to cm, as a SOSI file with ..ENHET 0.01 has them."""
    return shapely.transform(g, lambda c: c.round(digits))


def new_features(old, naturvern):
    """NEW: each flate n of OLD by the rule for n % 7, then the naturvernområder and one copy."""
    added = {}
    nv = [f for f in naturvern if f['geometry'].area < 2_000_000]
    for k, f in enumerate(nv):
        t = TARGETS[k]
        target = next(o['geometry'] for o in old if flate_number(o) == t)
        g = f['geometry']
        dx = round(target.centroid.x + TARGET_OFFSET[0] - g.centroid.x, 2)
        dy = round(target.centroid.y + TARGET_OFFSET[1] - g.centroid.y, 2)
        g = rounded(shapely.transform(rounded(g), lambda c: c + [dx, dy]))
        assert g.is_valid
        formal, status = ADDED_ATTRIBUTES[k % 3]
        name = f['properties'].get('navn') or f['properties'].get('OFFISIELTNAVN')
        props = {'id': f'nv-{k + 1}', 'navn': f'{name} (naturvernomraade.sos, flyttet {dx} m øst, {dy} m nord)', 'arealformal': formal, 'arealbruksstatus': status}
        # Even k after its target in NEW, odd k before it (so it owns the overlap, see own_in_order).
        added.setdefault((t, 'after' if k % 2 == 0 else 'before'), []).append((props, g))

    out = []
    for o in old:
        n = flate_number(o)
        formal, status = old_attributes(n)
        g = o['geometry']
        r = n % 7
        props = {'id': str(n), 'navn': f'Felt {n}'}
        if r == 0:
            continue  # removed
        out += added.get((n, 'before'), [])
        if r == 1:
            g = rounded(shapely.transform(g, lambda c: c + list(SHIFT)))  # boundary edit
            status = 1 if status == 2 else status
        elif r == 2:
            status = 1 if status == 2 else status  # realised
        elif r == 3:
            formal, status = {1300: (1110, status), 1110: (1300, 2), 1150: (1140, status), 1160: (3001, status), 5001: (5001, status)}[formal]
        elif r == 4:
            status = 3 if status == 2 else None  # 2 → 3 (videreutvikling: nåværende); 1 → no status
        assert g.is_valid
        props['arealformal'] = formal
        if status is not None:
            props['arealbruksstatus'] = status
        out.append((props, g))
        if n == 3:
            out.append(({'id': '3-kopi', 'navn': 'Felt 3 (kopi)', 'arealformal': 1160, 'arealbruksstatus': 1}, g))
        out += added.get((n, 'after'), [])
    for (t, _), items in added.items():
        if t % 7 == 0:
            out += items  # target removed: at the end
    return out


def write_inputs():
    write_old()
    _, old = read_sosi(os.path.join(HERE, 'in', 'gammel.sos'))
    _, naturvern = read_sosi(os.path.join(EKTE, 'naturvernomraade.sos'))
    feats = new_features(old, naturvern)
    coll = {'type': 'FeatureCollection', 'crs': CRS, 'features': [{'type': 'Feature', 'properties': p, 'geometry': mapping(g)} for p, g in feats]}
    with open(os.path.join(HERE, 'in', 'ny.geojson'), 'w', encoding='utf-8') as f:
        json.dump(coll, f, ensure_ascii=False)
        f.write('\n')
    print(f'in/gammel.sos: {len(old)} flater; in/ny.geojson: {len(feats)} objekter', file=sys.stderr)


# --- The diff ------------------------------------------------------------------------------------

TIE_ORDER = ['uendret', 'realisert', 'tilgang', 'avgang']
OVERLAP_NOISE_M2 = 1e-6  # shared area under 1 mm² between a NEW and an OLD piece is rounding noise (as plan-diff.ts)


def naering(features, ids):
    out = []
    for f, fid in zip(features, ids):
        c = naering_class(f['properties'])
        if c is not None:
            out.append({'id': fid, 'formal': c[0], 'status': c[1], 'geometry': f['geometry']})
    return out


def own_in_order(feats):
    """Each feature minus every earlier feature of the same plan (so the pieces are disjoint)."""
    tree = shapely.STRtree([f['geometry'] for f in feats])
    pieces = []
    for j, f in enumerate(feats):
        earlier = [i for i in tree.query(f['geometry']) if i < j]
        g = f['geometry']
        if earlier:
            g = shapely.difference(g, shapely.union_all([feats[i]['geometry'] for i in earlier]))
        pieces.append(g)
    return pieces


def dominant(parts):
    best = max(parts.values())
    return next(k for k in TIE_ORDER if k in parts and parts[k] == best)


def diff(old_feats, new_feats):
    old_p = own_in_order(old_feats)
    new_p = own_in_order(new_feats)
    tree = shapely.STRtree(old_p)
    m = {}
    for j, q in enumerate(new_p):
        for i in tree.query(q):
            a = shapely.intersection(q, old_p[i]).area
            if a >= OVERLAP_NOISE_M2:
                m[(j, i)] = a
    feats_out = []
    totals = {'tilgang': 0.0, 'avgang': 0.0, 'realisert': 0.0}
    by_formal = {}
    by_status = {'1': {'tilgang_m2': 0.0, 'avgang_m2': 0.0}, '2': {'tilgang_m2': 0.0, 'avgang_m2': 0.0}}
    for f in old_feats + new_feats:
        by_formal.setdefault(f['formal'], {'tilgang_m2': 0.0, 'avgang_m2': 0.0})
    margins = []

    def record(f, source, piece, covered, realised, gone_key):
        area = piece.area
        gone = max(0.0, area - covered)
        parts = {gone_key: gone, 'realisert': realised, 'uendret': max(0.0, area - gone - realised)}
        change = dominant(parts)
        vals = sorted(parts.values(), reverse=True)
        if vals[0] > 0:
            margins.append((vals[0] - vals[1], f['id'], source))
        feats_out.append({'id': f['id'], 'source': source, 'change': change, 'area_m2': area, 'parts_m2': parts})
        totals[gone_key] += gone
        by_formal[f['formal']][f'{gone_key}_m2'] += gone
        by_status[str(f['status'])][f'{gone_key}_m2'] += gone
        return realised

    real_old = 0.0
    for i, f in enumerate(old_feats):
        covered = sum(a for (j, ii), a in m.items() if ii == i)
        realised = sum(a for (j, ii), a in m.items() if ii == i and f['status'] == 2 and new_feats[j]['status'] == 1)
        real_old += record(f, 'old', old_p[i], covered, realised, 'avgang')
    for j, f in enumerate(new_feats):
        covered = sum(a for (jj, i), a in m.items() if jj == j)
        realised = sum(a for (jj, i), a in m.items() if jj == j and f['status'] == 1 and old_feats[i]['status'] == 2)
        totals['realisert'] += record(f, 'new', new_p[j], covered, realised, 'tilgang')
    assert abs(real_old - totals['realisert']) < 1e-6

    # The same totals a second, direct way (unions of whole plans).
    union_old = shapely.union_all(old_p)
    union_new = shapely.union_all(new_p)
    direct = {
        'tilgang': shapely.difference(union_new, union_old).area,
        'avgang': shapely.difference(union_old, union_new).area,
        'realisert': shapely.intersection(
            shapely.union_all([p for p, f in zip(old_p, old_feats) if f['status'] == 2]),
            shapely.union_all([p for p, f in zip(new_p, new_feats) if f['status'] == 1]),
        ).area,
    }
    for c in by_formal:
        direct[f'tilgang {c}'] = shapely.difference(shapely.union_all([p for p, f in zip(new_p, new_feats) if f['formal'] == c]), union_old).area
        direct[f'avgang {c}'] = shapely.difference(shapely.union_all([p for p, f in zip(old_p, old_feats) if f['formal'] == c]), union_new).area
    by_parts = {**totals, **{f'tilgang {c}': v['tilgang_m2'] for c, v in by_formal.items()}, **{f'avgang {c}': v['avgang_m2'] for c, v in by_formal.items()}}
    worst = max(abs(by_parts[k] - direct[k]) for k in direct)
    assert worst < 0.01, (worst, by_parts, direct)
    return {
        'tilgang_m2': totals['tilgang'],
        'avgang_m2': totals['avgang'],
        'netto_m2': totals['tilgang'] - totals['avgang'],
        'realisert_m2': totals['realisert'],
        'by_arealformal': {c: by_formal[c] for c in sorted(by_formal, key=int)},
        'by_status': by_status,
        'features': feats_out,
        'checks': {'direct_vs_parts_max_m2': worst, 'smallest_dominance_margin_m2': min(margins)[0] if margins else None},
    }


def read_plan(name):
    path = os.path.join(HERE, 'in', name)
    if name.endswith('.sos'):
        version, feats = read_sosi(path)
        # Ids as the app's SOSI reader gives them (sosi_id: the number of `.FLATE n:`).
        return f'GDAL {version} (FYBA)', naering(feats, [str(flate_number(f)) for f in feats])
    feats = read_geojson(path)
    return 'json', naering(feats, [str(f['properties']['id']) for f in feats])


CASES = [('gammel-ny', 'gammel.sos', 'ny.geojson'), ('ny-gammel', 'ny.geojson', 'gammel.sos')]


def write_goldens():
    os.makedirs(os.path.join(HERE, 'out'), exist_ok=True)
    for case, old_name, new_name in CASES:
        old_reader, old = read_plan(old_name)
        new_reader, new = read_plan(new_name)
        result = diff(old, new)
        out = {
            'generated_by': 'python3 scripts/oracles/plan-diff-goldens.py',
            'oracle': f'shapely {shapely.__version__}, GEOS {shapely.geos_version_string}; {old_name}: {old_reader}, {new_name}: {new_reader}',
            'old': f'in/{old_name}',
            'new': f'in/{new_name}',
            'tolerance': '0.1 daa (100 m²) per tall',
            **result,
        }
        with open(os.path.join(HERE, 'out', f'{case}.json'), 'w', encoding='utf-8') as f:
            json.dump(out, f, ensure_ascii=False, indent=1)
            f.write('\n')
        print(f'out/{case}.json: tilgang {result["tilgang_m2"]:.1f} m², avgang {result["avgang_m2"]:.1f} m², realisert {result["realisert_m2"]:.1f} m², '
              f'{len(result["features"])} objekter, checks {result["checks"]}', file=sys.stderr)


if __name__ == '__main__':
    if '--write-inputs' in sys.argv[1:]:
        write_inputs()
    write_goldens()
