#!/usr/bin/python3
"""GDAL oracle for the hand-written SOSI dialect fixtures in tests/fixtures/io/sosi/dialekt/.

How the goldens (<fixture>.golden.json) were made: BY HAND. Every fixture is built from rectangles
(plus one triangle, and half discs / a circle for the arcs), so each area is written down from the
fixture's coordinates (the golden's «areaWhy» says how); arc areas are π r² / 2 and π r² with the
tolerance the golden gives (6e-5: chords of at most 1° lose at most 1 − sin 1°/1° ≈ 5.1e-5). Vertex counts, attributes, skip
codes and line numbers were read off the fixture text. The goldens were then checked against GDAL 3.6.2
(Debian gdal-bin, the FYBA SOSI driver) with this script: polygon count and area per polygon, in file
order, plus the layer counts for the non-area objects and the CRS GDAL gives.

GDAL cannot serve as the oracle for (the script lists them as KNOWN and does not fail on them):
  - avkuttet-uten-slutt.sos: FYBA opens no file without .SLUTT;
  - buep-og-sirkelp.sos: FYBA does not know .SIRKELP («Unrecognized geometry of type 7»), so flate 12
    is missing; and GDAL 3.6 draws every .BUEP counter-clockwise (in E, N) from its first to its last
    point whatever side the middle point is on, so a clockwise arc comes out mirrored: flate 11's arc
    bulges out of the square instead of into it (GDAL 13 926.8 m² instead of 10 000 − π·50²/2), and
    flate 10 agrees only because the mirrored half disc has the same area;
  - snudde-kurver-felles-grense.sos, flate 12: FYBA reads the old `-:5` as a forward reference;
  - feil-hoppes-over.sos: GDAL builds the broken flates (11–16) that the parser skips;
  - koordsys-99-ukjent.sos: GDAL falls back to EPSG:4326 (the parser says crs null); and for
    KOORDSYS 84 GDAL says EPSG:4326 where SOSI (and the parser) say EUREF89 = EPSG:4258.
The CRS is compared by its PROJ string: GDAL gives EUREF89 UTM 32 as EPSG:3044 («ETRS89 / UTM zone 32N
(N-E)»), the same projection as EPSG:25832 with the axes named the other way round.
FYBA refuses UTF-8, so UTF-8 fixtures are transcoded to ISO8859-10 (and `..TEGNSETT UTF-8` changed to
match) in a temporary copy; FYBA writes index folders next to a file it reads, so every fixture is
read from a copy in a temporary directory. FYBA hands DOSN8, ND7 and ANSI text on as ISO 8859-1 bytes
without recoding; such attribute values are decoded as ISO 8859-1 here.

Usage: /usr/bin/python3 scripts/oracles/sosi-dialect-goldens.py [fixture.sos …]
Exit status 1 when GDAL disagrees with a golden where it is not a KNOWN difference.
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

from osgeo import gdal, ogr, osr

# No exceptions: FYBA reports recoverable problems as CPL errors while reading on; each fixture is read
# in a child process, as FYBA may end the process on a file it cannot read.
gdal.DontUseExceptions()
ogr.DontUseExceptions()

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIR = os.path.join(ROOT, 'tests', 'fixtures', 'io', 'sosi', 'dialekt')

# fixture -> {sosi_id or '*': why GDAL's figure is not the golden's}
KNOWN = {
    'avkuttet-uten-slutt.sos': {'*': 'FYBA opens no file without .SLUTT'},
    'buep-og-sirkelp.sos': {'11': 'GDAL draws the clockwise .BUEP counter-clockwise (mirrored)', '12': 'FYBA does not know .SIRKELP',
                            'notAreas': 'FYBA drops the .SIRKELP from its lines layer'},
    'ikke-flater-telles.sos': {'notAreas': 'FYBA drops the .SYMBOL («Point or symbol may have a broken geometry»)'},
    'snudde-kurver-felles-grense.sos': {'12': 'FYBA reads the old «-:5» as forward'},
    'feil-hoppes-over.sos': {'*': 'GDAL builds the broken flates the parser skips'},
    'koordsys-99-ukjent.sos': {'crs': 'GDAL falls back to EPSG:4326 for an unknown KOORDSYS'},
    'koordsys-84-geografisk.sos': {'crs': 'GDAL says WGS 84 (EPSG:4326) for KOORDSYS 84, SOSI says EUREF89 (EPSG:4258)'},
}
MARK = '@@oracle@@'


def is_utf8_text(data):
    if data.startswith(b'\xef\xbb\xbf'):
        return True
    if all(b < 0x80 for b in data):
        return False
    try:
        data.decode('utf-8')
        return True
    except UnicodeDecodeError:
        return False


def fyba_copy(src, tmp):
    """A copy FYBA can read: UTF-8 transcoded to ISO8859-10 with the label changed to match."""
    data = open(src, 'rb').read()
    if is_utf8_text(data):
        text = data.decode('utf-8-sig')
        text = re.sub(r'(\.\.TEGNSETT[ \t]+)UTF-?8', r'\1ISO8859-10', text, flags=re.I)
        data = text.encode('iso8859-10')
    dst = os.path.join(tmp, os.path.basename(src))
    with open(dst, 'wb') as f:
        f.write(data)
    return dst


def field_text(feat, i):
    raw = feat.GetFieldAsBinary(i)
    try:
        return raw.decode('utf-8')
    except UnicodeDecodeError:
        return raw.decode('iso8859-1') + '  [ISO 8859-1 bytes]'


def read_with_gdal(path):
    """{'layers': {name: count}, 'epsg': str|None, 'polygons': [{'area', 'rings', 'names'}]} or {'error': msg}."""
    messages = []

    def handler(cls, code, msg):
        messages.append(msg.strip())

    gdal.PushErrorHandler(handler)
    try:
        ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=['SOSI'])
    finally:
        gdal.PopErrorHandler()
    if ds is None:
        return {'error': '; '.join(messages) or 'cannot open'}
    out = {'layers': {}, 'epsg': None, 'wkt': None, 'polygons': [], 'messages': messages}
    gdal.PushErrorHandler(handler)
    try:
        for li in range(ds.GetLayerCount()):
            layer = ds.GetLayer(li)
            n = 0
            for feat in layer:
                n += 1
                if layer.GetName() != 'polygons':
                    continue
                geom = feat.GetGeometryRef()
                defn = feat.GetDefnRef()
                names = {}
                for i in range(defn.GetFieldCount()):
                    if feat.IsFieldSetAndNotNull(i) and defn.GetFieldDefn(i).GetType() == ogr.OFTString:
                        names[defn.GetFieldDefn(i).GetName()] = field_text(feat, i)
                out['polygons'].append({
                    'area': geom.GetArea() if geom is not None else None,
                    'rings': (geom.GetGeometryCount() if geom is not None and not geom.IsEmpty() else 0),
                    'names': names,
                })
            out['layers'][layer.GetName()] = n
            srs = layer.GetSpatialRef()
            if srs is not None and out['wkt'] is None:
                out['wkt'] = srs.ExportToWkt()
                srs.AutoIdentifyEPSG()
                out['epsg'] = srs.GetAuthorityCode(None)
    finally:
        gdal.PopErrorHandler()
    return out


def main(argv):
    fixtures = [os.path.join(DIR, os.path.basename(a)) for a in argv] or sorted(glob.glob(os.path.join(DIR, '*.sos')))
    unexpected = 0
    print(f'GDAL {gdal.__version__}')
    with tempfile.TemporaryDirectory(prefix='sosi-oracle-') as tmp:
        for src in fixtures:
            name = os.path.basename(src)
            golden_path = src[:-4] + '.golden.json'
            golden = json.load(open(golden_path, encoding='utf-8')) if os.path.exists(golden_path) else None
            known = KNOWN.get(name, {})
            sub = os.path.join(tmp, name + '.d')
            os.mkdir(sub)
            child = subprocess.run([sys.executable, os.path.abspath(__file__), '--read', fyba_copy(src, sub)], capture_output=True, text=True, encoding='utf-8', errors='replace')
            try:
                got = json.loads(child.stdout.rsplit(MARK, 1)[1])
                # FYBA prints its own messages on stdout
                got.setdefault('messages', [])
                got['messages'] += [m.strip() for m in child.stdout.rsplit(MARK, 1)[0].split('Error:') if m.strip()]
            except (IndexError, json.JSONDecodeError):
                got = {'error': f'GDAL ended with status {child.returncode}: ' + ' '.join((child.stdout + child.stderr).split())[:300]}
            print(f'\n== {name}')
            if 'error' in got:
                print(f'   GDAL cannot open it: {got["error"]}')
                if '*' not in known:
                    unexpected += 1
                    print('   UNEXPECTED')
                continue
            print(f'   layers {got["layers"]}, SRS EPSG:{got["epsg"]}')
            for msg in dict.fromkeys(got['messages']):
                print(f'   gdal: {msg}')
            if golden:
                same = False
                if golden['crs'] and got['wkt']:
                    want_srs = osr.SpatialReference()
                    want_srs.ImportFromEPSG(int(golden['crs'].split(':')[1]))
                    same = want_srs.ExportToProj4() == osr.SpatialReference(got['wkt']).ExportToProj4()
                tag = 'agrees' if same else ('KNOWN: ' + known['crs'] if 'crs' in known else 'DIFFERS')
                print(f'   crs: golden {golden["crs"]}, GDAL EPSG:{got["epsg"]}: {tag}')
                unexpected += tag == 'DIFFERS'
                lines = got['layers'].get('lines', 0)
                points = sum(n for k, n in got['layers'].items() if k not in ('lines', 'polygons'))
                same = golden['notAreas'] == {'lines': lines, 'points': points}
                tag = 'agrees' if same else ('KNOWN: ' + known['notAreas'] if 'notAreas' in known else 'DIFFERS')
                print(f'   notAreas: golden {golden["notAreas"]}, GDAL lines {lines}, points {points} (points + text layers): {tag}')
                unexpected += tag == 'DIFFERS'
            want = golden['polygons'] if golden else []
            if golden:
                print(f'   golden: {len(want)} polygon(s), crs {golden["crs"]}, notAreas {golden["notAreas"]}')
            polys = got['polygons']
            print(f'   GDAL: {len(polys)} polygon(s)')
            # FYBA drops what it cannot build, so match GDAL's polygons to the golden's in file order, skipping known gaps.
            gi = 0
            for w in want:
                why = known.get(w['sosi_id'])
                if why and 'SIRKELP' in why:
                    print(f'   flate {w["sosi_id"]}: golden {w["area"]:.6f} m²; GDAL has none ({why}) KNOWN')
                    continue
                g = polys[gi] if gi < len(polys) else None
                gi += 1
                if g is None:
                    print(f'   flate {w["sosi_id"]}: golden {w["area"]:.6f}; GDAL has none')
                    unexpected += '*' not in known
                    continue
                tol = w.get('areaTolerance', 1e-6)
                area = g['area'] or 0.0
                rel = abs(area - w['area']) / abs(w['area'])
                ok = rel <= tol and g['rings'] == w['rings']
                tag = 'agrees' if ok else ('KNOWN: ' + (why or known.get('*', '')) if (why or '*' in known) else 'DIFFERS')
                print(f'   flate {w["sosi_id"]}: golden {w["area"]:.6f}, GDAL {area:.6f} (rel. diff {rel:.2e}, tol {tol:g}), rings {g["rings"]}/{w["rings"]}: {tag}')
                if not ok and tag == 'DIFFERS':
                    unexpected += 1
                # GDAL renames attributes (EIER -> geodataeier …): show its text values that equal or begin the golden's.
                for k, want_v in w['properties'].items():
                    for gk, gv in g['names'].items():
                        if isinstance(want_v, str) and gv and (want_v.startswith(gv) or gv.startswith(want_v)) and gk.lower() != 'objekttypenavn':
                            print(f'      {k}: golden {want_v!r}, GDAL {gk} = {gv!r}')
            for extra in polys[gi:]:
                print(f'   GDAL extra polygon: area {extra["area"]}, rings {extra["rings"]}' + ('  KNOWN: ' + known['*'] if '*' in known else ''))
                unexpected += '*' not in known
    print(f'\n{unexpected} unexpected difference(s)')
    return 1 if unexpected else 0


if __name__ == '__main__':
    if sys.argv[1:2] == ['--read']:
        print('\n' + MARK + json.dumps(read_with_gdal(sys.argv[2]), ensure_ascii=False))
        sys.exit(0)
    sys.exit(main(sys.argv[1:]))
