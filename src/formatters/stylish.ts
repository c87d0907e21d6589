/**
 * `stylish` (the default): vfile-reporter's report, written directly. One block per result with
 * messages (path relative to the context's cwd), one row per message: place, severity label,
 * text (suggestions hinted after it) and rule id, in columns as wide as their widest cell -- the
 * columns of ESLint's stylish. There is no source column (vfile-reporter's `vmxlint` on every row:
 * the rule id already says it). A text wider than MESSAGE_WIDTH columns does not widen its column:
 * it is followed by one space and its rule id, so one long message does not pad every row of the
 * file to its width. vfile-reporter's own closing line is replaced by an ESLint-style summary:
 * `✖ N problems (E errors, W warnings[, I info])` and, when some messages have fixes,
 * `  E errors and W warnings potentially fixable with the `--fix` option.`
 * Nothing at all (the empty string) when there are no messages.
 *
 * Why not call vfile-reporter (as this module did): it needs a VFile per file and a
 * VFileMessage (an Error) per message, sorts, builds rows, and measures every cell with
 * string-width: ~150 ms of a 30,000-message report, a fifth of a cached re-run. This module
 * gives the same bytes, colour or not (test/formatters/stylish-equivalence.test.ts compares the
 * two on generated result lists): the same order (files by path, messages by place, kind, rule
 * and text, with the same locale comparison), the same columns, the same ANSI codes. Cells of
 * printable ASCII are measured by their length; anything else by string-width itself.
 */
import stringWidth from 'string-width';
import type {LintMessage, LintResult} from '../engine/types.js';
import type {FormatContext} from './types.js';
import {messageKind, plural, relativePath, type Kind} from './shared.js';

/** The widest message text that widens the text column (wider ones overflow their own row only). */
export const MESSAGE_WIDTH = 100;

const ANSI = {
  bold: '\u001B[1m',
  normal: '\u001B[22m',
  underline: '\u001B[4m',
  noUnderline: '\u001B[24m',
  red: '\u001B[31m',
  yellow: '\u001B[33m',
  cyan: '\u001B[36m',
  reset: '\u001B[39m',
};

/** A line break as vfile-reporter splits a message's text on it. */
const EOL = /\r?\n|\r/;

/** A file with messages: its name (relative path) and its messages in the report's order. */
interface FileBlock {
  name: string;
  messages: readonly LintMessage[];
  hasError: boolean;
}

function reason(message: LintMessage): string {
  const suggestions = message.suggestions ?? [];
  if (suggestions.length === 0) return message.message;
  return `${message.message} (suggestion${suggestions.length > 1 ? 's' : ''}: ${suggestions.map((s) => s.desc).join('; ')})`;
}

/** unist-util-stringify-position's rendering of a line or column. */
function index(value: unknown): number | 1 {
  return value && typeof value === 'number' ? value : 1;
}

/** The line and column vfile-reporter sorts by and prints (at least 1). */
const lineOf = (message: LintMessage): number => Math.max(1, message.line || 1);
const columnOf = (message: LintMessage): number => Math.max(1, message.column || 1);

/** The place cell: `line:column` or `line:column-endLine:endColumn`. */
function placeText(message: LintMessage): string {
  const start = `${lineOf(message)}:${columnOf(message)}`;
  if (message.endLine === undefined || message.endColumn === undefined) return start;
  return `${start}-${index(message.endLine)}:${index(message.endColumn)}`;
}

/** The length of a number's decimal text: for the usual small positive integers without making the text. */
function numberWidth(n: number): number {
  if (n >= 1 && n < 1e6 && Number.isInteger(n)) return n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : n < 100000 ? 5 : 6;
  return String(n).length;
}

/** The place cell's width (its text is printable ASCII). */
function placeWidth(message: LintMessage): number {
  const start = numberWidth(lineOf(message)) + 1 + numberWidth(columnOf(message));
  if (message.endLine === undefined || message.endColumn === undefined) return start;
  return start + 2 + numberWidth(index(message.endLine)) + numberWidth(index(message.endColumn));
}

/** A character that is not printable ASCII (string-width measures printable ASCII one column each). */
const NOT_PRINTABLE_ASCII = /[^\u0020-\u007E]/;

/**
 * `a.localeCompare(b)`: ECMA-402 defines it as a default collator's compare, so one collator gives
 * the same order without a collator per call (V8 compares one-byte strings fast; creating the
 * collator costs ~6 ms, paid only when a report has something to order).
 */
