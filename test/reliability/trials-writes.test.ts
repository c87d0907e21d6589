/**
 * docs/reliability.md, "Files destroyed or written without being asked": each case of
 * ../shared/reliability-trials.md (R-numbers) as it was reported, through the built CLI.
 * Every test checks the bytes on disk after the run, not only the exit code.
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {ensureBuilt, removeDir, runCli, tempDir} from './helpers.js';

let dir: string;
beforeAll(async () => {
  await ensureBuilt();
  dir = tempDir('trials-writes');
}, 180_000);
afterAll(() => removeDir(dir));

let n = 0;
/** A fresh sub-directory of the test's temp dir holding `files`. */
function project(files: Record<string, string | Buffer>): string {
  const d = path.join(dir, `p${n++}`);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(d, name)), {recursive: true});
    fs.writeFileSync(path.join(d, name), content);
  }
  return d;
}
const bytes = (d: string, name: string) => fs.readFileSync(path.join(d, name));
const latin1 = (s: string) => Buffer.from(s, 'latin1');
const NO_CONFIG = ['--no-config-lookup'];

describe('R1, R2, R26: only text encodings that read ASCII as ASCII', () => {
  it('R1: `.encoding = "base64"` is refused by --fix, exit 2, bytes untouched', async () => {
    const original = '.encoding = "base64"\nethernet0.present = "TRUE"\nguestOS = "ubuntu-64"\n';
    const d = project({'t.vmx': original});
    const r = await runCli([...NO_CONFIG, '--fix', 't.vmx'], {cwd: d});
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('vmxlint: t.vmx: unsupported `.encoding` "base64": not a text encoding a .vmx can be in (UTF-8 or a legacy code page that reads ASCII as ASCII): vmxlint cannot read this file safely\n');
    expect(bytes(d, 't.vmx').toString('latin1')).toBe(original);
  });

  it.each(['hex', 'UTF-16LE', 'UTF-16', 'UTF-16BE', 'ucs2', 'utf7', 'cesu8'])('R2: `.encoding = "%s"` with a context that adds a line: refused, exit 2, bytes untouched', async (name) => {
    const original = `.encoding = "${name}"\nethernet0.present = "TRUE"\nguestOS = "ubuntu-64"\n`;
    const d = project({'u.vmx': original});
    const r = await runCli([...NO_CONFIG, '--role', 'outer', '--host', 'esx-3.0', '--cpu', 'intel', '--fix', 'u.vmx'], {cwd: d});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^vmxlint: u\\.vmx: unsupported \`\\.encoding\` "${name}": .*\\n$`));
    expect(bytes(d, 'u.vmx').toString('latin1')).toBe(original);
  });

  it.each(['u.t.f-8', 'h-e-x', 'B.A.S.E.6.4', '\xef\xbb\xbfutf-8', 'windows-936-\xc2\xa02000', 'klingon-8'])('R1: a name iconv accepts only without its punctuation (%j) is unknown', async (name) => {
    const original = latin1(`.encoding = "${name}"\nethernet0.present = "yes"\n`);
    const d = project({'n.vmx': original});
    const r = await runCli([...NO_CONFIG, '--fix', 'n.vmx'], {cwd: d});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vmxlint: n\.vmx: (?:unknown|unsupported) `\.encoding` ".*": .*vmxlint cannot read this file safely\n$/);
    expect(bytes(d, 'n.vmx')).toEqual(original);
  });

  it('R26: a hex or UTF-16 declaration is refused, not linted as garbage (files and --stdin)', async () => {
    const d = project({'h.vmx': '.encoding = "hex"\nguestOS = "other"\n'});
    const file = await runCli([...NO_CONFIG, '-f', 'json', 'h.vmx'], {cwd: d});
    expect(file.code).toBe(2);
    const [result] = JSON.parse(file.stdout) as Array<{messages: Array<{fatal?: boolean; message: string}>}>;
    expect(result.messages).toEqual([expect.objectContaining({fatal: true, message: expect.stringMatching(/^unsupported `\.encoding` "hex"/)})]);
    const stdin = await runCli(['--stdin', ...NO_CONFIG, '-f', 'json'], {cwd: d, input: '.encoding = "UTF-16LE"\nguestOS = "other"\n'});
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toMatch(/^vmxlint: <stdin>: unsupported `\.encoding` "UTF-16LE"/);
  });

  it('the 8-bit encodings VMware writes still read and fix (windows-1252, Shift_JIS, latin1, us-ascii)', async () => {
    for (const name of ['windows-1252', 'Shift_JIS', 'latin1', 'us-ascii', 'ISO-8859-2', 'KOI8-R']) {
      const d = project({'ok.vmx': `.encoding = "${name}"\nethernet0.present = "yes"\n`});
      const r = await runCli([...NO_CONFIG, '--fix', 'ok.vmx'], {cwd: d});
      expect([name, r.stderr]).toEqual([name, '']);
      expect(bytes(d, 'ok.vmx').toString('latin1')).toBe(`.encoding = "${name}"\nethernet0.present = "TRUE"\n`);
    }
  });
});

