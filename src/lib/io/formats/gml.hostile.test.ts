// Hostile GML (issue #16): input made to make the reader take cubic or quadratic time, expand
// entities, read local files, overflow the stack or exhaust memory. Each case asserts the outcome
// (read correctly, or refused with the coded limit) and a loose wall-clock budget sized so that the
// reader before this test file (regex tokenizer, recursive walks) blows it by far.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAreaFile } from '../read-file.ts';
import { decodeEntities, MAX_DEPTH, MAX_RING_VERTICES, parseGml, type GmlResult } from './gml.ts';

/** Generous for a linear reader on a slow, busy machine; the old reader took minutes on most of these. */
const BUDGET_MS = 5000;
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Runs `run`, logs and returns its result and the time it took. */
function timed<T>(run: () => T): { result: T; ms: number } {
  const t0 = performance.now();
  const result = run();
  const ms = performance.now() - t0;
  console.log(`MEASURED ${expect.getState().currentTestName}: ${Math.round(ms)} ms`);
  return { result, ms };
}

/** Like {@link timed}, for a promise. */
async function timedAsync<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const t0 = performance.now();
  const result = await run();
  const ms = performance.now() - t0;
  console.log(`MEASURED ${expect.getState().currentTestName}: ${Math.round(ms)} ms`);
  return { result, ms };
}

const SQUARE = '580000 6633000 580100 6633000 580100 6633100 580000 6633100 580000 6633000';

/** A small valid GML file (EPSG:25832, one 100 m × 100 m square in Asker) with `extra` inside the feature and `before` ahead of the root. */
const gml = (extra = '', before = '') =>
  `${before}<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2"><wfs:member><app:Flate gml:id="f.1">${extra}<app:område><gml:Polygon srsName="urn:ogc:def:crs:EPSG::25832"><gml:exterior><gml:LinearRing><gml:posList>${SQUARE}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></app:område></app:Flate></wfs:member></wfs:FeatureCollection>`;

/** The result of a parse expected to succeed. */
function ok(r: ReturnType<typeof parseGml>): GmlResult {
  if (!r.ok) throw new Error(r.error.message);
  return r.result;
}

