/**
 * The .vmx syntax tree: a unist tree with one node per line.
 * See docs/syntax-tree.md for the full description.
 */
import type {Node, Parent, Position} from 'unist';

/** The line ending that closes a line: `''` only for the last line of a file without a final newline. */
export type Eol = '\n' | '\r\n' | '\r' | '';

interface LineNode extends Node {
  /** The line ending after this line. */
  eol: Eol;
  position: Position;
}

/** `key = value` (value quoted, unquoted or empty), with every raw piece needed to print it back. */
export interface Entry extends LineNode {
  type: 'entry';
  /** The key as written (compare with `keyEquals`, keys are case-insensitive). */
  key: string;
  /** The decoded value (`|22` → `"`). */
  value: string;
  /** The value's raw text as written, without the quotes. */
  rawValue: string;
  /** Whether the value was written in double quotes. */
  quoted: boolean;
  /** Whitespace before the key. */
  indent: string;
  /** Whitespace between key and `=`. */
  beforeEquals: string;
  /** Whitespace between `=` and the value. */
  afterEquals: string;
  /** Whatever follows the value: whitespace and an optional `# comment`. */
  trailing: string;
}

/** A comment line (`# ...`, including a `#!` shebang); `value` is the text after `#`. */
export interface Comment extends LineNode {
  type: 'comment';
  value: string;
  /** Whitespace before `#`. */
  indent: string;
}

/** An empty line or a line of only spaces and tabs; `value` is that whitespace. */
export interface Blank extends LineNode {
  type: 'blank';
  value: string;
}

/** A line that is not `key = value`, a comment nor blank: kept verbatim. */
export interface Invalid extends LineNode {
  type: 'invalid';
  /** The line as written. */
  value: string;
  /** Why it does not parse. */
  reason: string;
}

export type Line = Entry | Comment | Blank | Invalid;

export interface Root extends Parent {
  type: 'root';
  children: Line[];
  /** Whether the text started with a byte-order mark (U+FEFF), kept out of the first line. */
  bom: boolean;
  position: Position;
}

export type VmxNode = Root | Line;
