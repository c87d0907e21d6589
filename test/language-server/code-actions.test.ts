/**
 * Code actions through the protocol: each action's edit is applied to the text and the text is
 * linted again, so a test fails when an action does not do what its title says.
 */
import {describe, expect, it} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {ExecuteCommandRequest, MessageType, type CodeAction, type Diagnostic} from 'vscode-languageserver-protocol/node';
import {lintText} from '../../src/index.js';
import {contextComments} from '../../src/language-server/code-actions.js';
import {applyAction, fileUri, disposedAfterEach, removeDir, runCommand, ROOT, tempDir, type Client} from './helpers.js';

const URI = 'untitled:Untitled-1';
const WHOLE = {start: {line: 0, character: 0}, end: {line: 1000, character: 0}};
const lineRange = (line: number) => ({start: {line, character: 0}, end: {line, character: 0}});

const {start} = disposedAfterEach();
async function opened(text: string, uri = URI): Promise<{c: Client; diagnostics: Diagnostic[]}> {
  const c = start();
  await c.initialize();
  c.open(uri, text);
  const {diagnostics} = await c.waitForDiagnostics(uri);
  return {c, diagnostics};
}
const titled = (actions: CodeAction[], title: string) => {
  const a = actions.find((x) => x.title === title);
  if (!a) throw new Error(`no action "${title}" among: ${actions.map((x) => x.title).join(' | ')}`);
  return a;
};
const rulesOf = async (text: string) => (await lintText(text)).messages.map((m) => m.ruleId);

describe('per problem', () => {
  const TEXT = '.encoding = "UTF-8"\nconfig.version = "8"\nvhv.enable = "yes"\n  ethernet1.presnet = "TRUE"\n';

  it('offers the fix as the preferred action, naming its diagnostic', async () => {
    const {c, diagnostics} = await opened(TEXT);
    const d = diagnostics.find((x) => x.code === 'boolean-values')!;
    const actions = await c.codeActions(URI, d.range, [d]);
    const fix = titled(actions, 'Fix this boolean-values problem');
    expect(fix).toMatchObject({kind: 'quickfix', isPreferred: true, diagnostics: [d]});
    expect(applyAction(TEXT, fix.edit, URI)).toBe(TEXT.replace('"yes"', '"TRUE"'));
  });

  it('offers each suggestion, never preferred', async () => {
    const {c, diagnostics} = await opened(TEXT);
    const d = diagnostics.find((x) => x.code === 'key-spelling')!;
    const actions = await c.codeActions(URI, d.range, [d]);
    const s = titled(actions, 'Rename to `ethernet1.present`');
    expect(s.isPreferred).toBe(false);
    expect(applyAction(TEXT, s.edit, URI)).toBe(TEXT.replace('presnet', 'present'));
    expect(actions.some((a) => a.isPreferred)).toBe(false);
  });

  it('disables the rule for the line with an indented `# vmxlint-disable-next-line`, extending one already there', async () => {
    const {c, diagnostics} = await opened(TEXT);
    const d = diagnostics.find((x) => x.code === 'key-spelling')!;
    const disable = titled(await c.codeActions(URI, d.range, [d]), 'Disable key-spelling for this line');
    const once = applyAction(TEXT, disable.edit, URI);
    expect(once).toBe(TEXT.replace('  ethernet1', '  # vmxlint-disable-next-line key-spelling\n  ethernet1'));
    expect(await rulesOf(once)).not.toContain('key-spelling');
    // a second rule on the same line joins the existing comment (before its ` -- reason`)
    const text2 = '.encoding = "UTF-8"\n  # vmxlint-disable-next-line key-spelling -- typo kept on purpose\n  floppy0.present = "no"\n';
    const c2 = (await opened(text2, 'untitled:two')).c;
    const disable2 = titled(await c2.codeActions('untitled:two', lineRange(2)), 'Disable boolean-values for this line');
    const twice = applyAction(text2, disable2.edit, 'untitled:two');
    expect(twice).toBe(text2.replace('key-spelling', 'key-spelling, boolean-values'));
    expect(await rulesOf(twice)).not.toContain('boolean-values');
  });

  it('disables a problem about the whole file with a trailing `# vmxlint-disable-line` on line 1, where one can go', async () => {
    const text = '.encoding = "UTF-8"\nvhv.enable = "TRUE"\n';
    const {c, diagnostics} = await opened(text);
    const d = diagnostics.find((x) => x.code === 'nested-context')!;
    const once = applyAction(text, titled(await c.codeActions(URI, d.range, [d]), 'Disable nested-context for this line').edit, URI);
    expect(once).toBe('.encoding = "UTF-8" # vmxlint-disable-line nested-context\nvhv.enable = "TRUE"\n');
    expect(await rulesOf(once)).toEqual(['nested-unsupported']);
    const {c: c2, diagnostics: d2} = await opened(once, 'untitled:2');
    const twice = applyAction(once, titled(await c2.codeActions('untitled:2', d2[0].range, d2), 'Disable nested-unsupported for this line').edit, 'untitled:2');
    expect(twice).toBe('.encoding = "UTF-8" # vmxlint-disable-line nested-context, nested-unsupported\nvhv.enable = "TRUE"\n');
    expect(await rulesOf(twice)).toEqual([]);
    // line 1 a comment: no directive can reach a file-level problem, so none is offered
    const {c: c3, diagnostics: d3} = await opened(`#!/usr/bin/vmware\n${text}`, 'untitled:3');
    const titles = (await c3.codeActions('untitled:3', d3[0].range, d3)).map((a) => a.title);
    expect(titles).toContain('Show documentation for nested-context');
    expect(titles.filter((t) => t.startsWith('Disable'))).toEqual([]);
  });

  it('shows the rule documentation through the client (window/showDocument)', async () => {
    const {c, diagnostics} = await opened(TEXT);
    const d = diagnostics.find((x) => x.code === 'boolean-values')!;
    const show = titled(await c.codeActions(URI, d.range, [d]), 'Show documentation for boolean-values');
    expect(show.command).toEqual({title: 'Show documentation for boolean-values', command: 'vmxlint.showDocumentation', arguments: [d.codeDescription!.href]});
    await c.connection.sendRequest(ExecuteCommandRequest.type, show.command!);
    expect(c.shownDocuments).toEqual([expect.stringMatching(/docs\/rules\/boolean-values\.md$/)]);
    // a client that cannot show documents (no window.showDocument) gets the link as a message
    const plain = start();
    await plain.initialize({});
    await plain.connection.sendRequest(ExecuteCommandRequest.type, show.command!);
    expect(plain.messages).toEqual([{type: MessageType.Info, message: `vmxlint documentation: ${d.codeDescription!.href}`}]);
  });

  it('fixes all problems of one rule at once (and offers it only where a rule has two fixes)', async () => {
    const text = `${TEXT}floppy0.present = "no"\nserial0.present = "yes"\n`;
    const {c, diagnostics} = await opened(text);
    const d = diagnostics.find((x) => x.code === 'boolean-values')!;
    const actions = await c.codeActions(URI, d.range, [d]);
    const all = titled(actions, 'Fix all boolean-values problems');
    const fixed = applyAction(text, all.edit, URI);
    expect(fixed).toBe(text.replace('"yes"', '"TRUE"').replace('"no"', '"FALSE"').replace('"yes"', '"TRUE"'));
    expect(await rulesOf(fixed)).not.toContain('boolean-values');
    const spelling = diagnostics.find((x) => x.code === 'key-spelling')!;
    expect((await c.codeActions(URI, spelling.range, [spelling])).map((a) => a.title)).not.toContain('Fix all key-spelling problems');
  });

  it('answers only the kinds asked for', async () => {
    const {c} = await opened(TEXT);
    const fixAll = await c.codeActions(URI, WHOLE, [], ['source.fixAll']);
    expect(fixAll.map((a) => a.kind)).toEqual(['source.fixAll.vmxlint']);
    const quick = await c.codeActions(URI, WHOLE, [], ['quickfix']);
    expect(quick.length).toBeGreaterThan(0);
    expect(quick.every((a) => a.kind === 'quickfix')).toBe(true);
  });
});

