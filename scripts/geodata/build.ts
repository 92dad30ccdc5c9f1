// `npm run geodata`: validates the dataset's sources in geodata/kilder/ and builds what the app
// loads (static/data/demo.json, and static/data/demo-kart.json: its map layers ready-made in
// WGS84, so the planner's first map neither reads the whole data file nor reprojects anything),
// and writes the generated tables into geodata/README.md (the reconciliation with the plan, the
// 2015 plan version against today's, the AR5 totals).
// `--check` builds nothing and fails when a README table is out of date.
// Problems are printed one per line (file, id, reason) and give exit code 2.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { mapLayersOf } from '../../src/lib/data/appdata.ts';
import { defaultNorms } from '../../src/lib/domain/norms.ts';
import { reprojectGeometry } from '../../src/lib/geo/crs.ts';
import {
  AR5_END,
  AR5_START,
  ar5Markdown,
  buildAppData,
  PLAN_VERSIONS_END,
  PLAN_VERSIONS_START,
  planVersionsMarkdown,
  reconcile,
  reconciliationMarkdown,
  withGeneratedSection,
  withReconciliationTable,
  type AppDataFile
} from '../../src/lib/geodata/build.ts';
import { SOURCE_LAYERS, validateSources, type ExtraSources, type SourceFile, type SourceLayer } from '../../src/lib/geodata/validate.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FILES: Record<SourceLayer, string> = {
  naeringsareal: 'geodata/kilder/naeringsareal.geojson',
  vekstomrader: 'geodata/kilder/vekstomrader.geojson',
  jordbruk: 'geodata/kilder/jordbruk-ar5-demo.geojson',
  stasjoner: 'geodata/kilder/stasjoner.geojson',
  jernbane: 'geodata/kilder/jernbane.geojson',
  veger: 'geodata/kilder/veger.geojson'
};
/** The AR5 area types other than farmland (with the farmland file, the whole AR5 layer). */
const AR5_OTHER = 'geodata/kilder/ar5-ovrige-demo.geojson';
/** Earlier plan versions, oldest first. */
const PLAN_VERSIONS = [{ id: 'kommuneplan-2015', label: 'Kommuneplan 2015, demodata', year: 2015, file: 'geodata/kilder/naeringsareal-2015.geojson' }];
const BOUNDARY = 'geodata/asker-3203-kommunegrense-kartverket-2024-M.geojson';
const README = 'geodata/README.md';
const OUT = process.env.GEODATA_OUT ?? 'static/data/demo.json';
/** The map layers of OUT in WGS84, next to it (the app's MAP_DATA_URL). */
const MAP_OUT = OUT.replace(/(\.json)?$/, '-kart.json');

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(path.join(root, file), 'utf8'));
  } catch (e) {
    return { error: `${file}: kan ikke leses (${(e as Error).message})` };
  }
}

const check = process.argv.includes('--check');
const boundaryFeature = readJson(BOUNDARY) as Feature<MultiPolygon>;
const kommunegrense: FeatureCollection = { type: 'FeatureCollection', features: [boundaryFeature] };
const boundary = reprojectGeometry(boundaryFeature.geometry, 'EPSG:4326', 'EPSG:25832');
const files = Object.fromEntries(SOURCE_LAYERS.map((l) => [l, { file: FILES[l], json: readJson(FILES[l]) } satisfies SourceFile])) as Record<SourceLayer, SourceFile>;

const extra: ExtraSources = {
  ar5Other: { file: AR5_OTHER, json: readJson(AR5_OTHER) },
  planVersions: PLAN_VERSIONS.map(({ file, ...v }) => ({ ...v, source: { file, json: readJson(file) } }))
};
const result = validateSources(files, boundary, extra);
if (!result.ok) {
  for (const p of result.problems) process.stderr.write(`Feil: ${p.message} [${p.reason}]\n`);
  process.stderr.write(`${result.problems.length} feil i geodata/kilder; ingenting er bygget.\n`);
  process.exit(2);
}

const table = reconciliationMarkdown(reconcile(result.dataset));
const readme = readFileSync(path.join(root, README), 'utf8');
const nextReadme = withGeneratedSection(
  withGeneratedSection(withReconciliationTable(readme, table), PLAN_VERSIONS_START, PLAN_VERSIONS_END, planVersionsMarkdown(result.dataset)),
  AR5_START,
  AR5_END,
  ar5Markdown(result.dataset)
);
if (check) {
  if (nextReadme !== readme) {
    process.stderr.write('Feil: en generert tabell i geodata/README.md (avstemming, planversjoner eller AR5) er utdatert; kjør «npm run geodata».\n');
    process.exit(1);
  }
} else {
  const data = buildAppData(result.dataset, kommunegrense);
  const map = JSON.stringify(mapLayersOf(JSON.parse(data) as AppDataFile, defaultNorms())) + '\n';
  mkdirSync(path.dirname(path.resolve(root, OUT)), { recursive: true });
  writeFileSync(path.resolve(root, OUT), data);
  writeFileSync(path.resolve(root, MAP_OUT), map);
  if (nextReadme !== readme) writeFileSync(path.join(root, README), nextReadme);
  const counts = [
    ...SOURCE_LAYERS.map((l) => `${l} ${result.dataset.layers[l].features.length}`),
    `ar5Other ${result.dataset.ar5Other?.features.length ?? 0}`,
    ...(result.dataset.planVersions ?? []).map((v) => `${v.id} ${v.naeringsareal.features.length}`)
  ].join(', ');
  process.stderr.write(`geodata: ${counts}; skrev ${OUT} (${(data.length / 1024).toFixed(0)} KiB) og ${MAP_OUT} (${(map.length / 1024).toFixed(0)} KiB)\n`);
}
process.stdout.write(`${table}\n`);
