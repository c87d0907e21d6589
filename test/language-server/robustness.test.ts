/**
 * Any text gives diagnostics or none, never a crash; a throwing plugin rule or a bad config is one
 * diagnostic; after each, the server still answers.
 */
import {describe, expect, it} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {DiagnosticSeverity, DidChangeWatchedFilesNotification, DocumentDiagnosticRequest, FileChangeType, type Diagnostic} from 'vscode-languageserver-protocol/node';
import {fileUri, disposedAfterEach, PULL_CLIENT, PUSH_CLIENT, ROOT, type Client} from './helpers.js';

const scratch = disposedAfterEach();
async function start(capabilities = PUSH_CLIENT, rootDir?: string): Promise<Client> {
  const c = scratch.start();
  await c.initialize(capabilities, rootDir ? {rootUri: fileUri(rootDir)} : {});
  return c;
}
async function pullItems(c: Client, uri: string): Promise<Diagnostic[]> {
  const report = await c.connection.sendRequest(DocumentDiagnosticRequest.type, {textDocument: {uri}});
  return 'items' in report ? report.items : [];
}
/** The server still lints: a fresh document gets its diagnostics. */
async function stillServing(c: Client): Promise<void> {
  const uri = `untitled:check-${c.diagnostics.length}`;
  c.open(uri, '.encoding = "UTF-8"\nvhv.enable = "yes"\n');
  expect((await c.waitForDiagnostics(uri)).diagnostics.map((d) => d.code)).toContain('boolean-values');
}

describe('any text', () => {
  it('binary bytes (as an editor shows them) give one fatal diagnostic at the top', async () => {
    const c = await start();
    let binary = '';
    for (let i = 0; i < 4096; i++) binary += String.fromCharCode((i * 7919) % 256);
    c.open('untitled:bin', binary);
    const {diagnostics} = await c.waitForDiagnostics('untitled:bin');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({severity: DiagnosticSeverity.Error, range: {start: {line: 0, character: 0}}, message: expect.stringContaining('binary file')});
    await stillServing(c);
  });

  it('a 10 MB text is linted, and the server goes on', async () => {
    const c = await start();
    const line = 'guestinfo.padding = "0123456789012345678901234567890123456789012345678901234567890123456789"\n';
    const big = `.encoding = "UTF-8"\nvhv.enable = "yes"\n${line.repeat(Math.ceil((10 * 1024 * 1024) / line.length))}`;
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
    c.open('untitled:big', big);
    const {diagnostics} = await c.waitForDiagnostics('untitled:big');
    expect(diagnostics.map((d) => d.code)).toContain('boolean-values');
    await stillServing(c);
  });

  it('every half-typed prefix of a real file gives diagnostics or none', async () => {
    const c = await start(PULL_CLIENT);
    const text = fs.readFileSync(path.join(ROOT, 'fixtures/examples/inner.vmx'), 'utf8') + '# vmxlint role=inn\nvhv.enable = "TR\nfoo =\n= "x"\n"\n';
    c.open('untitled:typing', '');
    let version = 1;
    // typed a few characters at a time, as incremental changes at the end of the document
    for (let at = 0; at < text.length; at += 5) {
      const lines = text.slice(0, at).split('\n');
      const end = {line: lines.length - 1, character: lines[lines.length - 1].length};
      c.change('untitled:typing', ++version, [{range: {start: end, end}, text: text.slice(at, at + 5)}]);
      const items = await pullItems(c, 'untitled:typing');
      expect(Array.isArray(items)).toBe(true);
      expect(items.every((d) => d.source === 'vmxlint' && !/internal error/.test(String(d.message)))).toBe(true);
    }
    const final = await pullItems(c, 'untitled:typing');
    expect(final.map((d) => d.code)).toContain('no-invalid-lines');
  });
});

describe('broken configs and rules', () => {
  it('a plugin rule that throws is one fatal diagnostic; the other rules still report', async () => {
    const dir = scratch.folder({
      'vmxlint.config.mjs': `export default ['vmxlint:recommended', {plugins: {acme: {rules: {boom: {
        meta: {type: 'problem', docs: {description: 'd', recommended: false, url: 'https://example.com/boom'}, messages: {m: 'm'}, schema: {}, defaultSeverity: 'error'},
        defaultOptions: {},
        create: () => ({entry() { throw new Error('kaboom'); }}),
      }}}}, rules: {'acme/boom': 'error'}}];`,
    });
    const c = await start(PUSH_CLIENT, dir);
    const uri = fileUri(path.join(dir, 'vm.vmx'));
    c.open(uri, '.encoding = "UTF-8"\nvhv.enable = "yes"\n');
    const {diagnostics} = await c.waitForDiagnostics(uri);
    const crash = diagnostics.filter((d) => d.code === 'acme/boom');
    expect(crash).toEqual([expect.objectContaining({severity: DiagnosticSeverity.Error, message: expect.stringContaining('Rule `acme/boom` crashed'), range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}})]);
    expect(crash[0].message).toContain('kaboom');
    await stillServing(c);
  });

  it('a config that cannot be loaded is one diagnostic naming the file; fixed, it applies again', async () => {
    const dir = scratch.folder({'.vmxlintrc.json': '[{"rules": {"boolean-values": "of"'});
    const c = await start(PUSH_CLIENT, dir);
    const uri = fileUri(path.join(dir, 'vm.vmx'));
    c.open(uri, '.encoding = "UTF-8"\nvhv.enable = "yes"\n');
    const {diagnostics} = await c.waitForDiagnostics(uri);
    expect(diagnostics).toEqual([
      {
        range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
        severity: DiagnosticSeverity.Error,
        source: 'vmxlint',
        message: expect.stringMatching(/^vmxlint: .*\.vmxlintrc\.json: cannot load config/),
      },
    ]);
    // code actions on it: none, no error
    expect(await c.codeActions(uri, diagnostics[0].range, diagnostics)).toEqual([]);
    // an invalid (but loadable) config: the same, with what is wrong
    fs.writeFileSync(path.join(dir, '.vmxlintrc.json'), '[{"rules": {"boolean-values": "of"}}]');
    void c.connection.sendNotification(DidChangeWatchedFilesNotification.type, {changes: [{uri: fileUri(path.join(dir, '.vmxlintrc.json')), type: FileChangeType.Changed}]});
    const invalid = await c.waitForDiagnostics(uri);
    expect(invalid.diagnostics).toHaveLength(1);
    expect(invalid.diagnostics[0].message).toContain('boolean-values');
    fs.writeFileSync(path.join(dir, '.vmxlintrc.json'), '["vmxlint:recommended"]');
    void c.connection.sendNotification(DidChangeWatchedFilesNotification.type, {changes: [{uri: fileUri(path.join(dir, '.vmxlintrc.json')), type: FileChangeType.Changed}]});
    const fixed = await c.waitForDiagnostics(uri);
    expect(fixed.diagnostics.map((d) => d.code)).toEqual(['boolean-values']);
  });
});
