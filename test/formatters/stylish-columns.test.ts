/**
 * The stylish rows have ESLint's columns: place, severity, text, rule id -- no source column (it was
 * `vmxlint` on every row), and a text wider than MESSAGE_WIDTH overflows its own row only, instead of
 * padding every row of the file to its width (752 characters were seen).
 */
import {describe, expect, it} from '@jest/globals';
import path from 'node:path';
import type {LintMessage, LintResult} from '../../src/engine/types.js';
import {buildResult} from '../../src/engine/linter.js';
import {format, MESSAGE_WIDTH} from '../../src/formatters/stylish.js';

const cwd = path.resolve('/work/proj');
const ctx = {cwd, color: false, version: '0.0.0', rules: []};

const result = (messages: LintMessage[]): LintResult => buildResult(path.join(cwd, 'vm.vmx'), messages, [], '');

const msg = (line: number, message: string, ruleId: string | null = 'no-duplicate-keys'): LintMessage => ({ruleId, severity: 2, message, line, column: 1});

describe('stylish columns', () => {
  it('place, severity, text, rule id; no `vmxlint` column, no trailing spaces', () => {
    const out = format([result([msg(1, 'Duplicate key'), msg(2, 'Bad line', 'no-invalid-lines'), msg(3, 'Cannot read', null)])], ctx);
    expect(out).toBe(
      ['vm.vmx', '1:1 error Duplicate key no-duplicate-keys', '2:1 error Bad line      no-invalid-lines', '3:1 error Cannot read', '', '✖ 3 problems (3 errors, 0 warnings)', ''].join('\n'),
    );
  });

  it('a text wider than MESSAGE_WIDTH does not widen the column: the other rows stay short', () => {
    const long = 'x'.repeat(750);
    const out = format([result([msg(1, 'Duplicate key'), msg(2, long, 'no-invalid-lines'), msg(3, 'Short')])], ctx);
    const rows = out.split('\n').slice(1, 4);
    expect(rows).toEqual(['1:1 error Duplicate key no-duplicate-keys', `2:1 error ${long} no-invalid-lines`, '3:1 error Short         no-duplicate-keys']);
    expect(Math.max(...rows.filter((r) => !r.includes(long)).map((r) => r.length))).toBeLessThan(60);
  });

  it('a text of exactly MESSAGE_WIDTH still sets the column', () => {
    const edge = 'y'.repeat(MESSAGE_WIDTH);
    const rows = format([result([msg(1, edge), msg(2, 'Short')])], ctx).split('\n').slice(1, 3);
    expect(rows).toEqual([`1:1 error ${edge} no-duplicate-keys`, `2:1 error Short${' '.repeat(MESSAGE_WIDTH - 5)} no-duplicate-keys`]);
  });
});