describe('source.fixAll.vmxlint', () => {
  /** The file `vmxlint --fix` writes for `text` (the real binary, a real file). */
  async function cliFix(text: string): Promise<string> {
    const dir = tempDir({'a.vmx': text});
    try {
      await runCommand(process.execPath, [path.join(ROOT, 'bin', 'vmxlint.js'), '--fix', 'a.vmx'], {cwd: dir});
      return fs.readFileSync(path.join(dir, 'a.vmx'), 'utf8');
    } finally {
      removeDir(dir);
    }
  }

  const samples: Array<[string, string]> = [
    ['booleans, duplicates, CRLF', '.encoding = "UTF-8"\r\nconfig.version = "8"\r\nvhv.enable = "yes"\r\nmemsize = "1"\r\nmemsize = "1"\r\nfloppy0.present = "no"\r\n'],
    ['no .encoding, an inner VM', fs.readFileSync(path.join(ROOT, 'fixtures/examples/inner.vmx'), 'utf8').replace(/^\.encoding.*\n/, '')],
  ];
  for (const name of fs.readdirSync(path.join(ROOT, 'fixtures/hygiene')).filter((f) => !f.includes('.fixed.') && !f.includes('1252'))) {
    samples.push([`fixtures/hygiene/${name}`, fs.readFileSync(path.join(ROOT, 'fixtures/hygiene', name), 'utf8')]);
  }

  it.each(samples)('equals what vmxlint --fix writes, as minimal edits: %s', async (_name, text) => {
    const expected = await cliFix(text);
    const dir = tempDir();
    try {
      const uri = fileUri(path.join(dir, 'a.vmx'));
      const {c} = await opened(text, uri);
      const [action, ...more] = await c.codeActions(uri, WHOLE, [], ['source.fixAll.vmxlint']);
      expect(more).toEqual([]);
      if (expected === text) return expect(action).toBeUndefined();
      expect(action).toMatchObject({title: 'Fix all auto-fixable problems', kind: 'source.fixAll.vmxlint'});
      expect(applyAction(text, action.edit, uri)).toBe(expected);
      // versioned edits of changed lines, not one replacement of the whole text
      const [change] = action.edit!.documentChanges!;
      expect(change).toMatchObject({textDocument: {uri, version: 1}});
      const edits = 'edits' in change ? change.edits : [];
      const unchanged = text.split('\n').filter((l) => expected.split('\n').includes(l)).length;
      if (unchanged > 2) expect(edits.every((e) => e.range.start.line > 0 || e.range.end.line < text.split('\n').length - 1)).toBe(true);
    } finally {
      removeDir(dir);
    }
  });

  it('offers nothing when nothing is fixable', async () => {
    const {c} = await opened('.encoding = "UTF-8"\nconfig.version = "8"\n');
    expect(await c.codeActions(URI, WHOLE, [], ['source.fixAll.vmxlint'])).toEqual([]);
  });
});

