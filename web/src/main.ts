/**
 * The vmxlint playground: the real linter in the page, nothing sent anywhere. Wires the editor,
 * the pickers, the problems list, the diff and the URL hash together.
 */
import type {Diagnostic} from '@codemirror/lint';
import type {LintMessage, LintResult, TextEdit} from 'vmxlint/browser';
import example from '../../fixtures/examples/outer.vmx';
import {CodecError} from './codec.js';
import {FILE_NAME, fix, lint} from './core.js';
import {patchOf, renderDiff} from './diff-view.js';
import {createEditor, lineStarts, offsetOf} from './editor.js';
import {acceptDrops, openFile, saveFile} from './files.js';
import {createPickers} from './pickers.js';
import {renderProblems, severityName} from './problems.js';
import {fromHash, hashWriter} from './state.js';
import './style.css';

/** Pause after the last keystroke before linting (ESLint's playground: 400 ms, stylelint's server: 300 ms). */
const TYPING_DELAY = 250;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');
const hash = hashWriter();
let fileName = FILE_NAME;

const editor = createEditor({parent: $('editor'), onChange: () => schedule(TYPING_DELAY)});
const pickers = createPickers(schedule);

/** The last lint: for the text it was made for, and when the editor still shows that text. */
let last: {doc: unknown; text: string; result: LintResult} | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<void> = Promise.resolve();

/** Work in flight (a lint waiting or running, a Fix all, a file being read): `data-busy` on <body> until none is. */
let working = 0;
function settled(): void {
  if (timer === undefined && working === 0) delete document.body.dataset.busy;
}
async function busyWhile(work: () => Promise<void>): Promise<void> {
  working++;
  document.body.dataset.busy = 'true';
  try {
    await work();
  } finally {
    working--;
    settled();
  }
}

function schedule(delay: number): void {
  clearTimeout(timer);
  document.body.dataset.busy = 'true';
  timer = setTimeout(() => {
    timer = undefined;
    running = running.then(() => busyWhile(run));
  }, delay);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function toDiagnostics(text: string, messages: LintMessage[], apply: (edit: TextEdit) => void): Diagnostic[] {
  const starts = lineStarts(text);
  return messages.map((m) => {
    const from = offsetOf(text, starts, m.line, m.column);
    const to = m.endLine !== undefined ? Math.max(from, offsetOf(text, starts, m.endLine, m.endColumn ?? 1)) : from;
    const actions = [...(m.fix ? [{name: 'Fix', edit: m.fix}] : []), ...(m.suggestions ?? []).map((s) => ({name: s.desc, edit: s.fix}))];
    return {
      from: editor.posAt(from),
      to: editor.posAt(to),
      severity: severityName(m),
      source: m.ruleId ?? 'vmxlint',
      message: m.message,
      actions: actions.map(({name, edit}) => ({name, apply: () => apply(edit)})),
    };
  });
}

/** Apply one edit to the text it was computed for. */
function applyEdit(edit: TextEdit): void {
  if (!last || editor.view.state.doc !== last.doc) return; // the text changed since: the list is about to refresh
  editor.update(last.text.slice(0, edit.range[0]) + edit.text + last.text.slice(edit.range[1]));
}

async function run(): Promise<void> {
  if (timer !== undefined) return; // a newer change is waiting: lint that one
  try {
    await lintAndShow();
  } catch (error) {
    const hint = location.protocol === 'file:' ? ' (the page must be served over http(s), e.g. npm run serve:web)' : '';
    showError(`The linter failed: ${(error as Error).message.split('\n')[0]}${hint}`);
  }
}

async function lintAndShow(): Promise<void> {
  const doc = editor.view.state.doc;
  const text = editor.text();
  const context = pickers.context();
  const {result, configError, ms} = await lint(text, context);
  if (editor.view.state.doc !== doc) return; // typed meanwhile: the next run shows the result
  last = {doc, text, result};
  pickers.showConfigError(configError);
  editor.showDiagnostics(toDiagnostics(text, result.messages, applyEdit));
  renderProblems($('problems'), result.messages, {
    reveal: (m) => editor.reveal(offsetOf(text, lineStarts(text), m.line, m.column)),
    apply: applyEdit,
  });
  const fixable = result.fixableErrorCount + result.fixableWarningCount;
  $('counts').textContent = `${result.messages.length}: ${plural(result.errorCount, 'error')}, ${plural(result.warningCount, 'warning')}, ${result.infoCount} info${fixable ? `, ${fixable} fixable` : ''}`;
  status.textContent = `${editor.view.state.doc.lines.toLocaleString('en')} lines · linted in ${ms < 1 ? '<1' : Math.round(ms)} ms`;
  hash.write({text, ...pickers.state()});
  // then what --fix would write (one more lint per fix pass): the problems do not wait for it
  const fixed = result.messages.some((m) => m.fix) ? await fix(text, context) : text;
  if (editor.view.state.doc !== doc) return;
  renderDiff($('diff'), patchOf(fileName, text, fixed));
  $<HTMLButtonElement>('fix-all').disabled = fixed === text;
}

/** A problem with the page itself (a file not opened, a link not read): stays until the next file or link. */
function showError(message: string): void {
  const notice = $('notice');
  notice.textContent = message;
  notice.hidden = false;
}
const clearError = () => ($('notice').hidden = true);

$('fix-all').addEventListener('click', () =>
  busyWhile(async () => {
    await running;
    const text = editor.text();
    const fixed = await fix(text, pickers.context());
    if (editor.text() === text) editor.update(fixed);
  }).catch((error: Error) => showError(`Fix all failed: ${error.message.split('\n')[0]}`)),
);

$('download').addEventListener('click', () => {
  try {
    saveFile(fileName, editor.text());
  } catch (error) {
    showError(`Not saved: ${(error as Error).message}`);
  }
});

$('copy-link').addEventListener('click', async () => {
  await hash.settled();
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = 'Link copied: it holds the text and the context in its #hash, which never reaches a server.';
    clearError();
  } catch {
    showError('The browser did not allow copying: copy the address bar instead.');
  }
});

async function open(file: File): Promise<void> {
  try {
    const opened = await openFile(file);
    clearError();
    fileName = opened.name;
    editor.load(opened.text);
    document.title = `${opened.name} · vmxlint playground`;
  } catch (error) {
    if (error instanceof CodecError) showError(`${file.name}: ${error.message}`);
    else throw error;
  }
}

$('open-button').addEventListener('click', () => $('open').click());
$<HTMLInputElement>('open').addEventListener('change', (e) => {
  const input = e.target as HTMLInputElement;
  const file = input.files?.[0];
  if (file) void busyWhile(() => open(file));
  input.value = '';
});
acceptDrops(document.body, (file) => void busyWhile(() => open(file)));

async function start(): Promise<void> {
  let restored;
  try {
    restored = await fromHash(location.hash);
  } catch {
    showError('The link’s state could not be read: showing the example instead.');
  }
  if (restored) pickers.restore(restored);
  editor.load(restored?.text ?? example);
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  }
}

/** For tests and bookmarklets: the exact text (line endings included, which the DOM does not show), load a text, wait for the lint. */
(globalThis as {vmxlintPlayground?: unknown}).vmxlintPlayground = {text: () => editor.text(), load: (text: string) => editor.load(text), idle: async () => {
  while (document.body.dataset.busy) await new Promise((r) => setTimeout(r, 20));
  await running;
  await hash.settled();
}};

void start();
