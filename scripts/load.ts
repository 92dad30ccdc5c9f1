// `npm run load [-- --postgres] [--kill]`: 50 concurrent writers make 2 000 saves to 20 shared
// scenarios through the app's API on 127.0.0.1 (the built server, started here with a fresh
// store), then every acknowledged save is looked up in the history. With --kill the server is
// killed (SIGKILL) halfway and restarted. Last line:
// acknowledged=<n> stored=<n> lost=<n> p95_ms=<n>

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { freePort, runLoad, startServer } from './load-lib.ts';
import { startTestPostgres } from './pg-test-server.mjs';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const num = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : dflt;
  if (!Number.isInteger(v) || v < 1 || v > 100_000) throw new Error(`--${name} må være et heltall 1–100 000`);
  return v;
};
const writers = Math.min(num('writers', 50), 200);
const saves = num('saves', 2000);
const scenarios = num('scenarios', 20);

const dataDir = mkdtempSync(path.join(tmpdir(), 'naering-load-'));
let pg: { url?: string; skip?: string; stop?: () => void } | null = null;
const env: Record<string, string> = { DATA_DIR: dataDir, SKRIVEGRENSE_PER_MINUTT: '100000000' };
let store = 'SQLite';
if (flag('postgres')) {
  if (process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL;
  else {
    pg = await startTestPostgres((m) => console.error(m));
    if (!pg.url) {
      console.error(`PostgreSQL kan ikke startes her: ${pg.skip}`);
      process.exit(2);
    }
    env.DATABASE_URL = pg.url;
  }
  store = 'PostgreSQL';
}

const port = await freePort();
let server: ChildProcess = await startServer(port, env);
try {
  console.log(`Last: ${writers} samtidige skrivere, ${saves} lagringer, ${scenarios} scenarier, ${store}${flag('kill') ? ', server drept (SIGKILL) halvveis og startet på nytt' : ''}`);
  const r = await runLoad({
    baseUrl: () => `http://127.0.0.1:${port}`,
    writers,
    saves,
    scenarios,
    midway: flag('kill')
      ? {
          after: Math.floor(saves / 2),
          action: async () => {
            server.kill('SIGKILL');
            await new Promise((res) => server.once('exit', res));
            server = await startServer(port, env);
          }
        }
      : undefined
  });
  console.log(`store: ${store}`);
  console.log(`seconds: ${r.seconds.toFixed(1)}`);
  console.log(`saves_per_second: ${r.savesPerSecond.toFixed(0)}`);
  console.log(`conflicts_retried: ${r.conflicts}`);
  console.log(`network_errors_retried: ${r.networkErrors}`);
  console.log(`repeated_versions: ${r.repeatedVersions}`);
  console.log(`acknowledged=${r.acknowledged} stored=${r.stored} lost=${r.lost} p95_ms=${r.p95Ms}`);
  process.exitCode = r.lost === 0 && r.repeatedVersions === 0 && r.acknowledged === saves ? 0 : 1;
} finally {
  server.kill('SIGTERM');
  pg?.stop?.();
  rmSync(dataDir, { recursive: true, force: true });
}
