/** Shared by the lab tests: temp directories holding a few .vmx files, and the shipped lab fixtures. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const LABS = path.join(ROOT, 'fixtures', 'labs');

/** A shipped lab file: its path (relative to the repo root, as RuleTester `filename`) and text. */
export function labFile(rel: string): {filename: string; code: string} {
  return {filename: path.join('fixtures', 'labs', rel), code: fs.readFileSync(path.join(LABS, rel), 'utf8')};
}

/** A fresh temp directory with `files`; `remove()` deletes it. */
export function tempLab(files: Record<string, string>): {dir: string; file: (rel: string) => string; remove: () => void} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vmxlint-lab-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true});
    fs.writeFileSync(path.join(dir, name), text);
  }
  return {dir, file: (rel) => path.join(dir, rel), remove: () => fs.rmSync(dir, {recursive: true, force: true})};
}

/** A modern outer VM: ESXi 8 on Workstation 17 (Intel), with or without `vhv.enable`. */
export function esxiOuter(opts: {guest?: string; vhv?: boolean; memsize?: number; numvcpus?: number; host?: string} = {}): string {
  return [
    `# vmxlint role=outer host=${opts.host ?? 'workstation-17'} cpu=intel`,
    'virtualHW.version = "20"',
    `guestOS = "${opts.guest ?? 'vmkernel8'}"`,
    `memsize = "${opts.memsize ?? 16384}"`,
    ...(opts.numvcpus === undefined ? [] : [`numvcpus = "${opts.numvcpus}"`]),
    ...(opts.vhv === false ? [] : ['vhv.enable = "TRUE"']),
    '',
  ].join('\n');
}
