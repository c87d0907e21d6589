/** lintFiles with `write`: what gets written (encoding, BOM, line endings) and what never is. */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {lintFiles} from '../../src/runner/lint-files.js';
import {decode, encodeForWrite, findDeclaredEncoding} from '../../src/syntax/encoding.js';
import {removeDir, tempDir} from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('fixwrite');
  // only the duplicate-key fix, so that other rules' fixes cannot change what these tests expect
  fs.writeFileSync(path.join(dir, 'vmxlint.config.json'), JSON.stringify([{rules: {'no-duplicate-keys': 'error'}}]));
});
afterAll(() => removeDir(dir));

function put(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), {recursive: true});
  fs.writeFileSync(file, content);
  return file;
}
const statNs = (f: string) => fs.statSync(f, {bigint: true});

describe('what --fix writes', () => {
  it('keeps windows-1252 bytes, CRLF line ends and the file encoding', async () => {
    const original = Buffer.from('.encoding = "windows-1252"\r\ndisplayName = "Caf\xe9 \x80"\r\nnumvcpus = "2"\r\nnumvcpus = "2"\r\n', 'latin1');
    const file = put('cp1252.vmx', original);
    const [r] = await lintFiles([file], {cwd: dir, write: true, fix: true});
    expect(r.fatalErrorCount).toBe(0);
    const written = fs.readFileSync(file);
    expect(written.toString('latin1')).toBe('.encoding = "windows-1252"\r\ndisplayName = "Caf\xe9 \x80"\r\nnumvcpus = "2"\r\n');
    expect(decode(written).text).toBe('.encoding = "windows-1252"\r\ndisplayName = "Café €"\r\nnumvcpus = "2"\r\n');
  });

  it('keeps a UTF-8 BOM and lone-CR line ends', async () => {
    const file = put('bom.vmx', '\uFEFF.encoding = "UTF-8"\rannotation = "ü"\ra = "1"\ra = "1"\r');
    await lintFiles([file], {cwd: dir, write: true, fix: true});
    expect(fs.readFileSync(file)).toEqual(Buffer.from('\uFEFF.encoding = "UTF-8"\rannotation = "ü"\ra = "1"\r'));
  });

  it('fixes a symlink named on the command line at its target, across directories', async () => {
    const target = put('elsewhere/real.vmx', 'a = "1"\na = "1"\n');
    const link = path.join(dir, 'links', 'vm.vmx');
    fs.mkdirSync(path.dirname(link), {recursive: true});
    fs.symlinkSync('../elsewhere/real.vmx', link);
    await lintFiles([link], {cwd: dir, write: true, fix: true});
    expect(fs.readFileSync(target, 'utf8')).toBe('a = "1"\n');
    expect(fs.readlinkSync(link)).toBe('../elsewhere/real.vmx');
    expect(fs.readdirSync(path.dirname(link))).toEqual(['vm.vmx']);
  });

  it('does not write a file whose fix changes nothing (same inode, same mtime)', async () => {
    const file = put('clean.vmx', '.encoding = "UTF-8"\nnumvcpus = "2"\n');
    const before = statNs(file);
    const [r] = await lintFiles([file], {cwd: dir, write: true, fix: true});
    expect(r.output).toBeUndefined();
    const after = statNs(file);
    expect([after.ino, after.mtimeNs, after.ctimeNs]).toEqual([before.ino, before.mtimeNs, before.ctimeNs]);
  });

  it('never writes a file with undecodable bytes, even when it has fixable problems', async () => {
    const original = Buffer.concat([Buffer.from('.encoding = "UTF-8"\na = "1"\na = "1"\nb = "'), Buffer.from([0xc3, 0x28]), Buffer.from('"\n')]);
    const file = put('bad-utf8.vmx', original);
    const [r] = await lintFiles([file], {cwd: dir, write: true, fix: true});
    expect(r.messages).toEqual([expect.objectContaining({fatal: true, line: 4, column: 6, message: 'bytes invalid in the declared encoding UTF-8 at line 4, column 6: refusing to read or rewrite this file'})]);
    expect(fs.readFileSync(file)).toEqual(original);
  });

  it('never writes a binary file (NUL bytes)', async () => {
    const original = Buffer.from('a = "1"\na = "1"\n\0\0\0');
    const file = put('binary.vmx', original);
    const [r] = await lintFiles([file], {cwd: dir, write: true, fix: true});
    expect(r.messages[0].message).toBe('binary file: NUL byte at line 3, column 1; not a .vmx text file');
    expect(fs.readFileSync(file)).toEqual(original);
  });

  it('never writes a file on which a rule crashed, and still fixes the next file', async () => {
    put(
      'crash/vmxlint.config.mjs',
      `export default [{rules: {'no-duplicate-keys': 'error', 'p/boom': 'error'}, plugins: {p: {rules: {boom: {
        meta: {type: 'problem', docs: {description: 'x'}, messages: {m: 'x'}},
        create: () => ({entry(n) { if (n.key === 'trigger') throw new Error('kaboom'); }}),
      }}}}}];\n`,
    );
    const crashing = put('crash/a.vmx', 'a = "1"\na = "1"\ntrigger = "x"\n');
    const fine = put('crash/b.vmx', 'a = "1"\na = "1"\n');
    const [ra, rb] = await lintFiles([crashing, fine], {cwd: dir, write: true, fix: true});
    expect(ra.messages.find((m) => m.fatal)?.message).toMatch(/^Rule `p\/boom` crashed on .*a\.vmx: kaboom$/);
    expect(fs.readFileSync(crashing, 'utf8')).toBe('a = "1"\na = "1"\ntrigger = "x"\n');
    expect(rb.fatalErrorCount).toBe(0);
    expect(fs.readFileSync(fine, 'utf8')).toBe('a = "1"\n');
  });

  it('refuses to write a fix the file encoding cannot hold, and reports the unfixed problems', async () => {
    put(
      'cjk/vmxlint.config.mjs',
      `export default [{rules: {'no-duplicate-keys': 'error', 'p/cjk': 'error'}, plugins: {p: {rules: {cjk: {
        meta: {type: 'problem', fixable: 'code', docs: {description: 'x'}, messages: {m: 'not CJK'}},
        create: (context) => ({entry(n) { if (n.key === 'displayName' && n.value !== '中') context.report({node: n, messageId: 'm', fix: (f) => f.setValue(n, '中')}); }}),
      }}}}}];\n`,
    );
    const original = Buffer.from('.encoding = "windows-1252"\ndisplayName = "x"\na = "1"\na = "1"\n', 'latin1');
    const file = put('cjk/vm.vmx', original);
    const [r] = await lintFiles([file], {cwd: dir, write: true, fix: true});
    expect(r.messages.map((m) => m.message)).toEqual([
      'text contains characters that windows-1252 cannot encode',
      'not CJK',
      expect.stringMatching(/^Duplicate key `a`/),
    ]);
    expect(r.output).toBeUndefined();
    expect(fs.readFileSync(file)).toEqual(original);
  });
});