describe('hostile GML: the tokenizer is linear', () => {
  it('reads 64 KB of `<` without a `>` (the regex tokenizer was cubic: 8 KB took over 70 s)', () => {
    const { result, ms } = timed(() => parseGml('<'.repeat(64 * 1024)));
    expect(result).toMatchObject({ ok: false, error: { code: 'io.gml.not-gml' } });
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('reads a start tag with a 1 MB attribute name (the attribute regex was quadratic: 200 KB took 69 s)', () => {
    const { result, ms } = timed(() => parseGml(gml(`<app:x ${'b'.repeat(1 << 20)}>1</app:x>`)));
    expect(ok(result).features.features).toHaveLength(1);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('reads a 1 MB attribute value without its closing quote, and a 1 MB quoted one', () => {
    const { result, ms } = timed(() => [parseGml(gml(`<app:x a="${'x'.repeat(1 << 20)}>1</app:x>`)), parseGml(gml(`<app:x a="${'x'.repeat(1 << 20)}">2</app:x>`))]);
    for (const r of result) expect(ok(r).features.features).toHaveLength(1);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('passes over 4 000 000 unmatched end tags under 999 open elements in O(1) each (the stack was scanned for each)', () => {
    const text = '<w>'.repeat(999) + '</b>'.repeat(4_000_000) + '</w>'.repeat(999);
    const { result, ms } = timed(() => parseGml(text));
    expect(result).toMatchObject({ ok: false, error: { code: 'io.gml.not-gml' } });
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it.each(['<?', '<!--', '<![CDATA[', '<!DOCTYPE x ['])('reads 100 000 unterminated %s as text, and the GML file after them (the pre-pass regexes were quadratic: over 70 s)', (open) => {
    // The file after them has no `?>`, `-->`, `]]>` or `]`: nothing ends them.
    const { result, ms } = timed(() => parseGml(gml('', open.repeat(100_000))));
    expect(ok(result).features.features).toHaveLength(1);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('reads 100 000 start tags without `>` as text', () => {
    const { result, ms } = timed(() => [parseGml('<a b="'.repeat(100_000)), parseGml(gml() + '<a b="'.repeat(100_000))]);
    expect(result[0]).toMatchObject({ ok: false, error: { code: 'io.gml.not-gml' } });
    expect(ok(result[1] as ReturnType<typeof parseGml>).features.features).toHaveLength(1);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('keeps text with 1 000 000 `&` and no `;` linear (the entity look-ahead is bounded)', () => {
    const { result, ms } = timed(() => parseGml(gml(`<app:navn>${'&amp'.repeat(1_000_000)}</app:navn>`)));
    expect(String(ok(result).features.features[0]?.properties?.navn)).toHaveLength(4_000_000);
    expect(ms).toBeLessThan(BUDGET_MS);
  });
});

describe('hostile GML: entities are never expanded beyond the predefined ones', () => {
  it('keeps invalid character references as written instead of throwing «Invalid code point»', () => {
    for (const ref of ['&#99999999;', '&#x110000;', '&#0;', '&#xD800;', '&#xDFFF;', '&#1;', '&#xFFFE;', '&#;', '&#x;', '&#12a;']) {
      expect(decodeEntities(`a${ref}b`)).toBe(`a${ref}b`);
      const r = parseGml(gml(`<app:navn>x${ref}</app:navn>`));
      expect(ok(r).features.features[0]?.properties?.navn).toBe(`x${ref}`);
    }
  });

  it('expands the predefined entities and decimal and hex character references, once', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos; &#65;&#x42;&#X43;&#x1F600; &amp;lt; &#38;amp; &nbsp; &AMP;')).toBe('<>&"\' ABC😀 &lt; &amp; &nbsp; &AMP;');
    expect(decodeEntities('&#00000000000000000065;&#x0000000041;')).toBe('AA');
  });

  it('does not expand a billion laughs', () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const doctype = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 "lol">\n${lol}\n]>\n`;
    const { result, ms } = timed(() => parseGml(gml('<app:navn>&lol9;</app:navn>', doctype)));
    expect(ok(result).features.features[0]?.properties).toMatchObject({ gml_id: 'f.1', navn: '&lol9;' });
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('does not read an external entity (XXE): the reference stays as written, nothing from the file', async () => {
    const doctype = '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p;]>\n';
    const text = gml('<app:navn>&xxe;</app:navn>', doctype);
    const r = ok(parseGml(text));
    expect(r.features.features[0]?.properties?.navn).toBe('&xxe;');
    expect(JSON.stringify(r)).not.toMatch(/root:|daemon:/);
    const read = await readAreaFile(utf8(text), 'xxe.gml');
    if (!read.ok) throw new Error(read.message);
    expect(read.areas[0]?.properties.navn).toBe('&xxe;');
  });

  it('has no way to read anything: the reader imports no file, network or module loader', () => {
    const source = readFileSync(path.join(import.meta.dirname, 'gml.ts'), 'utf8');
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports.sort()).toEqual(['../../geo/arc.ts', '../../geo/crs.ts', '../coded.ts', './driver.ts', './text.ts', 'geojson']);
    expect(source).not.toMatch(/\bfetch\(|\brequire\(|\bimport\(|XMLHttpRequest|node:/);
  });

  it('through readAreaFile: `&#99999999;` in a property is kept as written, the file is read', async () => {
    const { result: r, ms } = await timedAsync(() => readAreaFile(utf8(gml('<app:navn>Tofte &#99999999; &#x41;</app:navn>')), 'ref.gml'));
    if (!r.ok) throw new Error(r.message);
    expect(r.areas).toHaveLength(1);
    expect(r.areas[0]?.properties.navn).toBe('Tofte &#99999999; A');
    expect(ms).toBeLessThan(BUDGET_MS);
  });
});

describe('hostile GML: deep nesting', () => {
  const nested = (depth: number, inner = `<posList>${SQUARE}</posList>`) => '<a>'.repeat(depth) + inner + '</a>'.repeat(depth);

  it.each([6_000, 100_000])('refuses %i levels of nesting with the limit (it was «Maximum call stack size exceeded»)', (depth) => {
    const { result, ms } = timed(() => parseGml(nested(depth)));
    expect(result).toEqual({
      ok: false,
      error: { reason: 'too-large', code: 'io.gml.too-deep', params: { max: MAX_DEPTH }, message: `elementene er nøstet dypere enn ${MAX_DEPTH} nivåer (grensen)` }
    });
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('through readAreaFile: one Norwegian line naming the file and the limit, never a throw', async () => {
    const { result: r, ms } = await timedAsync(() => readAreaFile(utf8(nested(100_000)), 'dyp.gml'));
    expect(r).toEqual({ ok: false, reason: 'too-large', code: 'io.gml.too-deep', params: { max: 1000 }, message: 'dyp.gml: elementene er nøstet dypere enn 1000 nivåer (grensen)' });
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('reads a feature whose ring is nested to the limit (every walk is iterative)', () => {
    const deepRing = `<wfs:member><app:Flate gml:id="d.1"><gml:Polygon srsName="EPSG:25832"><gml:exterior>${'<g>'.repeat(MAX_DEPTH - 6)}<gml:posList>${SQUARE}</gml:posList>${'</g>'.repeat(MAX_DEPTH - 6)}</gml:exterior></gml:Polygon></app:Flate></wfs:member>`;
    const r = ok(parseGml(`<c>${deepRing}</c>`));
    expect(r.features.features[0]?.geometry.coordinates[0]).toHaveLength(5);
    expect(parseGml(`<c><x>${deepRing}</x></c>`)).toMatchObject({ ok: false, error: { code: 'io.gml.too-deep' } });
  });
});

/** A GML file with more members at its end. */
const withMembers = (text: string, members: string) => text.replace('</wfs:FeatureCollection>', `${members}</wfs:FeatureCollection>`);

describe('hostile GML: limits on size', () => {
  it('refuses more nodes than the limit', () => {
    expect(parseGml(gml('<p/>'.repeat(100)), { maxNodes: 50 })).toMatchObject({ ok: false, error: { reason: 'too-large', code: 'io.gml.too-many-nodes', params: { max: 50 } } });
    // Comments and stray end tags count: text split by them cannot grow without bound.
    expect(parseGml(gml(`<p>${'x<!---->'.repeat(100)}</p>`), { maxNodes: 50 })).toMatchObject({ ok: false, error: { code: 'io.gml.too-many-nodes' } });
    expect(parseGml(gml('</q>'.repeat(100)), { maxNodes: 50 })).toMatchObject({ ok: false, error: { code: 'io.gml.too-many-nodes' } });
    expect(ok(parseGml(gml('<p/>'.repeat(10)), { maxNodes: 50 })).features.features).toHaveLength(1);
  });

  it('refuses more features than the limit', () => {
    const text = withMembers(gml(), '<wfs:member><app:X/></wfs:member>'.repeat(20));
    expect(parseGml(text, { maxFeatures: 10 })).toMatchObject({ ok: false, error: { reason: 'too-large', code: 'io.gml.too-many-features', params: { max: 10 } } });
    expect(ok(parseGml(text, { maxFeatures: 21 })).skipped).toHaveLength(20);
  });

  it('skips a feature with a ring over the limit, naming it', () => {
    const r = ok(parseGml(gml(), { maxRingVertices: 4 }));
    expect(r.features.features).toHaveLength(0);
    expect(r.skipped).toEqual([{ id: 'f.1', code: 'io.gml.ring-too-large', params: { max: 4 }, reason: 'en ring har flere enn 4 hjørner (grensen)' }]);
  });

  it('refuses a file whose areas have more vertices in all than the limit', () => {
    const member = /<wfs:member>.*<\/wfs:member>/.exec(gml())?.[0] ?? '';
    const three = withMembers(gml(), member.repeat(2));
    expect(ok(parseGml(three, { maxTotalVertices: 15 })).features.features).toHaveLength(3);
    expect(parseGml(three, { maxTotalVertices: 14 })).toMatchObject({ ok: false, error: { reason: 'too-large', code: 'io.gml.too-many-vertices', params: { max: 14 } } });
  });

  it('stops densifying an ArcString of 20 000 near-full arcs at the ring limit (it would have been 144 million points)', () => {
    // Each arc goes almost all the way round a circle of radius 1000 km, through the opposite
    // point: 7 200 points once densified (the finest step), from two control points.
    const at = (angle: number) => [580000 + 1e6 * Math.cos(angle), 6633000 + 1e6 * Math.sin(angle)];
    const points = [at(0)];
    for (let i = 1; i <= 20_000; i++) points.push(at(Math.PI - 0.01 * (i - 1)), at(-0.01 * i));
    const arcRing = `<gml:Ring><gml:curveMember><gml:Curve><gml:segments><gml:ArcString><gml:posList>${points.flat().join(' ')}</gml:posList></gml:ArcString></gml:segments></gml:Curve></gml:curveMember></gml:Ring>`;
    const text = gml().replace(/<gml:LinearRing>.*<\/gml:LinearRing>/, arcRing);
    const { result, ms } = timed(() => parseGml(text));
    expect(ok(result).skipped).toEqual([expect.objectContaining({ id: 'f.1', code: 'io.gml.ring-too-large', params: { max: MAX_RING_VERTICES } })]);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('quotes at most 200 characters of an unknown srsName', async () => {
    const r = await readAreaFile(utf8(gml().replace('urn:ogc:def:crs:EPSG::25832', 'x'.repeat(100_000))), 'srs.gml');
    expect(r).toMatchObject({ ok: false, reason: 'crs-needed', code: 'io.file.gml-crs' });
    if (!r.ok) expect(r.message.length).toBeLessThan(400);
  });
});
