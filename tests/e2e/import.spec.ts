import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { blockInternet, collectPageErrors, dropFile, mapIdle, openMap } from './helpers.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (p: string) => readFileSync(path.join(root, p), 'utf8');
const plain = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');

/** Drops a file given as raw bytes (a SOSI file in ISO8859-10, say) on the import panel. */
async function dropBytes(page: Page, name: string, bytes: Uint8Array) {
  const transfer = await page.evaluateHandle(
    ({ name, data }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name, { type: 'application/octet-stream' }));
      return dt;
    },
    { name, data: [...bytes] }
  );
  await page.getByTestId('import-drop').dispatchEvent('drop', { dataTransfer: transfer });
}

/** The ids of the features in one of the map's GeoJSON sources. */
async function sourceIds(page: Page, source: string): Promise<string[]> {
  return page.evaluate(async (s) => {
    const map = (window as unknown as { __naeringMap: import('maplibre-gl').Map }).__naeringMap;
    const src = map.getSource(s) as import('maplibre-gl').GeoJSONSource;
    const data = (await src.getData()) as GeoJSON.FeatureCollection;
    return data.features.map((f) => String(f.properties?.id));
  }, source);
}

/** Fails on Norwegian in a text: æ, ø, å, or a common bokmål word of the readers' messages. */
function expectEnglish(text: string | null) {
  expect(text ?? '').not.toMatch(/[æøåÆØÅ]|\b(og|ikke|fila|flaten?|flater|linjer?|punkt(er)?|objekt(er)?|tegnsett|kurve|ugyldig|mangler|gjort|hull|lest|oppgi|refererer|dataene|kunne)\b/i);
}

async function waitForNewMap(page: Page) {
  await page.waitForFunction(() => Boolean((window as unknown as { __naeringMap?: unknown }).__naeringMap));
  await mapIdle(page);
}

