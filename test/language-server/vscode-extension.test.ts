/**
 * The VS Code extension (editors/vscode) is a thin client that cannot run here (no VS Code): what
 * can be checked is that what it declares agrees with the server and the linter.
 */
import {describe, expect, it} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {AMD_FAMILIES, CPUS, ROLES} from '../../src/engine/settings.js';
import {editorSettings} from '../../src/language-server/core.js';
import {ROOT} from './helpers.js';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'editors/vscode/package.json'), 'utf8')) as {
  contributes: {languages: Array<{id: string; extensions: string[]}>; configuration: {properties: Record<string, {enum?: Array<string | null>; default: unknown}>}};
};
const properties = manifest.contributes.configuration.properties;

describe('editors/vscode/package.json', () => {
  it('makes .vmx and .vmtx files the language the client serves', () => {
    expect(manifest.contributes.languages).toEqual([expect.objectContaining({id: 'vmx', extensions: ['.vmx', '.vmtx']})]);
    expect(fs.readFileSync(path.join(ROOT, 'editors/vscode/src/extension.ts'), 'utf8')).toContain("language: 'vmx'");
  });

  it('declares only settings the server takes, with the linter\'s own values', () => {
    for (const [key, schema] of Object.entries(properties)) {
      expect(key).toMatch(/^vmxlint\.\w+$/);
      expect(schema.default).toBeNull();
      const name = key.slice('vmxlint.'.length);
      const sample = name === 'serverPath' ? '/bin/x' : name === 'host' || name === 'outerProduct' ? 'esxi-8.0' : String(schema.enum?.[0]);
      const {settings, errors} = editorSettings({[name]: sample});
      expect(errors).toEqual([]);
      // serverPath is the client's own: the server ignores it; the others reach the linter
      expect(Object.keys(settings)).toEqual(name === 'serverPath' ? [] : [name]);
    }
    expect(properties['vmxlint.role'].enum).toEqual([...ROLES, null]);
    expect(properties['vmxlint.cpu'].enum).toEqual([...CPUS, null]);
    expect(properties['vmxlint.amdFamily'].enum).toEqual([...AMD_FAMILIES, null]);
  });
});
