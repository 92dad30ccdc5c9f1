import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validatePolygonal } from './validate.ts';

// GEOS (shapely 2.1.2 / GEOS 3.13) is the oracle: scripts/oracles/validate-goldens.py wrote
// out/*.json from in/*.geojson. The make-valid fixtures are all inputs GEOS calls invalid.
const ROOT = path.resolve('tests/fixtures/geo');

interface Golden {
  features: Record<string, { is_valid: boolean; reason?: string }>;
}

function cases(dir: string): { name: string; coll: FeatureCollection; golden: Golden }[] {
  return readdirSync(path.join(dir, 'in'))
    .filter((f) => f.endsWith('.geojson'))
    .map((f) => {
      const name = f.slice(0, -'.geojson'.length);
      const coll = JSON.parse(readFileSync(path.join(dir, 'in', f), 'utf8')) as FeatureCollection;
      // A missing golden fails here (readFileSync throws).
      const golden = JSON.parse(readFileSync(path.join(dir, 'out', `${name}.json`), 'utf8')) as Golden;
      return { name, coll, golden };
    });
}

describe('validatePolygonal agrees with GEOS is_valid', () => {
  for (const dir of ['validate', 'make-valid']) {
    for (const { name, coll, golden } of cases(path.join(ROOT, dir))) {
      it(`${dir}/${name} (${coll.features.length} objects)`, () => {
        expect(coll.features.map((f) => String(f.properties?.id)).sort()).toEqual(Object.keys(golden.features).sort());
        const disagree: string[] = [];
        for (const f of coll.features) {
          const id = String(f.properties?.id);
          const want = golden.features[id] as Golden['features'][string];
          const r = validatePolygonal(f.geometry, id);
          if (r.ok !== want.is_valid) disagree.push(`${id}: ours ${r.ok ? 'valid' : r.error.reason}, GEOS ${want.reason ?? want.is_valid}`);
        }
        expect(disagree).toEqual([]);
      });
    }
  }

  it('the goldens hold valid and invalid cases alike (a one-sided set would test little)', () => {
    const all = cases(path.join(ROOT, 'validate')).flatMap(({ golden }) => Object.values(golden.features));
    expect(all.filter((g) => g.is_valid).length).toBeGreaterThan(150);
    expect(all.filter((g) => !g.is_valid).length).toBeGreaterThan(150);
  });
});
