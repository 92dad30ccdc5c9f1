import { expect, test } from '@playwright/test';
import { blockInternet, collectPageErrors } from './helpers.ts';

test('investorvisningen på engelsk: filtrer til tomter på minst 20 daa og se fakta om en tomt', async ({ page }) => {
  const errors = collectPageErrors(page);
  await blockInternet(page);
  await page.goto('/investor?lang=en');
  await expect(page.getByRole('heading', { name: 'Invest in Asker – available business sites' })).toBeVisible();
  await expect(page.getByText('Demo data – not the official zoning map')).toBeVisible();
  const count = page.getByRole('status');
  // The list fills in once the data has loaded.
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(count).toContainText(/\d+ sites/);
  const all = Number(/(\d+) sites/.exec((await count.textContent()) ?? '')?.[1]);

  const shown = async () => Number(/(\d+) sites/.exec((await count.textContent()) ?? '')?.[1]);
  // A large minimum leaves fewer sites; 20 daa keeps those of 20 daa or more.
  await page.getByLabel('Minimum size (daa)').fill('200');
  await expect.poll(shown).toBeLessThan(all);
  await page.getByLabel('Minimum size (daa)').fill('20');
  await expect.poll(shown).toBeLessThanOrEqual(all);
  const cards = page.getByRole('article');
  const n = await cards.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const area = (await cards.nth(i).locator('dd').first().textContent()) ?? '';
    expect(Number(/([\d.,]+) daa/.exec(area)?.[1]?.replace(/,/g, ''))).toBeGreaterThanOrEqual(20);
  }

  const card = cards.first();
  await card.getByRole('button', { name: 'Show on map' }).click();
  await expect(card).toContainText('Readiness');
  await expect(card).toContainText('Nearest station');
  await expect(card).toContainText('(straight line)');
  await expect(card).toContainText(/Jobs\s*about [\d,]+ jobs by the plan’s land norm; up to [\d,]+ at the assumed floor area/);
  await expect(page.getByRole('region', { name: 'Map of available business sites in Asker' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Legend' })).toContainText('Future business land');

  await page.getByRole('button', { name: 'Norsk' }).click();
  await expect(page.getByRole('heading', { name: 'Invester i Asker – ledige næringstomter' })).toBeVisible();
  await expect(page).toHaveURL(/lang=nb/);
  expect(errors).toEqual([]);
});

/** The document title Chromium writes into a PDF's info dictionary (literal or UTF-16 hex string). */
function pdfTitle(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const hex = /\/Title\s*<([0-9A-Fa-f]+)>/.exec(text);
  if (hex?.[1]) {
    const bytes = Buffer.from(hex[1], 'hex');
    const start = bytes[0] === 0xfe && bytes[1] === 0xff ? 2 : 0;
    let out = '';
    for (let i = start; i + 1 < bytes.length; i += 2) out += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
    return out;
  }
  return /\/Title\s*\(([^)]*)\)/.exec(text)?.[1] ?? '';
}

test('utvalg, sammenligning og faktaark: én A4-side per tomt med navnet', async ({ page }) => {
  await blockInternet(page);
  await page.goto('/investor?lang=en');
  const cards = page.getByRole('article');
  await expect(cards.first()).toBeVisible();
  const names = [(await cards.nth(0).getByRole('heading').textContent()) ?? '', (await cards.nth(1).getByRole('heading').textContent()) ?? ''];
  await cards.nth(0).getByRole('button', { name: 'Add to shortlist' }).click();
  await cards.nth(1).getByRole('button', { name: 'Add to shortlist' }).click();
  const compare = page.getByRole('table', { name: 'Comparison of the shortlisted sites' });
  await expect(compare.getByRole('columnheader')).toHaveText(['Fact', ...names]);

  await page.getByRole('link', { name: 'Print site sheet', exact: true }).click();
  await expect(page).toHaveURL(/\/investor\/faktaark\?lang=en&ids=/);
  const sheets = page.getByRole('article');
  await expect(sheets).toHaveCount(2);
  for (const n of names) await expect(page.getByRole('heading', { name: n, level: 1 })).toBeVisible();
  await expect(page.getByText('Demo data – not the official zoning map').first()).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR code linking to the site' })).toHaveCount(2);
  // The contact the operator set (KONTAKT_FIL), in English; never a placeholder.
  await expect(page.getByText('Contact').first()).toBeVisible();
  await expect(page.getByText('Test municipality, business unit').first()).toBeVisible();
  await expect(page.getByText('example.invalid/business').first()).toBeVisible();
  await expect(page.getByText(/fyll inn|kontakt\.json/)).toHaveCount(0);
  await page.waitForTimeout(1500);

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(2);
  const title = pdfTitle(pdf);
  for (const n of names) expect(title).toContain(n);
});

test('presentasjonsmodus blar mellom tomtene med piltastene', async ({ page }) => {
  await blockInternet(page);
  await page.goto('/investor?lang=nb');
  await expect(page.getByRole('article').first()).toBeVisible();
  await page.getByRole('button', { name: 'Presentasjon' }).click();
  await expect(page.getByText('Piltastene blar mellom tomtene i utvalget.')).toBeVisible();
  const active = () => page.locator('article.active h2').textContent();
  const first = await active();
  await page.keyboard.press('ArrowRight');
  await expect.poll(active).not.toBe(first);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(active).toBe(first);
  await page.getByRole('button', { name: 'Avslutt presentasjon' }).click();
});

test('faktaark fra hvert tomtekort; kontaktblokken på norsk, og uten kontakt satt av driften er den borte (aldri en plassholder)', async ({ page }) => {
  await blockInternet(page);
  await page.goto('/investor?lang=nb');
  const card = page.getByRole('article').first();
  const name = (await card.getByRole('heading').textContent()) ?? '';
  await card.getByRole('link', { name: `Skriv ut faktaark for ${name}` }).click();
  await expect(page).toHaveURL(/\/investor\/faktaark\?lang=nb&ids=/);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByText('Testkommunen, næringsavdelingen')).toBeVisible();
  await expect(page.getByText('kari@example.invalid · +47 000 00 000')).toBeVisible();

  // No contact configured: the block is left out.
  await page.route('**/api/kontakt', (r) => r.fulfill({ json: { contact: null } }));
  await page.reload();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.getByText('Kontakt', { exact: true })).toHaveCount(0);
  await expect(page.getByText(/fyll inn/)).toHaveCount(0);
});

