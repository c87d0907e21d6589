/** `vmxlint --stdin`: lint standard input; with --fix, the editor filter (fixed text on stdout). */
import path from 'node:path';
import {fatalResult, lintBytes} from '../engine/linter.js';
import {MAX_FILE_BYTES} from '../runner/io/read.js';
import {makeLoader, type LintFilesOptions} from '../runner/lint-files.js';
import type {CliArgs} from './options.js';
import type {CliIo} from './io.js';
import {emit, write} from './output.js';

/** What --stdin read: the bytes, or (over the size limit) the first of them and the rest unread. */
interface StdinRead {
  bytes: Uint8Array;
  tooLarge: boolean;
  rest?: AsyncIterator<unknown>;
}

/** Standard input, up to the size limit of a file (MAX_FILE_BYTES): more is refused, never held (R19). */
async function readStdin(stream: NodeJS.ReadableStream): Promise<StdinRead> {
  const chunks: Buffer[] = [];
  let size = 0;
  const it = stream[Symbol.asyncIterator]();
  for (;;) {
    const next = await it.next();
    if (next.done) return {bytes: Buffer.concat(chunks), tooLarge: false};
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : (next.value as Buffer);
    chunks.push(chunk);
    size += chunk.length;
    if (size > MAX_FILE_BYTES) return {bytes: Buffer.concat(chunks), tooLarge: true, rest: it};
  }
}

/** Bytes given to --stdin --fix that are echoed as they are, per standard input stream (the editor filter, below). */
const stdinOf = new WeakMap<object, {bytes?: Uint8Array; written: boolean}>();

/**
 * `:%!vmxlint --stdin --fix` (Vim) replaces the buffer with standard output: whatever goes wrong
 * (a bad flag, a bad config, a crash), the text must come back, unchanged. main calls this on every
 * error path of a --stdin --fix run; it echoes what was read (or reads it now), once.
 */
export async function echoStdinUnchanged(io: CliIo): Promise<void> {
  const stdin = io.stdin ?? process.stdin;
  let state = stdinOf.get(stdin);
  if (state?.written) return;
  if (!state?.bytes) {
    const read = await readStdin(stdin);
    state = {bytes: read.bytes, written: false};
    stdinOf.set(stdin, state);
    await write(io.stdout, read.bytes);
    if (read.rest) for (let n = await read.rest.next(); !n.done; n = await read.rest.next()) await write(io.stdout, n.value as Buffer);
  } else await write(io.stdout, state.bytes);
  state.written = true;
}

/**
 * --stdin: lint standard input. With --fix (for editors) stdout gets the fixed text and nothing else,
 * in the text's own encoding; text that cannot be decoded is echoed unchanged and the reason goes to
 * stderr (exit 2). The report then goes only to --output-file, if given.
 */
export async function runStdin(args: CliArgs, options: LintFilesOptions, io: CliIo, color: boolean): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  // the suppression options are for runs over files: a usage error here (as ESLint's)
  if (args.suppressAll || args.suppressRule?.length || args.suppressionsLocation || args.pruneSuppressions) (await import('./suppressions.js')).Suppressions.open(args, cwd);
  const filePath = args.stdinFilename ? path.resolve(cwd, args.stdinFilename) : '<stdin>';
  const stdin = io.stdin ?? process.stdin;
  const read = await readStdin(stdin);
  const bytes = read.bytes;
  const state = {bytes, written: false};
  if (args.fix) stdinOf.set(stdin, state);
  if (read.tooLarge) {
    const result = fatalResult(filePath, `standard input too large (more than ${MAX_FILE_BYTES / 1048576} MiB): not a .vmx configuration`);
    if (args.fix) {
      // the text goes back unchanged, streamed: it is not held
      await write(io.stdout, bytes);
      for (let n = await read.rest!.next(); !n.done; n = await read.rest!.next()) await write(io.stdout, n.value as Buffer);
      state.written = true;
      return emit([result], args, io, color, [], false);
    }
    return emit([result], args, io, color, []);
  }
  const loader = makeLoader(options);
  // without --stdin-filename, config lookup starts in cwd and `files` globs see a .vmx
  const configPath = args.stdinFilename ? filePath : path.join(cwd, 'stdin.vmx');
  const config = await loader.forFile(configPath);
  const {result, text, encoding} = lintBytes(bytes, {...options, filePath, config: config.forFile(configPath)});
  const fixed = result.output !== undefined && text !== undefined ? [{file: filePath, before: text, after: result.output}] : [];
  if (args.fix) {
    let out: Uint8Array = bytes;
    let shown = result;
    if (encoding !== undefined && result.output !== undefined && result.fatalErrorCount === 0) {
      // the same check as a --fix on a file: what it would refuse to write is not printed either
      const {encodeForWrite} = await import('../syntax/encoding.js');
      try {
        out = encodeForWrite(result.output, encoding);
      } catch (error) {
        out = bytes;
        shown = {...fatalResult(filePath, (error as Error).message), source: result.source};
      }
    }
    state.written = true;
    await write(io.stdout, out);
    return emit([shown], args, io, color, shown === result ? fixed : [], false);
  }
  return emit([result], args, io, color, fixed);
}
