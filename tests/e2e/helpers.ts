import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { Geometry, Point, Polygon } from 'geojson';
import { PNG } from 'pngjs';
import { centroidPlanar } from '../../src/lib/geo/centroid.ts';
import { projectPosition } from '../../src/lib/geo/crs.ts';

/** The plain background colour of the map (PLAIN_BACKGROUND in src/lib/map/basemaps.ts). */
export const BACKGROUND: [number, number, number] = [0xf4, 0xf2, 0xee];

/** Blocks every request that leaves this machine and records the blocked URLs. */
export async function blockInternet(page: Page): Promise<string[]> {
  const blocked: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    blocked.push(url.href);
    return route.abort('internetdisconnected');
  });
  return blocked;
}

/** Collects uncaught page errors, so a test can assert there were none. */
export function collectPageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  return errors;
}

/** Opens a URL of the app and waits until the map has loaded and drawn. */
export async function openMap(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await page.waitForFunction(() => Boolean((window as unknown as { __naeringMap?: unknown }).__naeringMap));
  await mapIdle(page);
}

/** Waits for the map to render a fresh frame and settle. */
export async function mapIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as { __naeringMap: import('maplibre-gl').Map }).__naeringMap;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      })
  );
}

/** Page coordinates (CSS px) of a WGS84 position on the map. */
export async function pagePoint(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = (window as unknown as { __naeringMap: import('maplibre-gl').Map }).__naeringMap;
    const p = map.project(ll);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, lngLat);
}

/**
 * Counts the pixels in a (2r+1)² square around a page point whose colour differs from the
 * plain background by more than `tolerance` in any channel.
 */
export async function nonBackgroundPixels(page: Page, at: { x: number; y: number }, r = 4, tolerance = 30): Promise<number> {
  const png = PNG.sync.read(
    await page.screenshot({ clip: { x: Math.round(at.x) - r, y: Math.round(at.y) - r, width: 2 * r + 1, height: 2 * r + 1 } })
  );
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const diff = Math.max(
      Math.abs((png.data[i] ?? 0) - BACKGROUND[0]),
      Math.abs((png.data[i + 1] ?? 0) - BACKGROUND[1]),
      Math.abs((png.data[i + 2] ?? 0) - BACKGROUND[2])
    );
    if (diff > tolerance) count++;
  }
  return count;
}

interface BoundaryFile {
  geometry: { coordinates: [number, number][][][] };
}

/** A vertex of the kommune boundary (read from geodata/), far from stations and labels. */
export function boundaryVertex(): [number, number] {
  const f = JSON.parse(readFileSync('geodata/asker-3203-kommunegrense-kartverket-2024-M.geojson', 'utf8')) as BoundaryFile;
  const ring = f.geometry.coordinates.flatMap((poly) => poly[0] ?? []);
  // The southernmost vertex (Hurum), well away from the stations in the north.
  const south = ring.reduce((a, b) => (b[1] < a[1] ? b : a));
  expect(south[1]).toBeLessThan(59.5);
  return south;
}

interface SourceFile {
  features: { properties: Record<string, unknown> & { navn: string; id: string }; geometry: Geometry }[];
}

/** A feature of a dataset source (geodata/kilder, EPSG:25832), by a property value. */
export function sourceFeature(file: string, key: string, value: string): SourceFile['features'][number] {
  const fc = JSON.parse(readFileSync(`geodata/kilder/${file}`, 'utf8')) as SourceFile;
  const f = fc.features.find((x) => x.properties[key] === value);
  if (!f) throw new Error(`Fant ikke ${key}=${value} i geodata/kilder/${file}`);
  return f;
}

/** WGS84 coordinates of a named station (from geodata/kilder/stasjoner.geojson, EPSG:25832). */
export function stationCoords(navn: string): [number, number] {
  const f = sourceFeature('stasjoner.geojson', 'navn', navn);
  return projectPosition((f.geometry as Point).coordinates, 'EPSG:25832', 'EPSG:4326');
}

/**
 * Opens the map at a demo næring area (by id), starts a new scenario and clicks the area, as a
 * planner does: the area's geometry (EPSG:25832) and its feature panel, ready for a change.
 */
export async function startScenarioOn(page: Page, id: string, name: string) {
  const geometry = sourceFeature('naeringsareal.geojson', 'id', id).geometry as Polygon;
  const [lon, lat] = projectPosition(centroidPlanar(geometry), 'EPSG:25832', 'EPSG:4326');
  await openMap(page, `/?kart=ingen&lag=naering-naa#15/${lat}/${lon}`);
  await page.getByRole('button', { name: 'Nytt scenario' }).click();
  const at = await pagePoint(page, [lon, lat]);
  await page.mouse.click(at.x, at.y);
  return { geometry, panel: page.getByRole('complementary', { name }) };
}

/** Drops a text file on the import panel's drop zone, as a user dragging it from the desktop. */
export async function dropFile(page: Page, name: string, text: string, type = 'application/geo+json'): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, text, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type }));
      return dt;
    },
    { name, text, type }
  );
  await page.getByTestId('import-drop').dispatchEvent('drop', { dataTransfer: transfer });
}
