import { rmSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
const dataDir = path.resolve('.test-output/e2e-data');
const cacheDir = path.resolve('.test-output/e2e-kartbuffer');
const fakePort = port + 1;
const fakeSsbPort = port + 2;
// Workers load this file too; only the main process starts from an empty store.
if (!process.env.TEST_WORKER_INDEX) {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
}

/**
 * Browser tests in Debian's Chromium (never a downloaded browser), against the production build
 * served by `node build`. Tests block every request that leaves localhost.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: '.test-output/playwright',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader'
      ]
    }
  },
  webServer: [
    {
      command: 'node build',
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      // A fresh store per run; writes are not limited (the server test checks the limit itself); the
      // fact sheets' contact from a test file (as an operator sets it, outside the build); the
      // official maps from the fake services below, with a fresh cache.
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        SKRIVEGRENSE_PER_MINUTT: '100000',
        BODY_SIZE_LIMIT: '1M',
        KONTAKT_FIL: path.resolve('tests/fixtures/kontakt/kontakt.json'),
        DIBK_WMS_URL: `http://127.0.0.1:${fakePort}/dibk`,
        NIBIO_AR5_WMS_URL: `http://127.0.0.1:${fakePort}/nibio`,
        SSB_API_URL: `http://127.0.0.1:${fakeSsbPort}/api/pxwebapi/v2/`,
        KARTBUFFER_DIR: cacheDir
      }
    },
    {
      // Fake WMS 1.3.0 services and a fake SSB PxWebApi v2 on loopback, so no test reaches the internet.
      command: 'node tests/e2e/fake-official.ts',
      url: `http://127.0.0.1:${fakePort}/dibk?REQUEST=GetCapabilities`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { FAKE_OFFICIAL_PORT: String(fakePort), FAKE_SSB_PORT: String(fakeSsbPort) }
    }
  ]
});
