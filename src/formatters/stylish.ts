/**
 * `stylish` (the default): vfile-reporter's report, written directly. One block per result with
 * messages (path relative to the context's cwd), one row per message: place, severity label,
 * text (suggestions hinted after it), rule id and `vmxlint`, in columns as wide as their widest
 * cell. vfile-reporter's own closing line is replaced by an ESLint-style summary:
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

/** One message, as vfile-reporter orders and prints it. */
interface Row {
  line: number;
  column: number;
  kind: Kind;
  ruleId: string;
  /** The message text (with its suggestion hint): the sort key. */
  reason: string;
  /** The cells: place (`line:column[-endLine:endColumn]`), label, the text's first line. */
  place: string;
  label: string;
  first: string;
  /** The text's other lines, printed below the row. */
  rest: string[] | undefined;
  /** Display widths of place, first and ruleId. */
  placeWidth: number;
  firstWidth: number;
  ruleWidth: number;
}

interface FileBlock {
  name: string;
  rows: Row[];
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

function placeText(message: LintMessage): string {
  const start = `${Math.max(1, message.line || 1)}:${Math.max(1, message.column || 1)}`;
  if (message.endLine === undefined || message.endColumn === undefined) return start;
  return `${start}-${index(message.endLine)}:${index(message.endColumn)}`;
}

/** Whether every character is printable ASCII (string-width measures those one column each). */
function isPrintableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/** Display width of a cell; `plain` is its text without the ANSI codes this module adds. */
function width(cell: string, plain: string = cell): number {
  return isPrintableAscii(plain) ? plain.length : stringWidth(cell);
}

/** ECMA-402 defines `a.localeCompare(b)` as this collator's compare: one collator, the same order. */
let collator: Intl.Collator | undefined;
function localeCompare(a: string, b: string): number {
  return a === b ? 0 : (collator ??= new Intl.Collator()).compare(a, b);
}

const KIND_ORDER: Record<Kind, number> = {error: 0, warning: 1, info: 2};

/** vfile-sort's compareMessage (its `source` is `vmxlint` for every message). */
function compareRows(a: Row, b: Row): number {
  return a.line - b.line || a.column - b.column || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || localeCompare(a.ruleId, b.ruleId) || localeCompare(a.reason, b.reason);
}

/** Array#sort is stable: an array already in order stays as it is, so only unsorted ones are sorted. */
function sortInPlace<T>(list: T[], compare: (a: T, b: T) => number): void {
  for (let i = 1; i < list.length; i++) {
    if (compare(list[i - 1], list[i]) > 0) {
      list.sort(compare);
      return;
    }
  }
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

/** A row for a message: its cells, their widths, and its place in the order. */
function makeRow(message: LintMessage, kind: Kind, color: boolean): Row {
  const text = reason(message);
  let first = text;
  let rest: string[] | undefined;
  const match = text.includes('\n') || text.includes('\r') ? EOL.exec(text) : null;
  if (match) {
    // cut as vfile-reporter cuts it (after a CRLF's CR: the rest then starts with an empty line)
    rest = text.slice(match.index + 1).split(EOL);
    first = text.slice(0, match.index);
  }
  const place = placeText(message);
  const ruleId = message.ruleId || '';
  const cell = color ? colourReason(first) : first;
  return {
    line: Math.max(1, message.line || 1),
    column: Math.max(1, message.column || 1),
    kind,
    ruleId,
    reason: text,
    place,
    label: color ? `${kind === 'error' ? ANSI.red : ANSI.yellow}${kind}${ANSI.reset}` : kind,
    first: cell,
    rest,
    placeWidth: width(place),
    firstWidth: width(cell, first),
    ruleWidth: width(ruleId),
  };
}

/**
 * The report without vfile-reporter's closing line: a line per file (a blank line between files),
 * a row per message with its cells padded to their column's widest plus one, trailing white
 * space trimmed (the last cell, `vmxlint`, is never padded: trimming would remove it).
 */
function serialize(files: FileBlock[], color: boolean): string {
  let placeSize = 0;
  let labelSize = 0;
  let firstSize = 0;
  let ruleSize = 0;
  for (const file of files) {
    for (const row of file.rows) {
      if (row.placeWidth > placeSize) placeSize = row.placeWidth;
      if (row.kind.length > labelSize) labelSize = row.kind.length;
      if (row.firstWidth > firstSize) firstSize = row.firstWidth;
      if (row.ruleWidth > ruleSize) ruleSize = row.ruleWidth;
    }
  }
  const spaces: string[] = [];
  const pad = (n: number) => (spaces[n] ??= ' '.repeat(n));
  const lines: string[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    if (i > 0) lines.push('');
    lines.push(color ? `${ANSI.underline}${file.hasError ? ANSI.red : ANSI.yellow}${file.name}${ANSI.reset}${ANSI.noUnderline}` : file.name.trimEnd());
    for (const row of file.rows) {
      lines.push(
        row.place +
          pad(placeSize + 1 - row.placeWidth) +
          row.label +
          pad(labelSize + 1 - row.kind.length) +
          row.first +
          pad(firstSize + 1 - row.firstWidth) +
          row.ruleId +
          pad(ruleSize + 1 - row.ruleWidth) +
          'vmxlint',
      );
      if (row.rest) for (const line of row.rest) lines.push(line.trimEnd());
    }
  }
  return lines.join('\n');
}

export function format(results: LintResult[], context: FormatContext): string {
  const count = {error: 0, warning: 0, info: 0};
  const fixable = {error: 0, warning: 0, info: 0};
  const files: FileBlock[] = [];
  for (const result of results) {
    if (result.messages.length === 0) continue;
    const name = relativePath(context.cwd, result.filePath);
    // vfile refuses an empty path: so did this report when it went through vfile-reporter
    if (name === '') throw new Error('`path` cannot be empty');
    const rows: Row[] = [];
    let hasError = false;
    for (const message of result.messages) {
      const kind = messageKind(message);
      count[kind]++;
      if (message.fix) fixable[kind]++;
      if (kind === 'error') hasError = true;
      rows.push(makeRow(message, kind, context.color));
    }
    sortInPlace(rows, compareRows);
    files.push({name, rows, hasError});
  }

  const total = count.error + count.warning + count.info;
  if (total === 0) return '';

  // vfile-sort's compareFile
  sortInPlace(files, (a, b) => localeCompare(a.name, b.name));
  const body = serialize(files, context.color);

  const counts = [plural(count.error, 'error'), plural(count.warning, 'warning')];
  if (count.info > 0) counts.push(`${count.info} info`);
  const symbol = count.error > 0 ? '\u2716' : count.warning > 0 ? '\u26A0' : '\u2139';
  const summary = [`${symbol} ${plural(total, 'problem')} (${counts.join(', ')})`];
  if (fixable.error + fixable.warning + fixable.info > 0) {
    const which =
      fixable.info > 0
        ? `${plural(fixable.error, 'error')}, ${plural(fixable.warning, 'warning')} and ${fixable.info} info`
        : `${plural(fixable.error, 'error')} and ${plural(fixable.warning, 'warning')}`;
    summary.push(`  ${which} potentially fixable with the \`--fix\` option.`);
  }
  const colour = count.error > 0 ? ANSI.red : count.warning > 0 ? ANSI.yellow : '';
  const closing = summary
    .map((line) => (context.color ? `${ANSI.bold}${colour}${line}${colour ? ANSI.reset : ''}${ANSI.normal}` : line))
    .join('\n');
  return `${body}\n\n${closing}\n`;
}
