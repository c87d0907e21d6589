/**
 * Text edits for code actions: the linter's offset edits as LSP edits, old → new text as minimal
 * line edits (so the cursor and undo history survive a fix-all, as vscode-eslint's `stringDiff`
 * does), and the comments that the disable and nested-context actions insert.
 */
import {diffLines} from 'diff';
import type {TextDocument} from 'vscode-languageserver-textdocument';
import {TextEdit} from 'vscode-languageserver/node';
import type {LintEdit} from './core.js';

export function toTextEdit(doc: TextDocument, edit: LintEdit): TextEdit {
  return TextEdit.replace({start: doc.positionAt(edit.range[0]), end: doc.positionAt(edit.range[1])}, edit.text);
}

/** The edits that turn `doc`'s text into `after`, one per changed run of lines (whole lines only). */
export function minimalEdits(doc: TextDocument, after: string): TextEdit[] {
  const before = doc.getText();
  if (before === after) return [];
  const edits: TextEdit[] = [];
  let offset = 0;
  let pending: {start: number; end: number; text: string} | undefined;
  const flush = () => {
    if (pending) edits.push(TextEdit.replace({start: doc.positionAt(pending.start), end: doc.positionAt(pending.end)}, pending.text));
    pending = undefined;
  };
  for (const part of diffLines(before, after)) {
    if (!part.added && !part.removed) {
      flush();
      offset += part.value.length;
      continue;
    }
    pending ??= {start: offset, end: offset, text: ''};
    if (part.removed) {
      offset += part.value.length;
      pending.end = offset;
    } else pending.text += part.value;
  }
  flush();
  return edits;
}

/** Apply LSP edits to a text (for tests and for checking that edits do not overlap). */
export function applyTextEdits(doc: TextDocument, edits: TextEdit[]): string {
  const text = doc.getText();
  const spans = edits
    .map((e) => ({start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), text: e.newText}))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) throw new Error('overlapping edits');
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

/** The file's line ending (its first one; `\n` when it has none). */
export function eolOf(text: string): string {
  const m = /\r\n|\n|\r/.exec(text);
  return m ? m[0] : '\n';
}

function lineText(doc: TextDocument, line: number): string {
  const text = doc.getText({start: {line, character: 0}, end: {line: line + 1, character: 0}});
  return text.replace(/\r?\n$|\r$/, '');
}

const NEXT_LINE = /^(\s*#\s*vmxlint-disable-next-line)(?=\s|$)(.*)$/;

/**
 * `# vmxlint-disable-next-line <rule>` above `line` (0-based), with the line's indentation; an
 * existing such comment with a rule list on the line above gets the rule added instead (as
 * vscode-eslint does). A comment without a list already disables every rule.
 */
export function disableNextLineEdit(doc: TextDocument, line: number, ruleId: string): TextEdit {
  if (line > 0) {
    const above = lineText(doc, line - 1);
    const m = NEXT_LINE.exec(above);
    if (m) {
      // the rule list ends where ` -- reason` starts (directives.ts splitReason)
      const reasonAt = m[2].indexOf(' -- ');
      const list = (reasonAt === -1 ? m[2] : m[2].slice(0, reasonAt)).trimEnd();
      const rules = list.split(',').map((r) => r.trim()).filter(Boolean);
      if (rules.length && !rules.includes(ruleId)) return TextEdit.insert({line: line - 1, character: m[1].length + list.length}, `, ${ruleId}`);
    }
  }
  const indent = /^[ \t]*/.exec(lineText(doc, line))![0];
  return TextEdit.insert({line, character: 0}, `${indent}# vmxlint-disable-next-line ${ruleId}${eolOf(doc.getText())}`);
}

const ENTRY_LINE = /^\s*[^#\s=][^=]*=[^#]*$/;
const TRAILING_DISABLE = /#\s*vmxlint-disable-line(?=\s|$)(.*)$/;

/**
 * A problem about the whole file sits on line 1, where no comment line can precede it: the
 * directive that reaches it is a trailing `# vmxlint-disable-line <rule>` on line 1, which must
 * then be an entry (without another trailing comment). Undefined when line 1 cannot take one.
 */
export function disableFileLevelEdit(doc: TextDocument, ruleId: string): TextEdit | undefined {
  const first = lineText(doc, 0);
  const existing = TRAILING_DISABLE.exec(first);
  if (existing) {
    const reasonAt = existing[1].indexOf(' -- ');
    const list = (reasonAt === -1 ? existing[1] : existing[1].slice(0, reasonAt)).trimEnd();
    const rules = list.split(',').map((r) => r.trim()).filter(Boolean);
    if (!rules.length || rules.includes(ruleId)) return undefined;
    return TextEdit.insert({line: 0, character: existing.index + existing[0].length - existing[1].length + list.length}, `, ${ruleId}`);
  }
  if (!ENTRY_LINE.test(first)) return undefined;
  return TextEdit.insert({line: 0, character: first.trimEnd().length}, ` # vmxlint-disable-line ${ruleId}`);
}

const CONTEXT_COMMENT = /^\s*#\s*vmxlint\s+\S+=/;
const ENCODING_LINE = /^\uFEFF?\s*\.encoding\s*=/i;

/**
 * Insert the file's nested context as `# vmxlint name=value …`: appended to an existing
 * `# vmxlint …` context comment, else as a new line at the top (after a `.encoding` first line,
 * which must stay first).
 */
export function contextCommentEdit(doc: TextDocument, pairs: string): TextEdit {
  for (let line = 0; line < doc.lineCount; line++) {
    const text = lineText(doc, line);
    if (!CONTEXT_COMMENT.test(text)) continue;
    const reason = text.indexOf(' -- ');
    const at = reason === -1 ? text.trimEnd().length : reason;
    return TextEdit.insert({line, character: at}, ` ${pairs}`);
  }
  const eol = eolOf(doc.getText());
  const first = doc.lineCount > 0 ? lineText(doc, 0) : '';
  if (ENCODING_LINE.test(first)) {
    // a one-line file without a final newline: the comment goes after a new line ending
    if (doc.lineCount === 1) return TextEdit.insert({line: 0, character: first.length}, `${eol}# vmxlint ${pairs}`);
    return TextEdit.insert({line: 1, character: 0}, `# vmxlint ${pairs}${eol}`);
  }
  return TextEdit.insert({line: 0, character: 0}, `# vmxlint ${pairs}${eol}`);
}
