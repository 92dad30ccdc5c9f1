// Command-line entry for GIS staff: `npm run --silent cli -- <command> …`.
// Runs on Node ≥ 22.12 directly from TypeScript (type stripping). stdout carries only data
// (JSON or CSV); messages go to stderr as one Norwegian line, never a stack trace.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { runStats, statsToCsv } from '../src/lib/cli/stats.ts';
import { parseGml } from '../src/lib/io/gml.ts';
import { parseSosi } from '../src/lib/io/sosi.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `Bruk: npm run --silent cli -- <kommando> [valg]

Kommandoer:
  stats <områdefil> [--farmland <fil>] [--crs EPSG:NNNN] [--csv]
      Områdefil og jordbruksfil kan være GeoJSON (.geojson/.json), SOSI (.sos) eller GML (.gml).
      Areal (planar i EPSG:25832, m² og daa), jordbruksareal inne i hvert område etter
      AR5-klasse (21, 22, 23; fra «arealtype» eller «ARTYPE»), arbeidsplasskapasitet
      (tomteareal og gulvareal), ABC-klasse og nærmeste stasjon. GeoJSON med eller uten
      «crs»; uten «crs» må koordinatene være grader (EPSG:4326), ellers oppgi --crs.
      Skriver JSON (eller CSV med --csv) på standard ut.
  help
      denne teksten

Avslutningskoder: 0 når noe kunne brukes (det som ble hoppet over, står i «skipped»),
2 når ingenting kunne leses (melding på standard feil).
`;

/** A problem with the user's input: exit code 2 and one line on stderr. */
class InputError extends Error {}

function readBytes(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${file}: fila finnes ikke.` : `${file}: kan ikke leses (${code ?? (e as Error).message}).`);
  }
}

/**
 * Reads an input file as GeoJSON text: GeoJSON as it is, SOSI (.sos) converted to GeoJSON with
 * its CRS (KOORDSYS 22/23, or --crs), and the SOSI features that could not be used.
 */
function readAreas(file: string, crs: string | undefined): { text: string; skipped: { id: string; reason: string }[] } {
  if (/\.gml$/i.test(file)) {
    const g = parseGml(readText(file));
    if (!g.ok) throw new InputError(`${file}: ${g.error.message}`);
    if (!g.result.crs && !crs) throw new InputError(`${file}: ukjent srsName ${g.result.srsName ?? '(mangler)'}; oppgi --crs (f.eks. --crs EPSG:25832).`);
    if (g.result.features.features.length === 0) throw new InputError(`${file}: fila har ingen flater som kan brukes.`);
    const fc = g.result.crs ? { ...g.result.features, crs: { type: 'name', properties: { name: g.result.crs } } } : g.result.features;
    return { text: JSON.stringify(fc), skipped: g.result.skipped };
  }
  if (!/\.sos$/i.test(file)) return { text: readText(file), skipped: [] };
  const r = parseSosi(readBytes(file));
  if (!r.ok) throw new InputError(`${file}: ${r.error.message}`);
  const fileCrs = r.result.crs;
  if (!fileCrs && !crs) throw new InputError(`${file}: ukjent ..KOORDSYS ${r.result.koordsys ?? '(mangler)'}; oppgi --crs (f.eks. --crs EPSG:25832).`);
  if (r.result.features.features.length === 0) throw new InputError(`${file}: fila har ingen flater som kan brukes.`);
  const fc = fileCrs ? { ...r.result.features, crs: { type: 'name', properties: { name: fileCrs } } } : r.result.features;
  return { text: JSON.stringify(fc), skipped: r.result.skipped.map((x) => ({ id: x.id, reason: `${x.reason} (linje ${x.line})` })) };
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${file}: fila finnes ikke.` : `${file}: kan ikke leses (${code ?? (e as Error).message}).`);
  }
}

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

function stats(args: string[]): number {
  const opts = parseStatsArgs(args);
  const areas = readAreas(opts.file, opts.crs);
  const farmland = opts.farmland === undefined ? undefined : readAreas(opts.farmland, opts.crs);
  const result = runStats({
    areasFile: opts.file,
    areasText: areas.text,
    farmlandFile: opts.farmland,
    farmlandText: farmland?.text,
    skipped: [...areas.skipped, ...(farmland?.skipped ?? [])],
    crs: opts.crs,
    stations: readGeodata('kilder/stasjoner.geojson'),
    roads: readGeodata('kilder/veger.geojson')
  });
  if (!result.ok) throw new InputError(result.message);
  process.stdout.write(opts.csv ? statsToCsv(result.output) : JSON.stringify(result.output, null, 2) + '\n');
  return 0;
}

/** Runs the CLI with the given arguments and returns the exit code. */
export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (command === 'stats') return stats(rest);
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

process.exitCode = main(process.argv.slice(2));
