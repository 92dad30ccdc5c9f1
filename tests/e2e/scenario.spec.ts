import { expect, test } from '@playwright/test';
import type { Polygon } from 'geojson';
import { areaPlanarM2 } from '../../src/lib/geo/area.ts';
import { centroidPlanar } from '../../src/lib/geo/centroid.ts';
import { projectPosition } from '../../src/lib/geo/crs.ts';
import { PNG } from 'pngjs';
import { blockInternet, collectPageErrors, mapIdle, openMap, pagePoint, sourceFeature, startScenarioOn } from './helpers.ts';

const plain = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

test('et scenario der Billingstad omdisponeres til bolig viser avgang og lavere kapasitet', async ({ page }) => {
  const errors = collectPageErrors(page);
  await blockInternet(page);
  const { geometry, panel } = await startScenarioOn(page, 'n-billingstad-kontor', 'Billingstad kontor');
  const areaDaa = areaPlanarM2(geometry) / 1000;
  await panel.getByLabel('Omdisponer til').selectOption('bolig');
  await panel.getByRole('button', { name: 'Omdisponer' }).click();

  await expect(page.getByRole('list', { name: 'Endringer i scenariet' })).toContainText('Omdisponer Billingstad kontor til bolig');
  const cmp = page.getByRole('region', { name: 'Sammenligning: grunnlag mot scenario' });
  /** A figure of the comparison as «before → after (change)». */
  const row = async (label: string) => plain(await cmp.locator('.figure').filter({ has: page.getByText(label, { exact: true }) }).locator('dd').textContent());
  const daa = Math.round(areaDaa).toLocaleString('nb-NO').replace(/\s/g, ' ');
  expect(await row('Avgang')).toBe(`0 daa → ${daa} daa (+${daa} daa)`);
  const jobs = Math.round((areaDaa * 1000) / 420).toLocaleString('nb-NO').replace(/\s/g, ' ');
  expect(await row('Arbeidsplasskapasitet, alle områder (tomteareal)')).toMatch(new RegExp(`\\(−${jobs}\\)$`));
  // In the 21 rem side panel no value breaks inside a number or between number and unit, and no word breaks.
  for (const v of await cmp.locator('.v').all()) expect(await v.evaluate((el) => el.getClientRects().length)).toBe(1);
  // The reserve lasts the whole period in both: said once per side, no stray dash.
  expect(await row('Reserven brukt opp (ved 500–550/år)')).toBe('ikke i perioden → ikke i perioden');
  expect(await cmp.locator('dt').first().evaluate((el) => getComputedStyle(el).overflowWrap)).not.toBe('anywhere');

  // The map marks the area as avgang (feature-state, drawn red).
  const state = () =>
    page.evaluate(() => (window as unknown as { __naeringMap: import('maplibre-gl').Map }).__naeringMap.getFeatureState({ source: 'app-naering-naa', id: 'n-billingstad-kontor' }));
  await expect.poll(async () => (await state()).endring).toBe('avgang');

  // A second scenario compared with the first: the difference runs the other way.
  await page.getByRole('button', { name: 'Nytt scenario' }).click();
  await page.getByLabel('Sammenlign med').selectOption({ label: 'Scenario 1' });
  await expect.poll(() => row('Avgang')).toBe(`${daa} daa → 0 daa (−${daa} daa)`);
  await expect(cmp).toContainText('Scenario 1 mot «Scenario 2»');
  await page.getByLabel('Aktivt scenario').selectOption({ label: 'Scenario 1' });

  // Switching the change off brings the scenario back to the baseline.
  await page.getByRole('checkbox', { name: 'Omdisponer Billingstad kontor til bolig' }).uncheck();
  await page.getByLabel('Sammenlign med').selectOption({ label: 'Grunnlaget' });
  await expect.poll(() => row('Avgang')).toBe('0 daa → 0 daa (–)');
  await expect.poll(async () => (await state()).endring ?? null).toBeNull();

  // The scenario survives a reload.
  await page.reload();
  await expect(page.getByRole('list', { name: 'Endringer i scenariet' })).toContainText('Billingstad kontor');
  expect(errors).toEqual([]);
});

