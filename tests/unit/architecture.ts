// The architecture rules of docs/architecture.md as data, and a checker that reads the import
// statements of every source file. Used by architecture.test.ts on the real tree and on a small
// fixture tree that breaks each rule (so the test is shown to fail on a forbidden import).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Where an import points: a package name, or a folder of the project ('geo', 'ui', 'routes', 'seeds' …). */
export type Target = { kind: 'package'; name: string } | { kind: 'folder'; name: string };

/** One rule: files in `folder` may not import any of `forbidden` (folders of the project or packages). */
export interface Rule {
  folder: string;
  forbidden: readonly string[];
  /** When set, the only project folders (and packages) the folder may import. */
  only?: readonly string[];
  why: string;
}

const ENGINE_FORBIDDEN = ['svelte', 'maplibre-gl', '$app', 'state', 'ui', 'map', 'routes'];

/** Folders of the engine (pure TypeScript, run by the CLI): they may not import any Svelte file or rune module. */
export const ENGINE = ['seeds', 'geo', 'domain', 'io', 'scenario', 'cli', 'data', 'geodata', 'server'];

/** The rules, one per folder (see the table in docs/architecture.md). */
export const RULES: readonly Rule[] = [
  { folder: 'seeds', forbidden: [...ENGINE_FORBIDDEN, 'geo', 'domain', 'io', 'scenario', 'data', 'cli', 'server', 'i18n'], why: 'the plan figures depend on nothing' },
  { folder: 'geo', forbidden: [...ENGINE_FORBIDDEN, 'domain', 'io', 'scenario', 'data', 'cli', 'server', '$lib'], why: 'pure geometry: GeoJSON in, plain data out' },
  { folder: 'domain', forbidden: [...ENGINE_FORBIDDEN, 'io', 'scenario', 'data', 'cli', 'server', '$lib'], why: 'pure plan logic' },
  { folder: 'io', forbidden: [...ENGINE_FORBIDDEN, 'scenario', 'data', 'server', '$lib'], why: 'readers run in the CLI and a worker' },
  { folder: 'scenario', forbidden: [...ENGINE_FORBIDDEN, 'server', '$lib'], why: 'change-sets are data' },
  { folder: 'cli', forbidden: [...ENGINE_FORBIDDEN, 'server', '$lib'], why: 'runs in Node from TypeScript' },
  { folder: 'data', forbidden: [...ENGINE_FORBIDDEN, 'server'], why: 'data shaping, no UI' },
  { folder: 'geodata', forbidden: [...ENGINE_FORBIDDEN, 'server'], why: 'builds the data file' },
  { folder: 'server', forbidden: ['svelte', 'maplibre-gl', 'state', 'ui', 'map'], why: 'server only' },
  { folder: 'layers', forbidden: [...ENGINE_FORBIDDEN, 'seeds', 'server', '$lib'], why: 'the layer catalogue is data; seed figures come through domain/norms' },
  { folder: 'i18n', forbidden: ['maplibre-gl', 'state', 'ui', 'map', 'routes', 'server'], why: 'texts and formats' },
  { folder: 'state', forbidden: ['maplibre-gl', 'ui', 'map', 'routes', 'server'], why: 'rune classes: no map, no components' },
  { folder: 'ui', forbidden: ['maplibre-gl', 'seeds', 'routes', 'server'], why: 'components get figures through domain and props' },
  { folder: 'map', forbidden: ['routes', 'server', 'ui'], why: 'the one owner of MapLibre' },
  {
    folder: 'routes',
    forbidden: ['maplibre-gl'],
    only: ['state', 'ui', 'data', 'i18n', 'server', 'svelte', '$app', '@sveltejs/kit'],
    why: 'thin pages compose state and ui'
  }
];

/** The import specifiers of a source file (.ts, or the script blocks of a .svelte file). */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of source.matchAll(re)) out.push((m[1] ?? m[2]) as string);
  return out;
}

/** The folder or package an import points to, seen from a file (paths relative to the project root). */
export function targetOf(spec: string, fromFile: string): Target {
  let resolved: string | null = null;
  if (spec.startsWith('$lib/')) resolved = path.join('src/lib', spec.slice(5));
  else if (spec.startsWith('$seeds/')) resolved = path.join('seeds', spec.slice(7));
  else if (spec === '$lib') resolved = 'src/lib';
  else if (spec.startsWith('.')) resolved = path.normalize(path.join(path.dirname(fromFile), spec));
  if (resolved === null) {
    if (spec.startsWith('$app')) return { kind: 'package', name: '$app' };
    const parts = spec.split('/');
    return { kind: 'package', name: spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string) };
  }
  return { kind: 'folder', name: folderOf(resolved) };
}

/** The rule folder of a path: `src/lib/<x>/…` → x, `src/routes/…` → routes, `seeds/…` → seeds. */
export function folderOf(file: string): string {
  const p = file.split(path.sep).join('/');
  if (p.startsWith('src/routes')) return 'routes';
  if (p.startsWith('src/lib/')) return p.slice('src/lib/'.length).split('/')[0] as string;
  if (p === 'src/lib') return 'lib';
  return p.split('/')[0] as string;
}

/** A broken rule: the file, what it imports, and the rule. */
export interface Violation {
  file: string;
  spec: string;
  rule: string;
}

function walk(dir: string, out: string[]): string[] {
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|svelte)$/.test(e)) out.push(p);
  }
  return out;
}

/**
 * Every import under `root` (its `src/` and `seeds/`) that breaks a rule. Tests (`*.test.ts`,
 * `*.test-helper.ts`) are left out: they may reach across folders to check them.
 */
export function violations(root: string, rules: readonly Rule[] = RULES): Violation[] {
  const files = ['src', 'seeds'].flatMap((d) => {
    try {
      return walk(path.join(root, d), []);
    } catch {
      return [];
    }
  });
  const out: Violation[] = [];
  for (const abs of files) {
    const file = path.relative(root, abs);
    if (/\.test(-helper)?\.ts$/.test(file)) continue;
    const folder = folderOf(file);
    const rule = rules.find((r) => r.folder === folder);
    if (!rule) continue;
    for (const spec of importsOf(readFileSync(abs, 'utf8'))) {
      if (/\.css$/.test(spec)) continue;
      const t = targetOf(spec, file);
      if (t.kind === 'folder' && t.name === folder) continue;
      const name = spec.startsWith('$lib') && t.kind === 'folder' && rule.forbidden.includes('$lib') ? '$lib' : t.name;
      const svelteFile = ENGINE.includes(folder) && /\.svelte(\.ts)?$/.test(spec);
      const bad = svelteFile || rule.forbidden.includes(name) || rule.forbidden.includes(t.name) || (rule.only !== undefined && !rule.only.includes(t.name));
      if (bad) out.push({ file: file.split(path.sep).join('/'), spec, rule: `${rule.folder}: ${rule.why}` });
    }
  }
  return out;
}
