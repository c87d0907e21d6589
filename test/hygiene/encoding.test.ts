/**
 * encoding-declared and no-bom on real bytes (lintBytes), where the decoder tells the rules how
 * the text was read: `context.encoding` / `context.encodingDeclared`.
 */
import fs from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from '@jest/globals';
import {lintBytes} from '../../src/engine/linter.js';
import {hygieneConfig} from './rules.js';

const lint = (bytes: Buffer, fix = false) => lintBytes(bytes, {filePath: 'vm.vmx', config: hygieneConfig(), fix});
const ids = (bytes: Buffer) => lint(bytes).result.messages.map((m) => `${m.ruleId}/${m.messageId}:${m.line}`);

describe('encoding-declared from bytes', () => {
  it('UTF-8 bytes without .encoding: a warning, fixed by declaring UTF-8 first', () => {
    const bytes = Buffer.from('config.version = "8"\ndisplayName = "Müller"\n', 'utf8');
    const {result} = lint(bytes, true);
    expect(ids(bytes)).toEqual(['encoding-declared/missing:1']);
    expect(result.output).toBe('.encoding = "UTF-8"\nconfig.version = "8"\ndisplayName = "Müller"\n');
  });

  it('bytes decoded with their declared legacy encoding are not second-guessed', () => {
    const cp1252 = Buffer.concat([Buffer.from('.encoding = "windows-1252"\r\ndisplayName = "Caf'), Buffer.from([0xe9]), Buffer.from('"\r\n')]);
    const cp949 = Buffer.concat([Buffer.from('.encoding = "windows-949-2000"\ndisplayName = "'), Buffer.from([0xbd, 0xc7, 0xc7, 0xe0]), Buffer.from('"\n')]);
    expect(lint(cp1252).encoding).toBe('windows-1252');
    expect(ids(cp1252)).toEqual([]);
    expect(lint(cp949).text).toContain('실행');
    expect(ids(cp949)).toEqual([]);
  });

  it('a BOM before .encoding: no-bom fixes it, encoding-declared is satisfied', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('.encoding = "UTF-8"\r\nmemsize = "1024"\r\n')]);
    expect(ids(bytes)).toEqual(['no-bom/bom:1']);
    expect(lint(bytes, true).result.output).toBe('.encoding = "UTF-8"\r\nmemsize = "1024"\r\n');
  });
});

const broken = fileURLToPath(new URL('../../../shared/corpus-broken/', import.meta.url));
const haveBroken = fs.existsSync(broken);
(haveBroken ? describe : describe.skip)(`a file that lies about its encoding${haveBroken ? '' : ' (skipped: ../shared/corpus-broken not found)'}`, () => {
  it('never reaches the rules and is never fixed', () => {
    for (const file of fs.readdirSync(broken).filter((f) => f.endsWith('.vmx'))) {
      const {result} = lint(fs.readFileSync(`${broken}${file}`), true);
      expect(result.fatalErrorCount).toBe(1);
      expect(result.messages).toHaveLength(1);
      expect(result.messages[0].message).toMatch(/bytes invalid in the declared encoding UTF-8/);
      expect(result.output).toBeUndefined();
    }
  });
});