describe('encodeForWrite', () => {
  it('writes in the encoding the fixed text declares, proven by decoding back', () => {
    expect(Buffer.from(encodeForWrite('.encoding = "windows-1252"\na = "é"\n')).toString('latin1')).toBe('.encoding = "windows-1252"\na = "\xe9"\n');
    expect(Buffer.from(encodeForWrite('.encoding = "UTF-8"\na = "é"\n')).toString('latin1')).toBe('.encoding = "UTF-8"\na = "\xc3\xa9"\n');
    expect(Buffer.from(encodeForWrite('a = "é"\n')).toString('latin1')).toBe('a = "\xc3\xa9"\n');
    // behind a BOM, line 1's declaration counts (as decode reads it), not a later one
    expect(Buffer.from(encodeForWrite('\uFEFF.encoding = "UTF-8"\na = "é"\n.encoding = "windows-1252"\n')).toString('latin1')).toBe(
      '\xef\xbb\xbf.encoding = "UTF-8"\na = "\xc3\xa9"\n.encoding = "windows-1252"\n',
    );
    expect(Buffer.from(encodeForWrite('\xef\xbb\xbf.encoding = "windows-1252"\na = "é"\n')).toString('latin1')).toBe('\xef\xbb\xbf.encoding = "windows-1252"\na = "\xe9"\n');
  });
  it('refuses text that would not read back the same', () => {
    expect(() => encodeForWrite('a = "\uD800"\n')).toThrow('text contains a lone UTF-16 surrogate that UTF-8 cannot encode');
    expect(() => encodeForWrite('.encoding = "Shift_JIS"\na = "€"\n')).toThrow('text contains characters that Shift_JIS cannot encode');
    expect(() => encodeForWrite('.encoding = "UTF-8"\na = "\0"\n')).toThrow(/would not read back cleanly \(binary file: NUL byte at line 2, column 6/);
  });
  it('finds a declaration that straddles the 4 KiB scan prefix', () => {
    const text = `# ${'x'.repeat(4070)}\n.encoding = "windows-1252"\n`;
    expect(text.indexOf('windows-1252')).toBeLessThan(4096);
    expect(text.indexOf('windows-1252') + 12).toBeGreaterThan(4096);
    expect(findDeclaredEncoding(Buffer.from(text))).toBe('windows-1252');
  });
});