test('forutsetningene i et scenario regner om tallene, og kan tilbakestilles til planens tall', async ({ page }) => {
  await blockInternet(page);
  await openMap(page, '/?kart=ingen');
  await page.getByRole('button', { name: 'Nytt scenario' }).click();
  const table = page.getByRole('table', { name: 'Sammenligning: grunnlag mot scenario' });
  const cells = async (label: string) =>
    (await table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) }).locator('th, td').allTextContents()).map(plain);
  const label = 'Kapasitet i framtidige områder (tomteareal)';
  const [, base] = await cells(label);
  await page.getByText('Forutsetninger', { exact: true }).click();
  const field = page.getByLabel('Brutto tomteareal per arbeidsplass (m²)');
  await field.fill('210');
  await field.press('Enter');
  await field.blur();
  const num = (s: string | undefined) => Number((s ?? '').replace(/\s/g, ''));
  await expect.poll(async () => num((await cells(label))[2])).toBe(2 * num(base));
  await expect(page.getByText('Forutsetninger som avviker fra planens tall:')).toBeVisible();

  await field.fill('-3');
  await field.blur();
  await expect(page.getByRole('alert')).toContainText('større enn 0');
  await page.getByRole('button', { name: 'Tilbakestill til planens tall' }).click();
  await expect.poll(async () => (await cells(label))[2]).toBe(base);
});

