import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { Polygon } from 'geojson';
import { areaPlanarM2 } from '../../src/lib/geo/area.ts';
import { reprojectGeometry } from '../../src/lib/geo/crs.ts';
import { blockInternet, collectPageErrors, mapIdle, openMap, stationCoords } from './helpers.ts';

const plain = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');

/** Draws a polygon by clicking the given page points, then the first one again to finish. */
async function drawPolygon(page: Page, points: { x: number; y: number }[]) {
  await page.getByRole('button', { name: 'Tegn område' }).click();
  for (const p of points) {
    await page.mouse.move(p.x, p.y);
    await page.mouse.click(p.x, p.y);
  }
  const first = points[0] as { x: number; y: number };
  await page.mouse.move(first.x, first.y);
  await page.mouse.click(first.x, first.y);
}

/** The WGS84 positions under page points. */
async function lngLats(page: Page, points: { x: number; y: number }[]): Promise<[number, number][]> {
  return page.evaluate((pts) => {
    const map = (window as unknown as { __naeringMap: import('maplibre-gl').Map }).__naeringMap;
    const r = map.getCanvas().getBoundingClientRect();
    return pts.map((p) => {
      const ll = map.unproject([p.x - r.left, p.y - r.top]);
      return [ll.lng, ll.lat] as [number, number];
    });
  }, points);
}

async function square(page: Page, size: number) {
  const box = await page.locator('.map-area').boundingBox();
  if (!box) throw new Error('ingen kartflate');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return [
    { x: cx - size, y: cy - size },
    { x: cx + size, y: cy - size },
    { x: cx + size, y: cy + size },
    { x: cx - size, y: cy + size }
  ];
}

