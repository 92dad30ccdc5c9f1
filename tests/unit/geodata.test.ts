import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaPlanarM2 } from '../../src/lib/geo/area.ts';
import { bboxOf } from '../../src/lib/geo/bbox.ts';
import { reprojectGeometry } from '../../src/lib/geo/crs.ts';
import { intersectionAreaM2 } from '../../src/lib/geo/intersection-area.ts';
import { buildOverlapIndex, overlapByKey } from '../../src/lib/geo/overlap.ts';
import { ar5Markdown, ar5Totals, planVersionsMarkdown, reconcile, reconciliationMarkdown } from '../../src/lib/geodata/build.ts';
import { planChanges, planChangeSummary } from '../../src/lib/geodata/plan-versions.ts';
import { SOURCE_LAYERS, validateSources, type ExtraSources, type SourceFile, type SourceLayer } from '../../src/lib/geodata/validate.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/geodata');
const read = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as unknown;
const boundaryFeature = read(path.join(root, 'geodata/asker-3203-kommunegrense-kartverket-2024-M.geojson')) as Feature<MultiPolygon>;
const boundary = reprojectGeometry(boundaryFeature.geometry, 'EPSG:4326', 'EPSG:25832');

function validSources(): Record<SourceLayer, SourceFile> {
  return Object.fromEntries(SOURCE_LAYERS.map((l) => [l, { file: `${l}.geojson`, json: read(path.join(fixtures, 'gyldig', `${l}.geojson`)) }])) as Record<SourceLayer, SourceFile>;
}

describe('validateSources', () => {
  it('accepts the valid fixture set', () => {
    const r = validateSources(validSources(), boundary);
    expect(r.ok ? 'ok' : r.problems.map((p) => p.message)).toBe('ok');
  });

  const cases = readdirSync(path.join(fixtures, 'avvisninger')).filter((f) => f.endsWith('.geojson'));
  it('has a fixture for every refusal', () => {
    expect(cases.map((f) => f.replace('.geojson', '')).sort()).toEqual(
      ['duplicate-id', 'farmland-under-current', 'missing-property', 'outside-kommune', 'overlap', 'self-intersection', 'unclosed-ring', 'unknown-code', 'wrong-crs', 'wrong-geometry'].sort()
    );
  });

  it.each(cases)('refuses %s, naming file, id and reason', (file) => {
    const reason = file.replace('.geojson', '');
    const json = read(path.join(fixtures, 'avvisninger', file)) as { lag: SourceLayer };
    const sources = validSources();
    sources[json.lag] = { file: `geodata/kilder/${json.lag}.geojson`, json };
    const r = validateSources(sources, boundary);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const p = r.problems.find((x) => x.reason === reason);
    expect(p, JSON.stringify(r.problems)).toBeDefined();
    expect(p?.file).toBe(`geodata/kilder/${json.lag}.geojson`);
    expect(p?.message.startsWith(`geodata/kilder/${json.lag}.geojson: `)).toBe(true);
    if (reason !== 'wrong-crs') expect(p?.message).toContain(`objekt «${p?.id}»`);
  });
});