test('arealregnskapet viser rullebanen og en sorterbar tabell per område', async ({ page }) => {
  await blockInternet(page);
  await openMap(page, '/?kart=ingen');
  // The sidebar keeps the headline figures; the accounts are in the report it links to.
  const href = await page.getByRole('link', { name: /Arealregnskap for planen/ }).getAttribute('href');
  await page.goto(href ?? '');
  await expect(page.getByRole('img', { name: /Grunnlaget: kapasitet i framtidige områder.*Reserven/ })).toBeVisible();
  const table = page.getByRole('table', { name: 'Per område (framtidig kapasitet)' });
  const firstArea = async () => plain(await table.locator('tbody tr').first().locator('th').textContent());
  expect(await firstArea()).toBe('Asker sentrum');
  // Numbers sort largest first on the first click, then the other way.
  await table.getByRole('button', { name: 'Framtidig (daa)' }).click();
  await expect(table.getByRole('columnheader', { name: 'Framtidig (daa)' })).toHaveAttribute('aria-sort', 'descending');
  expect(await firstArea()).toBe('E134-korridoren');
  await table.getByRole('button', { name: 'Framtidig (daa)' }).click();
  await expect(table.getByRole('columnheader', { name: 'Framtidig (daa)' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('table', { name: /Indikatorer i temaplanen/ })).toContainText('Nasjonalt jordvernmål');
});

test('utskriften for møtet viser kart, tegnforklaring, tabell og demomerking på én A4-side', async ({ page }) => {
  await blockInternet(page);
  // Make a scenario the way a user does, then open its print view.
  await openMap(page, '/?kart=ingen');
  await page.getByRole('button', { name: 'Nytt scenario' }).click();
  const name = page.getByRole('region', { name: 'Scenarier' }).getByLabel('Navn', { exact: true });
  await name.fill('Møte 5. desember');
  await name.press('Enter');
  await name.blur();
  const href = await page.getByRole('link', { name: 'Utskrift for møte (A4)' }).getAttribute('href');
  expect(href).toMatch(/^\/utskrift\?scenario=/);
  await page.goto(href ?? '');
  await expect(page.getByRole('heading', { name: 'Næringsareal i Asker: «Møte 5. desember»' })).toBeVisible();
  await page.waitForFunction(() => Boolean((window as unknown as { __naeringMap?: unknown }).__naeringMap));
  await mapIdle(page);
  await expect(page.getByRole('table', { name: 'Sammenligning: grunnlag mot scenario' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Tegnforklaring' })).toContainText('Nåværende næringsareal');
  await expect(page.getByRole('img', { name: 'Nordpil' })).toBeVisible();
  await expect(page.getByText('Demodata – ikke offisielt plankart').first()).toBeVisible();
  await expect(page.getByText('EPSG:25832').first()).toBeVisible();

  // The map is drawn (the kommune boundary crosses the map somewhere) in the print layout.
  await page.emulateMedia({ media: 'print' });
  const shot = PNG.sync.read(await page.locator('section.map').screenshot());
  let drawn = 0;
  for (let i = 0; i < shot.data.length; i += 4) if (Math.abs((shot.data[i] ?? 0) - 0xf4) > 40) drawn++;
  expect(drawn).toBeGreaterThan(500);

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF')).toBe(true);
  expect(text.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
});

test('en lenke til et scenario gjenskaper det i en annen nettleser', async ({ page, browser }) => {
  await blockInternet(page);
  await startScenarioOn(page, 'n-billingstad-kontor', 'Billingstad kontor');
  await page.getByRole('button', { name: 'Omdisponer' }).click();
  await page.getByRole('button', { name: 'Kopier lenke til scenariet' }).click();
  const link = await page.getByLabel('Lenke til scenariet').inputValue();
  expect(link).toMatch(/[?&]scenario=/);

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await blockInternet(fresh);
  await fresh.goto(new URL(link).pathname + new URL(link).search);
  await expect(fresh.getByRole('list', { name: 'Endringer i scenariet' })).toContainText('Omdisponer Billingstad kontor til bolig');
  await expect(fresh).not.toHaveURL(/scenario=/);
  await other.close();
});

test('kartene kan vises side om side og følger hverandre', async ({ page }) => {
  await blockInternet(page);
  await openMap(page, '/?kart=ingen#12/59.84/10.44');
  await page.getByRole('button', { name: 'Nytt scenario' }).click();
  await page.getByLabel('Vis kartene side om side').check();
  const left = page.getByRole('region', { name: 'Kart: Grunnlaget' });
  const right = page.getByRole('region', { name: 'Kart over Asker kommune' });
  await expect(left).toBeVisible();
  await expect(right).toBeVisible();
  await page.waitForTimeout(500);
  const before = await left.screenshot();
  const box = await right.boundingBox();
  if (!box) throw new Error('ingen kartflate');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.waitForTimeout(500);
  expect((await left.screenshot()).equals(before)).toBe(false);
});

test('endret utnyttelse for et framtidig område i et scenario endrer gulvarealkapasiteten', async ({ page }) => {
  await blockInternet(page);
  const f = sourceFeature('naeringsareal.geojson', 'id', 'n-asker-sentrum-nord');
  const [lon, lat] = projectPosition(centroidPlanar(f.geometry as Polygon), 'EPSG:25832', 'EPSG:4326');
  await openMap(page, `/?kart=ingen&lag=naering-framtidig#15/${lat}/${lon}`);
  await page.getByRole('button', { name: 'Nytt scenario' }).click();
  const at = await pagePoint(page, [lon, lat]);
  await page.mouse.click(at.x, at.y);
  const panel = page.getByRole('complementary', { name: 'Asker sentrum nord' });
  await panel.getByLabel('Ny utnyttelse i scenariet (%BRA)').fill('0');
  await expect(panel.getByRole('button', { name: 'Endre utnyttelse' })).toBeDisabled();
  await panel.getByLabel('Ny utnyttelse i scenariet (%BRA)').fill('125');
  await panel.getByRole('button', { name: 'Endre utnyttelse' }).click();
  await expect(page.getByRole('list', { name: 'Endringer i scenariet' })).toContainText('Asker sentrum nord: utnyttelse 125 %BRA');
  const cmp = page.getByRole('region', { name: 'Sammenligning: grunnlag mot scenario' });
  const figure = plain(await cmp.locator('.figure').filter({ has: page.getByText('Kapasitet i framtidige områder (gulvareal, lav)', { exact: true }) }).locator('dd').textContent());
  // Area × (the area's own %BRA − 125 %BRA) × 0.8 net ÷ 30 m² per office job fewer jobs.
  const u = f.properties.utnyttelse_bra_prosent as number;
  const fewer = Math.round((areaPlanarM2(f.geometry as Polygon) * ((u - 125) / 100) * 0.8) / 30);
  expect(figure).toMatch(new RegExp(`\\(−${fewer.toLocaleString('nb-NO').replace(/\s/g, ' ')}\\)$`));
});

test('utskriften rammer inn endringene: området er tydelig, navnet står i kartet, et oversiktskart viser hvor, og kildehenvisningen dekker ikke målestokken', async ({ page }) => {
  await blockInternet(page);
  const { geometry, panel } = await startScenarioOn(page, 'n-billingstad-kontor', 'Billingstad kontor');
  await panel.getByLabel('Omdisponer til').selectOption('lnf');
  await panel.getByRole('button', { name: 'Omdisponer' }).click();
  const href = await page.getByRole('link', { name: 'Utskrift for møte (A4)' }).getAttribute('href');
  await page.goto(href ?? '');
  await page.waitForFunction(() => Boolean((window as unknown as { __naeringMap?: unknown }).__naeringMap));
  await mapIdle(page);
  await page.emulateMedia({ media: 'print' });
  await mapIdle(page);

  // The changed area at a scale where 20 daa (a square of 141 m) is clearly visible.
  const side20daa = await page.evaluate(([x, y]) => {
    const m = (window as unknown as { __naeringMap: import('maplibre-gl').Map }).__naeringMap;
    const a = m.project([x as number, y as number]);
    // 141 m east at this latitude.
    const b = m.project([(x as number) + 141 / (111320 * Math.cos(((y as number) * Math.PI) / 180)), y as number]);
    return Math.abs(b.x - a.x);
  }, projectPosition(centroidPlanar(geometry), 'EPSG:25832', 'EPSG:4326'));
  expect(side20daa).toBeGreaterThan(25);
  const map = page.locator('section.map');
  await expect(map.locator('.site-label')).toHaveText(['Billingstad kontor']);
  await expect(map.getByRole('img', { name: 'Oversiktskart: hvor i Asker kartet viser' })).toBeVisible();
  // The attribution is a caption under the map: nothing covers the scale bar, and no stray «▼».
  await expect(map.locator('.maplibregl-ctrl-attrib')).toHaveCount(0);
  await expect(page.locator('p.attribution')).toContainText('Kartverket');
  expect(await map.textContent()).not.toContain('▼');
  const scale = await map.locator('.maplibregl-ctrl-scale').boundingBox();
  const inset = await map.getByRole('img', { name: /Oversiktskart/ }).boundingBox();
  const mapBox = await map.boundingBox();
  if (!scale || !inset || !mapBox) throw new Error('mangler målestokk, oversiktskart eller kart');
  expect(scale.y + scale.height).toBeLessThanOrEqual(mapBox.y + mapBox.height + 1);
  expect(scale.y).toBeGreaterThan(inset.y + inset.height);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
});

test('side om side: begge kartene starter på samme utsnitt, og en ny tomt i scenarioet tegnes straks, uten panorering', async ({ page }) => {
  await blockInternet(page);
  await openMap(page, '/?kart=ingen&lag=skisser#14/59.640/10.470');
  await page.getByRole('checkbox', { name: 'Fest til hjørner og kanter' }).uncheck();
  // Pan first, so the main map is not where a new map would start.
  await page.evaluate(() => (window as unknown as { __naeringMap: import('maplibre-gl').Map }).__naeringMap.jumpTo({ center: [10.48, 59.645], zoom: 14.5 }));
  await page.getByRole('button', { name: 'Nytt scenario' }).click();
  await page.getByLabel('Vis kartene side om side').check();
  const cameras = () =>
    page.evaluate(() => [...((window as unknown as { __naeringMaps: Set<import('maplibre-gl').Map> }).__naeringMaps ?? [])].map((m) => [m.getCenter().lng.toFixed(5), m.getCenter().lat.toFixed(5), m.getZoom().toFixed(2)].join(' ')));
  await expect.poll(async () => (await cameras()).length).toBe(2);
  await expect.poll(async () => new Set(await cameras()).size).toBe(1);
  expect((await cameras())[0]).toBe('10.48000 59.64500 14.50');

  // A rectangle on the scenario's map, added to the scenario: drawn as a gain at once.
  await page.getByRole('button', { name: 'Rektangel' }).click();
  const box = await page.locator('.map-area .pane').nth(1).boundingBox();
  if (!box) throw new Error('ingen kartflate');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.click(cx - 60, cy - 60);
  await page.mouse.move(cx + 60, cy + 60, { steps: 5 });
  await page.mouse.click(cx + 60, cy + 60);
  await page.getByRole('button', { name: 'Legg til i scenario' }).click();
  await mapIdle(page);
  // The green gain outline is on the scenario's map, at the rectangle's edge, without panning.
  const edge = PNG.sync.read(await page.screenshot({ clip: { x: Math.round(cx - 60) - 2, y: Math.round(cy) - 2, width: 5, height: 5 } }));
  let green = 0;
  for (let i = 0; i < edge.data.length; i += 4) if ((edge.data[i + 1] ?? 0) > 110 && (edge.data[i] ?? 0) < 90 && (edge.data[i + 2] ?? 0) < 90) green++;
  expect(green).toBeGreaterThan(0);
  await expect.poll(async () => new Set(await cameras()).size).toBe(1);
});

test('«Sysselsatte i Asker (SSB)» i scenariopanelet: SSBs tall mot banen og scenarioets kapasitet, hentet først når det åpnes', async ({ page }) => {
  await blockInternet(page);
  const errors = collectPageErrors(page);
  const asked: string[] = [];
  page.on('request', (r) => r.url().includes('/api/offisielt/ssb/') && asked.push(r.url()));
  await openMap(page, '/?kart=ingen');
  await page.getByRole('button', { name: 'Nytt scenario' }).click();
  const fold = page.locator('details.ssb');
  await expect(fold.locator('summary')).toHaveText('Sysselsatte i Asker (SSB)');
  expect(asked).toEqual([]);
  await fold.locator('summary').click();
  await expect(fold.getByTestId('ssb-utsagn')).toContainText('I 2024 hadde 42 650 personer arbeidssted i Asker');
  await expect(fold.getByTestId('ssb-diagram').locator('circle')).toHaveCount(5);
  expect(asked).toHaveLength(1);
  // The side panel never gets wider than itself.
  const widths = await fold.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(widths[0]).toBeLessThanOrEqual((widths[1] ?? 0) + 1);
  expect(errors).toEqual([]);
});
