// Comparison peer for `stats <areas> --farmland <ar5>`: the same overlap as a PostGIS query.
//
// What a PostGIS user would do, in a throw-away cluster: initdb in a temporary directory, start
// postgres on a unix socket in that directory (no TCP), CREATE EXTENSION postgis, load both
// GeoJSON files (each file's text sent once as a parameter, the features taken apart by
// json_array_elements and ST_GeomFromGeoJSON, SRID 25832), repair the invalid geometries with
// ST_MakeValid (only where ST_IsValid is false, as stats_shapely.py does with make_valid), build a
// GiST index on the AR5 table (every AR5 polygon, with its `arealtype` read as stats_shapely.py
// reads it) and ANALYZE. Then the timed part, the query: per area its planar ST_Area and the
// farmland (arealtype 21, 22, 23) inside it, sum(ST_Area(ST_Intersection(area, ar5))) over the
// AR5 polygons that ST_Intersects it, by class. It runs `--runs N` times (default BENCH_RUNS, else
// 3), the median is reported. Then, timed apart, the query for the CLI's whole output: every AR5
// type inside each area (ALL_TYPES_QUERY_SQL), as many times. The cluster is stopped (pg_ctl stop -m immediate) and its directory
// removed always: at the end, on an error, on SIGINT/SIGTERM/SIGHUP.
//
// The server runs with PostgreSQL's default settings (parallel query, JIT and memory as a fresh
// cluster has them), except fsync, synchronous_commit and full_page_writes off, which only speed
// up the load, and autovacuum off (the tables are loaded once and analysed by hand; its workers
// would otherwise vacuum them in the background while the --between command runs). As root
// (initdb and postgres refuse root) the server runs as the user `postgres` (else `nobody`) via
// runuser; the client (node-postgres, the project's `pg`) connects through
// the socket as the cluster's superuser with trust authentication.
//
// Prints one JSON object on stdout: counts, the areas' total planar area in daa, the farmland
// inside them in daa in total and by class, the seconds of each step (cluster = initdb and start;
// load = reading the JSON into tables, make-valid, index, ANALYZE; query = the median of the
// query runs), the plan in short and the versions. With `--per-area FILE` it also writes each
// area's figures to FILE, in the same form as stats_shapely.py's.
//
// With `--between '<argv as JSON>'` a command (scale.bench.ts: our CLI on the same files) runs
// before each query run, timed (`seconds.between_runs`), so the two alternate on the machine as
// it is then; `--between-out FILE` keeps its stdout.
//
// Usage: node bench/peers/stats_postgis.ts <areas.geojson> <ar5.geojson> [--per-area FILE] [--runs N] [--between '["node", …]' [--between-out FILE]]
// Needs PostgreSQL with PostGIS (Debian: apt install postgresql-15-postgis-3). `findPostgis()` is
// what scale.bench.ts uses to decide whether to run it (BENCH_NO_POSTGIS=1 makes it say no).

import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FARMLAND = ['21', '22', '23'] as const;
const EPSG_25832 = ['EPSG:25832', 'urn:ogc:def:crs:EPSG::25832', 'urn:ogc:def:crs:EPSG:6.6:25832', 'http://www.opengis.net/def/crs/EPSG/0/25832'];
const PORT = 5432; // only names the socket file (.s.PGSQL.5432) in the cluster's own directory

export type PostgisProbe = { ok: true; bin: string; share: string } | { ok: false; why: string };

