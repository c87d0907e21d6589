/**
 * `.vmx` highlighting for CodeMirror 6: a StreamLanguage (the format is one line per entry, so a
 * line tokenizer is the whole grammar; see ../shared/vmx-syntax.md "Lines" and "Escapes").
 * Keys, `=`, quoted and unquoted values with their `|XX` escapes, comments, `# vmxlint …`
 * directives (and the shebang), and text the format does not allow.
 */
import {HighlightStyle, StreamLanguage, syntaxHighlighting, type StringStream} from '@codemirror/language';
import {tags as t} from '@lezer/highlight';
import type {Extension} from '@codemirror/state';

type Where = 'start' | 'key' | 'value' | 'string' | 'end';
interface State {
  where: Where;
}

const DIRECTIVE = /^#\s*vmxlint(?:-(?:disable|enable)(?:-next-line|-line)?)?(?=\s|$)/;

/** One token; the state says where on the line the stream is. */
function token(stream: StringStream, state: State): string | null {
  if (stream.sol()) state.where = 'start';
  if (state.where === 'string') {
    if (stream.match(/^\|[0-9A-Fa-f]{2}/)) return 'escape';
    if (stream.eat('"')) {
      state.where = 'end';
      return 'string';
    }
    stream.match(/^[^"|]+/) || stream.next();
    return 'string';
  }
  if (stream.eatSpace()) return null;
  if (stream.peek() === '#') {
    const directive = state.where === 'start' && (stream.match(DIRECTIVE, false) || stream.match('#!', false));
    stream.skipToEnd();
    return directive ? 'meta' : 'comment';
  }
  switch (state.where) {
    case 'start':
      if (stream.match(/^[^\s#=]+/)) {
        state.where = 'key';
        return 'propertyName';
      }
      stream.skipToEnd();
      return 'invalid';
    case 'key':
      if (stream.eat('=')) {
        state.where = 'value';
        return 'operator';
      }
      stream.skipToEnd();
      return 'invalid';
    case 'value':
      if (stream.eat('"')) {
        state.where = 'string';
        return 'string';
      }
      state.where = 'end';
      stream.match(/^[^\s#]+/);
      return 'string.special';
    default:
      stream.skipToEnd();
      return 'invalid';
  }
}

export const vmxLanguage = StreamLanguage.define<State>({
  name: 'vmx',
  startState: () => ({where: 'start'}),
  token,
  languageData: {commentTokens: {line: '#'}},
});

const style = HighlightStyle.define([
  {tag: t.propertyName, color: '#1f4e99'},
  {tag: t.operator, color: '#6b6b6b'},
  {tag: t.string, color: '#2a7a2a'},
  {tag: t.special(t.string), color: '#8a5a00'},
  {tag: t.escape, color: '#b5317f', fontWeight: 'bold'},
  {tag: t.comment, color: '#707070', fontStyle: 'italic'},
  {tag: t.meta, color: '#7a3fb0', fontWeight: 'bold'},
  {tag: t.invalid, color: '#c00', textDecoration: 'underline wavy'},
]);

/** The language and its colours. */
export function vmx(): Extension {
  return [vmxLanguage, syntaxHighlighting(style)];
}
