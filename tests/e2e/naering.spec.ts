import { expect, test } from '@playwright/test';
import type { Polygon } from 'geojson';
import { jobsFromFloor } from '../../src/lib/domain/capacity.ts';
import { defaultNorms } from '../../src/lib/domain/norms.ts';
import { areaPlanarM2 } from '../../src/lib/geo/area.ts';
import { centroidPlanar } from '../../src/lib/geo/centroid.ts';
import { projectPosition } from '../../src/lib/geo/crs.ts';
import { blockInternet, collectPageErrors, openMap, pagePoint, sourceFeature } from './helpers.ts';

/** Page text with no-break spaces (Intl's thousands separator) as plain spaces. */
const plain = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');

test.describe('næringsareal', () => {
  test('nøkkeltallene viser de avstemte tallene mot planen', async ({ page }) => {
    const errors = collectPageErrors(page);
    await blockInternet(page);
    await openMap(page, '/?kart=ingen');
    const summary = page.getByRole('region', { name: 'Nøkkeltall for kommunen' });
    await expect(summary).toBeVisible();
    const naa = plain(await summary.getByTestId('naavaerende-daa').textContent());
    const fram = plain(await summary.getByTestId('framtidig-daa').textContent());
    expect(naa).toContain('7 425 daa planen: 7 425 daa');
    expect(fram).toContain('5 720 daa planen: 5 720 daa');
    // 5 720 000 m² ÷ 420 m² per arbeidsplass = 13 619 against the need of 15 000–20 000.
    expect(plain(await summary.getByTestId('kapasitet').textContent())).toContain('Kapasiteten i framtidige områder, 13 619 arbeidsplasser, dekker 68–90 % av målet på 15 000–20 000 nye arbeidsplasser på 20 år (27 år ved 500 per år).');
    await expect(summary).toContainText('Demodata – ikke offisielt plankart');
    await expect(page.getByText('Demodata – ikke offisielt plankart', { exact: true }).first()).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('klikk på Billingstad viser areal i daa og arbeidsplasskapasitet fra motoren', async ({ page }) => {
    await blockInternet(page);
    const f = sourceFeature('naeringsareal.geojson', 'id', 'n-billingstad-kontor');
    const geometry = f.geometry as Polygon;
    const areaM2 = areaPlanarM2(geometry);
    const [lon, lat] = projectPosition(centroidPlanar(geometry), 'EPSG:25832', 'EPSG:4326');
    await openMap(page, `/?kart=ingen&lag=naering-naa,naering-framtidig#15/${lat}/${lon}`);
    const at = await pagePoint(page, [lon, lat]);
    await page.mouse.click(at.x, at.y);

    const panel = page.getByRole('complementary', { name: String(f.properties.navn) });
    await expect(panel).toBeVisible();
    const facts = panel.getByRole('region', { name: 'Fakta om området' });
    const text = plain(await facts.textContent());
    const daa = (areaM2 / 1000).toLocaleString('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).replace(/\s/g, ' ');
    expect(text).toContain(`${daa} daa (planart, EPSG:25832)`);
    const jobs = Math.round(areaM2 / 420).toLocaleString('nb-NO').replace(/\s/g, ' ');
    expect(text).toContain(`Arbeidsplasser, tomteareal ${jobs} (`);
    const floor = jobsFromFloor(areaM2, 'kontor', f.properties.utnyttelse_bra_prosent as number, defaultNorms());
    const fmt = (v: number) => Math.round(v).toLocaleString('nb-NO').replace(/\s/g, ' ');
    const range = fmt(floor.low) === fmt(floor.high) ? fmt(floor.low) : `${fmt(floor.low)}–${fmt(floor.high)}`;
    expect(text).toContain(`Arbeidsplasser, gulvareal ${range} (`);
    expect(text).toContain('ABC-klasse');
    expect(text).toContain('Billingstad stasjon');
    await expect(panel).toContainText('Billingstad/Slependen');
  });
});