test('på engelsk: stasjonene heter «… station», arbeidsplassene leses naturlig, og sammenligningen nevner stasjonen', async ({ page }) => {
  await blockInternet(page);
  await page.goto('/investor?lang=en');
  const cards = page.getByRole('article');
  await expect(cards.first()).toBeVisible();
  const text = (await cards.first().textContent()) ?? '';
  expect(text).toMatch(/[A-ZÆØÅ][\wæøå-]+ station, [\d.,]+ k?m \(straight line\)/);
  expect(text).not.toMatch(/stasjon/);
  expect(text.replace(/\s+/g, ' ')).toMatch(/about [\d,]+ jobs by the plan’s land norm; up to [\d,]+ at the assumed floor area/);
  await cards.nth(0).getByRole('button', { name: 'Add to shortlist' }).click();
  await cards.nth(1).getByRole('button', { name: 'Add to shortlist' }).click();
  const compare = page.getByRole('table', { name: 'Comparison of the shortlisted sites' });
  const stationRow = compare.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Nearest station' }) });
  await expect(stationRow.getByRole('cell').first()).toHaveText(/^[A-ZÆØÅ][\wæøå-]+ station, [\d.,]+ k?m$/);
});

test('en ?tomt=-lenke fremhever kortet og ruller det fram, navnet står i kartet, «Vis i kartet» navngir utvalget, og uten bakgrunnskart sier siden fra', async ({ page }) => {
  // blockInternet makes the basemap's tiles fail, as offline.
  await blockInternet(page);
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto('/investor?lang=nb');
  const cards = page.getByRole('article');
  await expect(cards.first()).toBeVisible();
  const count = await cards.count();
  const last = cards.nth(count - 1);
  const name = ((await last.getByRole('heading').textContent()) ?? '').trim();
  const id = ((await last.getAttribute('aria-labelledby')) ?? '').replace(/^site-/, '');

  await page.goto(`/investor?lang=nb&tomt=${encodeURIComponent(id)}`);
  const card = page.locator(`article[aria-labelledby="site-${id}"]`);
  await expect(card).toHaveAttribute('aria-current', 'true');
  await expect(card).toBeInViewport();
  await expect(page.locator('.site-label')).toHaveText([name]);
  await expect(page.getByRole('status').filter({ hasText: 'Bakgrunnskartet er ikke tilgjengelig' })).toBeVisible();

  // Two sites shortlisted and shown on the map: both named there.
  const names = [((await cards.nth(0).getByRole('heading').textContent()) ?? '').trim(), ((await cards.nth(1).getByRole('heading').textContent()) ?? '').trim()];
  await cards.nth(0).getByRole('button', { name: 'Legg til i utvalget' }).click();
  await cards.nth(1).getByRole('button', { name: 'Legg til i utvalget' }).click();
  await page.getByRole('region', { name: /Utvalg/ }).getByRole('button', { name: 'Vis i kartet' }).click();
  await expect(page.locator('.site-label')).toHaveText(names);
});

