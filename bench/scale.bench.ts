// `stats --farmland` at whole-kommune scale: 5 120 næringsareal areas of 16–64 vertices over an
// AR5-like tessellation of about 50 000 polygons covering 20 × 30 km (bench/gen-kommune.ts,
// seeded, so anyone can reproduce the table). Ours is the bundled CLI run as a user runs it
// (`node build-cli/cli.mjs stats <omrader> --farmland <ar5>`, output to a file), timed from
// process start to exit, with its peak memory (max RSS, from `/usr/bin/time -f %M`, else from
// a `--import` hook that writes process.resourceUsage().maxRSS at exit). The peer, when
// installed, is the same computation in Python with shapely (bench/peers/stats_shapely.py);
// runs are paired, ours and the peer alternating, medians reported. One more run in-process
// (readAreaFile and runStats as scripts/cli.ts calls them) splits ours into reading, stats
// (overlap and the rest) and writing; BENCH_PROFILE=1 also profiles it (node --cpu-prof) and
// prints the ten functions with the most self time. The figures (total area, farmland by
// class) must agree with shapely's to the CLI's rounding (3 decimals of daa per area).
// Goal: ours ≤ 0.5 × shapely. BENCH_RUNS (3) sets the runs, BENCH_KEEP=1 keeps the files.
//
// When PostgreSQL with PostGIS is installed (findPostgis in bench/peers/stats_postgis.ts), the
// PostGIS peer runs once on the same files after ours and shapely's: a throw-away cluster, both
// files loaded and the AR5 GiST-indexed and analysed (the load, timed apart), then the spatial-join
// query timed BENCH_RUNS times (median). Its figures are checked against ours (and shapely's).
// Goal: ours (the whole process) ≤ 0.7 × the PostGIS query, with ours run again before each
// query run (`scale64_postgis_paired_stats_runs_s`), so the two
// are timed on the machine as it is then, as ours and shapely alternate; the ratio to
// scale64_stats_s, timed earlier, is printed too (`…_unpaired`). That query gives
// farmland only; the CLI gives every AR5 type too, so the query for that same output is timed
// apart and printed with its ratio (`scale64_ratio_vs_postgis_all_types_query`), with no goal of
// its own. Without PostGIS
// (or with BENCH_NO_POSTGIS=1) it prints `scale64_postgis_query_s: skipped (…)` and no target.
//
// Run: node --expose-gc bench/scale.bench.ts

