/** Print a syntax tree back to text: the exact inverse of `parse` for an unmodified tree. */
import type {Line, Root} from './types.js';

/** The text of one line without its line ending. */
export function lineText(node: Line): string {
  switch (node.type) {
    case 'entry': {
      const value = node.quoted ? `"${node.rawValue}"` : node.rawValue;
      return `${node.indent}${node.key}${node.beforeEquals}=${node.afterEquals}${value}${node.trailing}`;
    }
    case 'comment':
      return `${node.indent}#${node.value}`;
    case 'blank':
    case 'invalid':
      return node.value;
  }
}

export function stringify(tree: Root): string {
  let out = tree.bom ? '\uFEFF' : '';
  for (const node of tree.children) out += lineText(node) + node.eol;
  return out;
}
