import { expect, test, type Page } from '@playwright/test';
import { blockInternet, collectPageErrors, openMap } from './helpers.ts';

const share = (page: Page) => page.getByRole('region', { name: 'Lagre og del' });

async function newScenario(page: Page, name: string) {
  await page.getByRole('button', { name: 'Nytt scenario' }).click();
  const input = page.getByRole('region', { name: 'Scenarier' }).getByLabel('Navn', { exact: true });
  await input.fill(name);
  await input.press('Enter');
  await input.blur();
}

test('en planlegger lagrer og deler; en folkevalgt åpner leselenken og får beskjed om nyere versjoner', async ({ browser }) => {
  const planner = await browser.newPage();
  const errors = collectPageErrors(planner);
  await blockInternet(planner);
  await openMap(planner, '/?kart=ingen');
  await newScenario(planner, 'Vekst på Billingstad');
  await share(planner).getByLabel('Ditt navn (vises i historikken)').fill('Kari Planlegger');
  await share(planner).getByRole('button', { name: 'Lagre og del' }).click();
  await expect(share(planner).getByRole('status')).toHaveText('Lagret på serveren. Lenkene under virker for alle.');
  const readLink = await share(planner).getByLabel('Lenke for å lese').inputValue();
  const editLink = await share(planner).getByLabel(/Lenke for å redigere/).inputValue();
  expect(readLink).toMatch(/\/\?delt=[A-Za-z0-9_-]{22}$/);
  expect(editLink).toMatch(/&nokkel=[A-Za-z0-9_-]{43}$/);

  // The councillor, in another browser, opens the read link.
  const councillor = await (await browser.newContext()).newPage();
  await blockInternet(councillor);
  await openMap(councillor, new URL(readLink).pathname + new URL(readLink).search);
  await expect(share(councillor).getByRole('status')).toContainText('Åpnet «Vekst på Billingstad» (versjon 1) fra en leselenke');
  await expect(councillor.getByRole('region', { name: 'Scenarier' }).getByLabel('Aktivt scenario')).toHaveValue(/.+/);
  await expect(councillor.getByRole('region', { name: 'Scenarier' }).getByLabel('Navn', { exact: true })).toHaveValue('Vekst på Billingstad');
  // The token never stays in the address.
  expect(councillor.url()).not.toContain('delt=');

  // The planner saves a new version; the councillor is told and loads it.
  const nameInput = planner.getByRole('region', { name: 'Scenarier' }).getByLabel('Navn', { exact: true });
  await nameInput.fill('Vekst på Billingstad og Nesbru');
  await nameInput.blur();
  await share(planner).getByRole('button', { name: 'Lagre og del' }).click();
  await expect(share(planner).getByRole('status')).toHaveText('Lagret som versjon 2.');
  await councillor.evaluate(() => window.dispatchEvent(new Event('focus')));
  const banner = share(councillor).getByRole('alert');
  await expect(banner).toContainText('Kari Planlegger har lagret en nyere versjon (versjon 2');
  await banner.getByRole('button', { name: 'Last inn nyeste' }).click();
  await expect(share(councillor).getByRole('status')).toHaveText('Versjon 2 er lastet inn.');
  await expect(councillor.getByRole('region', { name: 'Scenarier' }).getByLabel('Navn', { exact: true })).toHaveValue('Vekst på Billingstad og Nesbru');

  // A second editor on version 2 saves after the planner saved version 3: 409, nothing lost.
  const editor = await (await browser.newContext()).newPage();
  await blockInternet(editor);
  await openMap(editor, new URL(editLink).pathname + new URL(editLink).search);
  await expect(share(editor).getByRole('status')).toContainText('med redigeringslenke');
  await share(planner).getByRole('button', { name: 'Lagre og del' }).click();
  await expect(share(planner).getByRole('status')).toHaveText('Lagret som versjon 3.');
  await share(editor).getByLabel('Ditt navn (vises i historikken)').fill('Ola');
  await share(editor).getByRole('button', { name: 'Lagre og del' }).click();
  const conflict = share(editor).getByRole('alert').filter({ hasText: 'Ikke lagret' });
  await expect(conflict).toContainText('Ikke lagret: Kari Planlegger lagret versjon 3');
  await conflict.getByRole('button', { name: 'Lagre min som kopi' }).click();
  await expect(share(editor).getByRole('status')).toHaveText('Lagret på serveren. Lenkene under virker for alle.');
  await expect(share(editor).getByRole('list')).toContainText('Vekst på Billingstad og Nesbru (kopi) · v1');

  // The history on the server has every version, with who saved it.
  const id = new URL(readLink).searchParams.get('delt');
  const history = await (await planner.request.get(`/api/delt/${id}/historikk`)).json();
  expect(history.versions.map((v: { version: number; author: string }) => [v.version, v.author])).toEqual([
    [1, 'Kari Planlegger'],
    [2, 'Kari Planlegger'],
    [3, 'Kari Planlegger']
  ]);
  expect(errors).toEqual([]);
});

test('et navn som ser ut som HTML lagres og vises som tekst', async ({ page }) => {
  await blockInternet(page);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await openMap(page, '/?kart=ingen');
  const name = '<img src=x onerror=alert(1)>Tofte';
  await newScenario(page, name);
  await share(page).getByRole('button', { name: 'Lagre og del' }).click();
  await expect(share(page).getByRole('list')).toContainText(`${name} · v1`);
  const readLink = await share(page).getByLabel('Lenke for å lese').inputValue();
  const other = await (await page.context().browser()?.newContext())?.newPage();
  if (!other) throw new Error('ingen ny side');
  await blockInternet(other);
  await openMap(other, new URL(readLink).pathname + new URL(readLink).search);
  await expect(share(other).getByRole('status')).toContainText(`Åpnet «${name}»`);
  expect(await share(other).locator('img').count()).toBe(0);
  expect(await other.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('skisser lagret på serveren åpnes av en annen med lenken', async ({ browser }) => {
  const { encodeShare } = await import('../../src/lib/scenario/exchange.ts');
  const planner = await browser.newPage();
  await blockInternet(planner);
  const param = encodeShare([
    {
      id: 'x',
      navn: 'Tomt ved Slemmestad',
      kategori: 'lager/produksjon',
      utnyttelseBraProsent: 60,
      status: 'regulert',
      geometry: { type: 'Polygon', coordinates: [[[10.49, 59.695], [10.495, 59.695], [10.495, 59.698], [10.49, 59.698], [10.49, 59.695]]] }
    }
  ]);
  await openMap(planner, `/?kart=ingen&skisser=${param}`);
  await planner.getByText('Del, eksporter og importer').click();
  await planner.getByRole('button', { name: 'Lagre på serveren og del' }).click();
  await expect(planner.getByText('1 skisse er lagret på serveren; lenken under virker for alle.')).toBeVisible();
  const link = await planner.getByLabel('Delingslenke').inputValue();
  expect(link).toMatch(/\/\?delte-skisser=[A-Za-z0-9_-]{22}$/);

  const other = await (await browser.newContext()).newPage();
  await blockInternet(other);
  await openMap(other, new URL(link).pathname + new URL(link).search);
  await expect(other.getByText('Åpnet 1 delte skisser.')).toBeVisible();
  await expect(other.getByRole('button', { name: 'Tomt ved Slemmestad' })).toBeVisible();
  expect(other.url()).not.toContain('delte-skisser');
});