import { spawnSync } from 'node:child_process';
import { closeSync, createWriteStream, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { writeKommune } from './gen-kommune.ts';
import { findPostgis, type PostgisResult } from './peers/stats_postgis.ts';
import { summarize } from './random.ts';

const root = path.resolve(import.meta.dirname, '..');
const self = fileURLToPath(import.meta.url);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const CLASSES = ['21', '22', '23'] as const;

/** The in-process run: read, stats and write timed apart (the child prints one JSON line). */
async function inProcess(omrader: string, ar5: string, outFile: string, parts: boolean): Promise<void> {
  const t0 = performance.now();
  const { readAreaFile } = await import('../src/lib/io/read-file.ts');
  const { runStats } = await import('../src/lib/cli/stats.ts');
  const { jsonPieces, writeChunked } = await import('../src/lib/cli/json-stream.ts');
  const t1 = performance.now();
  const read = async (file: string) => {
    const r = await readAreaFile(new Uint8Array(readFileSync(file)), file, {});
    if (!r.ok) throw new Error(r.message);
    return r;
  };
  const areas = await read(omrader);
  const t2 = performance.now();
  const farmland = await read(ar5);
  const t3 = performance.now();
  const geodata = (name: string) => JSON.parse(readFileSync(path.join(root, 'geodata', 'kilder', name), 'utf8')) as FeatureCollection;
  const output = runStats({ areas, farmland, stations: geodata('stasjoner.geojson'), roads: geodata('veger.geojson') });
  const t4 = performance.now();
  const sink = createWriteStream(outFile);
  await writeChunked(
    (function* () {
      yield* jsonPieces(output, 2);
      yield '\n';
    })(),
    sink
  );
  await new Promise<void>((resolve) => sink.end(resolve));
  const t5 = performance.now();
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const s = (a: number, b: number) => (b - a) / 1000;

  // After the measured run (and not when profiling): the two overlaps runStats makes (farmland by
  // class for jordvern, and every AR5 type for ar5_daa_by_type), each with its index, timed apart.
  const { buildOverlapIndex, overlapByKey } = await import('../src/lib/geo/overlap.ts');
  const { ar5Arealtype, ar5Jordbruksklasse } = await import('../seeds/ar5.ts');
  const { ar5ArealtypeOf } = await import('../src/lib/io/mapping.ts');
  const overlapAll = (key: (v: unknown) => string | null) => {
    const t = performance.now();
    const items = farmland.areas.flatMap((a) => {
      const k = key(ar5ArealtypeOf(a.properties));
      return k ? [{ geometry: a.geometry25832, key: k }] : [];
    });
    const index = buildOverlapIndex(items);
    let candidates = 0;
    for (const a of areas.areas) candidates += overlapByKey(index, a.geometry25832).candidates;
    return { s: (performance.now() - t) / 1000, candidates };
  };
  const farmOnly = parts ? overlapAll(ar5Jordbruksklasse) : null;
  const allTypes = parts ? overlapAll(ar5Arealtype) : null;
  process.stdout.write(
    JSON.stringify({
      import_s: s(t0, t1),
      read_areas_s: s(t1, t2),
      read_ar5_s: s(t2, t3),
      stats_s: s(t3, t4),
      write_s: s(t4, t5),
      peakMb,
      farmland_overlap_s: farmOnly?.s ?? null,
      farmland_candidates: farmOnly?.candidates ?? null,
      all_types_overlap_s: allTypes?.s ?? null,
      all_types_candidates: allTypes?.candidates ?? null
    }) + '\n'
  );
}

/** Top `n` functions by self time in a .cpuprofile (ms), as `name (file:line)`. */
function topSelf(file: string, n: number): { ms: number; pct: number; what: string }[] {
  interface Node {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }
  const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  const byNode = new Map(prof.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const cf = byNode.get(id)?.callFrame;
    const dt = (prof.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    if (!cf) return;
    const file = cf.url.startsWith('file:') ? path.relative(root, fileURLToPath(cf.url)) : cf.url;
    const where = file ? `${file}:${cf.lineNumber + 1}` : '';
    const key = `${cf.functionName || '(anonymous)'}${where ? ` (${where})` : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([what, ms]) => ({ ms, pct: (100 * ms) / total, what }));
}

interface Run {
  s: number;
  rssMb: number | null;
  stdout: string;
}

if (process.argv[2] === '--case') {
  await inProcess(process.argv[3] as string, process.argv[4] as string, process.argv[5] as string, process.argv[6] !== '--no-parts');
} else {
  const node = process.execPath;
  const hasTime = existsSync('/usr/bin/time');
  const dir = mkdtempSync(path.join(tmpdir(), 'naering-scale-'));
  // Without /usr/bin/time, a Node process reports its own peak at exit through this hook.
  const rssHook = `data:text/javascript,${encodeURIComponent(
    "import { writeFileSync } from 'node:fs'; process.on('exit', () => writeFileSync(process.env.SCALE_RSS_FILE, String(process.resourceUsage().maxRSS)));"
  )}`;

  /** Runs a command from start to exit, stdout to `outFile` (or captured), with its wall time and max RSS. */
  const measure = (cmd: string, args: string[], outFile: string | null, isNode: boolean): Run | null => {
    const rssFile = path.join(dir, 'rss.txt');
    rmSync(rssFile, { force: true });
    const [c, a] = hasTime ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, cmd, ...args]] : isNode ? [cmd, ['--import', rssHook, ...args]] : [cmd, args];
    const fd = outFile ? openSync(outFile, 'w') : null;
    const t = performance.now();
    const r = spawnSync(c, a, { cwd: root, stdio: ['ignore', fd ?? 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, SCALE_RSS_FILE: rssFile }, maxBuffer: 64 << 20 });
    const s = (performance.now() - t) / 1000;
    if (fd !== null) closeSync(fd);
    if (r.error || r.status !== 0) {
      process.stderr.write(`${[cmd, ...args].join(' ')}: exit ${r.status} ${r.error?.message ?? ''}\n${r.stderr}\n`);
      return null;
    }
    const kb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : Number.NaN;
    return { s, rssMb: Number.isFinite(kb) ? kb / 1024 : null, stdout: r.stdout ?? '' };
  };

  try {
    // Ours: the bundle, built here when it is missing or broken (others may be rebuilding it).
    const bundle = path.join(root, 'build-cli', 'cli.mjs');
    const works = () => existsSync(bundle) && spawnSync(node, [bundle, 'help'], { stdio: 'ignore' }).status === 0;
    let cliLabel = 'build-cli/cli.mjs (bundled)';
    let cliEntry = bundle;
    if (!works()) {
      try {
        // @ts-ignore: a plain JavaScript build script (typed or not, depending on the checker's settings)
        const { buildCli } = (await import('../scripts/build-cli.mjs')) as { buildCli: (outDir?: string) => Promise<void> };
        await buildCli();
        cliLabel = 'build-cli/cli.mjs (built by this bench)';
      } catch (e) {
        process.stderr.write(`build-cli failed: ${(e as Error).message}\n`);
      }
      if (!works()) {
        cliEntry = path.join(root, 'scripts', 'cli.ts');
        cliLabel = 'scripts/cli.ts (no bundle: TypeScript by type stripping, slower start)';
      }
    }

    const tg = performance.now();
    const set = writeKommune(dir);
    const generateS = (performance.now() - tg) / 1000;
    (globalThis as { gc?: () => void }).gc?.(); // the generator's strings, before the measured runs
    const mb = (f: string) => (statSync(f).size / 1e6).toFixed(1);

    // The peer needs shapely 2 (Debian 12's python3-shapely is 1.8).
    const probe = spawnSync('python3', ['-c', 'import shapely; print(shapely.__version__)'], { encoding: 'utf8' });
    const shapelyVersion = probe.status === 0 ? probe.stdout.trim() : null;
    const hasShapely = shapelyVersion !== null && Number(shapelyVersion.split('.')[0]) >= 2;
    const peerScript = path.join(root, 'bench', 'peers', 'stats_shapely.py');
    const oursOut = path.join(dir, 'stats.json');
    const peerPerArea = path.join(dir, 'shapely-per-area.json');
    const ours = () => measure(node, [cliEntry, 'stats', set.omrader, '--farmland', set.ar5], oursOut, true);
    const peer = () => measure('python3', [peerScript, set.omrader, set.ar5, '--per-area', peerPerArea], null, false);

    const oursRuns: Run[] = [];
    const peerRuns: Run[] = [];
    let peerOk = hasShapely;
    for (let i = 0; i < RUNS; i++) {
      for (const which of i % 2 ? ['peer', 'ours'] : ['ours', 'peer']) {
        if (which === 'ours') {
          const r = ours();
          if (!r) throw new Error('stats failed');
          oursRuns.push(r);
        } else if (peerOk) {
          const r = peer();
          if (r) peerRuns.push(r);
          else peerOk = false;
        }
      }
    }

    // The split, in-process (optionally profiled).
    const profDir = path.join(dir, 'prof');
    const profile = Boolean(process.env.BENCH_PROFILE);
    const split = spawnSync(node, [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), self, '--case', set.omrader, set.ar5, path.join(dir, 'stats-inprocess.json'), profile ? '--no-parts' : '--parts'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 20
    });
    if (split.status !== 0) throw new Error(`in-process run: ${split.stderr}`);
    const sp = JSON.parse(split.stdout.trim()) as {
      import_s: number;
      read_areas_s: number;
      read_ar5_s: number;
      stats_s: number;
      write_s: number;
      peakMb: number;
      farmland_overlap_s: number | null;
      farmland_candidates: number | null;
      all_types_overlap_s: number | null;
      all_types_candidates: number | null;
    };

    // The PostGIS peer, once, after ours and shapely's (its own process: it starts and stops a cluster).
    const postgis = findPostgis();
    const pgPerArea = path.join(dir, 'postgis-per-area.json');
    let pgResult: PostgisResult | null = null;
    let pgWhy = postgis.ok ? '' : `skipped (${postgis.why})`;
    if (postgis.ok) {
      // Ours runs again before each query run, so the ratio compares the two on the machine as it is then.
      const between = JSON.stringify([node, cliEntry, 'stats', set.omrader, '--farmland', set.ar5]);
      const pgPeer = spawnSync(node, [path.join(root, 'bench', 'peers', 'stats_postgis.ts'), set.omrader, set.ar5, '--per-area', pgPerArea, '--runs', String(RUNS), '--between', between, '--between-out', path.join(dir, 'stats-between.json')], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 16 << 20
      });
      if (pgPeer.status === 0) pgResult = JSON.parse(pgPeer.stdout.trim()) as PostgisResult;
      else {
        process.stderr.write(`stats_postgis.ts: exit ${pgPeer.status} ${pgPeer.error?.message ?? ''}\n${pgPeer.stderr}\n`);
        pgWhy = 'skipped (PostGIS peer failed; see stderr)';
      }
    }

    const median = (runs: Run[]) => summarize(runs.map((r) => r.s)).median;
    // Ours' figures (each area rounded by the CLI to 3 decimals of daa), for the peers' checks.
    interface OutFeature {
      id: string;
      area_daa: number;
      farmland_daa_by_class: Record<string, number> | null;
    }
    interface PeerArea {
      id: string;
      area_daa: number;
      farmland_daa_by_class: Record<string, number>;
    }
    const out = JSON.parse(readFileSync(oursOut, 'utf8')) as { features: OutFeature[]; totals: { area_daa: number; ar5_daa_by_type: Record<string, number> | null } };
    const round3 = (v: number) => Math.round(v * 1000) / 1000;
    const oursByClass = Object.fromEntries(CLASSES.map((k) => [k, round3(out.features.reduce((t, f) => t + (f.farmland_daa_by_class?.[k] ?? 0), 0))]));
    // Rounding each of n areas to 3 decimals moves a sum by at most n × 0.0005 daa.
    const totalBound = out.features.length * 0.0005 + 1e-6;
    /** The largest difference between ours and a peer's figures, area by area (the peer's per-area file). */
    const worstByArea = (peer: PeerArea[], name: string) => {
      const byId = new Map(peer.map((r) => [String(r.id), r]));
      let worst = { d: 0, what: '' };
      let missing = 0;
      for (const f of out.features) {
        const p = byId.get(f.id);
        if (!p) {
          missing++;
          continue;
        }
        const pairs: [string, number, number][] = [['area', f.area_daa, p.area_daa], ...CLASSES.map((k): [string, number, number] => [k, f.farmland_daa_by_class?.[k] ?? 0, p.farmland_daa_by_class[k] ?? 0])];
        for (const [k, a, b] of pairs) if (Math.abs(a - b) > worst.d) worst = { d: Math.abs(a - b), what: `${f.id} ${k}: ours ${a}, ${name} ${b.toFixed(6)}` };
      }
      return { ...worst, missing, extra: peer.length - (out.features.length - missing) };
    };
    let shapelyTotals: { area_daa: number; farmland_daa_by_class: Record<string, number>; candidate_pairs: number } | null = null;
    const oursS = median(oursRuns);
    const oursRss = summarize(oursRuns.map((r) => r.rssMb ?? Number.NaN)).median;
    const c = set.counts;
    console.log(`scale64_cli: ${cliLabel}`);
    console.log(`scale64_peak_rss_method: ${hasTime ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS at exit (node --import hook)'}`);
    console.log(`scale64_runs: ${RUNS}${peerOk ? ' paired (ours and shapely alternating)' : ''}`);
    console.log(`scale64_generate_s: ${generateS.toFixed(2)}`);
    console.log(`scale64_areas: ${c.areas}`);
    console.log(`scale64_area_vertices: ${c.areaVerticesMin}–${c.areaVerticesMax}`);
    console.log(`scale64_ar5_polygons: ${c.ar5Polygons}`);
    console.log(`scale64_ar5_farmland_polygons: ${(c.ar5ByType['21'] ?? 0) + (c.ar5ByType['22'] ?? 0) + (c.ar5ByType['23'] ?? 0)}`);
    console.log(`scale64_files_mb: omrader ${mb(set.omrader)}, ar5 ${mb(set.ar5)}`);
    console.log(`scale64_stats_s: ${oursS.toFixed(2)}`);
    console.log(`scale64_stats_runs_s: ${oursRuns.map((r) => r.s.toFixed(2)).join(', ')}`);
    console.log(`scale64_peak_rss_mb: ${Number.isFinite(oursRss) ? oursRss.toFixed(0) : 'unknown'}`);
    console.log('scale64_cli_threads: 2 (the CLI reads AR5 and overlaps half the areas on a worker thread, scripts/cli-ar5.ts; the in-process split below is one thread)');
    console.log(`scale64_read_s: ${(sp.read_areas_s + sp.read_ar5_s).toFixed(2)} (areas ${sp.read_areas_s.toFixed(2)}, ar5 ${sp.read_ar5_s.toFixed(2)}; in-process)`);
    console.log(`scale64_overlap_s: ${sp.stats_s.toFixed(2)} (runStats: overlap and the other per-area figures; in-process)`);
    if (sp.farmland_overlap_s !== null && sp.all_types_overlap_s !== null) {
      console.log(
        `scale64_overlap_parts_s: farmland 21/22/23 ${sp.farmland_overlap_s.toFixed(2)} (${sp.farmland_candidates} candidates), every AR5 type ${sp.all_types_overlap_s.toFixed(2)} (${sp.all_types_candidates} candidates); each with its index, timed apart after the run`
      );
    }
    console.log(`scale64_write_s: ${sp.write_s.toFixed(2)} (JSON output; in-process)`);
    console.log(`scale64_inprocess_peak_rss_mb: ${sp.peakMb.toFixed(0)} (TypeScript sources by type stripping, module load ${sp.import_s.toFixed(2)} s)`);

    if (!peerOk || peerRuns.length === 0) {
      const why = hasShapely
        ? 'skipped (shapely peer failed; see stderr)'
        : shapelyVersion
          ? `skipped (shapely ${shapelyVersion} found, the peer needs shapely 2)`
          : 'skipped (python3/shapely not found)';
      console.log(`scale64_shapely_s: ${why}`);
      console.log(`scale64_ratio_vs_shapely: ${why}`);
      console.log(`scale64_agrees_with_shapely: ${why}`);
      console.log(`target_scale64_half_shapely: ${why}`);
    } else {
      const peerS = median(peerRuns);
      const peerRss = summarize(peerRuns.map((r) => r.rssMb ?? Number.NaN)).median;
      const last = JSON.parse((peerRuns.at(-1) as Run).stdout.trim()) as {
        area_daa: number;
        farmland_daa_by_class: Record<string, number>;
        candidate_pairs: number;
        seconds: Record<string, number>;
        max_rss_mb: number;
        shapely: string;
        geos: string;
      };
      console.log(`scale64_shapely_s: ${peerS.toFixed(2)}`);
      console.log(`scale64_shapely_runs_s: ${peerRuns.map((r) => r.s.toFixed(2)).join(', ')}`);
      console.log(`scale64_shapely_steps_s: ${Object.entries(last.seconds).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')} (shapely ${last.shapely}, GEOS ${last.geos})`);
      console.log(`scale64_shapely_peak_rss_mb: ${(Number.isFinite(peerRss) ? peerRss : last.max_rss_mb).toFixed(0)}`);
      console.log(`scale64_ratio_vs_shapely: ${(oursS / peerS).toFixed(2)}x`);

      // The figures: totals, and area by area (each rounded by the CLI to 3 decimals of daa).
      const perArea = JSON.parse(readFileSync(peerPerArea, 'utf8')) as PeerArea[];
      const totals: [string, number, number][] = [['area', out.totals.area_daa, last.area_daa], ...CLASSES.map((k): [string, number, number] => [k, oursByClass[k] ?? 0, last.farmland_daa_by_class[k] ?? 0])];
      for (const [k, a, b] of totals) console.log(`scale64_${k === 'area' ? 'total_area' : `farmland_${k}`}_daa: ours ${a.toFixed(3)}, shapely ${b.toFixed(3)}`);
      const worstTotal = totals.reduce((w, [k, a, b]) => (Math.abs(a - b) > w.d ? { d: Math.abs(a - b), k } : w), { d: 0, k: '' });
      const worstArea = worstByArea(perArea, 'shapely');
      const { missing } = worstArea;
      shapelyTotals = last;
      const agrees = worstTotal.d <= totalBound && worstArea.d <= 0.0005 + 1e-6 && missing === 0 && perArea.length === out.features.length;
      console.log(
        `scale64_agrees_with_shapely: ${agrees ? 'yes' : 'no'} (largest difference in the totals ${worstTotal.d.toFixed(4)} daa (${worstTotal.k}), rounding bound ${totalBound.toFixed(2)}; area by area ${worstArea.d.toFixed(6)} daa (${worstArea.what}), bound 0.0005${missing ? `; ${missing} areas missing in shapely's` : ''})`
      );
      console.log(`target_scale64_half_shapely: ${oursS <= 0.5 * peerS ? 'ok' : 'MISSED'}`);
    }
    if (!pgResult) console.log(`scale64_postgis_query_s: ${pgWhy}`);
    else {
      const pg = pgResult;
      const versions = (/POSTGIS="([^ "]+)/.exec(pg.postgis)?.[1] ?? '?') + `, GEOS ${/GEOS="([^-"]+)/.exec(pg.postgis)?.[1] ?? '?'}`;
      console.log(`scale64_postgis: PostgreSQL ${pg.postgres}, PostGIS ${versions}; ${Object.entries(pg.settings).map(([k, v]) => `${k} ${v}`).join(', ')} (in effect: a new cluster's defaults unless PGOPTIONS sets others)`);
      console.log(`scale64_postgis_query_s: ${pg.seconds.query.toFixed(2)}`);
      console.log(`scale64_postgis_query_runs_s: ${pg.seconds.query_runs.map((s) => s.toFixed(2)).join(', ')}`);
      console.log(`scale64_postgis_plan: ${pg.plan}${pg.jit ? ' (with JIT)' : ''}`);
      console.log(
        `scale64_postgis_load_s: ${pg.seconds.load.toFixed(2)} (${Object.entries(pg.seconds.load_steps).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}; initdb and start ${pg.seconds.cluster.toFixed(2)} apart; repaired ${pg.repaired.areas} areas, ${pg.repaired.farmland} farmland polygons)`
      );
      // The ratio from ours run alternately with the query (the same machine state for both); without those runs, from ours above.
      const paired = pg.seconds.between_runs.filter((x): x is number => x !== null);
      const pairedOk = paired.length === pg.seconds.between_runs.length && paired.length > 0;
      const oursVsPg = pairedOk ? summarize(paired).median : oursS;
      console.log(`scale64_postgis_paired_stats_runs_s: ${pairedOk ? `${paired.map((x) => x.toFixed(2)).join(', ')} (ours, run before each query run; median ${oursVsPg.toFixed(2)})` : 'failed (the ratio is from the runs above)'}`);
      console.log(`scale64_ratio_vs_postgis_query: ${(oursVsPg / pg.seconds.query).toFixed(2)}x`);
      console.log(`scale64_ratio_vs_postgis_query_unpaired: ${(oursS / pg.seconds.query).toFixed(2)}x (scale64_stats_s, run before the PostGIS peer)`);
      const shp = shapelyTotals;
      const pgTotals: [string, number, number, number | null][] = [
        ['total_area', pg.area_daa, out.totals.area_daa, shp?.area_daa ?? null],
        ...CLASSES.map((k): [string, number, number, number | null] => [`farmland_${k}`, pg.farmland_daa_by_class[k] ?? 0, oursByClass[k] ?? 0, shp?.farmland_daa_by_class[k] ?? null])
      ];
      for (const [k, p, o, s] of pgTotals) console.log(`scale64_postgis_${k}_daa: postgis ${p.toFixed(3)}, ours ${o.toFixed(3)}${s === null ? '' : `, shapely ${s.toFixed(3)}`}`);
      console.log(`scale64_postgis_pairs: ${pg.candidate_pairs} area–farmland pairs intersecting${shp ? ` (shapely ${shp.candidate_pairs})` : ''}; ${pg.areas} areas, ${pg.farmland_polygons} of ${pg.ar5_polygons} AR5 polygons farmland`);
      const worstTotal = pgTotals.reduce((w, [k, p, o]) => (Math.abs(p - o) > w.d ? { d: Math.abs(p - o), k } : w), { d: 0, k: '' });
      const vsShapely = shp ? pgTotals.reduce((w, [, p, , s]) => Math.max(w, Math.abs(p - (s ?? p))), 0) : null;
      const pgArea = worstByArea(JSON.parse(readFileSync(pgPerArea, 'utf8')) as PeerArea[], 'postgis');
      // Against ours: the CLI's rounding bounds, as for shapely. Against shapely (both unrounded): 0.01 daa in each total.
      const agrees = worstTotal.d <= totalBound && pgArea.d <= 0.0005 + 1e-6 && pgArea.missing === 0 && pgArea.extra === 0 && (vsShapely === null || vsShapely <= 0.01);
      console.log(
        `scale64_agrees_with_postgis: ${agrees ? 'yes' : 'no'} (largest difference from ours in the totals ${worstTotal.d.toFixed(4)} daa (${worstTotal.k}), rounding bound ${totalBound.toFixed(2)}; area by area ${pgArea.d.toFixed(6)} daa (${pgArea.what}), bound 0.0005${pgArea.missing ? `; ${pgArea.missing} areas missing in PostGIS's` : ''}${vsShapely === null ? '' : `; from shapely's totals ${vsShapely.toExponential(1)} daa, bound 0.01`})`
      );
      console.log(`target_scale64_07_postgis_query: ${oursVsPg <= 0.7 * pg.seconds.query ? 'ok' : 'MISSED'}`);
      // The query above gives farmland only; the CLI also gives every AR5 type. For the same output, apart (no target).
      const typesPg = Object.values(pg.ar5_daa_by_type).reduce((t, v) => t + v, 0);
      const typesOurs = Object.values(out.totals.ar5_daa_by_type ?? {}).reduce((t, v) => t + v, 0);
      console.log(`scale64_postgis_all_types_query_s: ${pg.seconds.all_types_query.toFixed(2)} (runs ${pg.seconds.all_types_query_runs.map((s) => s.toFixed(2)).join(', ')}; every AR5 type inside each area, the CLI's whole output, bench/peers/stats_postgis.ts ALL_TYPES_QUERY_SQL)`);
      console.log(`scale64_ratio_vs_postgis_all_types_query: ${(oursVsPg / pg.seconds.all_types_query).toFixed(2)}x`);
      console.log(`scale64_postgis_all_types_daa: postgis ${typesPg.toFixed(3)}, ours ${typesOurs.toFixed(3)} (${Object.keys(pg.ar5_daa_by_type).length} AR5 types)`);
    }

    if (profile) {
      const prof = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
      if (prof) {
        console.log('scale64_profile_top10_self (in-process run):');
        for (const t of topSelf(path.join(profDir, prof), 10)) console.log(`  ${t.ms.toFixed(0).padStart(6)} ms ${t.pct.toFixed(1).padStart(5)} %  ${t.what}`);
      }
    }
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(dir);
  }
}
