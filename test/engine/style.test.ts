/** detectStyle: a file's usual line ending, spacing around `=` and quoting, most frequent first seen. */
import {describe, expect, it} from '@jest/globals';
import fc from 'fast-check';
import {detectStyle} from '../../src/engine/fixer.js';
import {parse} from '../../src/syntax/parse.js';
import type {Root} from '../../src/syntax/types.js';

/** The plain reading: lists of what each line uses, then the most frequent (first seen on a tie). */
function reference(tree: Root) {
  const mostCommon = <T>(values: T[], fallback: T): T => {
    const counts = new Map<T, number>();
    let best = fallback;
    let bestCount = 0;
    for (const v of values) {
      const c = (counts.get(v) ?? 0) + 1;
      counts.set(v, c);
      if (c > bestCount) [best, bestCount] = [v, c];
    }
    return best;
  };
  const eols: string[] = [];
  const spacing: string[] = [];
  const quoted: boolean[] = [];
  for (const n of tree.children) {
    if (n.eol) eols.push(n.eol);
    if (n.type === 'entry') {
      spacing.push(`${n.beforeEquals}=${n.afterEquals}`);
      if (n.rawValue !== '') quoted.push(n.quoted);
    }
  }
  const [beforeEquals, afterEquals] = mostCommon(spacing, ' = ').split('=');
  return {eol: mostCommon(eols, '\n'), beforeEquals, afterEquals, quote: quoted.filter(Boolean).length * 2 >= quoted.length};
}

describe('detectStyle', () => {
  it('reads the usual style of a file', () => {
    expect(detectStyle(parse('a = "1"\r\nb = "2"\r\nc=3\n'))).toEqual({eol: '\r\n', beforeEquals: ' ', afterEquals: ' ', quote: true});
    expect(detectStyle(parse('a=1\nb=2\nc = "3"'))).toEqual({eol: '\n', beforeEquals: '', afterEquals: '', quote: false});
    expect(detectStyle(parse(''))).toEqual({eol: '\n', beforeEquals: ' ', afterEquals: ' ', quote: true});
  });

  it('agrees with the plain reading on generated files (ties: first seen wins)', () => {
    const line = fc.record({
      kind: fc.constantFrom('entry', 'entry', 'entry', 'comment', 'blank'),
      before: fc.constantFrom('', ' ', '\t', '  '),
      after: fc.constantFrom('', ' ', '\t '),
      value: fc.constantFrom('"x"', 'y', '""', '', '"TRUE"'),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
    });
    fc.assert(
      fc.property(fc.array(line, {maxLength: 12}), fc.boolean(), (lines, finalEol) => {
        const text = lines
          .map((l, i) => {
            const body = l.kind === 'entry' ? `k${i}${l.before}=${l.after}${l.value}` : l.kind === 'comment' ? '# c' : '';
            return body + (i < lines.length - 1 || finalEol ? l.eol : '');
          })
          .join('');
        const tree = parse(text);
        expect(detectStyle(tree)).toEqual(reference(tree));
      }),
      {numRuns: 1000},
    );
  });
});
