/**
 * Config and nested context in the language server: the config the CLI would use for the
 * document's path (compared with the real CLI's JSON output), reloaded on
 * `workspace/didChangeWatchedFiles`; editor settings under `vmxlint` with the CLI flags' precedence.
 */
import {describe, expect, it} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, MessageType, type Diagnostic} from 'vscode-languageserver-protocol/node';
import {fileUri, disposedAfterEach, PULL_CLIENT, PUSH_CLIENT, ROOT, runCommand} from './helpers.js';

const {start, folder: project} = disposedAfterEach();

/** What the CLI reports for a file on disk: `[rule, severity 0-2, line]`, sorted. */
async function cli(dir: string, file: string, flags: string[] = []): Promise<Array<[string | null, number, number]>> {
  const run = await runCommand(process.execPath, [path.join(ROOT, 'bin', 'vmxlint.js'), '-f', 'json', ...flags, file], {cwd: dir});
  const [result] = JSON.parse(run.stdout) as Array<{messages: Array<{ruleId: string | null; severity: number; line: number}>}>;
  return result.messages.map((m) => [m.ruleId, m.severity, m.line] as [string | null, number, number]).sort();
}
const SEVERITY_OF = {1: 2, 2: 1, 3: 0} as Record<number, number>;
const shaped = (ds: Diagnostic[]) => ds.map((d) => [d.code ?? null, SEVERITY_OF[d.severity!], d.range.start.line + 1] as [string | null, number, number]).sort();

const TEXT = '.encoding = "UTF-8"\nconfig.version = "8"\nvhv.enable = "yes"\nmemsize = "1"\nmemsize = "1"\n';
const OUTER = fs.readFileSync(path.join(ROOT, 'fixtures/examples/outer.vmx'), 'utf8');

describe('config files', () => {
  it('uses the nearest config, as the CLI does, and reloads it when the client reports a change', async () => {
    const dir = project({
      'vmxlint.config.json': JSON.stringify(['vmxlint:recommended', {rules: {'boolean-values': 'off'}}]),
      'sub/.vmxlintrc.json': JSON.stringify(['vmxlint:recommended', {rules: {'no-duplicate-keys': 'info'}}]),
      'top.vmx': TEXT,
      'sub/vm.vmx': TEXT,
    });
    const c = start();
    await c.initialize(PUSH_CLIENT, {rootUri: fileUri(dir)});
    // the server asks to be told about config files
    await c.waitFor('watcher registration', () => (c.registrations.length ? true : undefined));
    expect(JSON.stringify(c.registrations)).toContain('**/.vmxlintrc.json');
    for (const file of ['top.vmx', 'sub/vm.vmx']) {
      const uri = fileUri(path.join(dir, file));
      c.open(uri, TEXT);
      const {diagnostics} = await c.waitForDiagnostics(uri);
      expect(shaped(diagnostics)).toEqual(await cli(dir, file));
    }
    const sub = fileUri(path.join(dir, 'sub/vm.vmx'));
    fs.writeFileSync(path.join(dir, 'sub/.vmxlintrc.json'), JSON.stringify(['vmxlint:recommended', {rules: {'no-duplicate-keys': 'off'}}]));
    void c.connection.sendNotification(DidChangeWatchedFilesNotification.type, {changes: [{uri: fileUri(path.join(dir, 'sub/.vmxlintrc.json')), type: FileChangeType.Changed}]});
    const reloaded = await c.waitForDiagnostics(sub);
    expect(reloaded.diagnostics.map((d) => d.code)).not.toContain('no-duplicate-keys');
    expect(shaped(reloaded.diagnostics)).toEqual(await cli(dir, 'sub/vm.vmx'));
  });

  it('asks a client that pulls to pull again after a config change', async () => {
    const dir = project({'.vmxlintrc.json': '["vmxlint:recommended"]'});
    const c = start();
    await c.initialize(PULL_CLIENT, {rootUri: fileUri(dir)});
    void c.connection.sendNotification(DidChangeWatchedFilesNotification.type, {changes: [{uri: fileUri(path.join(dir, '.vmxlintrc.json')), type: FileChangeType.Changed}]});
    await c.waitFor('workspace/diagnostic/refresh', () => (c.refreshes === 1 ? true : undefined));
  });

  it('shows nothing for a file the config ignores', async () => {
    const dir = project({'vmxlint.config.json': JSON.stringify([{ignores: ['old/**']}, 'vmxlint:recommended'])});
    const c = start();
    await c.initialize(PUSH_CLIENT, {rootUri: fileUri(dir)});
    const uri = fileUri(path.join(dir, 'old/vm.vmx'));
    c.open(uri, TEXT);
    expect((await c.waitForDiagnostics(uri)).diagnostics).toEqual([]);
  });
});

