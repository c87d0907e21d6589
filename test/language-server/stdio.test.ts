/**
 * The real binary over stdio, as an editor starts it: initialize → didOpen → diagnostics → code
 * action → didChange → diagnostics → shutdown → exit, and the process ends with code 0.
 */
import {afterAll, describe, expect, it} from '@jest/globals';
import path from 'node:path';
import {ExitNotification, ShutdownRequest} from 'vscode-languageserver-protocol/node';
import {applyAction, fileUri, PUSH_CLIENT, removeDir, runCommand, SERVER_BIN, spawnServer, tempDir} from './helpers.js';

const TEXT = '.encoding = "UTF-8"\nconfig.version = "8"\nfloppy0.present = "yes"\n';
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

describe('vmxlint-language-server --stdio', () => {
  it('serves a whole session and exits 0 after shutdown and exit', async () => {
    const dir = tempDir({'.vmxlintrc.json': '["vmxlint:recommended"]'});
    dirs.push(dir);
    const {client, child, exited} = spawnServer(dir);
    const stderr: Buffer[] = [];
    child.stderr!.on('data', (c: Buffer) => stderr.push(c));
    try {
      const init = await client.initialize(PUSH_CLIENT, {rootUri: fileUri(dir), processId: process.pid});
      expect(init.serverInfo?.name).toBe('vmxlint-language-server');
      const uri = fileUri(path.join(dir, 'vm.vmx'));
      client.open(uri, TEXT);
      const first = await client.waitForDiagnostics(uri);
      const d = first.diagnostics.find((x) => x.code === 'boolean-values')!;
      expect(d).toMatchObject({source: 'vmxlint', range: {start: {line: 2, character: 18}}});
      const actions = await client.codeActions(uri, d.range, [d]);
      const fix = actions.find((a) => a.isPreferred)!;
      const fixed = applyAction(TEXT, fix.edit, uri);
      expect(fixed).toBe(TEXT.replace('"yes"', '"TRUE"'));
      client.change(uri, 2, [{text: fixed}]);
      const second = await client.waitForDiagnostics(uri, (p) => p.version === 2);
      expect(second.diagnostics).toEqual([]);
      await client.connection.sendRequest(ShutdownRequest.type);
      await client.connection.sendNotification(ExitNotification.type);
      expect(await exited).toBe(0);
      expect(Buffer.concat(stderr).toString()).toBe('');
    } finally {
      client.dispose();
      if (child.exitCode === null) child.kill();
    }
  });

  it('without a transport prints its usage and exits 2; --version prints the version', async () => {
    const none = await runCommand(process.execPath, [SERVER_BIN], {cwd: process.cwd()});
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^vmxlint-language-server: no transport given\nUsage: vmxlint-language-server --stdio/);
    const version = await runCommand(process.execPath, [SERVER_BIN, '--version'], {cwd: process.cwd()});
    expect(version).toMatchObject({code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/)});
  });
});
