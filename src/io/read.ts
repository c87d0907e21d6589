/** Reading a .vmx: every way it can fail becomes one clear sentence, never a stack trace. */
import fs from 'node:fs/promises';

/** Larger than any real .vmx by far; above it a file cannot be held as one string safely. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export interface ReadFile {
  bytes: Uint8Array;
  size: number;
  mtimeMs: number;
  mode: number;
}

const CODES: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links (a link loop)',
  ENAMETOOLONG: 'file name too long',
  ENOTDIR: 'a part of the path is not a directory',
};

/** Describe a filesystem error in one line. */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  return (code && CODES[code]) ?? (error instanceof Error ? error.message : String(error));
}

/** Read a file's bytes, refusing what is not a regular file or is too large. Throws InputError. */
export async function readVmxFile(file: string): Promise<ReadFile> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    throw new InputError(describeIoError(error));
  }
  if (stat.isDirectory()) throw new InputError(CODES.EISDIR);
  if (!stat.isFile()) throw new InputError('not a regular file (a device, pipe or socket): refusing to read it');
  if (stat.size > MAX_FILE_BYTES) {
    throw new InputError(`file too large (${Math.round(stat.size / 1048576)} MiB, the limit is ${MAX_FILE_BYTES / 1048576} MiB): not a .vmx configuration`);
  }
  try {
    const bytes = await fs.readFile(file);
    return {bytes, size: stat.size, mtimeMs: stat.mtimeMs, mode: stat.mode};
  } catch (error) {
    throw new InputError(describeIoError(error));
  }
}

/**
 * Files that are not .vmx text given by mistake: a VMDK descriptor, a .vmxf (XML).
 * Returns a sentence saying what the file is, or undefined.
 */
export function sniffWrongKind(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 512)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  const start = head.trimStart();
  if (/^# Disk DescriptorFile/i.test(start) || /^KDMV/.test(head)) {
    return 'this is a VMDK disk descriptor, not a .vmx configuration: vmxlint does not check disk files';
  }
  if (start.startsWith('<?xml') || /^<Foundry[\s>]/.test(start)) {
    return 'this is an XML file (a .vmxf team/foundry file?), not a .vmx configuration';
  }
  return undefined;
}
