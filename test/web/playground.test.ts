/**
 * Acceptance tests of the playground in a real browser (issue 17): the built site, served under a
 * sub-path from 127.0.0.1, driven by playwright-core through Debian's Chromium. Skipped, visibly,
 * where no Chromium is installed (`apt-get install chromium`; .ci/run installs it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {runBin} from '../cli/helpers.js';
import {buildSite, findChromium, ROOT, serve, SUB_PATH, type Server} from './harness.js';

// the functions given to page.evaluate run in the page: they reach its globals through globalThis
const CHROMIUM = findChromium();
if (!CHROMIUM) process.stderr.write('\n[playground tests] skipped: no Chromium found (set CHROME_PATH, or apt-get install chromium)\n');
const suite = CHROMIUM ? describe : describe.skip;

const OUTER = fs.readFileSync(path.join(ROOT, 'fixtures/examples/outer.vmx'), 'utf8');
const PROBLEMS = '[data-testid="problems"]';

suite(`the playground in Chromium${CHROMIUM ? '' : ' (skipped: no Chromium found; apt-get install chromium)'}`, () => {
  let site: string;
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let tmp: string;
  /** Every request any page made, and every error any page threw or logged. */
  const requested: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    site = buildSite();
    server = await serve(site);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vmxlint-web-'));
    const {chromium} = await import('playwright-core');
    browser = await chromium.launch({executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu']});
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const dir of [site, tmp]) if (dir) fs.rmSync(dir, {recursive: true, force: true});
  });

  beforeEach(async () => {
    context = await browser.newContext({acceptDownloads: true});
    context.on('request', (r) => requested.push(r.url()));
  });
  afterEach(async () => {
    await context.close();
  });

  async function openPage(url = server.url): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    await page.goto(url);
    await settle(page);
    return page;
  }

  /** Wait until the page has linted the current text. */
  const settle = (page: Page) => page.waitForFunction(() => (globalThis as any).vmxlintPlayground?.idle().then(() => true));
  const textOf = (page: Page) => page.evaluate(() => (globalThis as any).vmxlintPlayground.text() as string);
  const ruleIds = (page: Page) => page.$$eval(`${PROBLEMS} li`, (lis) => lis.map((li) => (li as any).dataset.ruleId as string));

  async function replaceText(page: Page, text: string): Promise<void> {
    await page.click('.cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(text);
    await settle(page);
  }

  async function pick(page: Page, role: string, host: string, cpu: string): Promise<void> {
    await page.selectOption('[data-testid="role"]', role);
    await page.selectOption('[data-testid="host"]', host);
    await page.selectOption('[data-testid="cpu"]', cpu);
    await settle(page);
  }

  it('loads from a sub-path with relative assets and shows the example with its problems', async () => {
    const page = await openPage();
    expect(await textOf(page)).toBe(OUTER);
    expect(await ruleIds(page)).toContain('nested-context');
    expect(server.requests.filter((p) => !p.startsWith(SUB_PATH))).toEqual([]);
  });

  it('shows problems while typing, each with its rule, place, message, rule link and Fix button', async () => {
    const page = await openPage();
    await replaceText(page, '.encoding = "UTF-8"\nmemsize = 1024\nmemsize = "2048"\n');
    const item = page.locator(`${PROBLEMS} li[data-rule-id="quoted-values"]`);
    await expect(item.locator('.place').textContent()).resolves.toMatch(/^2:\d+/);
    await expect(item.locator('.message').textContent()).resolves.toMatch(/quote/i);
    await expect(item.locator('a.rule').getAttribute('href')).resolves.toMatch(/docs\/rules\/quoted-values\.md$/);
    expect(await ruleIds(page)).toContain('no-duplicate-keys');
    // the inline squiggle too
    expect(await page.locator('.cm-lintRange').count()).toBeGreaterThan(0);
    await item.locator('button.fix').click();
    await settle(page);
    expect(await textOf(page)).toBe('.encoding = "UTF-8"\nmemsize = "1024"\nmemsize = "2048"\n');
    expect(await ruleIds(page)).not.toContain('quoted-values');
  });

  it('outer / esx-3.0 / intel brings outer-virtualization-keys; the diff shows the missing key; Fix all writes what vmxlint --fix writes', async () => {
    const page = await openPage();
    expect(await ruleIds(page)).not.toContain('outer-virtualization-keys');
    await pick(page, 'outer', 'esx-3.0', 'intel');
    expect(await ruleIds(page)).toContain('outer-virtualization-keys');
    const diff = (await page.locator('[data-testid="diff"]').textContent()) ?? '';
    expect(diff).toContain('+monitor_control.vt32 = "TRUE"');
    expect(diff).toContain('-monitor_control.enable_svm = "TRUE"');

    const cli = await runBin(['--stdin', '--fix', '--role', 'outer', '--host', 'esx-3.0', '--cpu', 'intel'], {cwd: tmp, input: OUTER});
    expect(cli.stdout).toContain('monitor_control.vt32 = "TRUE"');
    await page.click('[data-testid="fix-all"]');
    await settle(page);
    expect(await textOf(page)).toBe(cli.stdout);
    expect(await ruleIds(page)).not.toContain('outer-virtualization-keys');
    expect(await page.locator('[data-testid="fix-all"]').isDisabled()).toBe(true);
  });

  it('keeps the state in the URL hash (never the query); a fresh tab with the same URL restores text and pickers', async () => {
    const page = await openPage();
    await replaceText(page, '.encoding = "UTF-8"\n# a MAC address: 00:50:56:aa:bb:cc\nmemsize = "1024"\n');
    await pick(page, 'outer', 'esx-3.0', 'intel');
    const url = page.url();
    expect(new URL(url).hash).toMatch(/^#z=/);
    expect(new URL(url).search).toBe('');
    expect(url).not.toContain('00:50:56');

    const fresh = await browser.newContext();
    fresh.on('request', (r) => requested.push(r.url()));
    try {
      const other = await fresh.newPage();
      other.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      await other.goto(url);
      await settle(other);
      expect(await textOf(other)).toBe('.encoding = "UTF-8"\n# a MAC address: 00:50:56:aa:bb:cc\nmemsize = "1024"\n');
      for (const [id, value] of [['role', 'outer'], ['host', 'esx-3.0'], ['cpu', 'intel']]) {
        expect(await other.inputValue(`[data-testid="${id}"]`)).toBe(value);
      }
      expect(await ruleIds(other)).toContain('outer-virtualization-keys');
    } finally {
      await fresh.close();
    }
  });

  it('the rule set and the JSON config block change what is reported; a broken config says why', async () => {
    const page = await openPage();
    await replaceText(page, '.encoding = "UTF-8"\nmemsize = 1024\n');
    expect(await ruleIds(page)).toContain('quoted-values');
    await page.click('summary');
    await page.fill('[data-testid="config"]', '{"rules": {"quoted-values": "off"}}');
    await page.waitForFunction(() => !(globalThis as any).document.querySelector('[data-rule-id="quoted-values"]'));
    expect(await page.locator('[data-testid="config-error"]').isHidden()).toBe(true);
    const configError = async () => {
      await settle(page);
      return page.locator('[data-testid="config-error"]').textContent();
    };
    await page.fill('[data-testid="config"]', '{"rules": ');
    expect(await configError()).toMatch(/^Config is not JSON/);
    await page.waitForSelector('[data-rule-id="quoted-values"]');
    await page.fill('[data-testid="config"]', '{"rules": {"no-such-rule": "error"}}');
    expect(await configError()).toMatch(/^Config not used: .*no-such-rule/);
    await page.fill('[data-testid="config"]', '');
    await page.selectOption('[data-testid="rule-set"]', 'all');
    await settle(page);
    expect(await page.inputValue('[data-testid="rule-set"]')).toBe('all');
  });

  it('shows the AMD family only unless the CPU is Intel, and the outer product unless the VM is an outer one', async () => {
    const page = await openPage();
    await page.selectOption('[data-testid="cpu"]', 'intel');
    expect(await page.locator('[data-testid="amd-family"]').isVisible()).toBe(false);
    await page.selectOption('[data-testid="cpu"]', 'amd');
    expect(await page.locator('[data-testid="amd-family"]').isVisible()).toBe(true);
    await page.selectOption('[data-testid="role"]', 'outer');
    expect(await page.locator('[data-testid="outer-product"]').isVisible()).toBe(false);
    await page.selectOption('[data-testid="role"]', 'inner');
    expect(await page.locator('[data-testid="outer-product"]').isVisible()).toBe(true);
    const hostIds = await page.$$eval('[data-testid="host"] option', (os) => os.map((o) => (o as any).value as string).filter(Boolean));
    const cli = await runBin(['--list-hosts'], {cwd: tmp});
    for (const id of hostIds) expect(cli.stdout).toContain(id);
    expect(hostIds).toContain('esx-3.0');
  });

  it('lints a 5,000-line file (in the Worker) and lists its problems', async () => {
    const lines = OUTER.trimEnd().split('\n');
    for (let i = 0; lines.length < 5000; i++) lines.push(`ethernet${i}.present = "TRUE"`);
    lines.push('memsize = 4096');
    const page = await openPage();
    await page.evaluate((text) => (globalThis as any).vmxlintPlayground.load(text), lines.join('\n') + '\n');
    await settle(page);
    expect(await page.locator('[data-testid="status"]').textContent()).toMatch(/^5,002 lines · linted in \S+ ms/);
    expect(await ruleIds(page)).toContain('quoted-values');
  });

  it('a link whose state cannot be read shows the example and says so', async () => {
    const page = await openPage(server.url + '#z=not-deflate');
    expect(await textOf(page)).toBe(OUTER);
    await expect(page.locator('[data-testid="notice"]').textContent()).resolves.toMatch(/could not be read/);
  });

  it('opens a dropped windows-1252 CRLF file and downloads the fix in the same encoding and line endings, as vmxlint --fix writes it', async () => {
    const source = Buffer.from(
      '.encoding = "windows-1252"\r\nconfig.version = "8"\r\nvirtualHW.version = "4"\r\ndisplayName = "Caf\xe9 \x96 \x80 lab"\r\nmemsize = "1024"\r\n',
      'latin1',
    );
    const page = await openPage();
    const dataTransfer = await page.evaluateHandle((bytes) => {
      const dt = new (globalThis as any).DataTransfer();
      dt.items.add(new (globalThis as any).File([new Uint8Array(bytes)], 'lab.vmx'));
      return dt;
    }, [...source]);
    await page.dispatchEvent('body', 'drop', {dataTransfer});
    await page.waitForFunction(() => (globalThis as any).vmxlintPlayground.text().includes('Café – € lab'));
    await pick(page, 'outer', 'esx-3.0', 'intel');
    await page.click('[data-testid="fix-all"]');
    await settle(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download"]')]);
    expect(download.suggestedFilename()).toBe('lab.vmx');
    const saved = fs.readFileSync((await download.path())!);

    const file = path.join(tmp, 'lab.vmx');
    fs.writeFileSync(file, source);
    await runBin(['--fix', '--role', 'outer', '--host', 'esx-3.0', '--cpu', 'intel', file], {cwd: tmp});
    const expected = fs.readFileSync(file);
    expect(expected.equals(source)).toBe(false); // the CLI did fix it
    expect(saved.toString('latin1')).toBe(expected.toString('latin1'));
    expect(saved.includes(Buffer.from('Caf\xe9', 'latin1'))).toBe(true);
  });

  it('refuses a dropped file whose bytes are not valid in its declared encoding, with one line, and keeps the text', async () => {
    const page = await openPage();
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new (globalThis as any).DataTransfer();
      dt.items.add(new (globalThis as any).File([new Uint8Array([...new TextEncoder().encode('.encoding = "UTF-8"\nname = "'), 0xff, 0x22, 0x0a])], 'broken.vmx'));
      return dt;
    });
    await page.dispatchEvent('body', 'drop', {dataTransfer});
    await expect(page.locator('[data-testid="notice"]').textContent()).resolves.toMatch(/^broken\.vmx: bytes invalid in the declared encoding UTF-8 at line 2, column 9/);
    expect(await textOf(page)).toBe(OUTER);
  });

  it('works offline once loaded', async () => {
    const page = await openPage();
    await page.evaluate(() => (globalThis as any).navigator.serviceWorker.ready.then(() => true));
    await context.setOffline(true);
    await page.reload();
    await settle(page);
    await pick(page, 'outer', 'esx-3.0', 'intel');
    expect(await ruleIds(page)).toContain('outer-virtualization-keys');
    await context.setOffline(false);
  });

  it('made no request outside the site and threw no error', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((u) => !u.startsWith(server.url) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