test.describe('skisser', () => {
  test('et hjørne på et stasjonsnavn og et avsluttende klikk på et område: formen blir en skisse, ingen panel åpnes og kartet endrer ikke størrelse', async ({ page }) => {
    const errors = collectPageErrors(page);
    await blockInternet(page);
    // Gullhella stasjon, with the næring areas around it and the station names on.
    const [lon, lat] = stationCoords('Gullhella stasjon');
    await openMap(page, `/?kart=ingen&lag=naering-naa,naering-framtidig,skisser,stasjoner#15/${lat}/${lon}`);
    await page.getByRole('checkbox', { name: 'Fest til hjørner og kanter' }).uncheck();
    const label = page.locator('.station-label', { hasText: 'Gullhella' });
    await expect(label).toBeVisible();
    const lb = await label.boundingBox();
    const before = await page.locator('.map-area').boundingBox();
    if (!lb || !before) throw new Error('ingen stasjonsetikett eller kartflate');
    // The first vertex (and so the finishing click) on the label, the others around it.
    const at = { x: lb.x + lb.width / 2, y: lb.y + lb.height / 2 };
    await drawPolygon(page, [at, { x: at.x + 140, y: at.y - 20 }, { x: at.x + 150, y: at.y + 110 }, { x: at.x - 10, y: at.y + 100 }]);

    await expect(page.getByRole('button', { name: 'Skisse 1' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Gullhella stasjon' })).toHaveCount(0);
    await expect(page.locator('aside.feature')).toHaveCount(0);
    expect(await page.locator('.map-area').boundingBox()).toEqual(before);
    // After drawing, a click on the station name selects it again: name, line and the source as a note, no raw fields.
    await label.click();
    const panel = page.locator('aside.feature');
    await expect(panel).toHaveCount(1);
    await expect(panel.getByRole('heading', { name: 'Gullhella stasjon' })).toBeVisible();
    await expect(panel.getByTestId('stasjon')).toHaveText(/Linje\s*Spikkestadlinjen \(L1\)/);
    await expect(panel.locator('.source')).toContainText('Kilde for plasseringen:');
    await expect(panel).not.toContainText('presisjon');
    await expect(panel.locator('dt')).toHaveCount(1);
    expect(errors).toEqual([]);
  });

  test('tallene for skissene som CSV åpner riktig i norsk Excel: BOM, semikolon og desimalkomma', async ({ page }) => {
    await blockInternet(page);
    await openMap(page, '/?kart=ingen&lag=skisser#14/59.640/10.470');
    await page.getByRole('checkbox', { name: 'Fest til hjørner og kanter' }).uncheck();
    await drawPolygon(page, await square(page, 80));
    await expect(page.getByRole('button', { name: 'Skisse 1' })).toBeVisible();
    await page.getByText('Del, eksporter og importer').click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tall som CSV' }).click()]);
    const bytes = readFileSync(await file.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [head, row] = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    const columns = (head ?? '').split(';');
    expect(columns).toContain('areal_daa');
    const area = (row ?? '').split(';')[columns.indexOf('areal_daa')];
    expect(area).toMatch(/^\d+,\d{1,3}$/);
  });

  test('hvert tegneverktøy har sitt eget hint', async ({ page }) => {
    await blockInternet(page);
    await openMap(page, '/?kart=ingen&lag=skisser#14/59.640/10.470');
    const hint = page.getByTestId('tegnehint');
    for (const [tool, text] of [
      ['Tegn område', 'klikk det første punktet igjen'],
      ['Rektangel', 'det motsatte hjørnet'],
      ['Frihånd', 'før musen rundt området']
    ] as const) {
      await page.getByRole('button', { name: tool }).click();
      await expect(hint).toContainText(text);
      await page.keyboard.press('Escape');
      await expect(hint).toHaveCount(0);
    }
  });

  test('tegn et område: tallene vises og stemmer med motoren; angre, gjør om og last på nytt', async ({ page }) => {
    const errors = collectPageErrors(page);
    await blockInternet(page);
    // Somewhere in Asker syd with no næring and no farmland, snapping off.
    await openMap(page, '/?kart=ingen&lag=skisser#14/59.640/10.470');
    await page.getByRole('checkbox', { name: 'Fest til hjørner og kanter' }).uncheck();
    await expect(page.getByRole('button', { name: 'Tegn område' })).toBeEnabled();
    const pts = await square(page, 80);
    await drawPolygon(page, pts);

    const figures = page.getByRole('region', { name: 'Nøkkeltall for skisse' });
    await expect(figures).toContainText('daa (planart, EPSG:25832)');
    await expect(figures).toContainText('Arbeidsplasser, tomteareal');

    // The area shown agrees with the engine's planar area of the clicked coordinates within 0,5 %.
    const ring = await lngLats(page, pts);
    const drawn: Polygon = { type: 'Polygon', coordinates: [[...ring, ring[0] as [number, number]]] };
    const expectedDaa = areaPlanarM2(reprojectGeometry(drawn, 'EPSG:4326', 'EPSG:25832')) / 1000;
    const shown = Number(/Areal ([\d ,]+) daa/.exec(plain(await figures.textContent()))?.[1]?.replace(/ /g, '').replace(',', '.'));
    expect(Math.abs(shown / expectedDaa - 1)).toBeLessThan(0.005);

    const list = page.getByRole('button', { name: 'Skisse 1' });
    await expect(list).toBeVisible();
    await page.getByRole('button', { name: 'Angre' }).click();
    await expect(list).toBeHidden();
    await page.getByRole('button', { name: 'Gjør om' }).click();
    await expect(list).toBeVisible();

    await page.reload();
    await mapIdle(page).catch(() => undefined);
    await expect(page.getByRole('button', { name: 'Skisse 1' })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('en skisse over jordbruksareal viser jordbruk i daa', async ({ page }) => {
    await blockInternet(page);
    // Over the farmland laid under the future area «Heggedal nord».
    const heggedal = await import('./helpers.ts').then((h) => h.sourceFeature('naeringsareal.geojson', 'id', 'n-heggedal-nord'));
    const g = reprojectGeometry(heggedal.geometry as Polygon, 'EPSG:25832', 'EPSG:4326');
    const xs = (g.coordinates[0] ?? []).map((c) => c[0] as number);
    const ys = (g.coordinates[0] ?? []).map((c) => c[1] as number);
    const lon = (Math.min(...xs) + Math.max(...xs)) / 2;
    const lat = (Math.min(...ys) + Math.max(...ys)) / 2;
    await openMap(page, `/?kart=ingen&lag=jordbruk,skisser#15/${lat}/${lon}`);
    await page.getByRole('checkbox', { name: 'Fest til hjørner og kanter' }).uncheck();
    await drawPolygon(page, await square(page, 150));
    const figures = page.getByRole('region', { name: 'Nøkkeltall for skisse' });
    await expect(figures).toContainText('Jordbruksareal i området');
    const farm = Number(/Jordbruksareal i området ([\d ,]+) daa/.exec(plain(await figures.textContent()))?.[1]?.replace(/ /g, '').replace(',', '.'));
    expect(farm).toBeGreaterThan(0);
  });
});

test.describe('delingslenker', () => {
  test('en delingslenke viser skissene, og en ødelagt lenke gir en melding', async ({ page }) => {
    const { encodeShare } = await import('../../src/lib/scenario/exchange.ts');
    await blockInternet(page);
    const param = encodeShare([
      {
        id: 'x',
        navn: 'Delt tomt',
        kategori: 'lager/produksjon',
        utnyttelseBraProsent: 60,
        status: 'regulert',
        geometry: { type: 'Polygon', coordinates: [[[10.49, 59.695], [10.495, 59.695], [10.495, 59.698], [10.49, 59.698], [10.49, 59.695]]] }
      }
    ]);
    await openMap(page, `/?kart=ingen&skisser=${param}#13/59.696/10.49`);
    await page.getByRole('button', { name: 'Delt tomt' }).click();
    const figures = page.getByRole('region', { name: 'Nøkkeltall for skisse' });
    await expect(figures).toContainText('daa (planart, EPSG:25832)');
    await expect(page).not.toHaveURL(/skisser=/);

    await openMap(page, '/?kart=ingen&skisser=ikke-en-lenke');
    await expect(page.getByRole('alert')).toContainText('Delingslenken er ødelagt');
  });
});

test.describe('redigering', () => {
  test('en selvkryssende form avvises med melding, og en flyttet hjørne endrer arealet', async ({ page }) => {
    await blockInternet(page);
    await openMap(page, '/?kart=ingen&lag=skisser#14/59.640/10.470');
    await page.getByRole('checkbox', { name: 'Fest til hjørner og kanter' }).uncheck();
    const [a, b, c, d] = await square(page, 80);
    // A bow tie: top-left, bottom-right, top-right, bottom-left.
    await drawPolygon(page, [a!, c!, b!, d!]);
    await expect(page.getByRole('alert')).toContainText('krysser seg selv');
    await expect(page.getByRole('button', { name: 'Skisse 1' })).toHaveCount(0);
    await page.keyboard.press('Escape');

    await drawPolygon(page, [a!, b!, c!, d!]);
    const figures = page.getByRole('region', { name: 'Nøkkeltall for skisse' });
    await expect(figures).toContainText('daa (planart, EPSG:25832)');
    const areaOf = async () => Number(/Areal ([\d ,]+) daa/.exec(plain(await figures.textContent()))?.[1]?.replace(/ /g, '').replace(',', '.'));
    const before = await areaOf();
    await page.getByRole('button', { name: 'Rediger form' }).click();
    // Drag the bottom-right corner 60 px further out.
    await page.mouse.move(c!.x, c!.y);
    await page.mouse.down();
    await page.mouse.move(c!.x + 30, c!.y + 30, { steps: 5 });
    await page.mouse.move(c!.x + 60, c!.y + 60, { steps: 5 });
    await page.mouse.up();
    await expect.poll(areaOf).toBeGreaterThan(before * 1.1);
    // Undo puts the old shape back.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Angre' }).click();
    await expect.poll(areaOf).toBeCloseTo(before, 1);
  });
});
