// A throwaway PostgreSQL server for the test run: Debian's postgresql (installed with apt-get
// when missing and we are root), a new cluster in a temporary folder, trust auth on 127.0.0.1
// at a free port. initdb refuses to run as root, so as root the cluster belongs to the
// `postgres` user (runuser), as ../shared/stack-notes.md describes.

import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function pgBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', 'pg_ctl')) && existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => resolve(port));
    });
  });
}

/**
 * Runs a command (as the postgres user when we are root and `asPostgres`), and waits for it.
 * @param {string} cmd
 * @param {string[]} args
 * @param {boolean} [asPostgres]
 */
function sh(cmd, args, asPostgres = false) {
  const [c, a] = asPostgres && isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  return spawnSync(c, a, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/**
 * Starts a PostgreSQL server for the tests. Returns `{ url, stop }`, or `{ skip: reason }` when it
 * cannot be started here (not installed and not root, or the server would not start).
 * @param {(msg: string) => void} log
 */
export async function startTestPostgres(log) {
  let bin = pgBin();
  if (!bin && isRoot && existsSync('/usr/bin/apt-get')) {
    log('Installerer Debians postgresql med apt-get (én gang), for lagringstestene …');
    sh('apt-get', ['update', '-qq']);
    sh('apt-get', ['install', '-y', '-qq', 'postgresql']);
    bin = pgBin();
  }
  if (!bin) return { skip: 'PostgreSQL er ikke installert (apt-get install postgresql), og npm test kjører ikke som root' };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'naering-pg-'));
  if (isRoot) {
    const id = sh('id', ['-u', 'postgres']);
    const gid = sh('id', ['-g', 'postgres']);
    if (id.status !== 0) return { skip: 'brukeren postgres finnes ikke' };
    chownSync(dir, Number(id.stdout.trim()), Number(gid.stdout.trim()));
  }
  const data = path.join(dir, 'data');
  const init = sh(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'], true);
  if (init.status !== 0) return { skip: `initdb feilet: ${init.stderr.trim().split('\n').pop()}` };
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200`;
  const start = sh(path.join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', path.join(dir, 'log'), '-w', 'start'], true);
  if (start.status !== 0) return { skip: `PostgreSQL startet ikke: ${start.stderr.trim().split('\n').pop()}` };
  log(`PostgreSQL for testene kjører på 127.0.0.1:${port}.`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      sh(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], true);
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
