#!/usr/bin/env python3
"""Golden figures for the real SOSI samples (tests/fixtures/io/sosi/ekte/), made with GDAL/GEOS.

Run once on a machine with Debian's gdal-bin and python3-gdal (GDAL 3.6, FYBA SOSI driver, GEOS):
    /usr/bin/python3 scripts/oracles/sosi-goldens.py > tests/fixtures/io/sosi/ekte/gdal.json
CI does not need GDAL: the tests read the committed JSON.

Per file: GDAL's polygons (count, how many GEOS calls invalid), their planar area in the file's
CRS, the area after GEOS MakeValid, and the same two areas after reprojection to EPSG:25832.
FYBA refuses UTF-8 files, so those are transcoded to ISO8859-10 (with ..TEGNSETT changed) in a
temporary copy first; FYBA also writes index folders next to what it reads, so it reads copies.
A file GDAL cannot open, or where it finds no polygons, is recorded as such.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tests', 'fixtures', 'io', 'sosi', 'ekte')


def figures(path):
    tmp = tempfile.mkdtemp()
    copy = os.path.join(tmp, os.path.basename(path))
    raw = open(path, 'rb').read()
    if raw.startswith(b'\xef\xbb\xbf') or b'TEGNSETT UTF-8' in raw[:2000]:
        text = raw.decode('utf-8-sig').replace('TEGNSETT UTF-8', 'TEGNSETT ISO8859-10')
        raw = text.encode('iso8859-10')
    open(copy, 'wb').write(raw)
    try:
        ds = ogr.Open(copy)
    except RuntimeError as e:
        return {'gdal': 'cannot-open', 'error': str(e).splitlines()[0][:200]}
    if ds is None:
        return {'gdal': 'cannot-open'}
    to25832 = osr.SpatialReference()
    to25832.ImportFromEPSG(25832)
    to25832.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    out = {'gdal': 'read', 'layers': {}, 'polygons': 0, 'invalid': 0, 'area_m2': 0.0, 'makevalid_m2': 0.0,
           'area_m2_25832': 0.0, 'makevalid_m2_25832': 0.0, 'per_polygon': []}
    for i in range(ds.GetLayerCount()):
        layer = ds.GetLayer(i)
        out['layers'][layer.GetName()] = layer.GetFeatureCount()
        srs = layer.GetSpatialRef()
        ct = None
        if srs is not None:
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            ct = osr.CoordinateTransformation(srs, to25832)
        for f in layer:
            g = f.GetGeometryRef()
            if g is None or ogr.GT_Flatten(g.GetGeometryType()) not in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
                continue
            g = g.Clone()
            g.FlattenTo2D()
            valid = g.IsValid()
            mv = g.MakeValid()
            rec = {'area_m2': round(g.GetArea(), 4), 'valid': valid, 'makevalid_m2': round(mv.GetArea(), 4)}
            out['polygons'] += 1
            out['invalid'] += 0 if valid else 1
            out['area_m2'] += g.GetArea()
            out['makevalid_m2'] += mv.GetArea()
            if ct is not None:
                g2 = g.Clone()
                g2.Transform(ct)
                mv2 = g2.MakeValid()
                rec['area_m2_25832'] = round(g2.GetArea(), 4)
                rec['makevalid_m2_25832'] = round(mv2.GetArea(), 4)
                out['area_m2_25832'] += g2.GetArea()
                out['makevalid_m2_25832'] += mv2.GetArea()
            out['per_polygon'].append(rec)
    for k in ('area_m2', 'makevalid_m2', 'area_m2_25832', 'makevalid_m2_25832'):
        out[k] = round(out[k], 4)
    out['per_polygon'].sort(key=lambda r: r['area_m2'])
    ds = None  # close before the folder goes (FYBA writes its index there when it closes)
    shutil.rmtree(tmp, ignore_errors=True)
    return out


def in_child(path):
    # FYBA aborts the whole process on some files ("The library used to stop the program execution
    # here"), so each file is read in a child process.
    # FYBA prints its messages on standard output, so the figures go through a file.
    fd, out = tempfile.mkstemp(suffix='.json')
    os.close(fd)
    r = subprocess.run([sys.executable, __file__, '--one', path, out], capture_output=True, text=True)
    try:
        if r.returncode != 0:
            return {'gdal': 'cannot-open', 'error': f'GDAL/FYBA stopped the process (exit {r.returncode})'}
        return json.load(open(out))
    finally:
        os.unlink(out)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == '--one':
        json.dump(figures(sys.argv[2]), open(sys.argv[3], 'w'))
        return
    files = sorted(f for f in os.listdir(HERE) if f.lower().endswith('.sos'))
    result = {'made_with': f'GDAL {gdal.__version__} (FYBA SOSI driver), GEOS via OGR IsValid/MakeValid, scripts/oracles/sosi-goldens.py',
              'files': {f: in_child(os.path.join(HERE, f)) for f in files}}
    json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
