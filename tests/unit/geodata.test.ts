import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Feature, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { reprojectGeometry } from '../../src/lib/geo/crs.ts';
import { reconcile, reconciliationMarkdown } from '../../src/lib/geodata/build.ts';
import { SOURCE_LAYERS, validateSources, type SourceFile, type SourceLayer } from '../../src/lib/geodata/validate.ts';

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
    expect(bytesA.length).toBeLessThan(400 * 1024);
    const data = JSON.parse(bytesA.toString('utf8')) as { meta: { label: string }; layers: Record<string, { features: unknown[] }> };
    expect(data.meta.label).toBe('Demodata – ikke offisielt plankart');
    expect(Object.keys(data.layers)).toEqual([...SOURCE_LAYERS]);
  }, 60_000);
});
