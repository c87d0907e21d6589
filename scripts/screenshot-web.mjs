/**
 * Remakes docs/playground.png: the built playground with the shipped example, picked as an outer VM
 * on ESX 3.0 / Intel, in the system's Chromium (playwright-core; `CHROME_PATH` or `chromium` on PATH).
 * `npm run build:web && node scripts/screenshot-web.mjs`
 */
import path from 'node:path';
import {chromium} from 'playwright-core';
import {findChromium, serve} from './serve-site.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const executablePath = findChromium();
if (!executablePath) {
  console.error('screenshot-web: no Chromium found (set CHROME_PATH, or apt-get install chromium)');
  process.exit(2);
}
const site = await serve(path.join(ROOT, 'site'));
const browser = await chromium.launch({executablePath, args: ['--no-sandbox', '--disable-gpu']});
try {
  const page = await browser.newPage({viewport: {width: 1360, height: 820}});
  await page.goto(site.url);
  await page.waitForFunction(() => globalThis.vmxlintPlayground?.idle().then(() => true));
  await page.selectOption('#role', 'outer');
  await page.selectOption('#host', 'esx-3.0');
  await page.selectOption('#cpu', 'intel');
  await page.waitForSelector('[data-rule-id="outer-virtualization-keys"]');
  await page.waitForFunction(() => globalThis.vmxlintPlayground.idle().then(() => true));
  await page.screenshot({path: path.join(ROOT, 'docs/playground.png')});
  console.log('wrote docs/playground.png');
} finally {
  await browser.close();
  await site.close();
}