let collator: Intl.Collator | undefined;
function localeCompare(a: string, b: string): number {
  return a === b ? 0 : (collator ??= new Intl.Collator()).compare(a, b);
}

const KIND_ORDER: Record<Kind, number> = {error: 0, warning: 1, info: 2};

/** vfile-sort's compareMessage (its `source` is `vmxlint` for every message). */
function compareMessages(a: LintMessage, b: LintMessage): number {
  return (
    lineOf(a) - lineOf(b) ||
    columnOf(a) - columnOf(b) ||
    KIND_ORDER[messageKind(a)] - KIND_ORDER[messageKind(b)] ||
    localeCompare(a.ruleId || '', b.ruleId || '') ||
    localeCompare(reason(a), reason(b))
  );
}

/** Whether a list is in order (then a stable sort would leave it as it is). */
function inOrder<T>(list: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1], list[i]) > 0) return false;
  return true;
}

/** vfile-reporter's formatReason: bold text, code spans (matched runs of backticks) in cyan. */
function colourReason(text: string): string {
  const splits: Array<{index: number; size: number}> = [];
  let at = text.indexOf('`');
  while (at !== -1) {
    const split = {index: at, size: 1};
    splits.push(split);
    while (text.charCodeAt(at + 1) === 96) {
      split.size++;
      at++;
    }
    at = text.indexOf('`', at + 1);
  }
  let out = '';
  let textStart = 0;
  for (let i = 0; i < splits.length; i++) {
    let close: {index: number; size: number} | undefined;
    let j = i;
    while (++j < splits.length) {
      if (splits[j].size === splits[i].size) {
        close = splits[j];
        break;
      }
    }
    if (close) {
      const codeEnd = close.index + close.size;
      out += text.slice(textStart, splits[i].index) + ANSI.cyan + text.slice(splits[i].index, codeEnd) + ANSI.reset;
      textStart = codeEnd;
      i = j;
    }
  }
  return ANSI.bold + out + text.slice(textStart) + ANSI.normal;
}

/** Where vfile-reporter cuts a message's text: the first line goes in the row, the rest below it. */
function lineBreak(text: string): RegExpExecArray | null {
  return text.includes('\n') || text.includes('\r') ? EOL.exec(text) : null;
}

/** The text's first line. */
function firstLine(text: string): string {
  const match = lineBreak(text);
  return match ? text.slice(0, match.index) : text;
}

/** The text's other lines (after a CRLF's CR, as vfile-reporter cuts it: the rest then starts with an empty line). */
function otherLines(text: string): string[] | undefined {
  const match = lineBreak(text);
  return match ? text.slice(match.index + 1).split(EOL) : undefined;
}

/** The first line's cell: bold, with code spans, in colour. */
function firstCell(first: string, color: boolean): string {
  return color ? colourReason(first) : first;
}

/** The first line's cell's width (colour codes take no room). */
function firstWidth(first: string, color: boolean): number {
  return NOT_PRINTABLE_ASCII.test(first) ? stringWidth(firstCell(first, color)) : first.length;
}

const LABELS: Record<Kind, {plain: string; color: string}> = {
  error: {plain: 'error', color: `${ANSI.red}error${ANSI.reset}`},
  warning: {plain: 'warning', color: `${ANSI.yellow}warning${ANSI.reset}`},
  info: {plain: 'info', color: `${ANSI.yellow}info${ANSI.reset}`},
};

/**
 * The report without vfile-reporter's closing line, a piece per file: a line per file (a blank
 * line between files), a row per message with its cells padded to their column's widest plus
 * one (`sizes`; at least one space after a text wider than its column), trailing white space
 * trimmed. Cells are made here, after the widths were measured: nothing per message is kept from
 * one pass to the other.
 */