/** PostgreSQL's binaries (initdb, pg_ctl, postgres) and a PostGIS extension for that server. */
export function findPostgis(): PostgisProbe {
  if (process.env.BENCH_NO_POSTGIS) return { ok: false, why: 'BENCH_NO_POSTGIS is set' };
  const dirs: string[] = [];
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) dirs.push(`/usr/lib/postgresql/${v}/bin`);
  const onPath = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim()) dirs.push(onPath.stdout.trim());
  for (const bin of dirs) {
    if (!['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(path.join(bin, b)))) continue;
    const cfg = spawnSync(path.join(bin, 'pg_config'), ['--sharedir'], { encoding: 'utf8' });
    const share = cfg.status === 0 ? cfg.stdout.trim() : path.join('/usr/share/postgresql', path.basename(path.dirname(bin)));
    if (existsSync(path.join(share, 'extension', 'postgis.control'))) return { ok: true, bin, share };
  }
  return { ok: false, why: 'PostGIS not installed' };
}

/** The environment for PostgreSQL's programs, without the caller's PG* settings. */
const cleanEnv = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PG')));

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** A throw-away cluster in a temporary directory: data in dir/data, the socket in dir. */
class Cluster {
  readonly dir: string;
  readonly data: string;
  readonly log: string;
  private readonly bin: string;
  private readonly user: string | null; // the user the server runs as when we are root
  private started = false;
  private gone = false;

  constructor(bin: string) {
    this.bin = bin;
    const root = process.getuid?.() === 0;
    this.user = root ? (spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody') : null;
    // The server's user must reach the directory: /tmp rather than a tmpdir() of root's own.
    const base = root && existsSync('/tmp') ? '/tmp' : tmpdir();
    this.dir = mkdtempSync(path.join(base, 'naering-postgis-'));
    this.data = path.join(this.dir, 'data');
    this.log = path.join(this.dir, 'server.log');
    if (this.user) {
      const id = (flag: string) => Number(spawnSync('id', [flag, this.user as string], { encoding: 'utf8' }).stdout.trim());
      chownSync(this.dir, id('-u'), id('-g'));
    }
  }

  /** Runs one of PostgreSQL's programs (as the server's user when we are root); throws on failure. */
  private run(program: string, args: string[]): string {
    const cmd = path.join(this.bin, program);
    let c = cmd;
    let a = args;
    if (this.user) {
      const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => existsSync(p));
      if (runuser) [c, a] = [runuser, ['-u', this.user, '--', cmd, ...args]];
      else {
        const q = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
        [c, a] = ['su', ['-s', '/bin/sh', this.user, '-c', [cmd, ...args].map(q).join(' ')]];
      }
    }
    const r = spawnSync(c, a, { encoding: 'utf8', env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
    if (r.error || r.status !== 0) throw new Error(`${program} ${args.join(' ')}: exit ${r.status} ${r.error?.message ?? ''}\n${r.stdout}${r.stderr}${this.logTail()}`);
    return r.stdout;
  }

  private logTail(): string {
    try {
      return `\nserver.log:\n${readFileSync(this.log, 'utf8').split('\n').slice(-20).join('\n')}`;
    } catch {
      return '';
    }
  }

  start(): void {
    this.run('initdb', ['-D', this.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    // No autovacuum: the tables are loaded once and ANALYZEd by hand, and its workers would otherwise
    // vacuum them while the --between command runs (taking a core from it, not from the query).
    const opts = [`-k '${this.dir}'`, `-p ${PORT}`, "-c listen_addresses=''", '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c autovacuum=off'];
    this.started = true; // from here on, stop() has something to stop (pg_ctl may fail half-way)
    this.run('pg_ctl', ['-D', this.data, '-l', this.log, '-w', '-t', '120', '-o', opts.join(' '), 'start']);
  }

  /** Stops the server (immediate: the cluster is thrown away) and removes the directory. Synchronous, idempotent. */
  stop(): void {
    if (this.gone) return;
    this.gone = true;
    const pidFile = path.join(this.data, 'postmaster.pid');
    if (this.started && existsSync(pidFile)) {
      try {
        this.run('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', '-t', '60', 'stop']);
      } catch (e) {
        process.stderr.write(`stats_postgis: pg_ctl stop failed, killing the postmaster: ${(e as Error).message}\n`);
      }
      // pg_ctl failed or timed out: the postmaster's pid is the pid file's first line.
      const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : Number.NaN;
      if (pid > 0) {
        for (const sig of ['SIGQUIT', 'SIGKILL'] as const) {
          try {
            process.kill(pid, sig);
          } catch {
            break; // gone
          }
          const until = Date.now() + 5000;
          while (Date.now() < until && existsSync(`/proc/${pid}`)) spawnSync('sleep', ['0.1']);
          if (!existsSync(`/proc/${pid}`)) break;
        }
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A feature's `arealtype` as stats_shapely.py reads it: the first property named arealtype or
 * artype (any case), as Python's str(value).strip(): a string as it is, a number as written. */
const AREALTYPE_SQL = `(SELECT btrim(CASE json_typeof(p.value) WHEN 'string' THEN p.value #>> '{}' ELSE p.value::text END, E' \\t\\n\\r\\f\\v')
   FROM json_each(CASE json_typeof(e.f -> 'properties') WHEN 'object' THEN e.f -> 'properties' END) WITH ORDINALITY AS p(key, value, n)
   WHERE lower(p.key) IN ('arealtype', 'artype') ORDER BY p.n LIMIT 1)`;

/** Polygon and MultiPolygon geometries (NULL for other types), 2D, SRID 25832. */
const GEOM_SQL = `CASE WHEN e.f -> 'geometry' ->> 'type' IN ('Polygon', 'MultiPolygon')
   THEN ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON(e.f -> 'geometry')), 25832) END`;

/** Loads one FeatureCollection's features (its text as $1) into `table`; returns the file's crs name. */
const loadSql = (table: string, columns: string, select: string) => `
  WITH d AS (SELECT $1::json AS doc),
  ins AS (INSERT INTO ${table} (${columns})
    SELECT ${select} FROM d, json_array_elements(d.doc -> 'features') WITH ORDINALITY AS e(f, ord))
  SELECT d.doc #>> '{crs,properties,name}' AS crs FROM d`;

/** The query: per area its planar area, the AR5 polygons intersecting it and the farmland inside it by class. */
export const QUERY_SQL = `
SELECT a.ord, a.id_json, ST_Area(a.geom) AS area_m2, count(f.ord) AS pairs,
  coalesce(sum(ST_Area(ST_Intersection(a.geom, f.geom))) FILTER (WHERE f.arealtype = '21'), 0) AS m2_21,
  coalesce(sum(ST_Area(ST_Intersection(a.geom, f.geom))) FILTER (WHERE f.arealtype = '22'), 0) AS m2_22,
  coalesce(sum(ST_Area(ST_Intersection(a.geom, f.geom))) FILTER (WHERE f.arealtype = '23'), 0) AS m2_23
FROM omrader a
LEFT JOIN ar5 f ON f.arealtype IN ('21', '22', '23') AND ST_Intersects(a.geom, f.geom)
WHERE a.geom IS NOT NULL
GROUP BY a.ord
ORDER BY a.ord`;

/**
 * The same output as the CLI's (`ar5_daa_by_type`, of which farmland by class is a part): per
 * area, the area inside it of every AR5 type, sum(ST_Area(ST_Intersection(area, ar5))) over all
 * the AR5 polygons that ST_Intersects it, grouped by type. Timed apart from QUERY_SQL.
 */
export const ALL_TYPES_QUERY_SQL = `
SELECT a.ord, f.arealtype, sum(ST_Area(ST_Intersection(a.geom, f.geom))) AS m2
FROM omrader a
JOIN ar5 f ON ST_Intersects(a.geom, f.geom)
WHERE a.geom IS NOT NULL
GROUP BY a.ord, f.arealtype
ORDER BY a.ord, f.arealtype`;

interface Row {
  ord: number;
  id_json: string;
  area_m2: number;
  pairs: string;
  m2_21: number;
  m2_22: number;
  m2_23: number;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Join Type'?: string;
  'Workers Planned'?: number;
  Plans?: PlanNode[];
}

/** The plan in one line: node types, outermost first, with their tables and indexes. */
function planText(node: PlanNode): string {
  const what = [node['Join Type'] && `${node['Join Type']} `, node['Node Type'], node['Relation Name'] && ` on ${node['Relation Name']}`, node['Index Name'] && ` using ${node['Index Name']}`, node['Workers Planned'] !== undefined && ` (${node['Workers Planned']} workers)`]
    .filter(Boolean)
    .join('');
  const kids = (node.Plans ?? []).map(planText);
  return kids.length ? `${what} [${kids.join('; ')}]` : what;
}

export interface PostgisResult {
  areas: number;
  ar5_polygons: number;
  farmland_polygons: number;
  candidate_pairs: number;
  repaired: { areas: number; farmland: number };
  area_daa: number;
  farmland_daa: number;
  farmland_daa_by_class: Record<string, number>;
  /** Every AR5 type inside the areas, daa (ALL_TYPES_QUERY_SQL). */
  ar5_daa_by_type: Record<string, number>;
  seconds: {
    cluster: number;
    load: number;
    load_steps: Record<string, number>;
    query: number;
    query_runs: number[];
    all_types_query: number;
    all_types_query_runs: number[];
    /** The `--between` command's runs, one before each query run (null: it failed); empty without it. */
    between_runs: (number | null)[];
    stop: number;
  };
  plan: string;
  jit: boolean;
  settings: Record<string, string>;
  postgres: string;
  postgis: string;
}

/** A command run once before each query run, timed: so a program compared with the query runs alternately with it, on the machine as it is then. */
export interface Between {
  argv: string[];
  /** Where its stdout goes (a file), or nowhere. */
  out: string | null;
}

/** Runs `b` once and gives its wall-clock seconds (null when it fails). */
function runBetween(b: Between): number | null {
  const t = performance.now();
  const r = spawnSync(b.argv[0]!, b.argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 << 20 });
  const s = (performance.now() - t) / 1000;
  if (r.status !== 0) return null;
  if (b.out) writeFileSync(b.out, r.stdout);
  return s;
}

export async function statsPostgis(areasFile: string, ar5File: string, opts: { runs: number; perArea?: string; between?: Between }): Promise<PostgisResult> {
  const found = findPostgis();
  if (!found.ok) throw new Error(found.why);
  const areasText = readFileSync(areasFile, 'utf8');
  const ar5Text = readFileSync(ar5File, 'utf8');
  const { default: pg } = await import('pg');

  const t0 = performance.now();
  const cluster = new Cluster(found.bin);
  const stopOnSignal = (sig: NodeJS.Signals) => {
    cluster.stop();
    process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as Record<string, number>)[sig]!);
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.on(s, stopOnSignal);
  const onExit = () => cluster.stop();
  process.on('exit', onExit);
  let client: InstanceType<typeof pg.Client> | null = null;
  try {
    cluster.start();
    // The caller's PGOPTIONS still applies (e.g. PGOPTIONS='-c jit=off' to try other settings); the rest is fixed here.
    client = new pg.Client({ host: cluster.dir, port: PORT, user: 'postgres', database: 'postgres', ssl: false, application_name: 'stats_postgis' });
    await client.connect();
    const c = client;
    const t1 = performance.now();

    await c.query('CREATE EXTENSION postgis');
    await c.query('CREATE TABLE omrader (ord int PRIMARY KEY, id_json text, geom geometry)');
    await c.query('CREATE TABLE ar5 (ord int PRIMARY KEY, arealtype text, geom geometry)');
    const steps: Record<string, number> = {};
    let t = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      steps[name] = (now - t) / 1000;
      t = now;
    };
    for (const [file, text, sql] of [
      [areasFile, areasText, loadSql('omrader', 'ord, id_json, geom', `e.ord - 1, coalesce(e.f -> 'properties' -> 'id', e.f -> 'id', to_json(e.ord - 1))::text, ${GEOM_SQL}`)],
      [ar5File, ar5Text, loadSql('ar5', 'ord, arealtype, geom', `e.ord - 1, ${AREALTYPE_SQL}, ${GEOM_SQL}`)]
    ] as const) {
      const crs = (await c.query<{ crs: string | null }>(sql, [text])).rows[0]?.crs ?? null;
      if (crs !== null && !EPSG_25832.includes(crs)) throw new Error(`${file}: only EPSG:25832 is handled here (crs ${crs})`);
    }
    lap('read_json');
    // As stats_shapely.py: make_valid on the invalid ones only (of every AR5 type: the second query uses them all).
    const repairedAreas = (await c.query('UPDATE omrader SET geom = ST_MakeValid(geom) WHERE geom IS NOT NULL AND NOT ST_IsValid(geom)')).rowCount ?? 0;
    const repairedAr5 = (await c.query<{ arealtype: string | null }>(`UPDATE ar5 SET geom = ST_MakeValid(geom) WHERE geom IS NOT NULL AND NOT ST_IsValid(geom) RETURNING arealtype`)).rows;
    const repairedFarm = repairedAr5.filter((r) => (FARMLAND as readonly (string | null)[]).includes(r.arealtype)).length;
    lap('make_valid');
    await c.query('CREATE INDEX ar5_geom ON ar5 USING gist (geom)');
    lap('gist_index');
    await c.query('ANALYZE omrader, ar5');
    lap('analyze');
    const t2 = performance.now();

    const counts = (
      await c.query<{ areas: string; ar5: string; farm: string }>(
        `SELECT (SELECT count(*) FROM omrader WHERE geom IS NOT NULL) AS areas, (SELECT count(*) FROM ar5) AS ar5,
                (SELECT count(*) FROM ar5 WHERE arealtype IN ('21', '22', '23') AND geom IS NOT NULL) AS farm`
      )
    ).rows[0]!;
    const explain = (await c.query<{ 'QUERY PLAN': [{ Plan: PlanNode; JIT?: unknown }] }>(`EXPLAIN (FORMAT JSON) ${QUERY_SQL}`)).rows[0]!['QUERY PLAN'][0];
    const settings = Object.fromEntries(
      (await c.query<{ name: string; value: string }>(`SELECT name, current_setting(name) AS value FROM unnest(ARRAY['jit', 'max_parallel_workers_per_gather', 'work_mem', 'shared_buffers', 'autovacuum']) AS name`)).rows.map((r) => [r.name, r.value])
    );
    const versions = (await c.query<{ pg: string; postgis: string }>(`SELECT current_setting('server_version') AS pg, postgis_full_version() AS postgis`)).rows[0]!;

    const runs: number[] = [];
    const betweenRuns: (number | null)[] = [];
    let rows: Row[] = [];
    for (let i = 0; i < opts.runs; i++) {
      if (opts.between) betweenRuns.push(runBetween(opts.between));
      const q = performance.now();
      rows = (await c.query<Row>(QUERY_SQL)).rows;
      runs.push((performance.now() - q) / 1000);
    }
    const allRuns: number[] = [];
    let allRows: { ord: number; arealtype: string | null; m2: number }[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const q = performance.now();
      allRows = (await c.query<{ ord: number; arealtype: string | null; m2: number }>(ALL_TYPES_QUERY_SQL)).rows;
      allRuns.push((performance.now() - q) / 1000);
    }
    await c.end();
    client = null;

    const t3 = performance.now();
    cluster.stop();
    const stopS = (performance.now() - t3) / 1000;

    const byClass = [0, 0, 0];
    let areaM2 = 0;
    let pairs = 0;
    for (const r of rows) {
      areaM2 += r.area_m2;
      pairs += Number(r.pairs);
      byClass[0]! += r.m2_21;
      byClass[1]! += r.m2_22;
      byClass[2]! += r.m2_23;
    }
    if (opts.perArea) {
      const perArea = rows.map((r) => ({ id: JSON.parse(r.id_json) as unknown, area_daa: r.area_m2 / 1000, farmland_daa_by_class: { '21': r.m2_21 / 1000, '22': r.m2_22 / 1000, '23': r.m2_23 / 1000 } }));
      writeFileSync(opts.perArea, JSON.stringify(perArea));
    }
    const byType: Record<string, number> = {};
    for (const r of allRows) if (r.arealtype !== null) byType[r.arealtype] = (byType[r.arealtype] ?? 0) + r.m2 / 1000;
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    return {
      areas: Number(counts.areas),
      ar5_polygons: Number(counts.ar5),
      farmland_polygons: Number(counts.farm),
      candidate_pairs: pairs,
      repaired: { areas: repairedAreas, farmland: repairedFarm },
      area_daa: areaM2 / 1000,
      farmland_daa: (byClass[0]! + byClass[1]! + byClass[2]!) / 1000,
      farmland_daa_by_class: Object.fromEntries(FARMLAND.map((k, i) => [k, byClass[i]! / 1000])),
      ar5_daa_by_type: byType,
      seconds: {
        cluster: r3((t1 - t0) / 1000),
        load: r3((t2 - t1) / 1000),
        load_steps: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, r3(v)])),
        query: r3(median(runs)),
        query_runs: runs.map(r3),
        all_types_query: r3(median(allRuns)),
        all_types_query_runs: allRuns.map(r3),
        between_runs: betweenRuns.map((x) => (x === null ? null : r3(x))),
        stop: r3(stopS)
      },
      plan: planText(explain.Plan),
      jit: explain.JIT !== undefined,
      settings,
      postgres: versions.pg,
      postgis: versions.postgis
    };
  } finally {
    if (client) await client.end().catch(() => undefined);
    cluster.stop();
    process.off('exit', onExit);
    for (const s of signals) process.off(s, stopOnSignal);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const opt = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const files = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (files.length < 2) {
    process.stderr.write('Usage: node bench/peers/stats_postgis.ts <areas.geojson> <ar5.geojson> [--per-area FILE] [--runs N] [--between \'["node", …]\' [--between-out FILE]]\n');
    process.exit(2);
  }
  const runs = Math.max(1, Number(opt('--runs') ?? process.env.BENCH_RUNS ?? 3) || 1);
  try {
    const betweenArgv = opt('--between');
    const between = betweenArgv ? { argv: JSON.parse(betweenArgv) as string[], out: opt('--between-out') ?? null } : undefined;
    const out = await statsPostgis(files[0]!, files[1]!, { runs, perArea: opt('--per-area'), between });
    process.stdout.write(JSON.stringify(out) + '\n');
  } catch (e) {
    process.stderr.write(`stats_postgis: ${(e as Error).message}\n`);
    process.exit(1);
  }
}