describe('editor settings', () => {
  it('win over the file\'s `# vmxlint` comment and the config, as CLI flags do', async () => {
    const text = `# vmxlint host=workstation-5.x\n${OUTER}`;
    const dir = project({'vmxlint.config.json': JSON.stringify(['vmxlint:recommended', {settings: {cpu: 'amd'}}]), 'outer.vmx': text});
    const c = start();
    c.settings = {host: 'esx-3.5', cpu: 'intel', trace: {server: 'off'}, enable: true};
    await c.initialize(PUSH_CLIENT, {rootUri: fileUri(dir)});
    const uri = fileUri(path.join(dir, 'outer.vmx'));
    c.open(uri, text);
    const {diagnostics} = await c.waitForDiagnostics(uri);
    expect(diagnostics.map((d) => d.code)).toContain('host-supports-nesting');
    expect(shaped(diagnostics)).toEqual(await cli(dir, 'outer.vmx', ['--host', 'esx-3.5', '--cpu', 'intel']));
    // changed in the editor: asked again, the file linted again
    c.settings = {};
    void c.connection.sendNotification(DidChangeConfigurationNotification.type, {settings: null});
    const again = await c.waitForDiagnostics(uri);
    expect(shaped(again.diagnostics)).toEqual(await cli(dir, 'outer.vmx'));
    expect(c.messages).toEqual([]);
  });

  it('come from initializationOptions for a client without workspace/configuration', async () => {
    const c = start();
    await c.initialize({}, {initializationOptions: {vmxlint: {host: 'esx-3.5', cpu: 'intel'}}});
    c.open('untitled:1', OUTER);
    const {diagnostics} = await c.waitForDiagnostics('untitled:1');
    expect(diagnostics.map((d) => d.code)).toContain('host-supports-nesting');
  });

  it('that are invalid or unknown are shown once (window/showMessage) and left out; linting goes on', async () => {
    const c = start();
    c.settings = {cpu: 'arm', bogus: 'x', host: 'esx-3.5'};
    await c.initialize();
    c.open('untitled:1', OUTER);
    const {diagnostics} = await c.waitForDiagnostics('untitled:1');
    expect(diagnostics.map((d) => d.code)).toContain('nested-context');
    await c.waitFor('two messages', () => (c.messages.length >= 2 ? true : undefined));
    expect(c.messages.map((m) => m.type)).toEqual([MessageType.Warning, MessageType.Warning]);
    expect(c.messages.map((m) => m.message).sort()).toEqual([
      expect.stringMatching(/^vmxlint: editor settings \(vmxlint\.\*\): invalid cpu "arm": expected one of intel, amd, apple \(ignored\)$/),
      expect.stringMatching(/^vmxlint: editor settings \(vmxlint\.\*\): unknown setting "bogus"/),
    ]);
    c.open('untitled:2', OUTER);
    await c.waitForDiagnostics('untitled:2');
    expect(c.messages).toHaveLength(2);
  });
});

describe('a lab: an inner VM and the outer VM file it links to (issue 19)', () => {
  const OUTER_OK = '.encoding = "UTF-8"\nconfig.version = "8"\nvirtualHW.version = "21"\nguestOS = "vmkernel8"\n# vmxlint role=outer host=workstation-17 cpu=intel\nvhv.enable = "TRUE"\nmemsize = "16384"\nnumvcpus = "4"\n';
  const INNER = '.encoding = "UTF-8"\n# vmxlint role=inner outer=outer.vmx\nconfig.version = "8"\nvirtualHW.version = "21"\nguestOS = "other5xlinux-64"\nmemsize = "2048"\nnumvcpus = "2"\n';

  it('lints an open inner VM again when its outer VM file changes on disk', async () => {
    const dir = project({'outer.vmx': OUTER_OK, 'inner.vmx': INNER});
    const c = start();
    await c.initialize(PUSH_CLIENT, {rootUri: fileUri(dir)});
    // the server asks to be told about .vmx files too
    await c.waitFor('watcher registration', () => (c.registrations.length ? true : undefined));
    expect(JSON.stringify(c.registrations)).toContain('**/*.vmx');
    const inner = fileUri(path.join(dir, 'inner.vmx'));
    c.open(inner, INNER);
    const first = await c.waitForDiagnostics(inner);
    expect(first.diagnostics.map((d) => d.code)).not.toContain('inner-runs-in-outer');
    // the outer VM loses vhv.enable: the 64-bit inner VM cannot run in it any more
    fs.writeFileSync(path.join(dir, 'outer.vmx'), OUTER_OK.replace('vhv.enable = "TRUE"\n', ''));
    void c.connection.sendNotification(DidChangeWatchedFilesNotification.type, {changes: [{uri: fileUri(path.join(dir, 'outer.vmx')), type: FileChangeType.Changed}]});
    const again = await c.waitForDiagnostics(inner, (p) => p.diagnostics.some((d) => d.code === 'inner-runs-in-outer'));
    expect(again.diagnostics.find((d) => d.code === 'inner-runs-in-outer')?.message).toContain('vhv.enable');
  });
});
