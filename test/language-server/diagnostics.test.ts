/**
 * The language server in-process, through a real JSON-RPC client: capabilities, the shape of the
 * diagnostics, pull and push, the push debounce and dropping results for stale versions.
 */
import {describe, expect, it} from '@jest/globals';
import {DiagnosticSeverity, DocumentDiagnosticRequest, ShutdownRequest, TextDocumentSyncKind} from 'vscode-languageserver-protocol/node';
import {lintText} from '../../src/index.js';
import type {Loader} from '../../src/language-server/core.js';
import {newLoader} from '../../src/language-server/core.js';
import type {Timers} from '../../src/language-server/debounce.js';
import {disposedAfterEach, PULL_CLIENT, PUSH_CLIENT} from './helpers.js';

/** A boolean written `"yes"` (warning, fixable), a duplicate key (error), a nested file without its host (warning, info). */
const TEXT = '.encoding = "UTF-8"\nconfig.version = "8"\nvirtualHW.version = "4"\nvhv.enable = "yes"\nmemsize = "1"\nmemsize = "2"\nmonitor_control.enable_svm = "TRUE"\n';
const URI = 'untitled:Untitled-1';

const {start} = disposedAfterEach();

describe('initialize', () => {
  it('advertises incremental sync, quick fixes and source.fixAll.vmxlint; pull diagnostics only for clients that pull', async () => {
    const push = await start().initialize(PUSH_CLIENT);
    expect(push.capabilities.textDocumentSync).toEqual({openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}});
    expect(push.capabilities.codeActionProvider).toEqual({codeActionKinds: ['quickfix', 'source.fixAll.vmxlint']});
    expect(push.capabilities.executeCommandProvider).toEqual({commands: ['vmxlint.showDocumentation']});
    expect(push.capabilities.diagnosticProvider).toBeUndefined();
    const pull = await start().initialize(PULL_CLIENT);
    expect(pull.capabilities.diagnosticProvider).toEqual({identifier: 'vmxlint', interFileDependencies: false, workspaceDiagnostics: false});
  });

  it('answers shutdown', async () => {
    const c = start();
    await c.initialize();
    await expect(c.connection.sendRequest(ShutdownRequest.type)).resolves.toBeNull();
  });
});

