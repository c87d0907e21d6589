/**
 * What a run asks of the config for each of thousands of files is answered from caches:
 * ConfigArray.forFile by the set of blocks that apply (one shared FileConfig per set),
 * relative paths by slicing, ConfigLoader.loadedForFile without an await. These tests check the
 * cached answers are the ones computed from scratch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import fc from 'fast-check';
import {ConfigArray, resolvePath, type Config} from '../../src/config/config-array.js';
import {ConfigLoader} from '../../src/runner/config-loader.js';
import {posixPath} from '../../src/config/paths.js';

const ITEMS: Config = [
  'vmxlint:recommended',
  {files: ['templates/**/*.vmx'], rules: {'no-invalid-lines': 'warn'}, settings: {role: 'outer'}},
  {files: ['templates/legacy/*.vmx'], rules: {'no-invalid-lines': 'off', 'no-duplicate-keys': ['warn', {}]}},
  {ignores: ['**/skip-*.vmx'], rules: {'quoted-values': 'off'}},
  {ignores: ['vendor/**']},
];

/** A file's config as a plain value (what a fresh merge gives), to compare cached and fresh answers. */
const shape = (config: ConfigArray, file: string) => {
  const c = config.forFile(file);
  return {rules: c.rules.map((r) => [r.id, r.severity, r.options]), settings: c.settings, ignored: config.isIgnored(file)};
};

const segment = fc.constantFrom('templates', 'legacy', 'vendor', 'a', '.', '..', '', 'skip-1.vmx', 'x.vmx', 'é.vmx');
const anyPath = fc.tuple(fc.constantFrom('/repo/', '/', '/other/', '', './', '/repo'), fc.array(segment, {maxLength: 4})).map(([lead, parts]) => lead + parts.join('/'));

describe('ConfigArray.forFile', () => {
  it('gives files to which the same blocks apply one shared config, and others their own', () => {
    const config = new ConfigArray(ITEMS, '/repo', 'c.json');
    const a = config.forFile('/repo/templates/a/x.vmx');
    expect(config.forFile('/repo/templates/b/y.vmx')).toBe(a);
    expect(config.forFile('/repo/templates/legacy/x.vmx')).not.toBe(a);
    expect(config.forFile('/repo/x.vmx')).not.toBe(a);
    expect(config.forFile('/repo/x.vmx')).toBe(config.forFile('/repo/y/z.vmx'));
    // without files/ignores blocks, every file gets the same config
    const plain = new ConfigArray(['vmxlint:recommended'], '/repo', 'c.json');
    expect(plain.forFile('/repo/a.vmx')).toBe(plain.forFile('/elsewhere/b.vmx'));
  });

  it('answers every path as a config built afresh for it does (cached after many other paths)', () => {
    const warm = new ConfigArray(ITEMS, '/repo', 'c.json');
    fc.assert(
      fc.property(anyPath, (file) => {
        expect(shape(warm, file)).toEqual(shape(new ConfigArray(ITEMS, '/repo', 'c.json'), file));
      }),
      {numRuns: 400},
    );
  });

  it('keeps the relative-path answers of path.relative for unnormalized, relative and outside paths', () => {
    const config = new ConfigArray([{ignores: ['vendor/**', '../outside/**']}], '/repo', 'c.json');
    expect(config.isIgnored('/repo/vendor/x.vmx')).toBe(true);
    expect(config.isIgnored('/repo/a/../vendor/x.vmx')).toBe(true);
    expect(config.isIgnored('/repo//vendor/x.vmx')).toBe(true);
    expect(config.isIgnored('/outside/x.vmx')).toBe(true);
    expect(config.isIgnored('/repo/vendors/x.vmx')).toBe(false);
    expect(config.isIgnored('/repo/x/vendor/x.vmx')).toBe(false);
  });
});

describe('resolvePath', () => {
  it('is path.resolve with node:path', () => {
    fc.assert(
      fc.property(anyPath, (p) => {
        expect(resolvePath(p, path)).toBe(path.resolve(p));
      }),
      {numRuns: 1000},
    );
  });

  it('is POSIX path.resolve from `/` without it (the platform-free core)', () => {
    fc.assert(
      fc.property(anyPath, (p) => {
        expect(resolvePath(p)).toBe(path.posix.resolve('/', p));
      }),
      {numRuns: 1000},
    );
  });
});

describe('posixPath', () => {
  it('resolves and relativises as path.posix does', () => {
    fc.assert(
      fc.property(anyPath, anyPath, (a, b) => {
        expect(posixPath.resolve(a, b)).toBe(path.posix.resolve('/', a, b));
        expect(posixPath.relative(a, b)).toBe(path.posix.relative(path.posix.resolve('/', a), path.posix.resolve('/', b)));
        expect(posixPath.isAbsolute(a)).toBe(path.posix.isAbsolute(a));
      }),
      {numRuns: 1000},
    );
  });
});

describe('ConfigLoader.loadedForFile', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'vmxlint-per-file-'));
    fs.mkdirSync(path.join(root, 'a', 'b'), {recursive: true});
    fs.writeFileSync(path.join(root, 'a', 'vmxlint.config.json'), JSON.stringify([{rules: {'no-invalid-lines': 'warn'}}]));
  });
  afterAll(() => fs.rmSync(root, {recursive: true, force: true}));

  it('is undefined until the directory\'s config is loaded, then the very config forFile gives', async () => {
    const loader = new ConfigLoader({cwd: root});
    const file = path.join(root, 'a', 'b', 'x.vmx');
    expect(loader.loadedForFile(file)).toBeUndefined();
    const config = await loader.forFile(file);
    expect(config.source).toBe(path.join(root, 'a', 'vmxlint.config.json'));
    expect(loader.loadedForFile(file)).toBe(config);
    expect(loader.loadedForFile(path.join(root, 'a', 'b', 'y.vmx'))).toBe(config);
    expect(loader.loadedForFile(path.join(root, 'a', 'y.vmx'))).toBe(config); // the parent was looked up on the way
    expect(loader.loadedForFile(path.join(root, 'other', 'y.vmx'))).toBeUndefined();
  });

  it('gives the one config of --config and of --no-config-lookup once loaded', async () => {
    const explicit = new ConfigLoader({cwd: root, configFile: path.join('a', 'vmxlint.config.json')});
    expect(explicit.loadedForFile('/x.vmx')).toBeUndefined();
    const config = await explicit.forFile('/x.vmx');
    expect(explicit.loadedForFile('/y/z.vmx')).toBe(config);
    const none = new ConfigLoader({cwd: root, lookup: false});
    const preset = await none.forFile(path.join(root, 'a', 'x.vmx'));
    expect(none.loadedForFile('/anywhere.vmx')).toBe(preset);
  });

  it('stays undefined for a config that failed to load (the caller awaits and gets the error)', async () => {
    fs.mkdirSync(path.join(root, 'bad'), {recursive: true});
    fs.writeFileSync(path.join(root, 'bad', 'vmxlint.config.json'), '{not json');
    const loader = new ConfigLoader({cwd: root});
    const file = path.join(root, 'bad', 'x.vmx');
    await expect(loader.forFile(file)).rejects.toThrow(/cannot load config/);
    expect(loader.loadedForFile(file)).toBeUndefined();
  });
});
