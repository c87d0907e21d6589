/**
 * Lossless .vmx parser: text → syntax tree, one node per line. Never throws on text:
 * a line that cannot be read becomes an `invalid` node.
 */
import {unescapeValue} from './escape.js';
import type {Position} from 'unist';
import type {Eol, Line, Root} from './types.js';

const SPACE = 0x20;
const TAB = 0x09;
const HASH = 0x23;
const EQ = 0x3d;
const QUOTE = 0x22;

/** Index of the first character at or after `i` that is not a space or tab (up to `end`). */
function skipWs(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB) break;
    i++;
  }
  return i;
}

/**
 * Parse one line (`start`..`end`, without its line ending `eol`) into a node. Each node is built
 * in one object literal, position included, and nothing is sliced that the node does not keep:
 * the parser allocates only what the tree holds (it runs once per file and fix pass).
 */
function parseLine(text: string, start: number, end: number, eol: Eol, lineNo: number): Line {
  const position = {start: {line: lineNo, column: 1, offset: start}, end: {line: lineNo, column: end - start + 1, offset: end}};
  const i = skipWs(text, start, end);
  const indent = i === start ? '' : text.slice(start, i);
  if (i === end) return {type: 'blank', value: indent, eol, position};
  if (text.charCodeAt(i) === HASH) return {type: 'comment', value: text.slice(i + 1, end), indent, eol, position};
  // key: the longest run of characters that are not space, tab, `#` or `=`
  let k = i;
  while (k < end) {
    const c = text.charCodeAt(k);
    if (c === SPACE || c === TAB || c === HASH || c === EQ) break;
    k++;
  }
  if (k === i) return invalid(text, start, end, eol, position, 'line starts with `=`: no key');
  const key = text.slice(i, k);
  const eqAt = skipWs(text, k, end);
  if (eqAt === end || text.charCodeAt(eqAt) !== EQ) return invalid(text, start, end, eol, position, `expected \`=\` after key \`${key}\``);
  const v = skipWs(text, eqAt + 1, end);
  let rawValue: string;
  let quoted = false;
  let after: number;
  if (v === end || text.charCodeAt(v) === HASH) {
    rawValue = '';
    after = v;
  } else if (text.charCodeAt(v) === QUOTE) {
    const close = text.indexOf('"', v + 1);
    if (close === -1 || close >= end) return invalid(text, start, end, eol, position, `unterminated quoted value for \`${key}\``);
    rawValue = text.slice(v + 1, close);
    quoted = true;
    after = close + 1;
  } else {
    let u = v;
    while (u < end) {
      const c = text.charCodeAt(u);
      if (c === SPACE || c === TAB || c === HASH) break;
      u++;
    }
    rawValue = text.slice(v, u);
    after = u;
  }
  const rest = skipWs(text, after, end);
  if (rest !== end && text.charCodeAt(rest) !== HASH) {
    const reason = quoted ? `unexpected text after the closing quote of \`${key}\`` : `unquoted value of \`${key}\` contains whitespace`;
    return invalid(text, start, end, eol, position, reason);
  }
  return {
    type: 'entry',
    key,
    value: unescapeValue(rawValue),
    rawValue,
    quoted,
    indent,
    beforeEquals: text.slice(k, eqAt),
    afterEquals: text.slice(eqAt + 1, v),
    trailing: after === end ? '' : text.slice(after, end),
    eol,
    position,
  };
}

function invalid(text: string, start: number, end: number, eol: Eol, position: Position, reason: string): Line {
  return {type: 'invalid', value: text.slice(start, end), reason, eol, position};
}

/** Parse .vmx text into a syntax tree. `stringify(parse(text)) === text` for every string. */
export function parse(text: string): Root {
  const bom = text.charCodeAt(0) === 0xfeff;
  const children: Line[] = [];
  const len = text.length;
  let pos = bom ? 1 : 0;
  let lineNo = 1;
  // an empty text (or a lone BOM) has no lines at all
  while (pos < len) {
    let end = pos;
    while (end < len) {
      const c = text.charCodeAt(end);
      if (c === 0x0a || c === 0x0d) break;
      end++;
    }
    let eol: Eol = '';
    if (end < len) {
      if (text.charCodeAt(end) === 0x0d) eol = text.charCodeAt(end + 1) === 0x0a ? '\r\n' : '\r';
      else eol = '\n';
    }
    children.push(parseLine(text, pos, end, eol, lineNo));
    pos = end + eol.length;
    lineNo++;
  }
  const last = children.at(-1);
  const endPoint = last
    ? last.eol === ''
      ? {...last.position.end}
      : {line: lineNo, column: 1, offset: len}
    : {line: 1, column: 1, offset: len};
  return {
    type: 'root',
    bom,
    children,
    position: {start: {line: 1, column: 1, offset: 0}, end: endPoint},
  };
}
