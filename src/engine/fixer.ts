/** Fixes are data: text edits built here, applied only by `applyEdits` (never by rules). */
import {escapeValue} from '../syntax/escape.js';
import type {Entry, Line, Root} from '../syntax/types.js';
import type {FileStyle, Fixer, Place, TextEdit} from './types.js';

/**
 * Read a file's own style: its usual line ending, spacing around `=` and quoting. The most
 * frequent of each wins, the first seen on a tie. Counted in one pass without building lists or
 * strings: most fixes ask for it (a fix that adds a line writes it in the file's style).
 */
export function detectStyle(tree: Root): FileStyle {
  const eolCounts = new Map<FileStyle['eol'], number>();
  let eol: FileStyle['eol'] = '\n';
  let eolBest = 0;
  // spacing: before `=` → after `=` → count
  const spacingCounts = new Map<string, Map<string, number>>();
  let beforeEquals = ' ';
  let afterEquals = ' ';
  let spacingBest = 0;
  let withValue = 0;
  let quotedCount = 0;
  for (const n of tree.children) {
    if (n.eol) {
      const c = (eolCounts.get(n.eol) ?? 0) + 1;
      eolCounts.set(n.eol, c);
      if (c > eolBest) {
        eol = n.eol;
        eolBest = c;
      }
    }
    if (n.type === 'entry') {
      let after = spacingCounts.get(n.beforeEquals);
      if (!after) spacingCounts.set(n.beforeEquals, (after = new Map()));
      const c = (after.get(n.afterEquals) ?? 0) + 1;
      after.set(n.afterEquals, c);
      if (c > spacingBest) {
        beforeEquals = n.beforeEquals;
        afterEquals = n.afterEquals;
        spacingBest = c;
      }
      if (n.rawValue !== '') {
        withValue++;
        if (n.quoted) quotedCount++;
      }
    }
  }
  return {eol, beforeEquals, afterEquals, quote: quotedCount * 2 >= withValue};
}

/** Offset of the first character of an entry's key. */
export function keyStart(entry: Entry): number {
  return entry.position.start.offset! + entry.indent.length;
}

/** Offsets of an entry's value as written, quotes included. */
export function valueRange(entry: Entry): [number, number] {
  const start = keyStart(entry) + entry.key.length + entry.beforeEquals.length + 1 + entry.afterEquals.length;
  return [start, start + entry.rawValue.length + (entry.quoted ? 2 : 0)];
}

/** Line/column places of an entry's key, and of its value. */
export function keyLoc(entry: Entry): {start: Place; end: Place} {
  const line = entry.position.start.line;
  const column = entry.indent.length + 1;
  return {start: {line, column}, end: {line, column: column + entry.key.length}};
}
export function valueLoc(entry: Entry): {start: Place; end: Place} {
  const line = entry.position.start.line;
  const [s, e] = valueRange(entry);
  const lineStart = entry.position.start.offset!;
  return {start: {line, column: s - lineStart + 1}, end: {line, column: e - lineStart + 1}};
}

/** Whether a value must be quoted to be read back as the same value. */
function needsQuotes(value: string): boolean {
  return value === '' || /[\s#"|]/.test(value) || /[\u0000-\u001f\u007f]/.test(value);
}

export function formatValue(value: string, quote: boolean): string {
  return quote || needsQuotes(value) ? `"${escapeValue(value)}"` : value;
}

/** Keys after which new nested keys are placed (requirements: fix placement). */
const ANCHOR = /^(monitor|monitor_control|vmx)\./i;

export function createFixer(tree: Root, text: string): Fixer {
  let cachedStyle: FileStyle | undefined;
  const style = () => (cachedStyle ??= detectStyle(tree));
  const line = (key: string, value: string) =>
    `${key}${style().beforeEquals}=${style().afterEquals}${formatValue(value, style().quote)}`;
  const bomLength = tree.bom ? 1 : 0;

  const insertEntry = (after: Line | null, key: string, value: string): TextEdit => {
    if (after === null) {
      const eol = tree.children.length === 0 ? '' : style().eol;
      return {range: [bomLength, bomLength], text: line(key, value) + eol};
    }
    const end = after.position.end.offset!;
    if (after.eol === '') return {range: [end, end], text: style().eol + line(key, value)};
    const at = end + after.eol.length;
    return {range: [at, at], text: line(key, value) + style().eol};
  };

  return {
    get style() {
      return style();
    },
    setValue(entry, value) {
      return {range: valueRange(entry), text: formatValue(value, entry.quoted)};
    },
    insertEntry,
    addEntry(key, value) {
      let anchor: Line | null = null;
      for (const n of tree.children) if (n.type === 'entry' && ANCHOR.test(n.key)) anchor = n;
      if (anchor === null) {
        // at the end of the file: after the last line that is not blank, else after the very last line
        const last = tree.children.at(-1) ?? null;
        if (last === null) return insertEntry(null, key, value);
        return insertEntry(last, key, value);
      }
      return insertEntry(anchor, key, value);
    },
    removeNode(node) {
      const start = node.position.start.offset!;
      const end = node.position.end.offset! + node.eol.length;
      if (node.eol === '' && start > bomLength) {
        // last line without a final newline: take the previous line ending instead, so the file still ends without one
        const prevEol = text[start - 1] === '\n' && text[start - 2] === '\r' ? 2 : 1;
        return {range: [start - prevEol, end], text: ''};
      }
      return {range: [start, end], text: ''};
    },
    replaceNode(node, replacement) {
      return {range: [node.position.start.offset!, node.position.end.offset!], text: replacement};
    },
    replaceEntry(entry, key, value) {
      const [, valueEnd] = valueRange(entry);
      return {
        range: [keyStart(entry), valueEnd],
        text: `${key}${entry.beforeEquals}=${entry.afterEquals}${formatValue(value, entry.quoted)}`,
      };
    },
    replaceText(range, replacement) {
      return {range, text: replacement};
    },
  };
}

/** Merge the edits of one fix into a single edit (ESLint's approach), keeping the text between them. */
export function mergeEdits(text: string, edits: TextEdit[]): TextEdit {
  if (edits.length === 1) return edits[0];
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].range[0] < sorted[i - 1].range[1]) throw new Error('a fix contains overlapping edits');
  }
  const start = sorted[0].range[0];
  const end = Math.max(...sorted.map((e) => e.range[1]));
  let out = '';
  let pos = start;
  for (const e of sorted) {
    out += text.slice(pos, e.range[0]) + e.text;
    pos = e.range[1];
  }
  out += text.slice(pos, end);
  return {range: [start, end], text: out};
}

/**
 * Apply the non-overlapping edits in source order; an edit that overlaps one already taken
 * (or inserts at the same point) waits for the next pass. Returns the new text and how many applied.
 */
export function applyEdits(text: string, edits: TextEdit[]): {text: string; applied: TextEdit[]} {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: TextEdit[] = [];
  let out = '';
  let pos = 0;
  let lastEnd = -1;
  let lastStart = -1;
  for (const e of sorted) {
    const [s, end] = e.range;
    if (s < lastEnd || s === lastStart) continue;
    out += text.slice(pos, s) + e.text;
    pos = end;
    lastEnd = end;
    lastStart = s;
    applied.push(e);
  }
  out += text.slice(pos);
  return {text: out, applied};
}
