/**
 * The dependency check (`npm run check:deps`, part of `npm test`: dependency-cruiser with
 * .dependency-cruiser.cjs) fails where it must: run against a small temp tree laid out like
 * vmxlint's, with one break of each rule, it names every break and exits non-zero; the same tree
 * without the breaks passes. (The real tree is checked by `npm test` itself, before jest.)
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {ROOT} from '../reliability/helpers.js';

const CLEAN: Record<string, string> = {
  'src/syntax/parse.ts': `export const parse = (t: string) => t;\n`,
  'src/engine/linter.ts': `import {parse} from '../syntax/parse.js';\nexport const lint = (t: string) => parse(t);\n`,
  'src/formatters/json.ts': `import path from 'node:path';\nimport {lint} from '../engine/linter.js';\nexport const f = (t: string) => path.basename(lint(t));\n`,
  'src/runner/lint-files.ts': `import fs from 'node:fs';\nimport {lint} from '../engine/linter.js';\nexport const lintFile = (p: string) => lint(fs.readFileSync(p, 'utf8'));\n`,
  'src/cli/main.ts': `import {lintFile} from '../runner/lint-files.js';\nimport {f} from '../formatters/json.js';\nexport const main = (p: string) => f(lintFile(p));\n`,
  'src/language-server/server.ts': `import {lint} from '../engine/linter.js';\nexport const serve = (t: string) => lint(t);\n`,
};

/** One break per rule, each in its own file. */
const BREAKS: Record<string, string> = {
  // a circle
  'src/engine/a.ts': `import {b} from './b.js';\nexport const a = (): number => b() + 1;\n`,
  'src/engine/b.ts': `import {a} from './a.js';\nexport const b = (): number => (Math.random() > 2 ? a() : 0);\n`,
  // a core file importing node:*
  'src/syntax/read.ts': `import fs from 'node:fs';\nexport const read = (p: string) => fs.readFileSync(p);\n`,
  // a core file importing the runner (a lower layer importing a higher one)
  'src/engine/up.ts': `import {lintFile} from '../runner/lint-files.js';\nexport const up = lintFile;\n`,
  // the runner importing a front end
  'src/runner/cli-use.ts': `import {main} from '../cli/main.js';\nexport const again = main;\n`,
  // a formatter touching the file system
  'src/formatters/io.ts': `import fs from 'node:fs';\nexport const exists = (p: string) => fs.existsSync(p);\n`,
  // one front end importing another
  'src/language-server/uses-cli.ts': `import {main} from '../cli/main.js';\nexport const m = main;\n`,
};

let dir: string;

function layTree(files: Record<string, string>): void {
  fs.rmSync(path.join(dir, 'src'), {recursive: true, force: true});
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
    fs.writeFileSync(path.join(dir, file), text);
  }
}

function check(): {status: number | null; out: string} {
  const bin = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const r = spawnSync(process.execPath, [bin, 'src', '--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err'], {
    cwd: dir,
    encoding: 'utf8',
    env: {...process.env, NODE_OPTIONS: ''},
  });
  return {status: r.status, out: `${r.stdout}${r.stderr}`};
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vmxlint-deps-'));
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({compilerOptions: {module: 'NodeNext', moduleResolution: 'NodeNext', strict: true}, include: ['src']}));
});

afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

describe('npm run check:deps', () => {
  it('passes a tree whose imports go only downwards', () => {
    layTree(CLEAN);
    const {status, out} = check();
    expect(out).toMatch(/no dependency violations found/);
    expect(status).toBe(0);
  }, 120_000);

  it('fails on a circle, a core file importing node:* or the runner, and every other upward import', () => {
    layTree({...CLEAN, ...BREAKS});
    const {status, out} = check();
    expect(status).not.toBe(0);
    expect(out).toMatch(/no-circular: src\/engine\/(a|b)\.ts/);
    expect(out).toMatch(/core-is-platform-free: src\/syntax\/read\.ts → (node:)?fs/);
    expect(out).toMatch(/core-imports-only-core: src\/engine\/up\.ts → src\/runner\/lint-files\.ts/);
    expect(out).toMatch(/runner-imports-no-front-end: src\/runner\/cli-use\.ts → src\/cli\/main\.ts/);
    expect(out).toMatch(/formatters-need-no-io: src\/formatters\/io\.ts → (node:)?fs/);
    expect(out).toMatch(/front-ends-are-independent: src\/language-server\/uses-cli\.ts → src\/cli\/main\.ts/);
    // the clean files are not blamed
    expect(out).not.toMatch(/: src\/formatters\/json\.ts/);
    expect(out).not.toMatch(/: src\/language-server\/server\.ts/);
  }, 120_000);
});
