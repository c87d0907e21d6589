/**
 * A JSON-RPC client for the language server: in-process (two stream pairs, the server's real
 * connection, no child process) or over the real binary's stdio. Every server-to-client message is
 * recorded; `waitFor` waits for one (generous timeout, no timing in any assertion).
 */
import {afterEach} from '@jest/globals';
import {spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {pathToFileURL} from 'node:url';
import {TextDocument} from 'vscode-languageserver-textdocument';
import {createConnection, ProposedFeatures, StreamMessageReader as ServerReader, StreamMessageWriter as ServerWriter} from 'vscode-languageserver/node';
import {
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DiagnosticRefreshRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import {startServer, type ServerOptions} from '../../src/language-server/server.js';
import {applyTextEdits} from '../../src/language-server/edits.js';

export {ROOT, project, removeDir, runCommand} from '../cli/helpers.js';
import {ROOT} from '../cli/helpers.js';

export const SERVER_BIN = path.join(ROOT, 'bin', 'vmxlint-language-server.js');
const TIMEOUT = 30_000;

/** Capabilities of a client that takes pushed diagnostics (Neovim 0.7, Helix). */
export const PUSH_CLIENT: ClientCapabilities = {
  workspace: {configuration: true, workspaceEdit: {documentChanges: true}, didChangeWatchedFiles: {dynamicRegistration: true}},
  window: {showDocument: {support: true}},
};
/** A client that pulls diagnostics (VS Code). */
export const PULL_CLIENT: ClientCapabilities = {
  ...PUSH_CLIENT,
  workspace: {...PUSH_CLIENT.workspace, diagnostics: {refreshSupport: true}},
  textDocument: {diagnostic: {dynamicRegistration: false}},
};

export interface Client {
  connection: ProtocolConnection;
  diagnostics: PublishDiagnosticsParams[];
  messages: ShowMessageParams[];
  shownDocuments: string[];
  refreshes: number;
  registrations: unknown[];
  /** What workspace/configuration answers for the `vmxlint` section. */
  settings: Record<string, unknown>;
  initialize(capabilities?: ClientCapabilities, extra?: Record<string, unknown>): Promise<InitializeResult>;
  open(uri: string, text: string, version?: number): void;
  change(uri: string, version: number, changes: Array<{range?: TextEdit['range']; text: string}>): void;
  /** The next published diagnostics for `uri` (that `match` accepts) from now on. */
  waitForDiagnostics(uri: string, match?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  waitFor<T>(what: string, check: () => T | undefined): Promise<T>;
  codeActions(uri: string, range: TextEdit['range'], diagnostics?: Diagnostic[], only?: string[]): Promise<CodeAction[]>;
  dispose(): void;
}

function makeClient(connection: ProtocolConnection, dispose: () => void): Client {
  const waiters = new Set<() => void>();
  const poke = () => {
    for (const w of [...waiters]) w();
  };
  const client: Client = {
    connection,
    diagnostics: [],
    messages: [],
    shownDocuments: [],
    refreshes: 0,
    registrations: [],
    settings: {},
    initialize: async (capabilities = PUSH_CLIENT, extra = {}) => {
      const result = await connection.sendRequest(InitializeRequest.type, {processId: null, rootUri: null, capabilities, workspaceFolders: null, ...extra});
      await connection.sendNotification(InitializedNotification.type, {});
      return result;
    },
    open: (uri, text, version = 1) => void connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId: 'vmx', version, text}}),
    change: (uri, version, changes) =>
      void connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: {uri, version},
        contentChanges: changes.map((c) => (c.range ? {range: c.range, text: c.text} : {text: c.text})),
      }),
    waitForDiagnostics: (uri, match = () => true) => {
      const seen = client.diagnostics.length;
      return client.waitFor(`diagnostics for ${uri}`, () => client.diagnostics.slice(seen).find((p) => p.uri === uri && match(p)));
    },
    waitFor: (what, check) =>
      new Promise((resolve, reject) => {
        const attempt = () => {
          const value = check();
          if (value === undefined) return;
          waiters.delete(attempt);
          clearTimeout(timer);
          clearInterval(poll);
          resolve(value);
        };
        // state on the server's side (in-process) changes without a message: look again now and then
        const poll = setInterval(attempt, 20);
        const timer = setTimeout(() => {
          waiters.delete(attempt);
          clearInterval(poll);
          reject(new Error(`timed out waiting for ${what}`));
        }, TIMEOUT);
        waiters.add(attempt);
        attempt();
      }),
    codeActions: async (uri, range, diagnostics = [], only) =>
      ((await connection.sendRequest(CodeActionRequest.type, {textDocument: {uri}, range, context: {diagnostics, ...(only ? {only} : {})}})) ?? []) as CodeAction[],
    dispose,
  };
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    client.diagnostics.push(p);
    poke();
  });
  connection.onNotification(ShowMessageNotification.type, (p) => {
    client.messages.push(p);
    poke();
  });
  connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((item) => (item.section === 'vmxlint' ? client.settings : null)));
  connection.onRequest(RegistrationRequest.type, (p) => {
    client.registrations.push(...p.registrations);
    poke();
  });
  connection.onRequest(ShowDocumentRequest.type, (p) => {
    client.shownDocuments.push(p.uri);
    poke();
    return {success: true};
  });
  connection.onRequest(DiagnosticRefreshRequest.type, () => {
    client.refreshes++;
    poke();
  });
  connection.listen();
  return client;
}

/** The server in this process, on two in-memory streams (never sent `exit`: that ends the process). */
export function inProcess(options: ServerOptions = {}): Client {
  const up = new PassThrough();
  const down = new PassThrough();
  const server = createConnection(ProposedFeatures.all, new ServerReader(up), new ServerWriter(down));
  startServer(server, options);
  const connection = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  return makeClient(connection, () => {
    connection.dispose();
    server.dispose();
    up.destroy();
    down.destroy();
  });
}

/** The real binary over stdio. */
export function spawnServer(cwd: string): {client: Client; child: ChildProcess; exited: Promise<number | null>} {
  const env = {...process.env};
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], {cwd, env, stdio: ['pipe', 'pipe', 'pipe']});
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  return {client: makeClient(connection, () => connection.dispose()), child, exited};
}

/** The text after applying a code action's edit to `text` (one document). */
export function applyAction(text: string, edit: WorkspaceEdit | undefined, uri: string): string {
  const doc = TextDocument.create(uri, 'vmx', 1, text);
  const edits = edit?.documentChanges
    ? edit.documentChanges.flatMap((c) => ('edits' in c && c.textDocument.uri === uri ? (c.edits as TextEdit[]) : []))
    : (edit?.changes?.[uri] ?? []);
  return applyTextEdits(doc, edits);
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

export function tempDir(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vmxlint-lsp-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true});
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/**
 * One test file's servers and folders: `start` makes an in-process server, `folder` a temp folder
 * with files; after each test the servers are disposed and the folders removed.
 */
export function disposedAfterEach(): {start: (options?: ServerOptions) => Client; folder: (files?: Record<string, string>) => string} {
  let clients: Client[] = [];
  let dirs: string[] = [];
  afterEach(() => {
    for (const c of clients) c.dispose();
    for (const d of dirs) fs.rmSync(d, {recursive: true, force: true});
    clients = [];
    dirs = [];
  });
  return {
    start(options) {
      const c = inProcess(options);
      clients.push(c);
      return c;
    },
    folder(files) {
      const dir = tempDir(files);
      dirs.push(dir);
      return dir;
    },
  };
}