test('faktaarkets kart gir sammenheng: tomtas navn, nærmeste stasjon og hovedveg med navn, et oversiktskart, og målestokken fri', async ({ page }) => {
  await blockInternet(page);
  await page.goto('/investor?lang=en');
  const card = page.getByRole('article').first();
  await expect(card).toBeVisible();
  const name = ((await card.getByRole('heading').textContent()) ?? '').trim();
  const facts = ((await card.textContent()) ?? '').replace(/\s+/g, ' ');
  const station = /Nearest station (.+? station),/.exec(facts)?.[1] ?? '';
  expect(station).not.toBe('');
  await card.getByRole('link', { name: `Print the site sheet for ${name}` }).click();
  const map = page.locator('article .map');
  await page.waitForFunction(() => [...((window as unknown as { __naeringMaps?: Set<import('maplibre-gl').Map> }).__naeringMaps ?? [])].some((m) => m.loaded()));
  await page.waitForTimeout(800);
  await expect(map.locator('.site-label').filter({ hasText: name })).toBeVisible();
  await expect(map.locator('.site-label').filter({ hasText: /^E(18|134)$/ })).toBeVisible();
  await expect(map.locator('.station-label').filter({ hasText: station })).toBeVisible();
  await expect(map.getByRole('img', { name: 'Overview map: where in Asker the map shows' })).toBeVisible();
  await expect(map.locator('.maplibregl-ctrl-attrib')).toHaveCount(0);
  await expect(page.locator('p.attribution')).toContainText('Kartverket');
  const scale = await map.locator('.maplibregl-ctrl-scale').boundingBox();
  const inset = await map.getByRole('img', { name: /Overview map/ }).boundingBox();
  if (!scale || !inset) throw new Error('mangler målestokk eller oversiktskart');
  expect(scale.y).toBeGreaterThan(inset.y + inset.height);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
});

test('presentasjonsmodus for et møterom: stort kart, stort navn og nøkkeltall, hintet dekker ingenting, og piltastene går gjennom utvalget', async ({ page }) => {
  await blockInternet(page);
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto('/investor?lang=nb');
  const cards = page.getByRole('article');
  await expect(cards.first()).toBeVisible();
  const picked = [((await cards.nth(2).getByRole('heading').textContent()) ?? '').trim(), ((await cards.nth(0).getByRole('heading').textContent()) ?? '').trim()];
  await cards.nth(2).getByRole('button', { name: 'Legg til i utvalget' }).click();
  await cards.nth(0).getByRole('button', { name: 'Legg til i utvalget' }).click();
  await page.getByRole('button', { name: 'Presentasjon' }).click();

  const shown = page.locator('article.active h2');
  await expect(shown).toHaveText(picked[0] as string);
  await expect(page.getByText('Tomt 1 av 2')).toBeVisible();
  expect(await shown.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(32);
  // The map takes most of the screen.
  const map = await page.locator('main.map').boundingBox();
  expect(map?.width ?? 0).toBeGreaterThan(0.6 * 1600);
  // The hint sits in the header bar: it covers neither the site nor the map.
  const hint = await page.getByText('Piltastene blar mellom tomtene i utvalget.').boundingBox();
  const panel = await page.locator('section.presented').boundingBox();
  if (!hint || !panel || !map) throw new Error('mangler hint, panel eller kart');
  expect(hint.y + hint.height).toBeLessThanOrEqual(Math.min(panel.y, map.y) + 1);
  // The arrow keys step through the shortlist, and round.
  await page.keyboard.press('ArrowRight');
  await expect(shown).toHaveText(picked[1] as string);
  await expect(page.getByText('Tomt 2 av 2')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(shown).toHaveText(picked[0] as string);
  await expect(page.locator('.site-label')).toHaveText([picked[0] as string]);
});
