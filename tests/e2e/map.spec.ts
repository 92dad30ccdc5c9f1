import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import {
  blockInternet,
  boundaryVertex,
  collectPageErrors,
  mapIdle,
  nonBackgroundPixels,
  openMap,
  pagePoint,
  sourceFeature,
  stationCoords
} from './helpers.ts';
import type { Polygon } from 'geojson';
import { centroidPlanar } from '../../src/lib/geo/centroid.ts';
import { projectPosition } from '../../src/lib/geo/crs.ts';

test.describe('kartet', () => {
  test('viser kommunegrensen, og avkrysning for laget skjuler og viser den', async ({ page }) => {
    const errors = collectPageErrors(page);
    await blockInternet(page);
    await openMap(page, '/?kart=ingen&lag=grense,stasjoner');

    await expect(page.getByRole('region', { name: 'Kart over Asker kommune' })).toBeVisible();
    const vertex = await pagePoint(page, boundaryVertex());
    expect(await nonBackgroundPixels(page, vertex)).toBeGreaterThan(4);

    const toggle = page.getByRole('checkbox', { name: 'Kommunegrense' });
    await expect(toggle).toBeChecked();
    await toggle.uncheck();
    await mapIdle(page);
    expect(await nonBackgroundPixels(page, vertex)).toBe(0);
    await expect(page).toHaveURL(/[?&]lag=stasjoner(&|#|$)/);

    await toggle.check();
    await mapIdle(page);
    expect(await nonBackgroundPixels(page, vertex)).toBeGreaterThan(4);
    expect(errors).toEqual([]);
  });

  test('klikk på en stasjon åpner panelet med navnet som tekst', async ({ page }) => {
    await blockInternet(page);
    const [lon, lat] = stationCoords('Asker stasjon');
    await openMap(page, `/?kart=ingen#12/${lat}/${lon}`);
    const at = await pagePoint(page, [lon, lat]);
    await page.mouse.click(at.x, at.y);

    const panel = page.getByRole('complementary', { name: 'Asker stasjon' });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('heading', { name: 'Asker stasjon' })).toBeVisible();
    await expect(panel).toContainText('Drammenbanen');
    await panel.getByRole('button', { name: 'Lukk egenskaper' }).click();
    await expect(panel).toBeHidden();
  });

  test('en lenke med kartlag og posisjon gjenskaper visningen', async ({ page }) => {
    await blockInternet(page);
    const [lon, lat] = stationCoords('Heggedal stasjon');
    await openMap(page, `/?kart=ingen&lag=stasjoner#11/${lat}/${lon}`);

    await expect(page.getByRole('checkbox', { name: 'Kommunegrense' })).not.toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Jernbanestasjoner' })).toBeChecked();
    await expect(page.getByRole('radio', { name: 'Ingen bakgrunn' })).toBeChecked();

    const center = await page.evaluate(() => {
      const map = (window as unknown as { __naeringMap: import('maplibre-gl').Map }).__naeringMap;
      return { zoom: map.getZoom(), ...map.getCenter() };
    });
    expect(center.zoom).toBeCloseTo(11, 5);
    expect(center.lat).toBeCloseTo(lat, 3);
    expect(center.lng).toBeCloseTo(lon, 3);

    // The station is drawn at the centre; the (hidden) boundary is not drawn anywhere.
    expect(await nonBackgroundPixels(page, await pagePoint(page, [lon, lat]))).toBeGreaterThan(4);
    await page.goto(`/?kart=ingen&lag=stasjoner#9/59.6/10.45`);
    await mapIdle(page);
    expect(await nonBackgroundPixels(page, await pagePoint(page, boundaryVertex()))).toBe(0);
  });

  test('uten bakgrunnskart vises en stille melding, og bytte av bakgrunn beholder lagene', async ({ page }) => {
    const errors = collectPageErrors(page);
    const blocked = await blockInternet(page);
    await openMap(page, '/');

    await expect(page.getByRole('status')).toContainText('Bakgrunnskartet er ikke tilgjengelig');
    expect(blocked.some((u) => u.includes('/topograatone/'))).toBe(true);
    const vertex = await pagePoint(page, boundaryVertex());
    expect(await nonBackgroundPixels(page, vertex)).toBeGreaterThan(4);

    await page.getByRole('radio', { name: 'Topografisk (Kartverket)' }).check();
    await expect(page).toHaveURL(/[?&]kart=topo(&|#|$)/);
    await mapIdle(page);
    await expect.poll(() => blocked.some((u) => u.includes('/topo/default/'))).toBe(true);
    const ids = await page.evaluate(() => {
      const map = (window as unknown as { __naeringMap: import('maplibre-gl').Map }).__naeringMap;
      return map.getStyle().layers.map((l) => l.id);
    });
    expect(ids).toEqual([
      'basemap-bakgrunn',
      'basemap-topo',
      'app-grense-flate',
      'app-grense-linje',
      'app-jordbruk-flate',
      'app-vekst-flate',
      'app-vekst-linje',
      'app-abc-soner-linje',
      'app-naering-naa-flate',
      'app-naering-naa-linje',
      'app-naering-framtidig-flate',
      'app-naering-framtidig-linje',
      'app-skisser-flate',
      'app-skisser-linje',
      'app-veger-linje',
      'app-jernbane-linje',
      'app-stasjoner-punkt',
      // terra-draw's layers are carried over too, so a sketch being drawn survives a basemap switch.
      'td-polygon',
      'td-polygon-outline',
      'td-linestring',
      'td-point',
      'td-point-marker'
    ]);
    expect(await nonBackgroundPixels(page, vertex)).toBeGreaterThan(4);

    await page.getByRole('radio', { name: 'Ingen bakgrunn' }).check();
    await mapIdle(page);
    await expect(page.getByRole('status')).toBeEmpty();
    expect(await nonBackgroundPixels(page, vertex)).toBeGreaterThan(4);
    expect(errors).toEqual([]);
  });

  test('kontrollene kan brukes med tastaturet', async ({ page }) => {
    await blockInternet(page);
    const [lon, lat] = stationCoords('Spikkestad stasjon');
    await openMap(page, `/?kart=ingen#12/${lat}/${lon}`);

    const toggle = page.getByRole('checkbox', { name: 'Jernbanestasjoner' });
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect(toggle).not.toBeChecked();
    await page.keyboard.press('Space');
    await expect(toggle).toBeChecked();

    const label = page.getByRole('button', { name: 'Spikkestad stasjon' });
    await label.focus();
    await expect(label).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Spikkestad stasjon' })).toBeFocused();
  });
});

test('uten mus: en lenke hopper til kartet, et næringsområde finnes i lista og velges på kartet, og «Omdisponer» nås med tastaturet', async ({ page }) => {
  const errors = collectPageErrors(page);
  await blockInternet(page);
  await openMap(page, '/?kart=ingen&lag=naering-naa,naering-framtidig');
  // The skip link is the first stop of the Tab key and takes focus to the map.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hopp til kartet' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#kart')).toBeFocused();

  // A scenario, started from the keyboard.
  await page.getByRole('button', { name: 'Nytt scenario' }).focus();
  await page.keyboard.press('Enter');
  // Find Billingstad kontor by typing, Tab to the match, Enter.
  await page.getByRole('searchbox', { name: 'Navn eller sted' }).focus();
  await page.keyboard.type('billingstad kon');
  await page.keyboard.press('Tab');
  const match = page.getByRole('list', { name: 'Treff' }).getByRole('button', { name: /Billingstad kontor/ });
  await expect(match).toBeFocused();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'Billingstad kontor' });
  await expect(panel).toBeVisible();
  // The map moved to the area: its middle is in view.
  const f = sourceFeature('naeringsareal.geojson', 'id', 'n-billingstad-kontor');
  const [lon, lat] = projectPosition(centroidPlanar(f.geometry as Polygon), 'EPSG:25832', 'EPSG:4326');
  await expect
    .poll(() => page.evaluate(([x, y]) => (window as unknown as { __naeringMap: import('maplibre-gl').Map }).__naeringMap.getBounds().contains([x as number, y as number]) && (window as unknown as { __naeringMap: import('maplibre-gl').Map }).__naeringMap.getZoom() > 13, [lon, lat]))
    .toBe(true);
  // «Omdisponer» from the keyboard: the change is in the scenario.
  await panel.getByRole('button', { name: 'Omdisponer' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Endringer i scenariet' })).toContainText('Billingstad kontor');
  expect(errors).toEqual([]);
});

test('skraveringen av framtidige områder er der fra første tegning og etter bytte av bakgrunnskart (ingen «could not be loaded»)', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (/could not be loaded/i.test(m.text())) warnings.push(m.text());
  });
  await blockInternet(page);
  const f = sourceFeature('naeringsareal.geojson', 'id', 'n-dikemark-naeringspark');
  const [lon, lat] = projectPosition(centroidPlanar(f.geometry as Polygon), 'EPSG:25832', 'EPSG:4326');
  await openMap(page, `/?kart=ingen&lag=naering-framtidig#14.5/${lat}/${lon}`);
  const at = await pagePoint(page, [lon, lat]);
  // The hatch: stripes, so both hatch-coloured and lighter pixels around the middle.
  expect(await nonBackgroundPixels(page, at, 6)).toBeGreaterThan(10);
  // Another basemap and back (its tiles are blocked here; the style still changes).
  await page.getByRole('radio', { name: /Gråtone/ }).check();
  await mapIdle(page);
  await page.getByRole('radio', { name: /Ingen/ }).check();
  await mapIdle(page);
  expect(await nonBackgroundPixels(page, at, 6)).toBeGreaterThan(10);
  expect(warnings).toEqual([]);
});

