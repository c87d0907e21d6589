/** `vmxlint --lab <dir>`: lint a directory's VMs and print them as a lab tree (src/cli/lab-tree.ts). */
import fs from 'node:fs';
import path from 'node:path';
import type {LintResult} from '../engine/types.js';
import {findFiles, NoFilesError} from '../runner/files.js';
import {lintFile, makeLoader, outerLinksFor, type LintFilesOptions} from '../runner/lint-files.js';
import {labTree} from './lab-tree.js';
import type {CliArgs} from './options.js';
import type {CliIo} from './io.js';
import {exitCode} from './output.js';

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => stream.write(text, () => resolve()));
}

export async function runLab(dir: string, args: CliArgs, options: LintFilesOptions, io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const root = path.resolve(cwd, dir);
  if (!fs.statSync(root, {throwIfNoEntry: false})?.isDirectory()) throw new NoFilesError(`${dir}: not a directory (--lab takes a directory of VMs)`);
  const {files} = await findFiles([root], {cwd, ignorePatterns: options.ignorePatterns, ignoreFile: options.ignoreFile, errorOnUnmatchedPattern: false});
  const loader = makeLoader(options);
  // every config first: a broken config stops the run before anything is linted (as lintFiles)
  for (const file of files) await loader.forFile(file);
  const results = new Map<string, LintResult>();
  for (const file of files) results.set(file, (await lintFile(file, loader, options)).result);
  const shown = [...results.values()];
  const header = `${path.relative(cwd, root) || '.'}: ${files.length} VM${files.length === 1 ? '' : 's'}\n\n`;
  const tree = files.length ? labTree(files, results, outerLinksFor(loader, options), root) : '(no .vmx or .vmtx files)\n';
  await write(io.stdout, header + tree + (files.length ? `\nRun \`vmxlint ${dir}\` for the messages.\n` : ''));
  for (const r of shown) for (const m of r.messages) if (m.fatal) await write(io.stderr, `vmxlint: ${path.relative(cwd, r.filePath)}: ${m.message}\n`);
  return exitCode(shown, args.maxWarnings);
}