function* fileBlocks(files: FileBlock[], sizes: [number, number, number], color: boolean): Generator<string> {
  const [placeSize, labelSize, firstSize] = sizes;
  const spaces: string[] = [];
  const pad = (n: number) => (spaces[n] ??= ' '.repeat(Math.max(1, n)));
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const lines: string[] = [];
    if (i > 0) lines.push('', '');
    lines.push(color ? `${ANSI.underline}${file.hasError ? ANSI.red : ANSI.yellow}${file.name}${ANSI.reset}${ANSI.noUnderline}` : file.name.trimEnd());
    for (const message of file.messages) {
      const kind = messageKind(message);
      const ruleId = message.ruleId || '';
      const text = reason(message);
      const first = firstLine(text);
      const cell = firstCell(first, color);
      lines.push(
        (
          placeText(message) +
          pad(placeSize + 1 - placeWidth(message)) +
          (color ? LABELS[kind].color : kind) +
          pad(labelSize + 1 - kind.length) +
          cell +
          pad(firstSize + 1 - firstWidth(first, color)) +
          ruleId
        ).trimEnd(),
      );
      const rest = otherLines(text);
      if (rest) for (const line of rest) lines.push(line.trimEnd());
    }
    yield lines.join('\n');
  }
}

/** The ESLint-style summary that replaces vfile-reporter's closing line. */
function summary(count: Record<Kind, number>, fixable: Record<Kind, number>, color: boolean): string {
  const total = count.error + count.warning + count.info;
  const counts = [plural(count.error, 'error'), plural(count.warning, 'warning')];
  if (count.info > 0) counts.push(`${count.info} info`);
  const symbol = count.error > 0 ? '\u2716' : count.warning > 0 ? '\u26A0' : '\u2139';
  const lines = [`${symbol} ${plural(total, 'problem')} (${counts.join(', ')})`];
  if (fixable.error + fixable.warning + fixable.info > 0) {
    const which =
      fixable.info > 0
        ? `${plural(fixable.error, 'error')}, ${plural(fixable.warning, 'warning')} and ${fixable.info} info`
        : `${plural(fixable.error, 'error')} and ${plural(fixable.warning, 'warning')}`;
    lines.push(`  ${which} potentially fixable with the \`--fix\` option.`);
  }
  const colour = count.error > 0 ? ANSI.red : count.warning > 0 ? ANSI.yellow : '';
  return lines.map((line) => (color ? `${ANSI.bold}${colour}${line}${colour ? ANSI.reset : ''}${ANSI.normal}` : line)).join('\n');
}

/**
 * The report in pieces (their concatenation is `format`'s string): one per file, then the
 * summary. The CLI writes each as it comes; and the file blocks, plain ASCII in the usual case,
 * are never joined to the summary's `✖`, which would make the whole report a two-byte string.
 * `maxMessageWidth`: MESSAGE_WIDTH (Infinity: every text widens its column, as vfile-reporter).
 */
export function* formatChunks(results: LintResult[], context: FormatContext, maxMessageWidth = MESSAGE_WIDTH): Generator<string> {
  const {color} = context;
  const count = {error: 0, warning: 0, info: 0};
  const fixable = {error: 0, warning: 0, info: 0};
  let placeSize = 0;
  let labelSize = 0;
  let firstSize = 0;
  const files: FileBlock[] = [];
  // first pass: counts, column widths, order
  for (const result of results) {
    const {messages} = result;
    if (messages.length === 0) continue;
    const name = relativePath(context.cwd, result.filePath);
    // vfile refuses an empty path: so did this report when it went through vfile-reporter
    if (name === '') throw new Error('`path` cannot be empty');
    let hasError = false;
    for (const message of messages) {
      const kind = messageKind(message);
      count[kind]++;
      if (message.fix) fixable[kind]++;
      if (kind === 'error') hasError = true;
      placeSize = Math.max(placeSize, placeWidth(message));
      labelSize = Math.max(labelSize, kind.length);
      const textWidth = firstWidth(firstLine(reason(message)), color);
      if (textWidth <= maxMessageWidth) firstSize = Math.max(firstSize, textWidth);
    }
    // vfile-sort's order (Array#sort is stable: a list in order stays as it is)
    files.push({name, messages: inOrder(messages, compareMessages) ? messages : [...messages].sort(compareMessages), hasError});
  }
  if (files.length === 0) return;
  // vfile-sort's compareFile
  const byName = (a: FileBlock, b: FileBlock) => localeCompare(a.name, b.name);
  if (!inOrder(files, byName)) files.sort(byName);
  yield* fileBlocks(files, [placeSize, labelSize, firstSize], color);
  yield `\n\n${summary(count, fixable, color)}\n`;
}

export function format(results: LintResult[], context: FormatContext, maxMessageWidth = MESSAGE_WIDTH): string {
  return [...formatChunks(results, context, maxMessageWidth)].join('');
}
