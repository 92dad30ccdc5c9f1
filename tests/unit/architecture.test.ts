import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderOf, importsOf, RULES, targetOf, violations } from './architecture.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('the architecture of docs/architecture.md holds', () => {
  it('no file under src/ or seeds/ imports what its folder may not import', () => {
    expect(violations(root).map((v) => `${v.file} → ${v.spec} (${v.rule})`)).toEqual([]);
  });

  it('every folder under src/lib has a rule', () => {
    const folders = new Set(RULES.map((r) => r.folder));
    for (const f of ['geo', 'domain', 'io', 'scenario', 'cli', 'data', 'geodata', 'server', 'i18n', 'state', 'ui', 'map', 'layers']) expect(folders.has(f)).toBe(true);
  });
});

describe('the check fails on a forbidden import (a fixture tree that breaks four rules)', () => {
  it('finds exactly the broken rules and passes the kept one', () => {
    const found = violations(path.join(root, 'tests/fixtures/architecture')).map((v) => [v.file, v.spec]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['src/lib/geo/bad.ts', 'maplibre-gl'],
        ['src/lib/domain/bad.ts', '../state/view.svelte.ts'],
        ['src/lib/ui/Bad.svelte', '$seeds/plan.ts'],
        ['src/routes/+page.svelte', '$lib/geo/area.ts']
      ])
    );
    expect(found).toHaveLength(4);
  });
});

describe('reading imports', () => {
  it('reads import, import type, export from, side-effect and dynamic imports', () => {
    const src = `import a from 'x';\nimport type { B } from "../y.ts";\nexport { c } from './z.ts';\nimport './side.css';\nconst m = await import('maplibre-gl');\nimport {\n  d,\n  e\n} from '$lib/geo/area.ts';`;
    expect(importsOf(src)).toEqual(['x', '../y.ts', './z.ts', './side.css', '$lib/geo/area.ts', 'maplibre-gl'].sort((p, q) => src.indexOf(p) - src.indexOf(q)));
  });

  it('resolves $lib, $seeds and relative paths to folders, the rest to packages', () => {
    expect(targetOf('$lib/geo/area.ts', 'src/routes/+page.svelte')).toEqual({ kind: 'folder', name: 'geo' });
    expect(targetOf('$seeds/plan.ts', 'src/lib/ui/X.svelte')).toEqual({ kind: 'folder', name: 'seeds' });
    expect(targetOf('../../../seeds/ar5.ts', 'src/lib/io/plan-layers.ts')).toEqual({ kind: 'folder', name: 'seeds' });
    expect(targetOf('../domain/norms.ts', 'src/lib/geo/x.ts')).toEqual({ kind: 'folder', name: 'domain' });
    expect(targetOf('@turf/turf', 'src/lib/geo/x.ts')).toEqual({ kind: 'package', name: '@turf/turf' });
    expect(targetOf('$app/state', 'src/routes/+page.svelte')).toEqual({ kind: 'package', name: '$app' });
    expect(folderOf('src/routes/investor/+page.svelte')).toBe('routes');
  });
});
