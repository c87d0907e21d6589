/** sniffWrongKind: files given by mistake (VMDK descriptors, XML) are named, with a cheap first look. */
import {describe, expect, it} from '@jest/globals';
import fc from 'fast-check';
import {sniffWrongKind} from '../../src/runner/io/read.js';

/** The plain reading of the rule, without the first look: what sniffWrongKind must always agree with. */
function reference(bytes: Uint8Array): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'utf16';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 512)).toString('latin1').replace(/^\xEF\xBB\xBF/, '');
  const start = head.trimStart();
  if (/^# Disk DescriptorFile/i.test(start) || /^(KDMV|COWD)/.test(head)) return 'vmdk';
  if (start.startsWith('<?xml') || /^<Foundry[\s>]/.test(start)) return 'xml';
  return undefined;
}
const kind = (message: string | undefined) =>
  message === undefined ? undefined : message.includes('UTF-16') ? 'utf16' : message.includes('VMDK') ? 'vmdk' : 'xml';
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('sniffWrongKind', () => {
  it.each([
    ['.encoding = "UTF-8"\n', undefined],
    ['#!/usr/bin/vmware\nconfig.version = "8"\n', undefined],
    ['', undefined],
    ['# Disk DescriptorFile\nversion=1\n', 'vmdk'],
    ['\xEF\xBB\xBF \t\n\xA0# disk descriptorfile\n', 'vmdk'],
    ['KDMV\x01\x00\x00\x00', 'vmdk'],
    ['\xEF\xBB\xBFCOWD', 'vmdk'],
    ['  <?xml version="1.0"?>', 'xml'],
    ['<Foundry>\n', 'xml'],
    ['<Foundryx>', undefined],
    ['Config.version = "8"', undefined],
    ['\xFF\xFEa\x00', 'utf16'],
  ])('%j → %s', (text, expected) => {
    expect(kind(sniffWrongKind(bytes(text)))).toBe(expected);
  });

  it('agrees with the plain reading on generated beginnings', () => {
    const piece = fc.constantFrom('\xEF\xBB\xBF', ' ', '\t', '\n', '\r', '\xA0', '\x0B', '#', '# Disk DescriptorFile', '# disk', '<?xml', '<Foundry', '<Foundry ', '>', 'KDMV', 'COWD', 'K', 'C', 'x', '.encoding = "UTF-8"', '\xFF', '\xFE');
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 8}), (pieces) => {
        const b = bytes(pieces.join(''));
        expect(kind(sniffWrongKind(b))).toBe(reference(b));
      }),
      {numRuns: 2000},
    );
  });
});
