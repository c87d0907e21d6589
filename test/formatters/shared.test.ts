import {describe, expect, it} from '@jest/globals';
import path from 'node:path';
import fc from 'fast-check';
import {relativePath} from '../../src/formatters/shared.js';

/** What relativePath computed before its fast path for plain paths under cwd. */
function slowRelative(cwd: string, filePath: string): string {
  if (filePath.startsWith('<') && filePath.endsWith('>')) return filePath;
  const rel = path.relative(cwd, path.resolve(cwd, filePath));
  return rel === '' ? path.basename(filePath) : rel;
}

const segment = fc.constantFrom('a', 'vm 1.vmx', 'é', '.', '..', '', '.x', '..y', 'b.', 'team-1', '\\');
const relative = fc.array(segment, {maxLength: 5}).map((parts) => parts.join('/'));

describe('relativePath', () => {
  it('gives what path.relative gives, for paths in, under, above and beside cwd (and its fast path changes nothing)', () => {
    const cwds = ['/work/proj', '/', '/work/proj/', '/work/./proj', '/a', 'rel/dir'];
    fc.assert(
      fc.property(fc.constantFrom(...cwds), relative, fc.constantFrom('', '/', '/work/proj/', '/work/pro', '/a', '/work/', '/work/proj/sub/'), (cwdRaw, rel, lead) => {
        // FormatContext.cwd is absolute; a relative or unnormalized one must still answer as before
        const filePath = lead + rel;
        if (filePath === '') return;
        expect(relativePath(cwdRaw, filePath)).toBe(slowRelative(cwdRaw, filePath));
      }),
      {numRuns: 5000},
    );
  });

  it('keeps pseudo paths and answers a plain file under cwd by slicing', () => {
    expect(relativePath('/work/proj', '<stdin>')).toBe('<stdin>');
    expect(relativePath('/work/proj', '/work/proj/vms/a.vmx')).toBe(path.join('vms', 'a.vmx'));
    expect(relativePath('/work/proj', '/work/proj')).toBe('proj');
    expect(relativePath('/work/proj', '/work/projects/a.vmx')).toBe(path.join('..', 'projects', 'a.vmx'));
    expect(relativePath('/work/proj', '/other/a.vmx')).toBe(path.join('..', '..', 'other', 'a.vmx'));
    expect(relativePath('/work/proj', '/work')).toBe('..');
    expect(relativePath('/work/proj', '/')).toBe(path.join('..', '..'));
  });
});
