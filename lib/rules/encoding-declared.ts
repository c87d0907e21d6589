/**
 * `encoding-declared`: `.encoding` missing, not the first entry, unknown, or naming an encoding
 * the text does not fit. A file whose bytes do not decode in its declared encoding never gets
 * here (the decoder refuses it); this rule checks the tree itself, so it also works on plain text.
 */
import {createRule} from '../../src/engine/create-rule.js';
import {keyLoc, valueLoc} from '../../src/engine/fixer.js';
import type {RuleContext} from '../../src/engine/types.js';
import {canEncode, isAsciiText, resolveEncoding} from '../../src/syntax/encoding.js';
import type {Entry, Line, Root} from '../../src/syntax/types.js';

/** The text without a leading byte-order mark (`no-bom` reports that). */
const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Whether the text, without a leading byte-order mark, has a character outside ASCII. */
function hasNonAscii(text: string): boolean {
  return !isAsciiText(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
}

/** `canEncode(text, encoding)` for the text without its byte-order mark (pure ASCII is answered without encoding it). */
function textFits(text: string, encoding: string): boolean {
  return canEncode(withoutBom(text), encoding);
}

/** The first line whose text `encoding` cannot encode (only called once the whole text failed). */
function firstUnencodable(tree: Root, text: string, encoding: string): Line | undefined {
  return tree.children.find((n) => !canEncode(text.slice(n.position.start.offset!, n.position.end.offset!).replace(/^\uFEFF/, ''), encoding));
}

type MessageId = 'missing' | 'missingAscii' | 'notFirst' | 'unknown' | 'mismatch';

export default createRule<Record<string, never>, MessageId>({
  name: 'encoding-declared',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `.encoding` as the first entry, naming an encoding the text fits',
      recommended: true,
    },
    fixable: 'code',
    messages: {
      missing: 'Missing `.encoding` in a file with non-ASCII characters: VMware then reads them in the host\'s default encoding',
      missingAscii: 'Missing `.encoding`: current VMware products write `.encoding = "UTF-8"` as the first entry',
      notFirst: '`.encoding` is not the first entry (line {{firstLine}} is): VMware writes it first, and some tools only look for it there',
      unknown: 'Unknown encoding `{{name}}` in `.encoding`: neither vmxlint nor VMware can read this file\'s text safely',
      mismatch: '`.encoding` says `{{name}}`, but line {{line}} holds characters that `{{name}}` cannot encode',
    },
    defaultSeverity: 'warn',
  },
  create(context) {
    return {
      root() {
        const {tree, text} = context;
        // the first entry, and the line before it (an empty .vmsd, a file of comments: nothing to declare)
        const lines = tree.children;
        let at = 0;
        while (at < lines.length && lines[at].type !== 'entry') at++;
        if (at === lines.length) return;
        const first = lines[at] as Entry;
        const decl = context.getEntry('.encoding');
        if (!decl) {
          // insert `.encoding = "UTF-8"` just before the first entry (after a shebang and leading comments)
          const nonAscii = hasNonAscii(text);
          // adding UTF-8 is right only for text that is UTF-8: decoded without a declaration (or given as text)
          const utf8 = resolveEncoding(context.encoding) === 'utf8';
          const before = lines[at - 1] ?? null;
          context.report({
            node: tree,
            messageId: nonAscii ? 'missing' : 'missingAscii',
            info: !nonAscii,
            fix: utf8 ? (fixer) => fixer.insertEntry(before, '.encoding', 'UTF-8') : undefined,
          });
          return;
        }
        checkDeclared(context, decl);
        if (decl === first) return;
        context.report({
          node: decl,
          loc: keyLoc(decl),
          messageId: 'notFirst',
          data: {firstLine: first.position.start.line},
          fix: (fixer) => {
            // move the line verbatim (its spacing and comment) to just before the first entry
            const line = text.slice(decl.position.start.offset!, decl.position.end.offset!);
            const at = first.position.start.offset!;
            return [fixer.replaceText([at, at], line + fixer.style.eol), fixer.removeNode(decl)];
          },
        });
      },
    };
  },
});

/** A declared encoding: one the tools know, and one the text fits. */
function checkDeclared(context: RuleContext<Record<string, never>, MessageId>, decl: Entry): void {
  const name = decl.value.trim();
  if (resolveEncoding(name) === undefined) {
    context.report({node: decl, loc: valueLoc(decl), messageId: 'unknown', data: {name}});
    return;
  }
  // bytes decoded with this very name fit it by construction
  const decodedWithIt = context.encodingDeclared && context.encoding.trim().toLowerCase() === name.toLowerCase();
  if (decodedWithIt || textFits(context.text, name)) return;
  const line = firstUnencodable(context.tree, context.text, name);
  context.report({node: decl, loc: valueLoc(decl), messageId: 'mismatch', data: {name, line: line?.position.start.line ?? 1}});
}
