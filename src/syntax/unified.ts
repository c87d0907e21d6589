/** The parser and compiler as unified plugins. */
import type {Plugin} from 'unified';
import {parse} from './parse.js';
import {stringify} from './stringify.js';
import type {Root} from './types.js';

/** unified parser plugin: `unified().use(vmxParse)` parses .vmx text. */
export const vmxParse: Plugin<[], string, Root> = function vmxParse() {
  // eslint-style: the processor's parser is a plain function of the document text
  this.parser = (document: string) => parse(document);
};

/** unified compiler plugin: `unified().use(vmxStringify)` prints the tree back, losslessly. */
export const vmxStringify: Plugin<[], Root, string> = function vmxStringify() {
  this.compiler = (tree) => stringify(tree as Root);
};