describe('the demo dataset', () => {
  const sources = Object.fromEntries(
    SOURCE_LAYERS.map((l) => {
      const file = `geodata/kilder/${l === 'jordbruk' ? 'jordbruk-ar5-demo' : l}.geojson`;
      return [l, { file, json: read(path.join(root, file)) }];
    })
  ) as Record<SourceLayer, SourceFile>;
  const r = validateSources(sources, boundary);

  it('is valid', () => {
    expect(r.ok ? 'ok' : r.problems.slice(0, 5).map((p) => p.message)).toBe('ok');
  });

  it('reconciles with the plan: 7425 and 5720 daa within ±2 %, farmland of the order of 42 000 daa', () => {
    if (!r.ok) throw new Error('ugyldig datasett');
    const rows = reconcile(r.dataset);
    const row = (start: string) => rows.find((x) => x.label.startsWith(start));
    const naa = row('Nåværende, sum');
    const fram = row('Framtidig, sum');
    expect(naa?.planDaa).toBe(7425);
    expect(fram?.planDaa).toBe(5720);
    expect(Math.abs((naa?.datasetDaa ?? 0) / 7425 - 1)).toBeLessThan(0.02);
    expect(Math.abs((fram?.datasetDaa ?? 0) / 5720 - 1)).toBeLessThan(0.02);
    // The plan's figure includes offentlig tjenesteyting: the 1300/1160 split adds up to it.
    expect((row('Nåværende, 1300')?.datasetDaa ?? 0) + (row('Nåværende, 1160')?.datasetDaa ?? 0)).toBeCloseTo(naa?.datasetDaa ?? -1, 6);
    expect(row('Nåværende, 1160')?.datasetDaa).toBeGreaterThan(0);
    expect(Math.abs((row('Jordbruk, sum')?.datasetDaa ?? 0) / 42000 - 1)).toBeLessThan(0.1);
  });

  it('covers the named areas the plan talks about', () => {
    if (!r.ok) throw new Error('ugyldig datasett');
    const omrader = new Set(r.dataset.layers.naeringsareal.features.map((f) => f.properties?.omrade));
    for (const o of ['Asker sentrum', 'Drengsrud', 'Hvalstad', 'Nesbru', 'Holmen/Vogellund', 'Vakås', 'Billingstad/Slependen', 'Heggedal', 'Slemmestad', 'Røyken næringspark', 'Spikkestad', 'Sætre', 'Tofte', 'Dikemark', 'E134-korridoren']) {
      expect(omrader, o).toContain(o);
    }
    expect(r.dataset.layers.vekstomrader.features.map((f) => f.properties?.navn)).toEqual(['Slemmestad', 'Tofte', 'Heggedal', 'Dikemark', 'E134-korridoren']);
  });

  it('has the reconciliation table in geodata/README.md as the build makes it', () => {
    if (!r.ok) throw new Error('ugyldig datasett');
    expect(readFileSync(path.join(root, 'geodata/README.md'), 'utf8')).toContain(reconciliationMarkdown(reconcile(r.dataset)));
  });
});

describe('npm run geodata', () => {
  // Three builds in child processes: a loose time limit, so a loaded machine does not fail it.
  it('builds byte-identical output from the same sources', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'geodata-'));
    const build = (out: string) =>
      spawnSync(process.execPath, ['scripts/geodata/build.ts', '--check'], { cwd: root, encoding: 'utf8', env: { ...process.env, GEODATA_OUT: out } });
    // --check validates and compares the README table without writing anything.
    expect(build(path.join(dir, 'x.json')).status).toBe(0);
    const full = (out: string) => spawnSync(process.execPath, ['scripts/geodata/build.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, GEODATA_OUT: out } });
    const a = full(path.join(dir, 'a.json'));
    const b = full(path.join(dir, 'b.json'));
    expect(a.status, a.stderr).toBe(0);
    expect(b.status).toBe(0);
    const bytesA = readFileSync(path.join(dir, 'a.json'));
    expect(bytesA.equals(readFileSync(path.join(dir, 'b.json')))).toBe(true);
    // The browser loads it: about 290 KiB before AR5 beyond farmland and the 2015 plan, about 610 KiB with them.
    expect(bytesA.length).toBeLessThan(650 * 1024);
    // And the map layers ready-made in WGS84 next to it (#20), the same from the same sources.
    const mapA = readFileSync(path.join(dir, 'a-kart.json'));
    expect(mapA.equals(readFileSync(path.join(dir, 'b-kart.json')))).toBe(true);
    const map = JSON.parse(mapA.toString('utf8')) as Record<string, { features: unknown[] }>;
    expect(Object.keys(map)).toEqual(['grense', 'naering-naa', 'naering-framtidig', 'vekst', 'jordbruk', 'veger', 'jernbane', 'stasjoner', 'abc-soner']);
    expect(map.jordbruk?.features).toHaveLength(704);
    const data = JSON.parse(bytesA.toString('utf8')) as {
      meta: { label: string };
      layers: Record<string, { features: unknown[] }>;
      ar5Other: { features: { properties: { arealtype: number } }[] };
      planVersions: { id: string; label: string; year: number; naeringsareal: { features: unknown[] } }[];
    };
    expect(data.meta.label).toBe('Demodata – ikke offisielt plankart');
    expect(Object.keys(data.layers)).toEqual([...SOURCE_LAYERS]);
    expect(new Set(data.ar5Other.features.map((f) => f.properties.arealtype))).toEqual(new Set([11, 12, 30, 50, 60, 81, 82]));
    expect(data.planVersions.map((v) => [v.id, v.label, v.year, v.naeringsareal.features.length])).toEqual([['kommuneplan-2015', 'Kommuneplan 2015, demodata', 2015, 83]]);
  }, 60_000);
});

