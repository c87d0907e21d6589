/**
 * The CodeMirror 6 editor: `.vmx` highlighting, the lint gutter, and text that keeps the file's own
 * line endings. CodeMirror counts a line break as one position whatever it is, so the editor is told
 * the file's line break (`EditorState.lineSeparator`): `sliceDoc()` then gives back the file's exact
 * text, and pasted text gets the same line breaks. Positions are converted between the text's
 * UTF-16 offsets (what vmxlint reports) and the editor's.
 */
import {history, defaultKeymap, historyKeymap} from '@codemirror/commands';
import {lintGutter, lintKeymap, setDiagnostics, type Diagnostic} from '@codemirror/lint';
import {EditorState, type Extension} from '@codemirror/state';
import {drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers} from '@codemirror/view';
import {vmx} from './vmx-language.js';

/** The line break a text mostly uses (LF when it has none). */
export function lineBreakOf(text: string): '\n' | '\r\n' | '\r' {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  return crlf > lf && crlf >= cr ? '\r\n' : cr > lf ? '\r' : '\n';
}

export interface EditorOptions {
  parent: HTMLElement;
  onChange: () => void;
}

/** A new editor state for a text: its line breaks, the language, the gutter, history. */
function stateFor(text: string, onChange: () => void): EditorState {
  const extensions: Extension[] = [
    EditorState.lineSeparator.of(lineBreakOf(text)),
    EditorView.clipboardInputFilter.of((pasted, state) => pasted.replace(/\r\n?|\n/g, state.lineBreak)),
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    highlightActiveLine(),
    lintGutter(),
    vmx(),
    keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({'aria-label': '.vmx text', 'data-testid': 'editor'}),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) onChange();
    }),
  ];
  return EditorState.create({doc: text, extensions});
}

export function createEditor({parent, onChange}: EditorOptions) {
  const view = new EditorView({parent, state: stateFor('', onChange)});
  const api = {
    view,
    /** The exact text, with the file's line breaks. */
    text: () => view.state.sliceDoc(),
    /** Replace everything (a file opened, a link restored): a new state, so undo starts afresh. */
    load(text: string) {
      view.setState(stateFor(text, onChange));
      onChange();
    },
    /** Change the text to `next` with the smallest edit (Fix, Fix all): one undoable step. */
    update(next: string) {
      const prev = api.text();
      if (next === prev) return;
      let start = 0;
      const max = Math.min(prev.length, next.length);
      while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
      let end = 0;
      while (end < max - start && prev.charCodeAt(prev.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
      // never split a CRLF pair between the kept and the changed part
      if (start > 0 && prev[start - 1] === '\r') start--;
      if (end > 0 && prev[prev.length - end] === '\n' && prev[prev.length - end - 1] === '\r') end--;
      view.dispatch({
        changes: {from: api.posAt(start), to: api.posAt(prev.length - end), insert: next.slice(start, next.length - end)},
        userEvent: 'input.fix',
        scrollIntoView: true,
      });
    },
    /** Editor position of a UTF-16 offset in `text()`. */
    posAt(offset: number): number {
      const extra = view.state.lineBreak.length - 1;
      if (extra === 0) return Math.min(offset, view.state.doc.length);
      const doc = view.state.doc;
      // the last line whose start (as a text offset) is at or before `offset`
      let lo = 1;
      let hi = doc.lines;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (doc.line(mid).from + extra * (mid - 1) <= offset) lo = mid;
        else hi = mid - 1;
      }
      const line = doc.line(lo);
      return Math.min(offset - extra * (lo - 1), line.to);
    },
    /** Show these problems in the text and the gutter. */
    showDiagnostics(diagnostics: Diagnostic[]) {
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    /** Put the cursor at a text offset and bring it into view. */
    reveal(offset: number) {
      const pos = api.posAt(offset);
      view.dispatch({selection: {anchor: pos}, scrollIntoView: true});
      view.focus();
    },
  };
  return api;
}

export type Editor = ReturnType<typeof createEditor>;

/** UTF-16 offsets where each line starts, counting LF, CRLF and a lone CR as vmxlint does. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** The text offset of a 1-based line and column, kept inside that line. */
export function offsetOf(text: string, starts: number[], line: number, column: number): number {
  const start = starts[Math.min(line, starts.length) - 1];
  let end = line < starts.length ? starts[line] - 1 : text.length;
  if (end > start && text[end - 1] === '\r' && text[end] === '\n') end--;
  return Math.min(start + Math.max(column, 1) - 1, end);
}
