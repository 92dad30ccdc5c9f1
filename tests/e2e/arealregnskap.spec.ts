// The council's arealregnskap (/arealregnskap): one jobs statement, charts with axis titles and
// legends, the tables the files are made from, downloads that open in Norwegian Excel, and a page
// that fits a 360 px phone and prints on A4.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { areaPlanarM2 } from '../../src/lib/geo/area.ts';
import { blockInternet, collectPageErrors, dropFile, openMap, startScenarioOn } from './helpers.ts';

/** The summary of table 5 from an earlier plan (the 2015 demo plan, or the same read from a file) to the plan in use. */
const versionsSum = (old: string) =>
  `Fra «${old}» til «Gjeldende plan»: tilgang 1 050,0 daa, avgang 420,0 daa, netto 630,0 daa. 775,0 daa er realisert (framtidig i den eldre planen, nåværende i den nyere).`;

const STATEMENT = 'Kapasiteten i framtidige områder, 13 619 arbeidsplasser, dekker 68–90 % av målet på 15 000–20 000 nye arbeidsplasser på 20 år (27 år ved 500 per år).';

test('arealregnskapet for planen slik den er: ett utsagn om arbeidsplasser, diagrammer med akser og tegnforklaring, tabeller og nedlastinger som stemmer', async ({ page }) => {
  await blockInternet(page);
  const errors = collectPageErrors(page);
  await page.goto('/arealregnskap');
  await expect(page.getByRole('heading', { level: 1, name: 'Arealregnskap for næringsareal' })).toBeVisible();
  await expect(page.getByTestId('jobbutsagn')).toHaveText(STATEMENT);
  // Charts: a title, an axis title with the unit, and a legend.
  const reserve = page.getByTestId('diagram-reserve');
  await expect(reserve.locator('figcaption')).toHaveText('Arealreserve per område');
  await expect(reserve.locator('svg').getByText('Areal (daa)')).toBeVisible();
  await expect(reserve.getByText('Reserve', { exact: true }).first()).toBeVisible();
  // The reserve table's sum row: 5 720 daa future land in the demo data.
  const table = page.getByTestId('tabell-reserve');
  await expect(table.locator('tr').last()).toContainText('5 720,0');

  // Plan versions by overlay: the same figures as «npm run cli -- diff» on the two demo plans.
  await expect(page.getByTestId('versjoner-sum')).toHaveText(versionsSum('Kommuneplan 2015, demodata'));
  await expect(page.getByTestId('diagram-versjoner').getByText('Tilgang', { exact: true }).first()).toBeVisible();
  // CSV for Norwegian Excel: BOM, semicolons, decimal comma, the same sum.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned CSV' }).click()]);
  const bytes = readFileSync(await csv.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain(';');
  expect(text).toMatch(/Sum;5720,0;/);
  // The plan versions in the file: the same sum as on the page and from «npm run cli -- diff».
  expect(text).toContain('Sum;1050,0;420,0;630,0;775,0');
  // Excel: a zip (xlsx) with a name that says what it is.
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned Excel (.xlsx)' }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^arealregnskap.*\.xlsx$/);
  expect(readFileSync(await xlsx.path()).subarray(0, 2).toString('latin1')).toBe('PK');
  expect(errors).toEqual([]);
});

test('på en telefon (360 px) blir siden aldri bredere enn skjermen, og den skrives ut på A4', async ({ page }) => {
  await blockInternet(page);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/arealregnskap?lang=en');
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeVisible();
  await expect(page.getByTestId('tabell-land')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThan(1);
  expect(pages).toBeLessThan(12);
});

test('et scenario der et område tilbakeføres til LNF: rapporten viser avgangen som «tilbakeført til LNF», og utsagnet om framtidige områder står', async ({ page, context }) => {
  await blockInternet(page);
  const errors = collectPageErrors(page);
  const { geometry, panel } = await startScenarioOn(page, 'n-billingstad-kontor', 'Billingstad kontor');
  await panel.getByLabel('Omdisponer til').selectOption('lnf');
  await panel.getByRole('button', { name: 'Omdisponer' }).click();
  await expect(page.getByRole('list', { name: 'Endringer i scenariet' })).toContainText('Billingstad kontor');

  // The scenario panel links to the report for this scenario.
  const link = page.getByRole('link', { name: /Arealregnskap for scenarioet/ });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/arealregnskap\?scenario=/);
  const report = await context.newPage();
  await blockInternet(report);
  await report.goto(href as string);
  await expect(report.getByRole('combobox', { name: 'Scenario' })).toHaveValue(/.+/);
  const change = report.getByTestId('tabell-change');
  await expect(change).toContainText('Tilbakeført til LNF');
  await expect(change).toContainText('Billingstad');
  const daa = (areaPlanarM2(geometry) / 1000).toLocaleString('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).replace(/\s/g, ' ');
  await expect(change).toContainText(daa);
  // Billingstad kontor is existing land (status 1): the capacity of the future areas, and so the
  // statement, stays the plan's.
  await expect(report.getByTestId('jobbutsagn')).toHaveText(STATEMENT);
  await expect(report.getByTestId('diagram-endring').getByText('Avgang', { exact: true }).first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('en importert AR5-fil med alle arealtyper er det rapporten regner arealkvalitetene med', async ({ page }) => {
  await blockInternet(page);
  await openMap(page, '/?kart=ingen');
  // All of Asker as forest of high site quality, and a strip of farmland south of it (EPSG:25832).
  const rect = (x0: number, y0: number, x1: number, y1: number) => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
  const ar5 = {
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'EPSG:25832' } },
    features: [
      { type: 'Feature', properties: { id: 'skog', arealtype: 30, treslag: 31, skogbonitet: 14 }, geometry: rect(550000, 6590000, 620000, 6670000) },
      { type: 'Feature', properties: { id: 'jord', arealtype: 21, treslag: 98, skogbonitet: 98 }, geometry: rect(550000, 6589000, 620000, 6590000) }
    ]
  };
  await page.getByLabel('Jordbruksareal fra AR5').check();
  await dropFile(page, 'ar5-alt.geojson', JSON.stringify(ar5));
  await expect(page.getByRole('region', { name: 'Last inn plandata' })).toContainText('ar5-alt.geojson er lastet inn', { timeout: 15_000 });

  await page.goto('/arealregnskap');
  const land = page.getByTestId('tabell-land');
  const row = (name: string) => land.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: false }) });
  // Every future area is forest of high site quality now (the demo AR5 has none of it under them).
  await expect(row('Skog, høy bonitet')).toContainText('5 720,0');
  await expect(row('Skog, høy bonitet')).toContainText('100,0');
  // … and no farmland (the demo AR5 has 1 001 daa fulldyrka jord under them).
  await expect(row('Fulldyrka jord')).toHaveText(/^Fulldyrka jord \(21\)0,00,0$/);
});

