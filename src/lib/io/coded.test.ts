import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeText, type Coded } from '../i18n/messages/import.ts';
import { coded } from './coded.ts';
import { latin1, writeShp, writeZip } from './formats/shapefile.test-helper.ts';
import { importPlanFile } from './import-plan.ts';
import { readAreaFile } from './read-file.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const sosiDir = 'tests/fixtures/io/sosi/dialekt';
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Real and hand-written files, and files broken every way the readers know. */
const inputs: [string, Uint8Array][] = [
  ...['tests/fixtures/io/sosi/kommuneplan-med-feil.sos', 'tests/fixtures/io/sosi/ekte/flate_oy.sos', 'tests/fixtures/io/sosi/ekte/buer.sos', 'tests/fixtures/io/gml/fkb-ar5-ringer-og-buer.gml', 'tests/fixtures/cli/ugyldig-ring.geojson', 'tests/fixtures/cli/bare-ugyldige.geojson']
    .map((p): [string, Uint8Array] => [path.basename(p), new Uint8Array(readFileSync(path.join(root, p)))]),
  ...readdirSync(path.join(root, sosiDir)).filter((f) => f.endsWith('.sos')).map((f): [string, Uint8Array] => [f, new Uint8Array(readFileSync(path.join(root, sosiDir, f)))]),
  ['tom.geojson', new Uint8Array()],
  ['kart.png', latin1('PNG')],
  ['avkortet.geojson', latin1('{"type":"Fea')],
  ['ikke.sos', latin1('hei')],
  ['ikke.gml', utf8('<a>b</a>')],
  ['ukjent.gml', utf8('<w><member><F><g><Polygon><exterior><LinearRing><posList>0 0 1 0 1 1 0 0</posList></LinearRing></exterior></Polygon></g></F></member></w>')],
  ['via.sos', utf8('.HODE\n..KOORDSYS 22\n..TEGNSETT DOSN8\n.KURVE 1:\n..NØ\n6633000 580000\n6633100 580000\n6633100 580100\n6633000 580000\n.FLATE 13:\n..REF x\n.FLATE 19:\n..REF :1 (:13)\n.FLATE 21:\n..REF :1\n')],
  ['kart.zip', latin1('PK nei')],
  ['to.zip', writeZip({ 'a.shp': writeShp([null]), 'b.shp': writeShp([null]) })],
  ['brutt.zip', writeZip({ 'a.shp': latin1('x'.repeat(120)) })],
  ['tom-form.zip', writeZip({ 'a.shp': writeShp([null]) })],
  ['linje.geojson', utf8('{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[10,59],[11,60]]}}')],
  ['utenfor.geojson', utf8('{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[-60,10],[-59,10],[-59,11],[-60,10]]]}}')]
];

/** Every coded text of a read or an import, with the bokmål text the module gave for it. */
async function codedTexts(name: string, bytes: Uint8Array): Promise<[Coded, string][]> {
  const r = await importPlanFile({ bytes, fileName: name, kind: 'naering' });
  if (!r.ok) return [[coded('io.feature', { file: name, reason: { code: r.code, params: r.params } }), r.message]];
  const read = await readAreaFile(bytes, name);
  if (!read.ok) throw new Error(read.message);
  return [
    ...read.skipped.map((s): [Coded, string] => [s, s.reason]),
    ...read.repaired.map((x): [Coded, string] => [{ code: `io.repair.${x.code}`, params: x.params }, x.what]),
    ...read.noteCodes.map((c, i): [Coded, string] => [c, read.notes[i] as string])
  ];
}

describe('the readers give codes, and the Norwegian the CLI prints is their bokmål text', () => {
  it.each(inputs)('%s: every problem, skip, repair and note has its bokmål text from the code, and an English one', async (name, bytes) => {
    const texts = await codedTexts(name, bytes);
    expect(texts.length).toBeGreaterThan(0);
    for (const [c, norwegian] of texts) {
      expect(codeText(c), c.code).toBe(norwegian);
      const english = codeText(c, 'en').replaceAll(name, 'FILE');
      // Every placeholder filled, every nested code known, nothing left in bokmål.
      expect(english, c.code).not.toMatch(/\{\w+\}|\b(io|geo)\.[a-z]|[æøåÆØÅ]|\b(og|ikke|fila|flaten|linje|objekt|tegnsett|kurve)\b/);
    }
  });

  it('writes decimals with the language’s decimal mark', () => {
    const c = coded('io.note.area-larger', { pct: { fixed: 1.1, digits: 2 }, crs: 'EPSG:25835' });
    expect(codeText(c)).toContain('er 1,10 % større');
    expect(codeText(c, 'en')).toContain('is 1.10 % larger');
  });
});
