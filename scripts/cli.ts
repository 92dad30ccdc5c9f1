// Command-line entry for GIS staff: `npm run --silent cli -- <command> …`.
// Bundled into one prebuilt JavaScript file at build time (scripts/build-cli.mjs → build-cli/),
// which `npm run cli` runs; it also runs directly from TypeScript on Node ≥ 22.12 (type
// stripping). The readers, turf, proj4 and the rest are imported only by the commands that need
// them, so `help` starts in a few tens of milliseconds. stdout carries only data (JSON or CSV);
// messages go to stderr as one Norwegian line, never a stack trace.

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { InputError, readAreas } from './cli-read.ts';
import { startAr5Overlap } from './cli-ar5.ts';

/** The project folder (with geodata/): the nearest one above this file, whether it runs from scripts/ or from a bundle. */
function projectRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'geodata', 'kilder'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(here, '..');
  }
}
const root = projectRoot();

const USAGE = `Bruk: npm run --silent cli -- <kommando> [valg]

Kommandoer:
  stats <områdefil> [--farmland <fil>] [--crs EPSG:NNNN] [--csv]
      Områdefil og jordbruksfil kan være GeoJSON (.geojson/.json), SOSI (.sos), GML (.gml)
      eller shapefil i zip (.zip med .shp, .dbf, .prj og gjerne .cpg).
      Areal (planar i EPSG:25832, m² og daa), jordbruksareal inne i hvert område etter
      AR5-klasse (21, 22, 23; fra «arealtype», «ARTYPE» eller «AREALTYPE»), arbeidsplasskapasitet
      (tomteareal og gulvareal), ABC-klasse og nærmeste stasjon. GeoJSON med eller uten
      «crs»; uten «crs» må koordinatene være grader (EPSG:4326), ellers oppgi --crs.
      Skriver JSON (eller CSV med --csv) på standard ut.
  diff <gammel planfil> <ny planfil> [--crs EPSG:NNNN]
      Tilgang og avgang av næringsareal mellom to planversjoner, funnet ved planart overlegg i
      EPSG:25832 (ikke ved id-er). Tilgang er areal som er næring i den nye planen og ikke var
      det i den gamle, avgang det omvendte, også per arealformål; realisert er areal som gikk fra
      framtidig (2) til nåværende (1) og regnes verken som tilgang eller avgang. Næringsareal
      velges som i «Last inn plandata»; overlapp innenfor én plan telles én gang (første objekt).
      Hvert objekt får «tilgang», «avgang», «realisert» eller «uendret» etter den største delen
      av arealet sitt. Filene kan ha de samme formatene som for stats. Skriver JSON på standard
      ut (daa med tre desimaler).
  help
      denne teksten

Avslutningskoder: 0 når noe kunne brukes (det som ble hoppet over, står i «skipped»),
2 når ingenting kunne leses (melding på standard feil).
`;

function readGeodata(name: string): FeatureCollection {
  return JSON.parse(readFileSync(path.join(root, 'geodata', name), 'utf8')) as FeatureCollection;
}

function parseStatsArgs(args: string[]): { file: string; farmland?: string; crs?: string; csv: boolean } {
  let file: string | undefined;
  let farmland: string | undefined;
  let crs: string | undefined;
  let csv = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new InputError(`${a} mangler en verdi.`);
      return v;
    };
    if (a === '--farmland') farmland = value();
    else if (a === '--crs') crs = value();
    else if (a === '--csv') csv = true;
    else if (a.startsWith('--')) throw new InputError(`Ukjent valg «${a}». Se «npm run cli -- help».`);
    else if (file === undefined) file = a;
    else throw new InputError(`Bare én områdefil kan oppgis (fikk også «${a}»).`);
  }
  if (!file) throw new InputError('stats trenger en områdefil: npm run --silent cli -- stats <fil>');
  return { file, farmland, crs, csv };
}

/**
 * An area file this small (and with this few areas) gives `stats` output small enough to make as
 * one string (JSON.stringify at once, several times faster than in pieces): its properties are
 * copied, and each area adds under 2 kB of figures.
 */
const SMALL_INPUT_BYTES = 32 * 1024 * 1024;
const SMALL_INPUT_FEATURES = 50_000;

async function stats(args: string[]): Promise<number> {
  const opts = parseStatsArgs(args);
  // The AR5 file is read and overlapped on a second thread while this one reads the areas.
  const ar5 = opts.farmland === undefined ? null : startAr5Overlap(opts.farmland, opts.crs);
  let output;
  try {
    const areas = await readAreas(opts.file, opts.crs);
    // The areas go to the AR5 worker first; the figures that need no AR5 are made meanwhile.
    const overlapped = ar5?.overlap(areas.areas.map((a) => a.geometry25832));
    overlapped?.catch(() => {}); // awaited below, after the other figures
    const { beginStats, finishStats } = await import('../src/lib/cli/stats.ts');
    const begun = beginStats({ areas, stations: readGeodata('kilder/stasjoner.geojson'), roads: readGeodata('kilder/veger.geojson') });
    output = finishStats(begun, await overlapped);
  } finally {
    await ar5?.stop();
  }
  const { statsCsvLines } = await import('../src/lib/cli/stats.ts');
  const { jsonText, writeChunked } = await import('../src/lib/cli/json-stream.ts');
  // In one piece from a file of a few tens of MB; in pieces from a larger one, whose output may be larger than one string can be.
  const small = statSync(opts.file).size <= SMALL_INPUT_BYTES && output.features.length <= SMALL_INPUT_FEATURES;
  const json = function* () {
    yield* jsonText(output, 2, small);
    yield '\n';
  };
  await writeChunked(opts.csv ? statsCsvLines(output) : json(), process.stdout);
  return 0;
}

function parseDiffArgs(args: string[]): { oldFile: string; newFile: string; crs?: string } {
  const files: string[] = [];
  let crs: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--crs') {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new InputError(`${a} mangler en verdi.`);
      crs = v;
    } else if (a.startsWith('--')) throw new InputError(`Ukjent valg «${a}». Se «npm run cli -- help».`);
    else if (files.length < 2) files.push(a);
    else throw new InputError(`Bare to planfiler kan oppgis (fikk også «${a}»).`);
  }
  const [oldFile, newFile] = files;
  if (!oldFile || !newFile) throw new InputError('diff trenger to planfiler: npm run --silent cli -- diff <gammel> <ny>');
  return { oldFile, newFile, crs };
}

async function diff(args: string[]): Promise<number> {
  const opts = parseDiffArgs(args);
  const oldPlan = await readAreas(opts.oldFile, opts.crs);
  const newPlan = await readAreas(opts.newFile, opts.crs);
  const { runDiff } = await import('../src/lib/cli/diff.ts');
  const { jsonPieces, writeChunked } = await import('../src/lib/cli/json-stream.ts');
  const { out, notes } = runDiff({ old: oldPlan, new: newPlan, oldName: opts.oldFile, newName: opts.newFile });
  const json = function* () {
    yield* jsonPieces(out, 2);
    yield '\n';
  };
  await writeChunked(json(), process.stdout);
  for (const note of notes) process.stderr.write(`${note}\n`);
  return 0;
}

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (command === 'stats') return await stats(rest);
    if (command === 'diff') return await diff(rest);
    throw new InputError(`Ukjent kommando «${command}». Se «npm run cli -- help».`);
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`Feil: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`Uventet feil: ${(e as Error).message ?? String(e)}\n`);
    return 1;
  }
}

// Run as a program (not when imported, e.g. by `npm run cli`, which calls main itself).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
