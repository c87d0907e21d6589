/**
 * `vmxlint/browser` bundles with esbuild for the browser (no Node built-ins, no polyfills) and runs
 * in a bare JavaScript context: a `vm` context whose only globals besides the language's own are
 * the web's TextDecoder and TextEncoder (no process, Buffer, require, setTimeout). There it reports
 * a duplicate key, fixes it, reports the nested rules for an outer VM on ESX 3.0 / Intel, and reads
 * a windows-1252 file, each time with the same result as the Node API.
 */
import {beforeAll, describe, expect, it} from '@jest/globals';
import * as esbuild from 'esbuild';
import vm from 'node:vm';
import {lintBytes as nodeLintBytes, lintText as nodeLintText, type LintOptions} from '../../src/index.js';
import {ensureBuilt, ROOT} from '../reliability/helpers.js';

type Api = typeof import('../../src/browser.js');

/** Bundle `source` (an ES module importing vmxlint) for the browser as one script that sets `globalThis.vmxlint`. */
async function bundle(source: string, loader: 'js' | 'ts' = 'js'): Promise<{code: string; inputs: string[]}> {
  const out = await esbuild.build({
    stdin: {contents: source, resolveDir: ROOT, sourcefile: `entry.${loader}`, loader},
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'vmxlint',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return {code: out.outputFiles[0].text, inputs: Object.keys(out.metafile.inputs)};
}

/** Run a bundle in a fresh context with only the language's globals plus TextDecoder/TextEncoder. */
function runBare(code: string): {api: Api; globals: Record<string, string>} {
  const context = vm.createContext({TextDecoder, TextEncoder});
  vm.runInContext(code, context);
  const globals = vm.runInContext(`({process: typeof process, Buffer: typeof Buffer, require: typeof require, module: typeof module, setTimeout: typeof setTimeout})`, context);
  return {api: context.vmxlint as Api, globals};
}

/** A result as plain data (objects made in the other context have other prototypes). */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

const DUPLICATE = '.encoding = "UTF-8"\nconfig.version = "8"\nvirtualHW.version = "4"\nmemsize = "256"\nmemsize = "256"\n';
/** An ESX 3.0 outer VM with a 64-bit inner guest and none of the keys nesting needs. */
const OUTER = '.encoding = "UTF-8"\nconfig.version = "8"\nvirtualHW.version = "4"\nguestOS = "other26xlinux"\nmemsize = "1024"\n';
const SETTINGS = {role: 'outer', host: 'esx-3.0', cpu: 'intel'} as const;

let api: Api;
let globals: Record<string, string>;
let inputs: string[];

beforeAll(async () => {
  await ensureBuilt();
  const built = await bundle(`export * from 'vmxlint/browser';`);
  inputs = built.inputs;
  ({api, globals} = runBare(built.code));
}, 180_000);

describe('vmxlint/browser bundled for the browser', () => {
  it('bundles without Node built-ins or the Node-only codec module', () => {
    expect(inputs.length).toBeGreaterThan(20);
    expect(inputs.filter((i) => i.startsWith('node:') || /^(fs|path|module|buffer|url|crypto)$/.test(i))).toEqual([]);
    expect(inputs).toContain('dist/src/syntax/codecs.browser.js');
    expect(inputs).not.toContain('dist/src/syntax/codecs.js');
    expect(inputs.some((i) => i.includes('node_modules/iconv-lite'))).toBe(false);
  });

  it('runs where there is no process, Buffer or require', () => {
    expect(globals).toEqual({process: 'undefined', Buffer: 'undefined', require: 'undefined', module: 'undefined', setTimeout: 'undefined'});
    expect(Object.keys(api.rules).length).toBeGreaterThan(15);
    expect(api.hostIds()).toContain('esx-3.0');
    expect(api.HOSTS.find((h) => h.id === 'esx-3.0')?.label).toBeTruthy();
    expect(api.stringify(api.parse(DUPLICATE))).toBe(DUPLICATE);
  });

  it('reports a duplicate key, as the Node API does', async () => {
    const result = await api.lintText(DUPLICATE, {filePath: 'dup.vmx'});
    expect(result.messages.map((m) => [m.ruleId, m.line])).toContainEqual(['no-duplicate-keys', 5]);
    expect(plain(result)).toEqual(plain(await nodeLintText(DUPLICATE, {filePath: 'dup.vmx'})));
  });

  it('fixes it, as the Node API does', async () => {
    const result = await api.lintText(DUPLICATE, {filePath: 'dup.vmx', fix: true});
    expect(result.output).toBe('.encoding = "UTF-8"\nconfig.version = "8"\nvirtualHW.version = "4"\nmemsize = "256"\n');
    expect(result.messages.map((m) => m.ruleId)).not.toContain('no-duplicate-keys');
    expect(plain(result)).toEqual(plain(await nodeLintText(DUPLICATE, {filePath: 'dup.vmx', fix: true})));
  });

  it('reports the nested rules given role outer, host esx-3.0, cpu intel', async () => {
    const result = await api.lintText(OUTER, {filePath: 'outer.vmx', settings: SETTINGS});
    const ids = new Set(result.messages.map((m) => m.ruleId));
    expect(ids.has('outer-virtualization-keys')).toBe(true);
    expect(plain(result)).toEqual(plain(await nodeLintText(OUTER, {filePath: 'outer.vmx', settings: SETTINGS})));
    // without the settings, nothing says this is an outer VM
    const none = await api.lintText(OUTER, {filePath: 'outer.vmx'});
    expect(none.messages.map((m) => m.ruleId)).not.toContain('outer-virtualization-keys');
  });

  it('takes a config, fixTypes and inlineConfig as the Node API does', async () => {
    const text = `${DUPLICATE}# vmxlint-disable-next-line no-duplicate-keys\nmemsize = "256"\n`;
    const options: LintOptions = {
      filePath: 'vms/a.vmx',
      config: [{rules: {'no-duplicate-keys': 'error'}}, {files: ['vms/*.vmx'], rules: {'no-invalid-lines': 'off'}}],
      fix: true,
      fixTypes: ['layout'],
      inlineConfig: false,
    };
    const result = await api.lintText(text, options);
    expect(result.messages.some((m) => m.ruleId === 'no-duplicate-keys' && m.severity === 2)).toBe(true);
    expect(plain(result)).toEqual(plain(await nodeLintText(text, options)));
  });

  // windows-1250, not -1252: the context's TextDecoder is Node's, whose windows-1252 is wrong in Node 20
  it('reads a windows-1250 file from bytes, as the Node API does', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('.encoding = "windows-1250"\ndisplayName = "caf'), 0xe9, 0x8a, ...new TextEncoder().encode('"\nmemsize = "1"\nmemsize = "1"\n')]);
    const got = api.lintBytes(bytes, {filePath: 'legacy.vmx'});
    expect(got.text).toContain('displayName = "caféŠ"');
    expect(got.encoding).toBe('windows-1250');
    expect(got.result.messages.map((m) => m.ruleId)).toContain('no-duplicate-keys');
    expect(plain(got)).toEqual(plain(nodeLintBytes(bytes, {filePath: 'legacy.vmx'})));
    expect([...api.encode('caféŠ', 'windows-1250')]).toEqual([0x63, 0x61, 0x66, 0xe9, 0x8a]);
    expect(api.canEncode('Š', 'windows-1250')).toBe(true);
    expect(api.canEncode('中', 'windows-1250')).toBe(false);
    expect(api.canEncode('中', 'shift_jis')).toBe(true);
  });
});

describe('src/browser.ts bundled from source (as the playground does)', () => {
  it('has no Node built-ins and picks the browser codecs', async () => {
    const built = await bundle(`export * from './src/browser.ts';`, 'ts');
    expect(built.inputs.filter((i) => i.startsWith('node:'))).toEqual([]);
    expect(built.inputs).toContain('src/syntax/codecs.browser.ts');
    const {api: fromSource} = runBare(built.code);
    const result = await fromSource.lintText(DUPLICATE, {fix: true});
    expect(result.output).toBe(DUPLICATE.replace('memsize = "256"\nmemsize = "256"\n', 'memsize = "256"\n'));
  });
});