test.describe('last inn plandata', () => {
  test('en GeoJSON i EPSG:25833 sluppet på panelet gir sine tall, blir etter ny innlasting, og «Tilbake til demodata» gir demoen', async ({ page }) => {
    const errors = collectPageErrors(page);
    await blockInternet(page);
    await openMap(page, '/?kart=ingen');
    const panel = page.getByRole('region', { name: 'Last inn plandata' });
    await expect(panel.getByRole('radio', { name: 'Næringsareal fra kommuneplanen' })).toBeChecked();
    await dropFile(page, 'kommuneplan-25833.geojson', fixture('tests/fixtures/io/geojson/kommuneplan-25833.geojson'));

    await expect(panel.getByRole('status').filter({ hasText: 'er lastet inn' })).toHaveText('kommuneplan-25833.geojson er lastet inn: 2 av 3 objekter brukes.');
    const summary = page.getByRole('region', { name: 'Nøkkeltall for kommunen' });
    await expect(summary.getByTestId('naavaerende-daa')).toContainText('100 daa');
    expect(plain(await summary.getByTestId('framtidig-daa').textContent())).toContain('50 daa planen: 5 720 daa');
    await expect(summary).toContainText('Importerte data (Næringsareal: kommuneplan-25833.geojson)');
    // The report: CRS from the file, what was left out and why, and the reconciliation.
    const report = panel.getByRole('group').filter({ hasText: 'Rapport for kommuneplan-25833.geojson' });
    await expect(report).toContainText('EPSG:25833 (oppgitt i fila)');
    await expect(report).toContainText('Arealformål 1110 Boligbebyggelse: ikke næring – 1 objekt (kp-103)');
    await panel.getByText('Avstemming mot planen').click();
    await expect(panel.getByRole('row', { name: /Nåværende, sum næring/ })).toContainText('−7 325,0');

    // The map shows the imported areas, not the demo's.
    await waitForNewMap(page);
    expect(await sourceIds(page, 'app-naering-naa')).toEqual(['kp-101']);
    expect(await sourceIds(page, 'app-naering-framtidig')).toEqual(['kp-102']);

    // Kept in the browser (IndexedDB) across a reload.
    await openMap(page, '/?kart=ingen');
    await expect(page.getByRole('region', { name: 'Nøkkeltall for kommunen' }).getByTestId('naavaerende-daa')).toContainText('100 daa');
    expect(await sourceIds(page, 'app-naering-framtidig')).toEqual(['kp-102']);

    await page.getByRole('button', { name: 'Tilbake til demodata' }).click();
    await expect(page.getByRole('region', { name: 'Nøkkeltall for kommunen' }).getByTestId('naavaerende-daa')).toContainText('7 425 daa');
    await openMap(page, '/?kart=ingen');
    await expect(page.getByRole('region', { name: 'Nøkkeltall for kommunen' }).getByTestId('naavaerende-daa')).toContainText('7 425 daa');
    expect(errors).toEqual([]);
  });

  test('en ødelagt fil gir en melding med filnavn og grunn, og dataene fra før blir stående', async ({ page }) => {
    await blockInternet(page);
    await openMap(page, '/?kart=ingen');
    const before = await sourceIds(page, 'app-naering-naa');
    expect(before.length).toBeGreaterThan(10);
    const text = fixture('tests/fixtures/io/geojson/kommuneplan-25833.geojson');
    await dropFile(page, 'avkortet.geojson', text.slice(0, Math.floor(text.length / 2)));
    const alert = page.getByRole('region', { name: 'Last inn plandata' }).getByRole('alert');
    await expect(alert).toContainText('Kunne ikke lese fila. avkortet.geojson: ikke gyldig JSON');
    await expect(alert).toContainText('Dataene er som før.');
    await expect(page.getByRole('region', { name: 'Nøkkeltall for kommunen' }).getByTestId('naavaerende-daa')).toContainText('7 425 daa');
    expect(await sourceIds(page, 'app-naering-naa')).toEqual(before);

    // A SOSI file with an unknown KOORDSYS, through the file picker.
    await page.getByLabel('Velg fil').setInputFiles({ name: 'ukjent.sos', mimeType: 'text/plain', buffer: Buffer.from('.HODE\n..KOORDSYS 99\n.SLUTT\n') });
    await expect(alert).toContainText('ukjent.sos: ukjent ..KOORDSYS 99');
    expect(await sourceIds(page, 'app-naering-naa')).toEqual(before);
  });

  test('fiendtlige filer gir en melding, panelet blir aldri stående på «Leser …», og dataene fra før blir stående', async ({ page }) => {
    await blockInternet(page);
    const errors = collectPageErrors(page);
    await openMap(page, '/?kart=ingen');
    const before = await sourceIds(page, 'app-naering-naa');
    const panel = page.getByRole('region', { name: 'Last inn plandata' });
    const alert = panel.getByRole('alert');
    const square = '583000 6635000 583100 6635000 583100 6635100 583000 6635100 583000 6635000';
    const gml = (body: string) => `<?xml version="1.0"?><gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:app="x">${body}</gml:FeatureCollection>`;
    // An invalid character reference (once an unhandled error in the worker), 64 kB of «<» (once
    // minutes of regex backtracking) and nesting 100 000 deep (once a stack overflow).
    const files: [string, string, RegExp][] = [
      ['vinkler.gml', gml('<'.repeat(65_536)), /vinkler\.gml/],
      ['dyp.gml', gml('<a>'.repeat(100_000)), /dyp\.gml: elementene er nøstet dypere enn 1000 nivåer/],
      ['tegnref.gml', gml(`<gml:featureMember><app:Omrade><app:navn>&#99999999;</app:navn><app:omrade><gml:Polygon srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList>${square}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></app:omrade></app:Omrade></gml:featureMember>`), /tegnref\.gml/]
    ];
    for (const [name, text, shown] of files) {
      const t = Date.now();
      await dropFile(page, name, text, 'application/gml+xml');
      await expect(panel.getByText(/Leser .* …/)).toHaveCount(0, { timeout: 15_000 });
      await expect(panel).toContainText(shown);
      expect(Date.now() - t).toBeLessThan(15_000);
      if (name !== 'tegnref.gml') expect(await sourceIds(page, 'app-naering-naa')).toEqual(before);
    }
    await expect(alert).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('uten koordinatsystem i fila gjettes sonen ut fra koordinatene, og brukeren bekrefter', async ({ page }) => {
    await blockInternet(page);
    await openMap(page, '/?kart=ingen');
    await page.getByLabel('Velg fil').setInputFiles({
      name: 'uten-crs.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(fixture('tests/fixtures/io/geojson/kommuneplan-25833-uten-crs.geojson'))
    });
    const confirm = page.getByRole('group', { name: 'Koordinatsystem' });
    await expect(confirm).toContainText('Ut fra koordinatene er det gjettet EPSG:25833. Stemmer det?');
    await expect(confirm.getByLabel('Koordinatsystem')).toHaveValue('EPSG:25833');
    // Nothing changes before the user says yes.
    await expect(page.getByRole('region', { name: 'Nøkkeltall for kommunen' }).getByTestId('naavaerende-daa')).toContainText('7 425 daa');
    await confirm.getByRole('button', { name: 'Bruk dataene' }).click();
    await expect(page.getByRole('region', { name: 'Nøkkeltall for kommunen' }).getByTestId('naavaerende-daa')).toContainText('100 daa');
    await expect(page.getByRole('region', { name: 'Last inn plandata' })).toContainText('EPSG:25833 (gjettet og bekreftet)');
  });

  test('en stor SOSI-fil leses i bakgrunnen med fremdrift, og kan avbrytes', async ({ page }) => {
    await blockInternet(page);
    await openMap(page, '/?kart=ingen');
    // About 30 MB of SOSI: many small flater in EPSG:25832.
    const parts = ['.HODE\n..TEGNSETT UTF-8\n..KOORDSYS 22\n..ENHET 0.01\n'];
    for (let i = 1; i <= 120_000; i++) {
      const n = 663_300_000 + (i % 300) * 1000;
      const e = 58_000_000 + Math.floor(i / 300) * 1000;
      parts.push(`.KURVE ${i}:\n..NØ\n${n} ${e}\n${n} ${e + 500}\n${n + 500} ${e + 500}\n${n + 500} ${e}\n${n} ${e}\n.FLATE ${i + 1_000_000}:\n..AREALFORMÅL 1300\n..AREALBRUKSSTATUS 2\n..REF :${i}\n`);
    }
    parts.push('.SLUTT\n');
    await page.getByLabel('Velg fil').setInputFiles({ name: 'stor.sos', mimeType: 'text/plain', buffer: Buffer.from(parts.join('')) });
    const progress = page.getByRole('progressbar');
    await expect(progress).toBeVisible();
    // The page stays responsive while the worker reads: controls still react.
    const farmland = page.getByRole('radio', { name: 'Jordbruksareal fra AR5' });
    await farmland.check();
    await expect(farmland).toBeChecked();
    await expect(progress).toBeVisible();
    await page.getByRole('button', { name: 'Avbryt innlesingen' }).click();
    await expect(page.getByRole('region', { name: 'Last inn plandata' }).getByRole('status').filter({ hasText: 'avbrutt' })).toHaveText('Innlesingen av stor.sos ble avbrutt. Dataene er som før.');
    await expect(progress).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Nøkkeltall for kommunen' }).getByTestId('naavaerende-daa')).toContainText('7 425 daa');
  });

  test('en ekte SOSI-eksport med en selvkryssende flate: den repareres (areal før og etter), linjer og punkter telles, som kommandolinjen sier', async ({ page }) => {
    const errors = collectPageErrors(page);
    await blockInternet(page);
    await openMap(page, '/?kart=ingen');
    const panel = page.getByRole('region', { name: 'Last inn plandata' });
    await dropBytes(page, 'kommuneplan-med-feil.sos', new Uint8Array(readFileSync(path.join(root, 'tests/fixtures/io/sosi/kommuneplan-med-feil.sos'))));
    await expect(panel.getByRole('status').filter({ hasText: 'er lastet inn' })).toHaveText('kommuneplan-med-feil.sos er lastet inn: 2 av 4 objekter brukes.');
    const report = panel.getByRole('group').filter({ hasText: 'Rapport for kommuneplan-med-feil.sos' });
    // The same figures as `npm run cli -- stats` on the file (src/lib/io/import-plan.test.ts checks them against each other).
    await expect(report).toContainText('Reparert (1)');
    expect(plain(await report.getByText(/gjort gyldig som GEOS MakeValid/).textContent())).toMatch(/^21: ugyldig flate gjort gyldig som GEOS MakeValid .* 2 deler \(areal 0,0 → 5 000,0 m²\)$/);
    await expect(report.getByTestId('import-not-areas')).toHaveText('3 linjer og 2 punkter er ikke flater og er ikke tatt med');
    await expect(report).toContainText('Hoppet over (1)');
    await expect(report).toContainText('refererer til kurve 99 som ikke finnes');
    await expect(report).toContainText('Nåværende næringsareal: 5,0 daa');
    await expect(page.getByRole('region', { name: 'Nøkkeltall for kommunen' }).getByTestId('naavaerende-daa')).toContainText('5 daa');
    await page.getByRole('button', { name: 'Tilbake til demodata' }).click();
    expect(errors).toEqual([]);
  });

  test('på engelsk (?lang=en) er feilmeldingene og hver linje i rapporten engelske, også det som ble hoppet over, reparert og merket', async ({ page }) => {
    const errors = collectPageErrors(page);
    await blockInternet(page);
    await openMap(page, '/?kart=ingen&lang=en');
    const panel = page.getByRole('region', { name: 'Load plan data' });
    const alert = panel.getByRole('alert');
    // Files that give nothing: cut short, an unknown KOORDSYS, not SOSI at all, a broken zip.
    const text = fixture('tests/fixtures/io/geojson/kommuneplan-25833.geojson');
    await dropFile(page, 'cut.geojson', text.slice(0, Math.floor(text.length / 2)));
    await expect(alert).toContainText('The file could not be read. cut.geojson: not valid JSON (');
    await expect(alert).toContainText('); is the file cut short? The data is as before.');
    expectEnglish(await alert.textContent());
    const files: [string, string, string][] = [
      ['unknown.sos', '.HODE\n..KOORDSYS 99\n.SLUTT\n', 'unknown.sos: unknown ..KOORDSYS 99; choose a coordinate system (e.g. EPSG:25832).'],
      ['text.sos', 'hello', 'text.sos: not a SOSI file (no .HODE).'],
      ['broken.zip', 'PK no', 'broken.zip: not a valid zip file (cannot find the zip directory).'],
      ['map.png', 'PNG', 'map.png: unknown file type; the app reads .geojson, .json, .sos, .gml, .zip (GeoJSON, SOSI, GML and zipped shapefiles).']
    ];
    for (const [name, body, message] of files) {
      await page.getByLabel('Choose file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(body) });
      await expect(alert).toHaveText(`The file could not be read. ${message} The data is as before.`);
    }

    // A real export with a skipped area, a repaired one, one left out, lines and points, and a note on its character set.
    await dropBytes(page, 'plan.sos', new Uint8Array(readFileSync(path.join(root, 'tests/fixtures/io/sosi/kommuneplan-med-feil.sos'))));
    await expect(panel.getByRole('status').filter({ hasText: 'is loaded' })).toHaveText('plan.sos is loaded: 2 of 4 features in use.');
    const report = panel.getByRole('group').filter({ hasText: 'Report for plan.sos' });
    await expect(report).toContainText('Skipped (1)');
    await expect(report.getByRole('listitem').filter({ hasText: 'curve 99' })).toHaveText('23: refers to curve 99, which does not exist (line 66)');
    await expect(report).toContainText('Repaired (1)');
    await expect(report.getByRole('listitem').filter({ hasText: 'MakeValid' })).toHaveText(
      '21: invalid polygon made valid as GEOS MakeValid does (a ring crosses or touches itself), every part kept: 2 parts (area 0.0 → 5,000.0 m²)'
    );
    await expect(report).toContainText('Left out (1)');
    await expect(report.getByRole('listitem').filter({ hasText: '1110' })).toHaveText('Land use 1110 Residential buildings: not business land – 1 feature (22)');
    await expect(report).toContainText('character set: ISO 8859-10');
    await expect(report.getByTestId('import-not-areas')).toHaveText('3 lines and 2 points are not areas and are left out');
    expectEnglish(await report.textContent());
    // The reconciliation against the plan names its rows in English too.
    await panel.getByText('Reconciliation with the plan').click();
    await expect(panel.getByRole('row', { name: /Existing, total business land incl\. public services/ })).toBeVisible();
    await expect(panel.getByRole('row', { name: /Farmland, AR5 21 fully cultivated land/ })).toBeVisible();
    await page.getByRole('button', { name: 'Back to demo data' }).click();
    expect(errors).toEqual([]);
  });
});