test('planversjoner: kart over tilgang og avgang, to planer å velge fritt, og en eldre plan lest fra fil gir de samme tallene', async ({ page }) => {
  await blockInternet(page);
  const errors = collectPageErrors(page);
  await page.goto('/arealregnskap');
  const sum = page.getByTestId('versjoner-sum');
  await expect(sum).toHaveText(versionsSum('Kommuneplan 2015, demodata'));

  // The map: gained land green, lost land red, realised blue, each changed area labelled with its change.
  const map = page.getByTestId('kart-versjoner');
  await expect(map.locator('figcaption')).toHaveText('Kart: tilgang, avgang og realisert næringsareal');
  for (const [change, colour] of [
    ['tilgang', '#2e7d32'],
    ['avgang', '#c62828'],
    ['realisert', '#1f6fb2']
  ] as const) {
    const paths = map.locator(`path[data-change="${change}"]`);
    expect(await paths.count(), change).toBeGreaterThan(0);
    expect(await paths.first().getAttribute('fill')).toBe(colour);
  }
  const labels = await map.locator('text.label').allTextContents();
  expect(labels.length).toBeGreaterThan(2);
  expect(labels.some((l) => /^.+ \+[\d\s ]+,\d daa$/.test(l))).toBe(true);
  expect(labels.some((l) => /^.+ −[\d\s ]+,\d daa$/.test(l))).toBe(true);
  // No two labels overlap.
  const boxes = await map.locator('text.label').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.top, r.right, r.bottom]));
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i] as number[], boxes[j] as number[]];
      const overlap = (a[0] as number) < (b[2] as number) - 1 && (b[0] as number) < (a[2] as number) - 1 && (a[1] as number) < (b[3] as number) - 1 && (b[1] as number) < (a[3] as number) - 1;
      expect(overlap, `${i} ${j}`).toBe(false);
    }
  await expect(map.getByRole('listitem').filter({ hasText: 'Tilgang' })).toBeVisible();
  await expect(map.getByRole('listitem').filter({ hasText: 'Avgang' })).toBeVisible();
  await expect(map.locator('svg text').filter({ hasText: /^\d+ (k?m)$/ })).toHaveCount(1);

  // The other way round: what was gained is lost, and nothing is realised (nåværende → framtidig is not).
  await page.getByTestId('versjon-fra').selectOption({ label: 'Gjeldende plan' });
  await page.getByTestId('versjon-til').selectOption({ label: 'Kommuneplan 2015, demodata' });
  await expect(sum).toHaveText(/^Fra «Gjeldende plan» til «Kommuneplan 2015, demodata»: tilgang 420,0 daa, avgang 1\s050,0 daa, netto −630,0 daa\. 0,0 daa er realisert/);
  // The same plan on both sides: nothing to compare, and no table.
  await page.getByTestId('versjon-til').selectOption({ label: 'Gjeldende plan' });
  await expect(sum).toHaveText('Velg to ulike planer for å se tilgang og avgang, eller les en eldre plan fra fil.');
  await expect(page.getByTestId('tabell-versions')).toHaveCount(0);

  // The 2015 plan read from its file (as a planner reads the kommune's earlier plan): chosen as the
  // earlier plan, with the same figures as the demo's own 2015 version, in the page and the CSV.
  await page.getByTestId('versjon-fil').setInputFiles('geodata/kilder/naeringsareal-2015.geojson');
  await expect(page.getByRole('status').filter({ hasText: 'naeringsareal-2015.geojson er lest' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('versjon-fra').locator('option:checked')).toHaveText('naeringsareal-2015.geojson');
  await expect(sum).toHaveText(versionsSum('naeringsareal-2015.geojson'));
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned CSV' }).click()]);
  const text = readFileSync(await csv.path()).toString('utf8');
  expect(text).toContain('Sum;1050,0;420,0;630,0;775,0');
  expect(text).toContain('Fra «naeringsareal-2015.geojson» til «Gjeldende plan».');

  // A file that is not a plan: a message that names it, and the comparison stays as it was.
  await page.getByTestId('versjon-fil').setInputFiles({ name: 'tull.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{"type": "Feature') });
  await expect(page.getByRole('alert')).toContainText('tull.geojson');
  await expect(sum).toHaveText(versionsSum('naeringsareal-2015.geojson'));
  expect(errors).toEqual([]);
});

