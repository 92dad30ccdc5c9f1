import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const [path, name] of [['/?kart=ingen', 'plan'], ['/investor', 'inv']]) {
  const p = await b.newPage({ viewport: { width: 390, height: 844 } });
  await p.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (r) => r.abort());
  await p.goto('http://localhost:4180' + path);
  await p.waitForTimeout(2000);
  console.log(name, await p.evaluate(() => document.documentElement.scrollWidth));
  await p.screenshot({ path: `/tmp/phone-${name}.png` });
}
await b.close();
