// The fake official map services for the browser tests (no test reaches the internet): the same
// fake WMS 1.3.0 as the unit tests, on a fixed loopback port, for DiBK (/dibk) and NIBIO (/nibio).
// Started by playwright.config.ts as a second web server.
import { startFakeWms } from '../../src/lib/server/official/fake-wms.test-helper.ts';

const port = Number(process.env.FAKE_OFFICIAL_PORT ?? 4174);
const fake = await startFakeWms(port);
console.log(`falske offisielle kart på ${fake.url}`);
