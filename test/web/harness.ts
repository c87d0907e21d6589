/**
 * The playground's browser tests: the site built into a temp directory, served by a loopback HTTP
 * server under a sub-path (as a project page would be), driven by playwright-core through the
 * system's Chromium (`CHROME_PATH`, else `chromium` / `chromium-browser` on PATH). Playwright's own
 * browser download is never used.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {AddressInfo} from 'node:net';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where the site is served: a sub-path, so every asset path must be relative. */
export const SUB_PATH = '/vmxlint/playground/';

/** The Chromium to drive, or undefined when there is none. */
export function findChromium(): string | undefined {
  if (process.env.CHROME_PATH) return fs.existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      const file = path.join(dir, name);
      if (dir && fs.existsSync(file)) return file;
    }
  }
  return undefined;
}

/** `npm run build:web` into a fresh temp directory; returns it. */
export function buildSite(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vmxlint-site-'));
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-web.mjs'), '--outdir', dir], {cwd: ROOT, encoding: 'utf8'});
  if (r.status !== 0) throw new Error(`build:web failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  return dir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface Server {
  /** The site's address, ending in SUB_PATH. */
  url: string;
  origin: string;
  /** Every path the server was asked for. */
  requests: string[];
  close(): Promise<void>;
}

/** A static server for `dir` under SUB_PATH on 127.0.0.1 (anything else: 404). */
export async function serve(dir: string): Promise<Server> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname);
    if (!url.pathname.startsWith(SUB_PATH)) {
      res.writeHead(404).end();
      return;
    }
    const rel = decodeURIComponent(url.pathname.slice(SUB_PATH.length)) || 'index.html';
    const file = path.join(dir, rel);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache'});
    res.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin + SUB_PATH,
    origin,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
