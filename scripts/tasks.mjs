// The project's commands (start, test, dev, build, check, cli, bench, geodata, load), run by
// scripts/bootstrap.mjs under a Node that is new enough. Each installs what is missing first:
// npm dependencies (npm ci, when package-lock.json changed), a production build (when sources
// changed) and, for the browser tests, Debian's Chromium.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startTestPostgres } from './pg-test-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, '.test-output');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Writes a progress line to stderr (stdout is reserved for data, e.g. the CLI's JSON). */
function log(msg) {
  process.stderr.write(`[${process.argv[2] ?? 'tasks'}] ${msg}\n`);
}

function bin(name) {
  return path.join(root, 'node_modules', '.bin', name);
}

/**
 * Runs a command and waits for it. `quiet` sends its stdout to our stderr, so the command's
 * chatter never mixes with data on stdout.
 */
function run(cmd, args, { quiet = false, env = {} } = {}) {
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: ['inherit', quiet ? 2 : 'inherit', 'inherit'],
    env: { ...process.env, ...env }
  });
  if (r.error) log(`Kunne ikke starte ${cmd}: ${r.error.message}`);
  return r.status ?? 1;
}

/** Runs a long-lived command (server) and passes signals on to it. */
function serve(cmd, args, env = {}, cwd = root) {
  const child = spawn(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const sig of signals) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => {
    for (const sig of signals) process.removeAllListeners(sig);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}

function hashFiles(files) {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(f);
    h.update('\0');
    if (existsSync(f)) h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex');
}

/** Installs npm dependencies with `npm ci` when node_modules does not match package-lock.json. */
function ensureDeps() {
  const stamp = path.join(root, 'node_modules', '.naering-install-stamp');
  const want = hashFiles([path.join(root, 'package-lock.json'), path.join(root, 'package.json')]) + process.versions.node;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  log('Installerer avhengigheter (npm ci) …');
  const npmCli = process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? process.env.npm_execpath : null;
  const [cmd, pre] = npmCli ? [process.execPath, [npmCli]] : ['npm', []];
  const status = run(cmd, [...pre, 'ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    quiet: true,
    env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }
  });
  if (status !== 0) {
    log('npm ci feilet; se meldingene over.');
    process.exit(status);
  }
  writeFileSync(stamp, want);
}

