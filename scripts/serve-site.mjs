/**
 * A static server for the built playground on 127.0.0.1, under a sub-path (as a project page is):
 * `npm run serve:web` (then open the address it prints), and the browser tests' server.
 * GET only, files of `dir` only; anything outside the sub-path is a 404.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serve `dir` at http://127.0.0.1:<port><subPath>; resolves to {url, origin, requests, close}. */
export async function serve(dir, {subPath = '/vmxlint/playground/', port = 0} = {}) {
  const root = path.resolve(dir);
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname);
    const rel = url.pathname.startsWith(subPath) ? decodeURIComponent(url.pathname.slice(subPath.length)) || 'index.html' : undefined;
    const file = rel === undefined ? undefined : path.join(root, rel);
    if (req.method !== 'GET' || !file || !file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache'});
    res.end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    url: origin + subPath,
    origin,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The Chromium to drive: `CHROME_PATH`, else `chromium` / `chromium-browser` / `google-chrome` on PATH. */
export function findChromium() {
  if (process.env.CHROME_PATH) return fs.existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
    }
  }
  return undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../site');
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error('serve:web: site/ is not built: run npm run build:web first');
    process.exit(2);
  }
  const site = await serve(dir, {port: Number(process.env.PORT ?? 8080)});
  console.log(`the playground: ${site.url}  (Ctrl-C stops)`);
}
