/** Every real file in ../shared/corpus round-trips byte for byte; the broken ones are refused. */
import fs from 'node:fs';
import {describe, expect, it} from '@jest/globals';
import {decode, DecodeError, encode, parse, stringify} from '../../src/syntax/index.js';

const corpus = new URL('../../../shared/corpus/', import.meta.url);
const broken = new URL('../../../shared/corpus-broken/', import.meta.url);
const files = fs.existsSync(corpus) ? fs.readdirSync(corpus).filter((f) => /\.(vmx|vmtx)$/.test(f)) : [];
const brokenFiles = fs.existsSync(broken) ? fs.readdirSync(broken).filter((f) => /\.(vmx|vmtx)$/.test(f)) : [];

(files.length ? describe : describe.skip)(`corpus round trip${files.length ? '' : ' (skipped: ../shared/corpus not found)'}`, () => {
  it('has real files to read', () => {
    expect(files.length).toBeGreaterThan(100);
  });
  it.each(files)('%s', (name) => {
    const bytes = new Uint8Array(fs.readFileSync(new URL(encodeURIComponent(name), corpus)));
    const {text, encoding} = decode(bytes);
    const printed = stringify(parse(text));
    expect(printed).toBe(text);
    expect(Buffer.compare(encode(printed, encoding), bytes)).toBe(0);
  });
});

(brokenFiles.length ? describe : describe.skip)(`corpus-broken is refused${brokenFiles.length ? '' : ' (skipped: ../shared/corpus-broken not found)'}`, () => {
  it.each(brokenFiles)('%s', (name) => {
    const bytes = new Uint8Array(fs.readFileSync(new URL(encodeURIComponent(name), broken)));
    expect(() => decode(bytes)).toThrow(DecodeError);
  });
});
