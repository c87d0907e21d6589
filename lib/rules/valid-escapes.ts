/**
 * `valid-escapes`: a `|` that does not start a `|XX` escape, and characters VMware always escapes
 * (`"` outside quotes, DEL, control characters other than TAB) written raw.
 */
import {createRule} from '../../src/engine/create-rule.js';
import {valueRange} from '../../src/engine/fixer.js';
import {badEscapes, escapeValue, mustEscape} from '../../src/syntax/escape.js';
import type {Entry} from '../../src/syntax/types.js';

const BAR = 0x7c;
/** A character that may need a report: `|` (an escape, or a bad one) or one `mustEscape` names. Most values have none. */
const SUSPECT = /[\x00-\x08\x0a-\x1f"|\x7f]/;

/** How a character is named in a message: `"` is named, others by code point. */
function charName(code: number): string {
  if (code === 0x22) return 'double quote';
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Offsets (in the raw value) of characters VMware escapes that are written raw; `|` is `badEscapes`' job. */
function rawSpecials(raw: string): number[] {
  const found: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code !== BAR && mustEscape(code)) found.push(i);
  }
  return found;
}

export default createRule({
  name: 'valid-escapes',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `|` escapes of two hex digits, and escapes for the characters VMware escapes',
      recommended: true,
    },
    fixable: 'code',
    messages: {
      badEscape:
        '`|` not followed by two hex digits in the value of `{{key}}`: VMware reads a literal `|` but libvirt rejects it (write `|7C`)',
      unescaped: 'Unescaped {{name}} in the value of `{{key}}`: VMware writes it as `{{escape}}`',
    },
    defaultSeverity: 'warn',
  },
  create(context) {
    /** Report the raw character at `index` of the entry's value, with the fix that escapes it. */
    const report = (entry: Entry, index: number, messageId: 'badEscape' | 'unescaped') => {
      const at = valueRange(entry)[0] + (entry.quoted ? 1 : 0) + index;
      const lineStart = entry.position.start.offset!;
      const line = entry.position.start.line;
      const char = entry.rawValue[index];
      const escape = escapeValue(char);
      context.report({
        node: entry,
        loc: {start: {line, column: at - lineStart + 1}, end: {line, column: at - lineStart + 2}},
        messageId,
        data: {key: entry.key, name: charName(char.charCodeAt(0)), escape},
        fix: (fixer) => fixer.replaceText([at, at + 1], escape),
      });
    };
    return {
      entry(node) {
        const raw = node.rawValue;
        if (raw === '' || !SUSPECT.test(raw)) return;
        const problems: Array<[number, 'badEscape' | 'unescaped']> = [
          ...badEscapes(raw).map((i) => [i, 'badEscape'] as [number, 'badEscape']),
          ...rawSpecials(raw).map((i) => [i, 'unescaped'] as [number, 'unescaped']),
        ];
        problems.sort((a, b) => a[0] - b[0]);
        for (const [index, id] of problems) report(node, index, id);
      },
    };
  },
});
