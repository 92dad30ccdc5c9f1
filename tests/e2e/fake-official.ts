// The fake official services for the browser tests (no test reaches the internet): the same fake
// WMS 1.3.0 as the unit tests, on a fixed loopback port, for DiBK (/dibk) and NIBIO (/nibio), and
// the fake SSB PxWebApi v2 on the next port. Started by playwright.config.ts as a second web server.
import { startFakePxWeb } from '../../src/lib/server/official/fake-pxweb.test-helper.ts';
import { startFakeWms } from '../../src/lib/server/official/fake-wms.test-helper.ts';

const port = Number(process.env.FAKE_OFFICIAL_PORT ?? 4174);
const fake = await startFakeWms(port);
const ssb = await startFakePxWeb(Number(process.env.FAKE_SSB_PORT ?? port + 1));
console.log(`falske offisielle kart på ${fake.url}, falsk SSB på ${ssb.url}`);
