import { expect, test } from '@playwright/test';
import { blockInternet, collectPageErrors } from './helpers.ts';

test('investorvisningen på engelsk: filtrer til tomter på minst 20 daa og se fakta om en tomt', async ({ page }) => {
  const errors = collectPageErrors(page);
  await blockInternet(page);
  await page.goto('/investor?lang=en');
  await expect(page.getByRole('heading', { name: 'Invest in Asker – available business sites' })).toBeVisible();
  await expect(page.getByText('Demo data – not the official zoning map')).toBeVisible();
  const count = page.getByRole('status');
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
  await expect(card).toContainText(/Jobs\s*[\d,]+(–[\d,]+)? \(floor space\), [\d,]+ \(land\)/);
  await expect(page.getByRole('region', { name: 'Map of available business sites in Asker' })).toBeVisible();

  await page.getByRole('button', { name: 'Norsk' }).click();
  await expect(page.getByRole('heading', { name: 'Invester i Asker – ledige næringstomter' })).toBeVisible();
  await expect(page).toHaveURL(/lang=nb/);
  expect(errors).toEqual([]);
});
