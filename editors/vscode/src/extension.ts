/**
 * vmxlint for VS Code: a thin client (bash-language-server's extension is the model). Everything
 * (diagnostics, quick fixes, fix all, config lookup) is vmxlint-language-server's; this starts it
 * over stdio for `.vmx` / `.vmtx` files and passes the `vmxlint.*` settings.
 */
import fs from 'node:fs';
import path from 'node:path';
import {workspace, type ExtensionContext} from 'vscode';
import {LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** `vmxlint.serverPath`, else the workspace's own vmxlint (node_modules/.bin), else the one on PATH. */
function serverCommand(): string {
  const configured = workspace.getConfiguration('vmxlint').get<string | null>('serverPath');
  if (configured) return configured;
  const name = process.platform === 'win32' ? 'vmxlint-language-server.cmd' : 'vmxlint-language-server';
  for (const folder of workspace.workspaceFolders ?? []) {
    const local = path.join(folder.uri.fsPath, 'node_modules', '.bin', name);
    if (fs.existsSync(local)) return local;
  }
  return name;
}

export async function activate(context: ExtensionContext): Promise<void> {
  // the client adds --stdio for the stdio transport
  const serverOptions: ServerOptions = {command: serverCommand(), transport: TransportKind.stdio, options: {shell: process.platform === 'win32'}};
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      {scheme: 'file', language: 'vmx'},
      {scheme: 'untitled', language: 'vmx'},
    ],
    synchronize: {configurationSection: 'vmxlint'},
  };
  client = new LanguageClient('vmxlint', 'vmxlint', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
