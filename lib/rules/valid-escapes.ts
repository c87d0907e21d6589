/**
 * `valid-escapes`: a `|` that does not start a `|XX` escape, and characters VMware always escapes
 * (`"` outside quotes, DEL, control characters other than TAB) written raw.
 */
import {createRule} from '../../src/engine/create-rule.js';
import {valueRange} from '../../src/engine/fixer.js';
import type {RuleContext} from '../../src/engine/types.js';
import {escapeValue, mustEscape} from '../../src/syntax/escape.js';
import type {Entry} from '../../src/syntax/types.js';

const BAR = 0x7c;
/** A character that may need a report: `|` (an escape, or a bad one) or one `mustEscape` names. Most values have none. */
const SUSPECT = /[\x00-\x08\x0a-\x1f"|\x7f]/;

/** How a character is named in a message: `"` is named, others by code point. */
function charName(code: number): string {
  if (code === 0x22) return 'double quote';
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Whether a UTF-16 unit is a hex digit (`NaN`, past the end of a value, is not). */
const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

type MessageId = 'badEscape' | 'unescaped';

export default createRule<Record<string, never>, MessageId>({
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
    return {
      entry(node) {
        const raw = node.rawValue;
        if (raw === '' || !SUSPECT.test(raw)) return;
        // left to right, as `badEscapes` and the characters `mustEscape` names would be merged: a `|`
        // not starting a `|XX` escape, or a raw character VMware escapes (hex digits never are one)
        for (let i = 0; i < raw.length; i++) {
          const code = raw.charCodeAt(i);
          if (code === BAR) {
            if (isHex(raw.charCodeAt(i + 1)) && isHex(raw.charCodeAt(i + 2))) i += 2;
            else reportChar(context, node, i, 'badEscape');
          } else if (mustEscape(code)) {
            reportChar(context, node, i, 'unescaped');
          }
        }
      },
    };
  },
});

/** Report the raw character at `index` of the entry's value, with the fix that escapes it. */
function reportChar(context: RuleContext<Record<string, never>, MessageId>, entry: Entry, index: number, messageId: MessageId): void {
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
}
