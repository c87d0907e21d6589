/**
 * The playground's browser tests: the site built into a temp directory, served by a loopback HTTP
 * server under a sub-path (as a project page would be), driven by playwright-core through the
 * system's Chromium (`CHROME_PATH`, else `chromium` on PATH). Playwright's own browser download is
 * never used.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {findChromium, serve as serveSite, type Site} from '../../scripts/serve-site.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where the site is served: a sub-path, so every asset path must be relative. */
export const SUB_PATH = '/vmxlint/playground/';
export {findChromium};
export type Server = Site;

/** `npm run build:web` into a fresh temp directory; returns it. */
export function buildSite(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vmxlint-site-'));
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-web.mjs'), '--outdir', dir], {cwd: ROOT, encoding: 'utf8'});
  if (r.status !== 0) throw new Error(`build:web failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  return dir;
}

export const serve = (dir: string): Promise<Site> => serveSite(dir, {subPath: SUB_PATH});
