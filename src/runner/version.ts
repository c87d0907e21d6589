/** vmxlint's version, for --version, reports and the --cache key. */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** The version in the nearest package.json named vmxlint above `from` (src, dist/src or the bundle). */
export function packageVersion(from: string = import.meta.url): string {
  let dir = path.dirname(fileURLToPath(from));
  for (;;) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {name?: string; version?: string};
      if (pkg.name === 'vmxlint' && pkg.version) return pkg.version;
    } catch {
      // no package.json here: keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) return '0.0.0';
    dir = parent;
  }
}
