/**
 * docs/architecture.md matches the folders: every folder and top-level file of src/ is placed in
 * a layer there and in .dependency-cruiser.cjs (so the dependency check covers it), and every
 * src/ path the doc names exists (the front ends still to come are named as such).
 */
import {describe, expect, it} from '@jest/globals';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {ROOT} from '../reliability/helpers.js';

const doc = fs.readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
const layersSection = doc.slice(doc.indexOf('## Layers'), doc.indexOf('\n## ', doc.indexOf('## Layers') + 1));
/** Not there yet: named in the doc as "next". */
const COMING = new Set<string>([]);

/** src/'s folders (`src/x/`) and top-level files (`src/x.ts`), and lib/rules/. */
function units(): string[] {
  const out = ['lib/rules/'];
  for (const e of fs.readdirSync(path.join(ROOT, 'src'), {withFileTypes: true})) {
    // an empty folder (left behind by a move: git does not track it) is no unit
    if (e.isDirectory() && fs.readdirSync(path.join(ROOT, 'src', e.name)).length === 0) continue;
    out.push(e.isDirectory() ? `src/${e.name}/` : `src/${e.name}`);
  }
  return out;
}

describe('docs/architecture.md', () => {
  it('places every folder of src/ in a layer', () => {
    expect(layersSection.length).toBeGreaterThan(500);
    for (const unit of units()) expect({unit, inDoc: layersSection.includes(`\`${unit}`) || layersSection.includes(` ${unit}`)}).toEqual({unit, inDoc: true});
  });

  it('names only src/ paths that exist, or front ends it calls next', () => {
    const named = new Set([...doc.matchAll(/`((?:src|lib)\/[\w./-]*)/g)].map((m) => m[1]));
    expect(named.size).toBeGreaterThan(10);
    for (const p of named) {
      if (COMING.has(p)) continue;
      expect({path: p, exists: fs.existsSync(path.join(ROOT, p))}).toEqual({path: p, exists: true});
    }
  });

  it('matches the layers of the dependency check: each unit of src/ is in exactly one', () => {
    const config = createRequire(import.meta.url)(path.join(ROOT, '.dependency-cruiser.cjs')) as {forbidden: Array<{name: string; from: {path?: string}}>};
    const layerOf = (rule: string) => new RegExp(config.forbidden.find((r) => r.name === rule)!.from.path!);
    const layers = {
      core: layerOf('core-imports-only-core'),
      formatters: layerOf('formatters-import-only-core'),
      runner: layerOf('runner-imports-no-front-end'),
    };
    const frontEnd = /^(src\/(cli|language-server)\/|src\/index\.ts$)/;
    for (const unit of units()) {
      const probe = unit.endsWith('/') ? `${unit}x.ts` : unit;
      const hits = [...Object.entries(layers).filter(([, re]) => re.test(probe)).map(([name]) => name), ...(frontEnd.test(probe) ? ['front end'] : [])];
      expect({unit, hits: hits.length}).toEqual({unit, hits: 1});
    }
  });
});
