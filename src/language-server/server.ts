/**
 * vmxlint's language server: handlers only; linting is `core.ts`, the shapes are
 * `diagnostics.ts` / `code-actions.ts`. Diagnostics are pulled when the client can
 * (`textDocument/diagnostic`, as vscode-eslint), else pushed after a per-document debounce with
 * the document's version, and a result for a version that is no longer current is dropped
 * (stylelint's server). Config files are found as the CLI finds them and reloaded when the client
 * reports a change to one (`workspace/didChangeWatchedFiles`).
 */
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {TextDocument} from 'vscode-languageserver-textdocument';
import {
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import {codeActions, FIX_ALL_KIND, SHOW_DOCUMENTATION} from './code-actions.js';
import {ConfigError, CONFIG_FILE_NAMES, editorSettings, lintDocument, newLoader, type LintMessage, type Loader, type Settings} from './core.js';
import {topDiagnostic, toDiagnostic} from './diagnostics.js';
import {Debouncer, type Timers} from './debounce.js';


/** A `.vmx` / `.vmtx` file (an outer VM an open inner VM may link to). */
const VMX_FILE = /\.vmtx?$/i;
export interface ServerOptions {
  /** Push mode: quiet time after the last change before linting (default 300 ms, stylelint's). */
  debounceMs?: number;
  /** Timers for the debounce (tests pass their own). */
  timers?: Timers;
  /** The config loader for a workspace root (tests pass one that waits). */
  createLoader?: (cwd: string) => Loader;
}

type Linted = {kind: 'ignored'} | {kind: 'config-error'; diagnostic: Diagnostic} | {kind: 'result'; messages: LintMessage[]};

function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const createLoader = options.createLoader ?? newLoader;
  let capabilities: ClientCapabilities = {};
  let pull = false;
  let roots: string[] = [];
  let loader: Loader | undefined;
  /** Settings given without workspace/configuration: initializationOptions, then didChangeConfiguration. */
  let pushedSection: unknown;
  const settingsCache = new Map<string, Promise<Settings>>();
  const shownErrors = new Set<string>();
  const debouncer = new Debouncer(options.debounceMs ?? 300, options.timers);

  /** Send to the client; a connection already closed (the editor went away) is not an error. */
  function send(message: () => Promise<void> | void): void {
    try {
      void Promise.resolve(message()).catch(() => undefined);
    } catch {
      // disposed
    }
  }

  function showOnce(type: 'error' | 'warning', message: string): void {
    if (shownErrors.has(message)) return;
    shownErrors.add(message);
    // a notification (window/showMessage), not a request: no client must answer it
    send(() => connection.sendNotification(ShowMessageNotification.type, {type: type === 'error' ? MessageType.Error : MessageType.Warning, message}));
    send(() => connection.console.error(message));
  }

  /** The folder an unsaved buffer is linted in: the first workspace folder, else the server's cwd. */
  const cwd = () => roots[0] ?? process.cwd();
  const getLoader = () => (loader ??= createLoader(cwd()));

  function settingsFor(uri: string): Promise<Settings> {
    let cached = settingsCache.get(uri);
    if (!cached) {
      const section: Promise<unknown> = capabilities.workspace?.configuration
        ? connection.workspace.getConfiguration({scopeUri: uri, section: 'vmxlint'}).catch(() => undefined)
        : Promise.resolve(pushedSection);
      cached = section.then((raw) => {
        const {settings, errors} = editorSettings(raw);
        for (const e of errors) showOnce('warning', e);
        return settings;
      });
      settingsCache.set(uri, cached);
    }
    return cached;
  }

  async function lint(doc: TextDocument, fix = false): Promise<{linted: Linted; output?: string}> {
    const filePath = uriToPath(doc.uri);
    const settings = await settingsFor(doc.uri);
    try {
      const outcome = await lintDocument(getLoader(), {text: doc.getText(), filePath, cwd: cwd(), settings, fix});
      if (outcome.ignored) return {linted: {kind: 'ignored'}};
      return {linted: {kind: 'result', messages: outcome.result.messages}, output: outcome.result.output};
    } catch (error) {
      if (error instanceof ConfigError) return {linted: {kind: 'config-error', diagnostic: topDiagnostic(`vmxlint: ${error.message}`)}};
      const why = error instanceof Error ? error.message : String(error);
      const message = `vmxlint: internal error while linting ${filePath ?? doc.uri}: ${why}`;
      send(() => connection.console.error(error instanceof Error && error.stack ? error.stack : message));
      showOnce('error', message);
      return {linted: {kind: 'config-error', diagnostic: topDiagnostic(message)}};
    }
  }

  async function diagnosticsOf(doc: TextDocument): Promise<Diagnostic[]> {
    const {linted} = await lint(doc);
    if (linted.kind === 'ignored') return [];
    if (linted.kind === 'config-error') return [linted.diagnostic];
    return linted.messages.map(toDiagnostic);
  }

  /** Push mode: lint the current version and publish it, unless the document changed meanwhile. */
  async function publish(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const diagnostics = await diagnosticsOf(doc);
    const now = documents.get(uri);
    if (!now || now.version !== version) return; // stale: the newer version has its own run coming
    send(() => connection.sendDiagnostics({uri, version, diagnostics}));
  }

  /** After a config or settings change: every open document again. */
  function revalidateAll(): void {
    if (pull) {
      if (capabilities.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const doc of documents.all()) debouncer.now(doc.uri, () => publish(doc.uri));
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    pull = Boolean(capabilities.textDocument?.diagnostic);
    const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)) ?? [params.rootUri ? uriToPath(params.rootUri) : (params.rootPath ?? undefined)];
    roots = folders.filter((f): f is string => typeof f === 'string').map((f) => path.resolve(f));
    const init = params.initializationOptions as {vmxlint?: unknown; settings?: {vmxlint?: unknown}} | undefined;
    pushedSection = init?.vmxlint ?? init?.settings?.vmxlint;
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
        codeActionProvider: {codeActionKinds: ['quickfix', FIX_ALL_KIND]},
        executeCommandProvider: {commands: [SHOW_DOCUMENTATION]},
        ...(pull ? {diagnosticProvider: {identifier: 'vmxlint', interFileDependencies: false, workspaceDiagnostics: false}} : {}),
      },
      serverInfo: {name: 'vmxlint-language-server'},
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      // config files, and .vmx files: an inner VM's `outer` file changing on disk changes the inner's problems (issue 19)
      const names = [...CONFIG_FILE_NAMES, '.vmxlintignore', '*.vmx', '*.vmtx'];
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {watchers: names.map((n) => ({globPattern: `**/${n}`}))})
        .catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration((params) => {
    const settings = (params.settings as {vmxlint?: unknown} | null)?.vmxlint;
    if (settings !== undefined) pushedSection = settings;
    settingsCache.clear();
    shownErrors.clear();
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    // a config file changed: no smartness (vscode-eslint), load configs afresh and lint everything again;
    // a .vmx changed: configs stay, but an open inner VM whose outer VM it is gets its problems anew
    if (params.changes.some((c) => !VMX_FILE.test(c.uri))) loader = undefined;
    revalidateAll();
  });

  // an outer VM saved from the editor: its open inner VMs are linted again (their link reads the file on disk)
  documents.onDidSave((e) => {
    if (VMX_FILE.test(e.document.uri)) revalidateAll();
  });

  // TextDocuments reports an open as a content change too (right after onDidOpen): lint an opened document once, at once
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    if (pull) return;
    justOpened.add(e.document.uri);
    debouncer.now(e.document.uri, () => publish(e.document.uri));
  });
  documents.onDidChangeContent((e) => {
    if (pull || justOpened.delete(e.document.uri)) return;
    debouncer.later(e.document.uri, () => publish(e.document.uri));
  });
  documents.onDidClose((e) => {
    debouncer.cancel(e.document.uri);
    settingsCache.delete(e.document.uri);
    if (!pull) send(() => connection.sendDiagnostics({uri: e.document.uri, diagnostics: []}));
  });

  connection.languages.diagnostics.on(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    return {kind: DocumentDiagnosticReportKind.Full, items: doc ? await diagnosticsOf(doc) : []};
  });

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const {linted} = await lint(doc);
    if (linted.kind !== 'result') return [];
    return codeActions({
      doc,
      params,
      messages: linted.messages,
      fixedText: async () => {
        const fixed = await lint(doc, true);
        return fixed.linted.kind === 'result' ? (fixed.output ?? doc.getText()) : undefined;
      },
      documentChanges: Boolean(capabilities.workspace?.workspaceEdit?.documentChanges),
    });
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== SHOW_DOCUMENTATION) return;
    const url = String(params.arguments?.[0] ?? '');
    if (capabilities.window?.showDocument?.support) {
      const shown = await connection.window.showDocument({uri: url, external: true}).catch(() => ({success: false}));
      if (shown.success) return;
    }
    send(() => connection.sendNotification(ShowMessageNotification.type, {type: MessageType.Info, message: `vmxlint documentation: ${url}`}));
  });

  connection.onShutdown(() => debouncer.cancelAll());

  documents.listen(connection);
  connection.listen();
}