describe('R3, R8, R24, R25: one reading of the declaration', () => {
  it('R3: a UTF-8 BOM before a windows-1251 declaration is a BOM: no-bom removes those 3 bytes, nothing else changes', async () => {
    const original = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), latin1('.encoding = "windows-1251"\nannotation = "\xcf\xf0\xe8\xe2\xe5\xf2"\nethernet0.present = "yes"\n')]);
    const d = project({'ru.vmx': original});
    const lint = await runCli([...NO_CONFIG, '-f', 'json', 'ru.vmx'], {cwd: d});
    const ids = (JSON.parse(lint.stdout) as Array<{messages: Array<{ruleId: string}>}>)[0].messages.map((m) => m.ruleId);
    expect(ids).toContain('no-bom');
    expect(ids).not.toContain('encoding-declared'); // the declaration is seen
    const r = await runCli([...NO_CONFIG, '--fix', 'ru.vmx'], {cwd: d});
    expect(r.code).toBe(0);
    expect(bytes(d, 'ru.vmx')).toEqual(latin1('.encoding = "windows-1251"\nannotation = "\xcf\xf0\xe8\xe2\xe5\xf2"\nethernet0.present = "TRUE"\n'));
    const again = await runCli([...NO_CONFIG, '--fix-dry-run', '-f', 'diff', 'ru.vmx'], {cwd: d});
    expect(again.stdout).toBe(''); // idempotent
  });

  it('R3: with `no-bom` off, --fix keeps the BOM and the code page: only the named line changes', async () => {
    const original = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), latin1('.encoding = "ISO-8859-2"\nannotation = "\xb1\xea"\nethernet0.present = "yes"\n')]);
    const d = project({'pl.vmx': original});
    const r = await runCli([...NO_CONFIG, '--rule', 'no-bom: off', '--fix', 'pl.vmx'], {cwd: d});
    expect(r.code).toBe(0);
    expect(bytes(d, 'pl.vmx')).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), latin1('.encoding = "ISO-8859-2"\nannotation = "\xb1\xea"\nethernet0.present = "TRUE"\n')]));
  });

  it('R8: an invalid first `.encoding` line declares nothing; the valid later one is the reading (and these bytes are not UTF-8): refused, untouched', async () => {
    const original = latin1('annotation = "caf\xe9"\n.encoding = "windows-1252" junk\n.encoding = "UTF-8"\nguestOS = "other"\n');
    const d = project({'c.vmx': original});
    const r = await runCli([...NO_CONFIG, '--fix', 'c.vmx'], {cwd: d});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vmxlint: c\.vmx: bytes invalid in the declared encoding UTF-8 at line 1/);
    expect(bytes(d, 'c.vmx')).toEqual(original);
  });

  it('R8: moving a later valid declaration to the top never transcodes the file', async () => {
    const original = latin1('annotation = "caf\xe9"\n.encoding = "windows-1252" junk\n.encoding = "windows-1252"\nguestOS = "other"\n');
    const d = project({'m.vmx': original});
    await runCli([...NO_CONFIG, '--fix', 'm.vmx'], {cwd: d});
    const after = bytes(d, 'm.vmx').toString('latin1');
    expect(after).toContain('annotation = "caf\xe9"\n'); // still one windows-1252 byte
    expect(after.startsWith('.encoding = "windows-1252"\n')).toBe(true);
  });

  it.each([
    ['a stray quote', latin1('.encoding = UTF-8"\nethernet0.present = "yes"\n')],
    ['a BOM inside the value', latin1('.encoding = "\xef\xbb\xbfutf-8"\nethernet0.present = "yes"\n')],
    ['an NBSP inside the value', latin1('.encoding = "windows-936-\xc2\xa02000"\nethernet0.present = "yes"\n')],
  ])('R24: %s: --fix, --fix-dry-run and -f diff agree (nothing proposed that --fix refuses)', async (_name, original) => {
    const d = project({'q.vmx': original});
    const fix = await runCli([...NO_CONFIG, '--fix', 'q.vmx'], {cwd: d});
    expect(fix.code).toBe(2);
    expect(bytes(d, 'q.vmx')).toEqual(original);
    const diff = await runCli([...NO_CONFIG, '-f', 'diff', 'q.vmx'], {cwd: d});
    expect(diff.stdout).toBe('');
    expect(diff.code).toBe(2);
    const dry = await runCli([...NO_CONFIG, '--fix-dry-run', '-f', 'json', 'q.vmx'], {cwd: d});
    expect((JSON.parse(dry.stdout) as Array<{output?: string}>)[0].output).toBeUndefined();
  });

  it('R25: the patch of a windows-1252 file with a BOM is in windows-1252 and git apply gives what --fix writes', async () => {
    const original = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), latin1('.encoding = "windows-1252"\nannotation = "caf\xe9"\nethernet0.present = "yes"\n')]);
    const d = project({'w.vmx': original, 'fixed/w.vmx': original});
    let git = true;
    try {
      execFileSync('git', ['init', '-q', '.'], {cwd: d});
    } catch {
      git = false;
    }
    const diff = await runCli([...NO_CONFIG, '-f', 'diff', 'w.vmx'], {cwd: d});
    // the hunks in windows-1252 (one byte E9), the BOM as its three bytes
    expect(diff.raw.includes(latin1(' annotation = "caf\xe9"\n'))).toBe(true);
    expect(diff.raw.includes(latin1('-\xef\xbb\xbf.encoding = "windows-1252"\n')) || diff.raw.includes(latin1(' \xef\xbb\xbf.encoding = "windows-1252"\n'))).toBe(true);
    await runCli([...NO_CONFIG, '--fix', 'w.vmx'], {cwd: path.join(d, 'fixed')});
    if (!git) {
      process.stderr.write('R25: git not found: git apply not checked\n');
      return;
    }
    fs.writeFileSync(path.join(d, 'p.patch'), diff.raw);
    execFileSync('git', ['apply', 'p.patch'], {cwd: d});
    expect(bytes(d, 'w.vmx')).toEqual(bytes(path.join(d, 'fixed'), 'w.vmx'));
  });
});