function walk(dir, out) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** A fingerprint of everything the production build is made from (paths, sizes, mtimes). */
function sourceFingerprint() {
  const generated = path.join(root, 'static', 'data');
  const files = ['src', 'static', 'geodata', 'seeds', 'scripts']
    .flatMap((d) => walk(path.join(root, d), []))
    .filter((f) => !f.startsWith(generated))
    .sort();
  files.push(...['package-lock.json', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json'].map((f) => path.join(root, f)));
  const h = createHash('sha256');
  for (const f of files) {
    if (!existsSync(f)) continue;
    const s = statSync(f);
    h.update(`${path.relative(root, f)}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return h.digest('hex');
}

/** Validates geodata/kilder and builds static/data/demo.json (`npm run geodata`). */
function geodata(args = [], { quiet = true } = {}) {
  return run(process.execPath, [path.join(root, 'scripts', 'geodata', 'build.ts'), ...args], { quiet });
}

/** Builds the production app (adapter-node → build/) unless it is up to date. */
function ensureBuild({ force = false } = {}) {
  const stamp = path.join(root, 'build', '.naering-build-stamp');
  const want = sourceFingerprint();
  if (!force && existsSync(path.join(root, 'build', 'index.js')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) {
    return 0;
  }
  log('Bygger kartdata (npm run geodata) …');
  if (geodata() !== 0) return 1;
  log('Bygger appen (vite build) …');
  const status = run(bin('vite'), ['build', '--logLevel', 'warn']);
  if (status === 0) writeFileSync(stamp, want);
  return status;
}

const cliDir = path.join(root, 'build-cli');

/** A fingerprint of what the CLI is built from (its sources and the dependencies' lock file). */
function cliFingerprint() {
  const files = [path.join(root, 'scripts', 'build-cli.mjs'), path.join(root, 'package-lock.json')];
  files.push(...walk(path.join(root, 'scripts'), []).filter((f) => /\/cli[^/]*\.ts$/.test(f)));
  files.push(...walk(path.join(root, 'src', 'lib'), []).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')));
  files.push(...walk(path.join(root, 'seeds'), []));
  const h = createHash('sha256');
  for (const f of files.sort()) {
    if (!existsSync(f)) continue;
    const s = statSync(f);
    h.update(`${path.relative(root, f)}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return h.digest('hex') + process.versions.node;
}

/** Bundles the CLI into build-cli/ (scripts/build-cli.mjs) unless it is up to date. */
async function ensureCli({ force = false } = {}) {
  const stamp = path.join(cliDir, '.naering-cli-stamp');
  const want = cliFingerprint();
  if (!force && existsSync(path.join(cliDir, 'cli.mjs')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return 0;
  log('Bygger kommandolinjeverktøyet (build-cli/) …');
  try {
    const { buildCli } = await import(pathToFileURL(path.join(root, 'scripts', 'build-cli.mjs')).href);
    await buildCli(cliDir);
  } catch (e) {
    log(`Kunne ikke bygge kommandolinjeverktøyet: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  writeFileSync(stamp, want);
  return 0;
}

/** Makes sure Debian's Chromium is there for the browser tests; installs it with apt-get as root. */
function ensureChromium() {
  if (existsSync(chromiumPath)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    log(`Fant ikke Chromium på ${chromiumPath}. Installer den med «sudo apt-get install -y chromium»`);
    log('(eller sett CHROMIUM_PATH), og kjør «npm test» på nytt.');
    return false;
  }
  log('Installerer Debians Chromium med apt-get (én gang) …');
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { quiet: true, env });
  run('apt-get', ['install', '-y', '-qq', 'chromium'], { quiet: true, env });
  if (!existsSync(chromiumPath)) {
    log('apt-get klarte ikke å installere chromium.');
    return false;
  }
  return true;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Runs svelte-check (types in .ts and .svelte files). */
function typecheck() {
  run(bin('svelte-kit'), ['sync'], { quiet: true });
  return run(bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']);
}

function unitTests(extra, env = {}) {
  const file = path.join(outDir, 'vitest.json');
  rmSync(file, { force: true });
  const status = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`, ...extra], { env });
  const r = readJson(file);
  if (!r) return { passed: 0, failed: 1, skipped: 0, status: status || 1 };
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + (status !== 0 && r.numFailedTests === 0 ? 1 : 0),
    skipped: r.numPendingTests + r.numTodoTests,
    status
  };
}

function browserTests(extra, env = {}) {
  const file = path.join(outDir, 'playwright.json');
  rmSync(file, { force: true });
  const status = run(bin('playwright'), ['test', '--reporter=list,json', ...extra], {
    env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: file, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }
  });
  const r = readJson(file);
  if (!r?.stats) return { passed: 0, failed: 1, skipped: 0, status: status || 1 };
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = r.stats;
  return {
    passed: expected + flaky,
    failed: unexpected + (status !== 0 && unexpected === 0 ? 1 : 0),
    skipped,
    status
  };
}

/**
 * `npm test`: type check, unit tests (Vitest), production build and browser tests
 * (Playwright in Debian's Chromium). `npm test -- unit` or `npm test -- e2e` runs one part;
 * further arguments go to that runner. Ends with the line «Totalt: N passed, N failed».
 */
async function test(args) {
  const only = args[0] === 'unit' || args[0] === 'e2e' ? args[0] : null;
  const extra = only ? args.slice(1) : args;
  mkdirSync(outDir, { recursive: true });
  const parts = [];
  // The storage tests run against SQLite always, and against a real PostgreSQL when one can be
  // started for the run (or TEST_DATABASE_URL points at one).
  let pg = null;
  const env = {};
  if (process.env.TEST_DATABASE_URL) env.TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
  else {
    pg = await startTestPostgres(log);
    if (pg.url) env.TEST_DATABASE_URL = pg.url;
    else {
      env.TEST_DATABASE_SKIP_REASON = pg.skip;
      log(`PostgreSQL-testene hoppes over: ${pg.skip}.`);
    }
  }
  const stopPg = () => pg?.stop?.();
  process.on('exit', stopPg);
  if (!only || only === 'unit') {
    const tc = typecheck();
    parts.push({ name: 'Typesjekk (svelte-check)', passed: tc === 0 ? 1 : 0, failed: tc === 0 ? 0 : 1, skipped: 0 });
    parts.push({ name: 'Enhetstester (Vitest)', ...unitTests(only ? extra : [], env) });
  }
  if (!only || only === 'e2e') {
    if (!ensureChromium()) {
      parts.push({ name: 'Nettlesertester (Playwright)', passed: 0, failed: 1, skipped: 0 });
    } else if (ensureBuild() !== 0) {
      parts.push({ name: 'Bygg (vite build)', passed: 0, failed: 1, skipped: 0 });
    } else {
      parts.push({ name: 'Nettlesertester (Playwright)', ...browserTests(only ? extra : [], env) });
    }
  }
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  console.log('\nSammendrag:');
  for (const p of parts) {
    console.log(`  ${p.name}: ${p.passed} bestått, ${p.failed} feilet${p.skipped ? `, ${p.skipped} hoppet over` : ''}`);
    passed += p.passed;
    failed += p.failed;
    skipped += p.skipped;
  }
  console.log(`Totalt: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(failed > 0 ? 1 : 0);
}

const tasks = {
  start() {
    ensureDeps();
    if (ensureBuild() !== 0) process.exit(1);
    const port = process.env.PORT || '3000';
    // Shared scenarios are kept in SQLite under the data folder, unless DATABASE_URL names PostgreSQL.
    const dataDir = path.resolve(root, process.env.DATA_DIR || 'data');
    mkdirSync(dataDir, { recursive: true });
    console.log(`Næringsareal-kart for Asker: http://localhost:${port}/`);
    console.log(process.env.DATABASE_URL ? 'Delte scenarier lagres i PostgreSQL (DATABASE_URL).' : `Delte scenarier lagres i ${path.join(dataDir, 'naeringsareal.sqlite')}.`);
    // The API takes bodies up to 1 MB (src/lib/server/schema.ts MAX_BODY_BYTES); adapter-node's own
    // default limit is 512 KiB, so it is raised to match (an explicit BODY_SIZE_LIMIT wins).
    serve(process.execPath, ['build'], { PORT: port, DATA_DIR: dataDir, BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT || '1M' });
  },
  dev(args) {
    ensureDeps();
    if (geodata() !== 0) process.exit(1);
    serve(bin('vite'), ['dev', ...args]);
  },
  geodata(args) {
    ensureDeps();
    process.exit(geodata(args, { quiet: false }));
  },
  async build() {
    ensureDeps();
    if (ensureBuild({ force: true }) !== 0) process.exit(1);
    process.exit(await ensureCli({ force: true }));
  },
  check() {
    ensureDeps();
    process.exit(typecheck());
  },
  async test(args) {
    ensureDeps();
    await test(args);
  },
  load(args) {
    ensureDeps();
    if (ensureBuild() !== 0) process.exit(1);
    process.exit(run(process.execPath, [path.join(root, 'scripts', 'load.ts'), ...args]));
  },
  async cli(args) {
    ensureDeps();
    if ((await ensureCli()) !== 0) process.exit(1);
    // npm runs scripts in the package root; file arguments are relative to where the user was.
    process.chdir(process.env.INIT_CWD || root);
    // The prebuilt CLI runs in this process: no further Node to start.
    const { main } = await import(pathToFileURL(path.join(cliDir, 'cli.mjs')).href);
    process.exitCode = await main(args);
  },
  async bench(args) {
    ensureDeps();
    // The first-map and CLI benchmarks measure what users run: the production build and the prebuilt CLI.
    if (ensureBuild() !== 0 || (await ensureCli()) !== 0) process.exit(1);
    const only = args[0];
    const files = readdirSync(path.join(root, 'bench'))
      .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
      .sort();
    console.log(`# Benchmarks: Node ${process.versions.node}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'ukjent CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
    let failed = 0;
    for (const f of files) {
      console.log(`\n## ${f}`);
      if (run(process.execPath, ['--expose-gc', path.join(root, 'bench', f)]) !== 0) failed++;
    }
    process.exit(failed ? 1 : 0);
  }
};

const [name, ...rest] = process.argv.slice(2);
const task = name ? tasks[name] : undefined;
if (!task) {
  log(`Ukjent kommando «${name ?? ''}». Kjente: ${Object.keys(tasks).join(', ')}`);
  process.exit(2);
}
task(rest);
