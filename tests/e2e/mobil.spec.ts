// Phones and tablets: no page scrolls sideways from 360 to 1024 px; on a phone the panels and the
// map take turns («Paneler»/«Kart», on /investor «Liste»/«Kart»); on a tablet a planner draws with touch.
import { expect, test, type Page } from '@playwright/test';
import { blockInternet, collectPageErrors } from './helpers.ts';

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** The map canvas: shown, with a size, and inside the viewport. */
async function mapOnScreen(page: Page, width: number, height: number) {
  const box = await page.locator('canvas.maplibregl-canvas').first().boundingBox();
  expect(box).not.toBeNull();
  if (!box) return;
  expect(box.width).toBeGreaterThan(width * 0.8);
  expect(box.height).toBeGreaterThan(height * 0.4);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width + 1);
  expect(box.y + box.height / 2).toBeLessThan(height);
}

for (const width of [360, 390, 820, 1024]) {
  test(`ingen side ruller sidelengs ved ${width} px`, async ({ page }) => {
    await blockInternet(page);
    await page.setViewportSize({ width, height: 844 });
    for (const path of ['/?kart=ingen', '/investor', '/arealregnskap', '/investor?lang=en']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await page.waitForTimeout(400);
      expect(await noSidewaysScroll(page), `${path} ved ${width} px`).toBe(true);
    }
  });
}

test('på en telefon (390×844) bytter «Kart» og «Paneler» mellom kartet og panelene, og hele toppen er synlig', async ({ page }) => {
  const errors = collectPageErrors(page);
  await blockInternet(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?kart=ingen');
  await expect(page.getByRole('button', { name: 'English' })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('link', { name: /Invester i Asker/ })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('heading', { name: 'Nøkkeltall for kommunen' })).toBeVisible();
  await page.getByRole('button', { name: 'Kart', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Nøkkeltall for kommunen' })).toBeHidden();
  await mapOnScreen(page, 390, 844);
  await page.getByRole('button', { name: 'Paneler' }).click();
  await expect(page.getByRole('heading', { name: 'Nøkkeltall for kommunen' })).toBeVisible();
  // An area found in the list brings the map forward with its panel over it.
  await page.getByRole('searchbox', { name: 'Navn eller sted' }).fill('billingstad kon');
  await page.getByRole('list', { name: 'Treff' }).getByRole('button').first().click();
  await expect(page.getByRole('complementary', { name: 'Billingstad kontor' })).toBeVisible();
  await mapOnScreen(page, 390, 844);
  expect(await noSidewaysScroll(page)).toBe(true);
  expect(errors).toEqual([]);
});

test('investorsiden på en telefon: «Kart» viser kartet på skjermen, «Vis i kartet» på et kort også', async ({ page }) => {
  await blockInternet(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/investor?lang=en');
  await expect(page.getByRole('button', { name: 'English' })).toBeInViewport({ ratio: 1 });
  const card = page.getByRole('article').first();
  await expect(card).toBeVisible();
  await page.getByRole('button', { name: 'Map', exact: true }).click();
  await mapOnScreen(page, 390, 844);
  await page.getByRole('button', { name: 'List', exact: true }).click();
  const name = ((await card.getByRole('heading').textContent()) ?? '').trim();
  await card.getByRole('button', { name: 'Show on map' }).click();
  await mapOnScreen(page, 390, 844);
  await expect(page.locator('.site-label')).toHaveText([name]);
});

test('på et nettbrett (820×1180) tegner en planlegger et område med fingeren', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await blockInternet(page);
  await page.goto('/?kart=ingen&lag=skisser#14/59.640/10.470');
  await page.waitForFunction(() => Boolean((window as unknown as { __naeringMap?: { loaded(): boolean } }).__naeringMap?.loaded()));
  await page.getByRole('checkbox', { name: 'Fest til hjørner og kanter' }).uncheck();
  await page.getByRole('button', { name: 'Tegn område' }).tap();
  const box = await page.locator('.map-area').boundingBox();
  if (!box) throw new Error('ingen kartflate');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const pts = [
    [cx - 80, cy - 80],
    [cx + 80, cy - 80],
    [cx + 80, cy + 80],
    [cx - 80, cy + 80],
    [cx - 80, cy - 80]
  ] as const;
  for (const [x, y] of pts) {
    await page.touchscreen.tap(x, y);
    await page.waitForTimeout(150);
  }
  await expect(page.getByRole('button', { name: 'Skisse 1' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Nøkkeltall for skisse' })).toContainText('daa (planart, EPSG:25832)');
  expect(await noSidewaysScroll(page)).toBe(true);
  await context.close();
});