test('SSB: sysselsatte i Asker fra (den falske) PxWebApi mot planens bane og kapasiteten, med kilde og hentetid; uten SSB de sist hentede tallene eller en stille merknad', async ({ page }) => {
  await blockInternet(page);
  const errors = collectPageErrors(page);
  await page.goto('/arealregnskap');
  const ssb = page.getByTestId('ssb-sysselsatte');
  await expect(ssb.getByRole('heading', { name: 'Sysselsatte i Asker (SSB)' })).toBeVisible();
  // The fake's series: 40 000 in 2020 (as 3025) to 42 650 in 2024 (as 3203); the path +500–550 a year from 2020.
  await expect(ssb.getByTestId('ssb-utsagn')).toHaveText('I 2024 hadde 42 650 personer arbeidssted i Asker, +2 650 siden 2020. Planens bane gir +2 000 til +2 200 i samme tid: veksten er over banen.');
  const chart = ssb.getByTestId('ssb-diagram');
  await expect(chart.locator('circle')).toHaveCount(5);
  await expect(chart.locator('circle title').first()).toHaveText('2020: 40 000');
  await expect(chart.locator('svg').getByText('År (4. kvartal)')).toBeVisible();
  await expect(chart.locator('svg').getByText('Sysselsatte (personer)')).toBeVisible();
  await expect(chart.locator('figcaption')).toContainText('SSB: sysselsatte med arbeidssted i Asker');
  await expect(chart.locator('figcaption')).toContainText('Planens bane: +500–550 per år fra 2020');
  await expect(chart.locator('figcaption')).toContainText('Kapasitet: 2020 + framtidige arealer ferdige det året (arealnorm)');
  await expect(ssb).toContainText(/Kilde: SSB, tabell 13472 \(sysselsatte per 4\. kvartal etter arbeidsstedskommune\), CC BY 4\.0 · hentet \d{1,2}\. \w+ \d{4}/);
  await ssb.getByText('Tallene i diagrammet').click();
  await expect(ssb.getByRole('row', { name: /^2022/ })).toContainText('41 600');
  // The capacity on the same axis: 2020's figure plus the runway's capacity, which ends at the future areas' 13 619 jobs.
  await expect(ssb.getByRole('row', { name: /^2040/ })).toContainText('53 619');

  await page.goto('/arealregnskap?lang=en');
  await expect(ssb.getByRole('heading', { name: 'Jobs in Asker (SSB)' })).toBeVisible();
  await expect(ssb.getByTestId('ssb-utsagn')).toHaveText('In 2024, 42,650 people worked in Asker, +2,650 since 2020. The plan’s path gives +2,000 to +2,200 over the same years: growth is above the path.');

  // SSB not reachable and the proxy with figures kept: those, with their date.
  await page.route('**/api/offisielt/ssb/**', (r) =>
    r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ table: '13472', series: [{ year: 2020, jobs: 40_000, region: '3025' }, { year: 2021, jobs: 40_520, region: '3025' }], fetchedAt: '2026-03-02T10:00:00.000Z', stale: true, updated: null }) })
  );
  await page.goto('/arealregnskap');
  await expect(ssb).toContainText('SSB kan ikke nås nå – viser tallene som ble hentet 2. mars 2026.');
  await expect(ssb.getByTestId('ssb-utsagn')).toContainText('veksten er innenfor banen');
  // Nothing kept either: a quiet note; the rest of the report as before.
  await page.unroute('**/api/offisielt/ssb/**');
  await page.route('**/api/offisielt/ssb/**', (r) => r.fulfill({ status: 502, contentType: 'application/json', body: JSON.stringify({ error: 'upstream.unreachable' }) }));
  await page.reload();
  await expect(ssb).toContainText('SSBs tall kan ikke hentes nå, og ingen er lagret ennå.');
  await expect(ssb.getByTestId('ssb-diagram')).toHaveCount(0);
  await expect(page.getByTestId('jobbutsagn')).toHaveText(STATEMENT);
  expect(errors).toEqual([]);
});
