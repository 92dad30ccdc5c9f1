import { expect, test } from '@playwright/test';
import type { Polygon } from 'geojson';
import { centroidPlanar } from '../../src/lib/geo/centroid.ts';
import { projectPosition } from '../../src/lib/geo/crs.ts';
import { blockInternet, collectPageErrors, openMap, pagePoint, sourceFeature } from './helpers.ts';

test('planleggerkartet på engelsk med ?lang=en, og tilbake til norsk', async ({ page }) => {
  const errors = collectPageErrors(page);
  await blockInternet(page);
  const f = sourceFeature('naeringsareal.geojson', 'id', 'n-billingstad-kontor');
  const [lon, lat] = projectPosition(centroidPlanar(f.geometry as Polygon), 'EPSG:25832', 'EPSG:4326');
  await openMap(page, `/?kart=ingen&lag=naering-naa&lang=en#15/${lat}/${lon}`);

  await expect(page.getByRole('heading', { name: 'Business land map for Asker' })).toBeVisible();
  const summary = page.getByRole('region', { name: 'Key figures for the municipality' });
  await expect(summary).toContainText('7,425 daa');
  await expect(page.getByRole('checkbox', { name: 'Existing business land' })).toBeChecked();
  await expect(page.getByRole('button', { name: 'Draw area' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Scenarios' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('demo data – not the official zoning map', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible();

  const at = await pagePoint(page, [lon, lat]);
  await page.mouse.click(at.x, at.y);
  const facts = page.getByRole('region', { name: 'Facts about the area' });
  await expect(facts).toContainText('Jobs, land');
  await expect(facts).toContainText('(planar, EPSG:25832)');
  await expect(facts).toContainText('Office in an A area: good.');

  await page.getByRole('button', { name: 'Norsk' }).click();
  await expect(page.getByRole('heading', { name: 'Næringsareal-kart for Asker' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Fakta om området' })).toContainText('Arbeidsplasser, tomteareal');
  await expect(page).not.toHaveURL(/lang=/);
  expect(errors).toEqual([]);
});
