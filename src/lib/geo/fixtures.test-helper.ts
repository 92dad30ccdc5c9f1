import type { Polygon, Position } from 'geojson';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Root of the golden fixtures for src/lib/geo. */
export const FIXTURES = path.resolve(import.meta.dirname, '../../../tests/fixtures/geo');

/** The `in/*.geojson` files of a fixture folder, each with its parsed JSON and the path of its `out/` twin. */
export function fixtureCases(folder: string): { name: string; input: unknown; outFile: string }[] {
  const dir = path.join(FIXTURES, folder);
  return readdirSync(path.join(dir, 'in'))
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.geojson$/, '');
      return { name, input: JSON.parse(readFileSync(path.join(dir, 'in', f), 'utf8')), outFile: path.join(dir, 'out', `${name}.json`) };
    });
}

/**
 * Reads an expected output; with REGEN=1 writes `actual` first (review the git diff!). A golden
 * that does not exist fails the test (so a new fixture cannot pass by writing its own answer).
 */
export function expected<T>(outFile: string, actual: T): T {
  if (process.env.REGEN === '1') writeFileSync(outFile, JSON.stringify(actual, null, 1) + '\n');
  if (!existsSync(outFile)) throw new Error(`Fasiten ${outFile} finnes ikke; lag den med REGEN=1 og kontroller den før den sjekkes inn.`);
  return JSON.parse(readFileSync(outFile, 'utf8')) as T;
}

/** The test origin near Asker (EPSG:25832). */
export const X = 580000;
export const Y = 6633000;

/** A closed rectangular ring from (X + x0, Y + y0) to (X + x1, Y + y1), counter-clockwise; metres. */
export function rect(x0: number, y0: number, x1: number, y1: number): Position[] {
  return [
    [X + x0, Y + y0],
    [X + x1, Y + y0],
    [X + x1, Y + y1],
    [X + x0, Y + y1],
    [X + x0, Y + y0]
  ];
}

/** A Polygon of the given rings (shell first). */
export const poly = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });
