// The prebuilt CLI (scripts/build-cli.mjs → one bundle, `npm run cli` runs it) gives exactly what
// the TypeScript source gives, and loads the readers only for the commands that need them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build-cli.mjs';

const root = path.resolve(import.meta.dirname, '../..');
mkdirSync(path.join(root, '.test-output'), { recursive: true });
// Inside the project (as build-cli/ is), so the CLI finds the project's geodata/ above it.
const out = mkdtempSync(path.join(root, '.test-output', 'cli-bundle-'));
const run = (entry: string, args: string[]) => spawnSync(process.execPath, [entry, ...args], { cwd: root, encoding: 'utf8' });

describe('the bundled CLI', () => {
  beforeAll(async () => {
    await buildCli(out);
  }, 60_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is one entry file with each command’s modules in chunks of their own', () => {
    expect(readdirSync(out)).toContain('cli.mjs');
    expect(readdirSync(out)).toContain('cli-ar5-worker.mjs');
    expect(readdirSync(path.join(out, 'chunks')).some((f) => f.startsWith('read-file'))).toBe(true);
  });

  it('gives the same help, stats (JSON and CSV), diff and errors as the source', () => {
    const bundle = path.join(out, 'cli.mjs');
    const source = path.join(root, 'scripts', 'cli.ts');
    const cases = [
      ['help'],
      ['stats', 'geodata/kilder/naeringsareal.geojson', '--farmland', 'geodata/kilder/jordbruk-ar5-demo.geojson'],
      ['stats', 'geodata/kilder/naeringsareal.geojson', '--csv'],
      ['diff', 'geodata/kilder/naeringsareal-2015.geojson', 'geodata/kilder/naeringsareal.geojson'],
      ['stats', 'finnes-ikke.geojson'],
      ['ukjent']
    ];
    for (const args of cases) {
      const a = run(bundle, args);
      const b = run(source, args);
      expect({ args, status: a.status, stdout: a.stdout, stderr: a.stderr }).toEqual({ args, status: b.status, stdout: b.stdout, stderr: b.stderr });
    }
    expect(run(bundle, ['stats', 'geodata/kilder/naeringsareal.geojson']).stdout).toContain('"area_method"');
  }, 60_000);

  it('gives the same stats --farmland without its worker thread (read and overlapped on one thread)', () => {
    const bundle = path.join(out, 'cli.mjs');
    const args = ['stats', 'geodata/kilder/naeringsareal.geojson', '--farmland', 'geodata/kilder/jordbruk-ar5-demo.geojson'];
    const withWorker = run(bundle, args);
    renameSync(path.join(out, 'cli-ar5-worker.mjs'), path.join(out, 'uten-worker.mjs'));
    try {
      const alone = run(bundle, args);
      expect(alone.status).toBe(0);
      expect(alone.stdout).toBe(withWorker.stdout);
      expect(JSON.parse(alone.stdout).totals.farmland_daa).toBeGreaterThan(0);
    } finally {
      renameSync(path.join(out, 'uten-worker.mjs'), path.join(out, 'cli-ar5-worker.mjs'));
    }
  }, 60_000);
});
