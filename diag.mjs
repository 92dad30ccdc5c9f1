import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 1280, height: 1000 } });
await p.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (r) => r.abort());
await p.goto('http://localhost:4173/?kart=ingen');
await p.getByRole('button', { name: 'Nytt scenario' }).click();
await p.waitForTimeout(800);
await p.getByRole('region', { name: 'Sammenligning: grunnlag mot scenario' }).screenshot({ path: '/tmp/cmp.png' });
await b.close();