describe('nested-context', () => {
  const OUTER = fs.readFileSync(path.join(ROOT, 'fixtures/examples/outer.vmx'), 'utf8');

  it('inserts the `# vmxlint host=…` comment the message asks for (`host=…` when the hardware version fits too many hosts)', async () => {
    const {c, diagnostics} = await opened(OUTER);
    const d = diagnostics.find((x) => x.code === 'nested-context')!;
    const actions = (await c.codeActions(URI, d.range, [d])).filter((a) => a.title.startsWith('Insert'));
    // virtualHW.version 4 runs on every later product (KB 1003746): too many hosts to offer one by one
    expect(actions.map((a) => a.title)).toEqual(['Insert `# vmxlint host=…`']);
    // the file starts with a `#!` line, not `.encoding`: the comment goes first
    expect(applyAction(OUTER, actions[0].edit, URI)).toBe(`# vmxlint host=…\n${OUTER}`);
    const fixed = `# vmxlint host=esx-3.5\n${OUTER}`;
    expect((await lintText(fixed)).messages.find((m) => m.ruleId === 'nested-context')?.message).not.toContain('`host`');
    // with the host known, the CPU is what is missing: its action adds to the same comment
    const {c: c2, diagnostics: after} = await opened(fixed, 'untitled:2');
    const d2 = after.find((x) => x.code === 'nested-context')!;
    expect(d2.message).toContain('without `cpu`');
    const cpu = (await c2.codeActions('untitled:2', d2.range, [d2])).filter((a) => a.title.startsWith('Insert'));
    expect(cpu.map((a) => a.title)).toEqual(['Insert `# vmxlint cpu=intel`', 'Insert `# vmxlint cpu=amd`']);
    const done = applyAction(fixed, cpu[0].edit, 'untitled:2');
    expect(done).toBe(`# vmxlint host=esx-3.5 cpu=intel\n${OUTER}`);
    // the context is complete: the nested rules now judge the file
    expect(await rulesOf(done)).toEqual(['host-supports-nesting', 'nested-unsupported']);
  });

  it('adds to a `# vmxlint …` comment already in the file, after a first-line `.encoding`', async () => {
    const text = '.encoding = "UTF-8"\n# vmxlint role=outer -- lab box\nvhv.enable = "TRUE"\n';
    const {c, diagnostics} = await opened(text);
    const d = diagnostics.find((x) => x.code === 'nested-context')!;
    const insert = (await c.codeActions(URI, d.range, [d])).find((a) => a.title.startsWith('Insert'))!;
    expect(applyAction(text, insert.edit, URI)).toBe(text.replace('role=outer', 'role=outer host=…'));
    const fresh = '.encoding = "UTF-8"\nvhv.enable = "TRUE"\n';
    const c2 = (await opened(fresh, 'untitled:2')).c;
    const insert2 = (await c2.codeActions('untitled:2', lineRange(0))).find((a) => a.title.startsWith('Insert'))!;
    expect(applyAction(fresh, insert2.edit, 'untitled:2')).toBe('.encoding = "UTF-8"\n# vmxlint host=…\nvhv.enable = "TRUE"\n');
  });

  it('offers the few values of each missing setting, `…` where there are too many', () => {
    expect(contextComments('… add a `# vmxlint cpu=…` comment to the file, …')).toEqual(['cpu=intel', 'cpu=amd']);
    expect(contextComments('(`virtualHW.version` 7 fits esx-4.0 or esx-4.1): … add a `# vmxlint host=… cpu=…` comment')).toEqual([
      'host=esx-4.0 cpu=intel',
      'host=esx-4.0 cpu=amd',
      'host=esx-4.1 cpu=intel',
      'host=esx-4.1 cpu=amd',
    ]);
    expect(contextComments('fits 9 products, see `vmxlint --list-hosts`): add a `# vmxlint host=… amdFamily=…` comment')).toEqual(['host=… amdFamily=…']);
    expect(contextComments('no advice here')).toEqual([]);
  });
});