test('målestokken dekkes ikke av kildehenvisningen, heller ikke på et smalt kart', async ({ page }) => {
  await blockInternet(page);
  for (const width of [1280, 700]) {
    await page.setViewportSize({ width, height: 800 });
    await openMap(page, '/?kart=ingen');
    const scale = await page.locator('.maplibregl-ctrl-scale').first().boundingBox();
    const attribution = await page.locator('.maplibregl-ctrl-attrib').first().boundingBox();
    if (!scale || !attribution) throw new Error('mangler målestokk eller kildehenvisning');
    const overlap = scale.x < attribution.x + attribution.width && attribution.x < scale.x + scale.width && scale.y < attribution.y + attribution.height && attribution.y < scale.y + scale.height;
    expect(overlap, `${width} px`).toBe(false);
  }
});

test('offisielle kart: kommuneplanen fra (den falske) DiBK-tjenesten tegnes under appens lag med tegnforklaring, kilde og hentetid; uten tjenesten en stille melding', async ({ page }) => {
  const errors = collectPageErrors(page);
  await blockInternet(page);
  await openMap(page, '/?kart=ingen&lag=grense#13/59.80/10.45');
  const toggle = page.getByRole('checkbox', { name: 'Kommuneplan (offisiell, DiBK)' });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  const details = page.getByTestId('offisiell-dibk');
  await expect(details.getByRole('img', { name: 'Tegnforklaring: Arealformål' })).toBeVisible();
  await expect(details).toContainText('© DiBK / kommunene');
  await expect(details).toContainText(/© DiBK \/ kommunene · hentet \d{1,2}\. \w+ \d{4}/);
  await mapIdle(page);
  // The fake's tile is one green pixel, stretched over the tile: green in the middle of the map.
  const box = await page.locator('.map-area').boundingBox();
  if (!box) throw new Error('ingen kartflate');
  const shot = PNG.sync.read(await page.screenshot({ clip: { x: Math.round(box.x + box.width / 2) - 3, y: Math.round(box.y + box.height / 2) - 3, width: 6, height: 6 } }));
  let green = 0;
  for (let i = 0; i < shot.data.length; i += 4) if ((shot.data[i + 1] ?? 0) > (shot.data[i] ?? 0) + 20 && (shot.data[i + 1] ?? 0) > (shot.data[i + 2] ?? 0) + 20) green++;
  expect(green).toBeGreaterThan(20);

  // A click asks the service what is there, shown beside the app's facts, as text.
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const info = page.getByTestId('offisielt-punkt');
  await expect(info).toContainText('Offisielt, Kommuneplan (offisiell, DiBK): arealformal 1300 · planidentifikasjon 2020-007');
  await expect(info).toContainText('© DiBK / kommunene');
  await info.getByRole('button', { name: 'Lukk' }).click();
  await expect(info).toHaveCount(0);

  // The service (and so the proxy) not there: a quiet notice, the rest of the app as before.
  await page.route('**/api/offisielt/**', (r) => r.abort());
  const ar5 = page.getByRole('checkbox', { name: 'Jordbruk AR5 (offisiell, NIBIO)' });
  await ar5.check();
  await expect(page.getByTestId('offisiell-nibio')).toContainText('Offisielt kart ikke tilgjengelig nå.');
  await expect(page.getByRole('heading', { name: 'Nøkkeltall for kommunen' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('offisielle kart: fliser proxyen bare hadde i lageret (tjenesten nede) gir «viser sist hentede» ved laget', async ({ page }) => {
  const errors = collectPageErrors(page);
  await blockInternet(page);
  // The proxy's answer when the service is down and it has the tile from before: the tile, marked stale.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgWMXwHwADAgGqgB/6WgAAAABJRU5ErkJggg==', 'base64');
  await page.route(/\/api\/offisielt\/nibio\?.*GetMap/, (r) => r.fulfill({ status: 200, contentType: 'image/png', headers: { 'x-kartbuffer': 'gammel', 'x-hentet': '2026-11-01T08:00:00.000Z' }, body: png }));
  await openMap(page, '/?kart=ingen&lag=grense#13/59.80/10.45');
  const ar5 = page.getByRole('checkbox', { name: 'Jordbruk AR5 (offisiell, NIBIO)' });
  await ar5.check();
  const details = page.getByTestId('offisiell-nibio');
  await expect(details).toContainText('Offisielt kart ikke tilgjengelig nå – viser sist hentede.');
  // The kommuneplan's tiles come fresh from its (fake) service: no such notice there.
  await page.getByRole('checkbox', { name: 'Kommuneplan (offisiell, DiBK)' }).check();
  await expect(page.getByTestId('offisiell-dibk')).toContainText('© DiBK / kommunene');
  await mapIdle(page);
  await expect(page.getByTestId('offisiell-dibk')).not.toContainText('viser sist hentede');
  expect(errors).toEqual([]);
});

test('ytelsesmerket «kart-klart» settes én gang, når kartet første gang er ferdig med dataene tegnet (også med ?kart=ingen)', async ({ page }) => {
  await blockInternet(page);
  for (const url of ['/?kart=ingen', '/']) {
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('kart-klart').length > 0);
    const at = await page.evaluate(() => {
      const m = (window as unknown as { __naeringMap?: import('maplibre-gl').Map }).__naeringMap;
      return { marks: performance.getEntriesByName('kart-klart').length, time: performance.getEntriesByName('kart-klart')[0]?.startTime ?? 0, drawn: Boolean(m?.isSourceLoaded('app-naering-naa') && m.querySourceFeatures('app-naering-naa').length > 0) };
    });
    expect(at.marks, url).toBe(1);
    expect(at.time, url).toBeGreaterThan(0);
    expect(at.drawn, url).toBe(true);
  }
});

test('tipset i «Last inn plandata» brytes inne i boksen, ikke under panelets kant', async ({ page }) => {
  await blockInternet(page);
  await openMap(page, '/?kart=ingen');
  const drop = page.getByTestId('import-drop');
  const hint = drop.getByText(/eller slipp fila her/);
  const [d, h] = [await drop.boundingBox(), await hint.boundingBox()];
  if (!d || !h) throw new Error('mangler boksen eller tipset');
  expect(h.x + h.width).toBeLessThanOrEqual(d.x + d.width);
});
