/** What the CLI's parts share: the streams and environment a run gets, and vmxlint's version. */
import type {Writable} from 'node:stream';
import {packageVersion} from '../runner/version.js';

export interface CliIo {
  stdout: Writable & {isTTY?: boolean};
  stderr: Writable & {isTTY?: boolean};
  stdin?: NodeJS.ReadableStream;
  cwd?: string;
  env?: Record<string, string | undefined>;
}

export const VERSION: string = packageVersion();