describe('node scripts/geodata/author-demo.ts', () => {
  it('makes the committed sources again, byte for byte', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kilder-'));
    const r = spawnSync(process.execPath, ['scripts/geodata/author-demo.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, GEODATA_KILDER_OUT: dir } });
    expect(r.status, r.stderr).toBe(0);
    const files = readdirSync(path.join(root, 'geodata/kilder')).sort();
    expect(readdirSync(dir).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(dir, f)).equals(readFileSync(path.join(root, 'geodata/kilder', f))), f).toBe(true);
  }, 120_000);
});

describe('the demo dataset: AR5 beyond farmland and the 2015 plan', () => {
  const file = (f: string) => `geodata/kilder/${f}`;
  const sources = Object.fromEntries(
    SOURCE_LAYERS.map((l) => [l, { file: file(`${l === 'jordbruk' ? 'jordbruk-ar5-demo' : l}.geojson`), json: read(path.join(root, file(`${l === 'jordbruk' ? 'jordbruk-ar5-demo' : l}.geojson`))) }])
  ) as Record<SourceLayer, SourceFile>;
  const extra: ExtraSources = {
    ar5Other: { file: file('ar5-ovrige-demo.geojson'), json: read(path.join(root, file('ar5-ovrige-demo.geojson'))) },
    planVersions: [{ id: 'kommuneplan-2015', label: 'Kommuneplan 2015, demodata', year: 2015, source: { file: file('naeringsareal-2015.geojson'), json: read(path.join(root, file('naeringsareal-2015.geojson'))) } }]
  };
  const r = validateSources(sources, boundary, extra);
  const dataset = () => {
    if (!r.ok) throw new Error('ugyldig datasett');
    return r.dataset;
  };
  const readme = readFileSync(path.join(root, 'geodata/README.md'), 'utf8');

  it('is valid with them', () => {
    expect(r.ok ? 'ok' : r.problems.slice(0, 5).map((p) => p.message)).toBe('ok');
    expect(dataset().ar5Other?.features.length).toBeGreaterThan(100);
    expect(dataset().planVersions?.map((v) => v.id)).toEqual(['kommuneplan-2015']);
  });

  it('keeps the farmland and its reconciliation as they were', () => {
    const rows = reconcile(dataset());
    const daa = (start: string) => rows.find((x) => x.label.startsWith(start))?.datasetDaa ?? NaN;
    expect(daa('Jordbruk, AR5 21')).toBeCloseTo(29401.9, 1);
    expect(daa('Jordbruk, AR5 22')).toBeCloseTo(2447.7, 1);
    expect(daa('Jordbruk, AR5 23')).toBeCloseTo(10153.3, 1);
    expect(daa('Jordbruk, sum')).toBeCloseTo(42002.8, 1);
    expect(readme).toContain(reconciliationMarkdown(rows));
  });

  it('differs in the 2015 plan from today’s exactly as the README table says', () => {
    const v = dataset().planVersions?.[0];
    if (!v) throw new Error('mangler 2015-planen');
    expect(v.naeringsareal.features.every((f) => f.properties?.planversjon === 'Kommuneplan 2015, demodata' && f.properties?.kilde === 'demo')).toBe(true);
    const changes = planChanges(v.naeringsareal, dataset().layers.naeringsareal);
    const ids = (kind: string) => changes.filter((c) => c.kind === kind).map((c) => c.id);
    expect(ids('added')).toEqual(['n-dikemark-naeringspark', 'n-e134-dagslett-1', 'n-e134-dagslett-2', 'n-e134-dagslett-3', 'n-e134-dagslett-kombinert']);
    expect(ids('removed')).toEqual(['n-vollen-naering', 'n-hvalstad-ost', 'n-hyggen-naering', 'n-klokkarstua-naering']);
    expect(ids('realised')).toEqual(['n-kraglund-asker-tek', 'n-drengsrudhagen', 'n-slemmestad-brygge', 'n-follestad-naeringspark-1', 'n-follestad-naeringspark-2']);
    expect(ids('formal-changed')).toEqual(['n-dikemark-kombinert']);
    expect(ids('changed')).toEqual([]);
    const summary = planChangeSummary(changes).map((s) => [s.kind, s.count, Math.round(s.daa * 10) / 10]);
    expect(summary).toEqual([
      ['added', 5, 1050],
      ['removed', 4, 420],
      ['realised', 5, 775],
      ['formal-changed', 1, 80],
      ['changed', 0, 0]
    ]);
    // The README's table is the one made from the two files.
    const table = planVersionsMarkdown(dataset());
    expect(readme).toContain(table);
    expect(table).toContain('| Lagt til (bare i dagens plan) | 5 | 1 050,0 |');
    expect(table).toContain('| Tatt ut (bare i den eldre planen) | 4 | 420,0 |');
    expect(table).toContain('| Realisert (framtidig da, nåværende nå) | 5 | 775,0 |');
    expect(table).toContain('| Arealformål endret | 1 | 80,0 |');
    for (const c of changes) expect(table).toContain(`| \`${c.id}\` |`);
    // Unchanged areas keep their shape; the one taken out for jordvern lay on farmland.
    const now = new Map(dataset().layers.naeringsareal.features.map((f) => [f.properties?.id, f]));
    for (const f of v.naeringsareal.features) if (now.has(f.properties?.id)) expect(f.geometry).toEqual(now.get(f.properties?.id)?.geometry);
    const hyggen = v.naeringsareal.features.find((f) => f.properties?.id === 'n-hyggen-naering') as Feature<Polygon>;
    const farm = buildOverlapIndex(dataset().layers.jordbruk.features.map((f) => ({ geometry: f.geometry as Polygon, key: '21' })));
    expect(overlapByKey(farm, hyggen.geometry).totalM2).toBeGreaterThan(10_000);
  });

  it('has every AR5 area type with plausible areas, covering the kommune, as the README says', () => {
    const t = ar5Totals(dataset());
    const kommuneDaa = areaPlanarM2(boundary) / 1000;
    const share = (k: string) => (t.arealtype[k] ?? 0) / kommuneDaa;
    expect(Object.keys(t.arealtype).sort()).toEqual(['11', '12', '21', '22', '23', '30', '50', '60', '81', '82']);
    expect(share('30')).toBeGreaterThan(0.5);
    expect(share('30')).toBeLessThan(0.8);
    expect(share('11')).toBeGreaterThan(0.08);
    expect(share('11')).toBeLessThan(0.25);
    for (const k of ['50', '60', '81']) expect(share(k), k).toBeGreaterThan(0.002);
    for (const k of ['50', '60', '81']) expect(share(k), k).toBeLessThan(0.05);
    expect(t.arealtype['12']).toBeGreaterThan(300);
    expect(t.arealtype['82']).toBeGreaterThan(100);
    expect(Object.keys(t.skogTreslag).sort()).toEqual(['31', '32', '33']);
    expect(Object.keys(t.skogBonitet).sort()).toEqual(['12', '13', '14']);
    // A partition of the kommune: all but a 0.1 m strip inside the boundary.
    const total = Object.values(t.arealtype).reduce((s, v) => s + v, 0);
    expect(total / kommuneDaa).toBeGreaterThan(0.999);
    expect(total / kommuneDaa).toBeLessThanOrEqual(1 + 1e-9);
    expect(readme).toContain(ar5Markdown(dataset()));
  });

  it('has no overlaps within AR5 (farmland and the other types together)', () => {
    const all = [...dataset().layers.jordbruk.features, ...(dataset().ar5Other?.features ?? [])];
    const index = buildOverlapIndex(all.map((f) => ({ geometry: f.geometry as Polygon | MultiPolygon, key: String(f.properties?.id) })));
    let worst = 0;
    all.forEach((f, i) => {
      const b = bboxOf(f.geometry as Polygon | MultiPolygon);
      for (const j of index.tree?.search(b[0], b[1], b[2], b[3]) ?? []) {
        if (j > i) worst = Math.max(worst, intersectionAreaM2(f.geometry as Polygon | MultiPolygon, (all[j] as Feature).geometry as Polygon | MultiPolygon));
      }
    });
    expect(worst).toBeLessThan(0.01);
  });

  it('lays the future næring areas over a mix of farmland, forest and built-up land, fully covered', () => {
    const all = [...dataset().layers.jordbruk.features, ...(dataset().ar5Other?.features ?? [])];
    const index = buildOverlapIndex(all.map((f) => ({ geometry: f.geometry as Polygon | MultiPolygon, key: String(f.properties?.arealtype) })));
    const byType: Record<string, number> = {};
    let future = 0;
    for (const f of dataset().layers.naeringsareal.features.filter((x) => x.properties?.arealbruksstatus === 2)) {
      const o = overlapByKey(index, f.geometry as Polygon);
      const m2 = areaPlanarM2(f.geometry as Polygon);
      future += m2;
      expect(o.totalM2 / m2, String(f.properties?.id)).toBeCloseTo(1, 6);
      for (const [k, v] of Object.entries(o.byKeyM2)) byType[k] = (byType[k] ?? 0) + v;
    }
    const farmland = (byType['21'] ?? 0) + (byType['22'] ?? 0) + (byType['23'] ?? 0);
    for (const [name, m2] of [['jordbruk', farmland], ['skog', byType['30'] ?? 0], ['bebygd', byType['11'] ?? 0]] as const) expect(m2 / future, name).toBeGreaterThan(0.1);
  });

  describe('refuses', () => {
    const crs = { type: 'name', properties: { name: 'EPSG:25832' } };
    const withAr5 = (features: Feature[]) => validateSources(sources, boundary, { ar5Other: { file: 'ar5.geojson', json: { type: 'FeatureCollection', crs, features } } });
    const withPlan = (features: Feature[]) =>
      validateSources(sources, boundary, { planVersions: [{ id: 'v', label: 'v', year: 2015, source: { file: 'plan.geojson', json: { type: 'FeatureCollection', crs, features } } }] });
    const lake = () => dataset().ar5Other?.features.find((f) => f.properties?.arealtype === 81)?.geometry as Polygon;
    const ar5 = (id: string, props: Record<string, unknown>, geometry: Polygon): Feature => ({ type: 'Feature', properties: { id, arealtype: 30, treslag: 31, skogbonitet: 13, kilde: 'demo', ...props }, geometry });
    const reasons = (res: ReturnType<typeof validateSources>) => (res.ok ? [] : res.problems.map((p) => `${p.file} ${p.id} ${p.reason}`));

    it('AR5 polygons overlapping each other or the farmland', () => {
      expect(reasons(withAr5([ar5('a-1', {}, lake()), ar5('a-2', {}, lake())]))).toEqual(['ar5.geojson a-1 overlap']);
      const field = (sources.jordbruk.json as FeatureCollection).features[0] as Feature<Polygon>;
      expect(reasons(withAr5([ar5('a-1', {}, field.geometry)]))).toEqual(['ar5.geojson a-1 overlap']);
    });

    it('farmland codes, unknown codes and skog without treslag or skogbonitet in the AR5 file', () => {
      expect(reasons(withAr5([ar5('a-1', { arealtype: 21 }, lake())]))).toEqual(['ar5.geojson a-1 unknown-code']);
      expect(reasons(withAr5([ar5('a-1', { skogbonitet: 7 }, lake())]))).toEqual(['ar5.geojson a-1 unknown-code']);
      expect(reasons(withAr5([ar5('a-1', { treslag: 98, skogbonitet: 98 }, lake())]))).toEqual(['ar5.geojson a-1 unknown-code']);
      expect(reasons(withAr5([ar5('a-1', { treslag: undefined }, lake())]))).toEqual(['ar5.geojson a-1 missing-property']);
      // An id the farmland already has.
      expect(reasons(withAr5([ar5('j-0001', { arealtype: 81, treslag: 98, skogbonitet: 98 }, lake())]))).toEqual(['ar5.geojson j-0001 duplicate-id']);
    });

    it('a plan version with overlaps, a repeated id or no planversjon (its ids may be today’s)', () => {
      const today = (dataset().layers.naeringsareal.features[0] as Feature<Polygon>);
      const version = (id: string, extraProps: Record<string, unknown> = {}): Feature => ({ ...today, properties: { ...today.properties, id, planversjon: 'v', ...extraProps } });
      expect(reasons(withPlan([version(String(today.properties?.id))]))).toEqual([]);
      expect(reasons(withPlan([version('n-1'), version('n-2')]))).toEqual(['plan.geojson n-1 overlap']);
      expect(reasons(withPlan([version('n-1'), { ...version('n-1'), geometry: lake() }]))).toEqual(['plan.geojson n-1 duplicate-id']);
      expect(reasons(withPlan([version('n-1', { planversjon: undefined })]))).toEqual(['plan.geojson n-1 missing-property']);
    });
  });
});
