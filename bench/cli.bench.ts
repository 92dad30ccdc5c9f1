// CLI start-up and the demo's `stats --farmland` (issue #20), end to end as a user runs them:
// each a fresh process, timed from start to exit, medians of paired runs (ours and the peer
// alternating). Ours is the prebuilt CLI (build-cli/cli.mjs, made by `npm run build`, `npm run
// cli` and `npm run bench`); the peers, when installed, are GDAL's `ogrinfo --version` for
// start-up and a shapely script doing the same overlap for `stats` (bench/peers/). Also the
// documented entry, `npm run --silent cli -- help`, which adds npm's own start-up.
// Prints `cli_startup_ms` (goal ≤ 120 ms) and `demo_stats_farmland_s` (goal ≤ shapely).

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { summarize } from './random.ts';

const root = path.resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const cli = path.join(root, 'build-cli', 'cli.mjs');
if (!existsSync(cli)) {
  // Built by `npm run bench`; made here when the bench runs on its own.
  const { buildCli } = await import('../scripts/build-cli.mjs');
  await buildCli();
}

/** Wall time of one process run (ms), or null when the command cannot run; its exit must be 0. */
function timed(cmd: string, args: string[]): number | null {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.error || r.status !== 0) return null;
  return ms;
}

/** Medians over paired runs of ours and a peer (the peer's null when it is not installed). */
function paired(ours: [string, string[]], peer: [string, string[]] | null): { ours: number; peer: number | null } {
  const a: number[] = [];
  const b: number[] = [];
  let peerOk = peer !== null && timed(...peer) !== null;
  timed(...ours); // warm the disk cache
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 ? ['peer', 'ours'] : ['ours', 'peer'];
    for (const which of order) {
      if (which === 'ours') {
        const ms = timed(...ours);
        if (ms === null) throw new Error(`${ours.join(' ')} failed`);
        a.push(ms);
      } else if (peerOk && peer) {
        const ms = timed(...peer);
        if (ms === null) peerOk = false;
        else b.push(ms);
      }
    }
  }
  return { ours: summarize(a).median, peer: peerOk && b.length ? summarize(b).median : null };
}

const hasPython = spawnSync('python3', ['-c', 'import shapely'], { stdio: 'ignore' }).status === 0;
const startup = paired([process.execPath, [cli, 'help']], [ 'ogrinfo', ['--version']]);
const npm = paired(['npm', ['run', '--silent', 'cli', '--', 'help']], null);
const area = 'geodata/kilder/naeringsareal.geojson';
const farm = 'geodata/kilder/jordbruk-ar5-demo.geojson';
const stats = paired([process.execPath, [cli, 'stats', area, '--farmland', farm]], hasPython ? ['python3', ['bench/peers/stats_shapely.py', area, farm]] : null);

console.log(`runs: ${RUNS} paired`);
console.log(`cli_startup_ms: ${startup.ours.toFixed(0)}`);
console.log(`cli_startup_ogrinfo_ms: ${startup.peer === null ? 'skipped (GDAL not installed)' : startup.peer.toFixed(0)}`);
console.log(`cli_startup_via_npm_ms: ${npm.ours.toFixed(0)}`);
console.log(`demo_stats_farmland_s: ${(stats.ours / 1000).toFixed(2)}`);
console.log(`demo_stats_farmland_shapely_s: ${stats.peer === null ? 'skipped (python3 with shapely not installed)' : (stats.peer / 1000).toFixed(2)}`);
console.log(`target_cli_startup_120ms: ${startup.ours <= 120 ? 'ok' : 'MISSED'}`);
if (stats.peer !== null) console.log(`target_demo_stats_le_shapely: ${stats.ours <= stats.peer ? 'ok' : 'MISSED'}`);