describe('diagnostics', () => {
  it('pushes one diagnostic per message, with the version, rule id, docs link and severity', async () => {
    const c = start();
    await c.initialize();
    c.open(URI, TEXT, 7);
    const published = await c.waitForDiagnostics(URI);
    expect(published.version).toBe(7);
    const expected = (await lintText(TEXT)).messages;
    expect(published.diagnostics).toHaveLength(expected.length);
    const bool = published.diagnostics.find((d) => d.code === 'boolean-values')!;
    expect(bool).toEqual({
      range: {start: {line: 3, character: 13}, end: {line: 3, character: 18}},
      message: expect.stringContaining('Boolean `vhv.enable` written `"yes"`'),
      severity: DiagnosticSeverity.Warning,
      code: 'boolean-values',
      codeDescription: {href: expect.stringMatching(/docs\/rules\/boolean-values\.md$/)},
      source: 'vmxlint',
    });
    expect(published.diagnostics.find((d) => d.code === 'no-duplicate-keys')!.severity).toBe(DiagnosticSeverity.Error);
    // vmxlint's info severity is LSP's Information
    expect(published.diagnostics.find((d) => d.code === 'nested-unsupported')!.severity).toBe(DiagnosticSeverity.Information);
    expect(published.diagnostics.map((d) => d.code).sort()).toEqual(expected.map((m) => m.ruleId).sort());
  });

  it('counts columns in UTF-16 code units, as LSP does (an astral character before a problem)', async () => {
    const c = start();
    await c.initialize();
    const text = '.encoding = "UTF-8"\ndisplayName = "😀"\nvhv.enable = "yes"\n';
    c.open(URI, `${text}# 😀 vhv.enable = "yes"\nmemsize = "1" # 😀\nfloppy0.present = "yes"\n`);
    const {diagnostics} = await c.waitForDiagnostics(URI);
    const floppy = diagnostics.find((d) => d.code === 'boolean-values' && d.range.start.line === 5)!;
    expect(floppy.range).toEqual({start: {line: 5, character: 18}, end: {line: 5, character: 23}});
  });

  it('gives undecodable text (a NUL byte) as one fatal diagnostic at the top', async () => {
    const c = start();
    await c.initialize();
    c.open(URI, 'memsize = "1"\nbad\u0000line\n');
    const {diagnostics} = await c.waitForDiagnostics(URI);
    expect(diagnostics).toEqual([
      {range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, message: expect.stringContaining('NUL byte at line 2'), severity: DiagnosticSeverity.Error, source: 'vmxlint'},
    ]);
  });

  it('answers textDocument/diagnostic with a full report for a client that pulls, and pushes nothing', async () => {
    const c = start();
    await c.initialize(PULL_CLIENT);
    c.open(URI, TEXT);
    const report = await c.connection.sendRequest(DocumentDiagnosticRequest.type, {textDocument: {uri: URI}});
    expect(report.kind).toBe('full');
    expect('items' in report && report.items.map((d) => d.code)).toContain('boolean-values');
    c.change(URI, 2, [{range: {start: {line: 3, character: 13}, end: {line: 3, character: 18}}, text: '"TRUE"'}]);
    const after = await c.connection.sendRequest(DocumentDiagnosticRequest.type, {textDocument: {uri: URI}});
    expect('items' in after && after.items.map((d) => d.code)).not.toContain('boolean-values');
    expect(c.diagnostics).toEqual([]);
  });

  it('debounces pushed diagnostics: only the last of quick changes is linted, with its version', async () => {
    // fake timers given to the server: the test decides when the quiet time is over
    const pending = new Map<number, () => void>();
    let next = 0;
    const timers: Timers = {set: (fn) => (pending.set(++next, fn), next), clear: (h) => void pending.delete(h as number)};
    const c = start({timers});
    await c.initialize();
    c.open(URI, TEXT, 1);
    await c.waitForDiagnostics(URI, (p) => p.version === 1);
    const line3 = {start: {line: 3, character: 13}, end: {line: 3, character: 18}};
    c.change(URI, 2, [{range: line3, text: '"on"'}]);
    c.change(URI, 3, [{range: {start: {line: 3, character: 13}, end: {line: 3, character: 17}}, text: '"TRUE"'}]);
    // a request after the notifications: when it is answered, the server has handled them
    await c.codeActions(URI, line3);
    expect(pending.size).toBe(1);
    const seen = c.diagnostics.length;
    [...pending.values()][0]();
    const published = await c.waitForDiagnostics(URI);
    expect(published.version).toBe(3);
    expect(published.diagnostics.map((d) => d.code)).not.toContain('boolean-values');
    expect(c.diagnostics.slice(seen).map((p) => p.version)).toEqual([3]);
  });

  it('drops a result whose document changed while it was being linted', async () => {
    // the config load of the first run waits until the test lets it go: version 2 arrives meanwhile
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const createLoader = (cwd: string): Loader => {
      const real = newLoader(cwd);
      return Object.assign(Object.create(real) as Loader, {
        forFile: async (file: string) => {
          if (++calls === 1) await gate;
          return real.forFile(file);
        },
      });
    };
    const c = start({createLoader, debounceMs: 0});
    await c.initialize();
    c.open(URI, TEXT, 1);
    await c.waitFor('the first lint to start', () => (calls === 1 ? true : undefined));
    c.change(URI, 2, [{range: {start: {line: 3, character: 13}, end: {line: 3, character: 18}}, text: '"TRUE"'}]);
    await c.codeActions(URI, {start: {line: 0, character: 0}, end: {line: 0, character: 0}});
    release();
    const published = await c.waitForDiagnostics(URI, (p) => p.version === 2);
    expect(published.diagnostics.map((d) => d.code)).not.toContain('boolean-values');
    // version 1 would have been published before version 2: it never was
    expect(c.diagnostics.map((p) => p.version)).toEqual([2]);
  });

  it('clears pushed diagnostics when the document is closed', async () => {
    const c = start();
    await c.initialize();
    c.open(URI, TEXT);
    await c.waitForDiagnostics(URI);
    void c.connection.sendNotification('textDocument/didClose', {textDocument: {uri: URI}});
    const cleared = await c.waitForDiagnostics(URI);
    expect(cleared.diagnostics).toEqual([]);
  });
});
