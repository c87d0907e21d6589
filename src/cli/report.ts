/** Running the lint from the CLI: stream results, print the chosen format, decide the exit code. */
import fs from 'node:fs';
import path from 'node:path';
import {lintBytes} from '../engine/linter.js';
import type {LintResult} from '../engine/types.js';
import {lintFiles, makeLoader, type LintFilesOptions} from '../lint-files.js';
import type {CliArgs} from './options.js';
import type {CliIo} from './main.js';
import {VERSION} from './main.js';

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => (text ? stream.write(text, () => resolve()) : resolve()));
}

/** --quiet: errors only (counts follow). */
function onlyErrors(r: LintResult): LintResult {
  const messages = r.messages.filter((m) => m.severity === 2);
  return {...r, messages, warningCount: 0, fixableWarningCount: 0, infoCount: 0};
}

export function exitCode(results: LintResult[], maxWarnings: number): number {
  if (results.some((r) => r.fatalErrorCount > 0)) return 2;
  if (results.some((r) => r.errorCount > 0)) return 1;
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  return maxWarnings >= 0 && warnings > maxWarnings ? 1 : 0;
}

/** A unified patch of every fix, with a/ b/ paths relative to cwd, that `git apply` accepts. */
export async function patchOf(pairs: Array<{file: string; before: string; after: string}>, cwd: string): Promise<string> {
  if (!pairs.length) return '';
  const {createTwoFilesPatch} = await import('diff');
  return pairs
    .map(({file, before, after}) => {
      const rel = path.relative(cwd, file).split(path.sep).join('/');
      const patch = createTwoFilesPatch(`a/${rel}`, `b/${rel}`, before, after, undefined, undefined, {context: 3});
      // drop the "Index:" and "====" lines: git apply wants a diff --git header or plain ---/+++ lines
      const body = patch.split('\n').filter((l, i) => !(i < 2 && (l.startsWith('Index: ') || /^=+$/.test(l)))).join('\n');
      return `diff --git a/${rel} b/${rel}\n${body}`;
    })
    .join('');
}

async function emit(results: LintResult[], args: CliArgs, io: CliIo, color: boolean, diffs: Array<{file: string; before: string; after: string}>): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const shown = args.quiet ? results.map(onlyErrors) : results;
  let text = '';
  if (args.format === 'diff') {
    text = await patchOf(diffs, cwd);
  } else {
    const {loadFormatter} = await import('../formatters/index.js');
    const {ruleInfos} = await import('./info.js');
    const formatter = await loadFormatter(args.format);
    text = formatter(shown, {cwd, color, version: VERSION, rules: ruleInfos()});
    if (args.fixDryRun && args.format === 'stylish') text = (await patchOf(diffs, cwd)) + text;
  }
  if (args.outputFile) {
    const out = path.resolve(cwd, args.outputFile);
    try {
      fs.mkdirSync(path.dirname(out), {recursive: true});
      fs.writeFileSync(out, text);
    } catch (error) {
      await write(io.stderr, `vmxlint: cannot write --output-file ${args.outputFile}: ${(error as Error).message}\n`);
      return 2;
    }
  } else await write(io.stdout, text && !text.endsWith('\n') ? text + '\n' : text);
  // fatal problems (unreadable files, crashed rules) also go to stderr, one line each, whatever the format
  for (const r of results) {
    for (const m of r.messages) {
      if (m.fatal) await write(io.stderr, `vmxlint: ${path.relative(cwd, r.filePath) || r.filePath}: ${m.message}\n`);
    }
  }
  return exitCode(results, args.maxWarnings);
}

export async function runFiles(args: CliArgs, options: LintFilesOptions, io: CliIo, color: boolean): Promise<number> {
  const diffs: Array<{file: string; before: string; after: string}> = [];
  const progress = Boolean(io.stderr.isTTY) && !args.outputFile;
  let done = 0;
  const results = await lintFiles(args.patterns, {
    ...options,
    onResult(result, source) {
      if (result.output !== undefined && source !== undefined) diffs.push({file: result.filePath, before: source, after: result.output});
      if (progress && ++done % 100 === 0) io.stderr.write(`\rvmxlint: ${done} files checked`);
    },
  });
  if (progress && done >= 100) io.stderr.write('\r\x1b[K');
  return emit(results, args, io, color, diffs);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

export async function runStdin(args: CliArgs, options: LintFilesOptions, io: CliIo, color: boolean): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const filePath = path.resolve(cwd, args.stdinFilename ?? '<stdin>');
  const bytes = await readAll(io.stdin ?? process.stdin);
  const loader = makeLoader(options);
  const config = await loader.forFile(args.stdinFilename ? filePath : path.join(cwd, 'stdin.vmx'));
  const {result, text, encoding} = lintBytes(bytes, {...options, filePath, config: config.forFile(filePath)});
  if (args.fix) {
    // editors: the fixed text (in the file's encoding) on stdout, nothing else
    if (encoding !== undefined && text !== undefined) {
      const {encode} = await import('../syntax/encoding.js');
      io.stdout.write(Buffer.from(encode(result.output ?? text, encoding)));
      await write(io.stdout, '');
      return exitCode([result], args.maxWarnings);
    }
  }
  const diffs = result.output !== undefined && text !== undefined ? [{file: filePath, before: text, after: result.output}] : [];
  return emit([result], args, io, color, diffs);
}
