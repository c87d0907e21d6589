/** Reading a .vmx: every way it can fail becomes one clear sentence, never a stack trace. */
import fsSync, {constants, type BigIntStats} from 'node:fs';
import path from 'node:path';

/** Larger than any real .vmx by far; above it a file cannot be held as one string safely. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** What `--fix` needs to know to write a file back only if nobody changed it since it was read. */
export interface FileIdentity {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

export interface ReadFile {
  bytes: Uint8Array;
  size: number;
  mtimeMs: number;
  mode: number;
  uid: number;
  gid: number;
  /** Names of the file (hard links) when it was read. */
  nlink?: number;
  /** Identity and timestamps (nanoseconds) taken from the open handle before reading. */
  identity: FileIdentity;
}

const CODES: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ELOOP: 'too many symbolic links (a link loop)',
  ENAMETOOLONG: 'file name too long',
  ENOTDIR: 'a part of the path is not a directory',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EXDEV: 'cannot rename across file systems',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
};

/** Describe a filesystem error in one line. */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const text = (code && CODES[code]) ?? (error instanceof Error ? error.message : String(error));
  return text.split('\n')[0];
}

export function identityOf(stat: {dev: bigint; ino: bigint; size: bigint; mtimeNs: bigint; ctimeNs: bigint}): FileIdentity {
  return {dev: stat.dev, ino: stat.ino, size: stat.size, mtimeNs: stat.mtimeNs, ctimeNs: stat.ctimeNs};
}

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

/** Refuse what is not a regular file, or is too large to be a .vmx. Throws InputError. */
export function checkStat(stat: BigIntStats): void {
  if (stat.isDirectory()) throw new InputError(describeIoError({code: 'EISDIR'}));
  if (!stat.isFile()) throw new InputError('not a regular file (a device, pipe or socket): refusing to read it');
  if (stat.size > BigInt(MAX_FILE_BYTES)) {
    throw new InputError(`file too large (${Number(stat.size / 1048576n)} MiB, the limit is ${MAX_FILE_BYTES / 1048576} MiB): not a .vmx configuration`);
  }
}

/** The bytes read and what the write check needs to know of the file. */
export function toReadFile(bytes: Uint8Array, stat: BigIntStats): ReadFile {
  return {
    bytes,
    size: Number(stat.size),
    mtimeMs: Number(stat.mtimeMs),
    mode: Number(stat.mode),
    uid: Number(stat.uid),
    gid: Number(stat.gid),
    nlink: Number(stat.nlink),
    identity: identityOf(stat),
  };
}

/**
 * Read a file's bytes, refusing what is not a regular file or is too large. Throws InputError.
 * The file is opened first (non-blocking, so a FIFO cannot hang the run) and checked through the
 * open handle: what is checked is what is read.
 */
export async function readVmxFile(file: string): Promise<ReadFile> {
  let handle: import('node:fs/promises').FileHandle;
  try {
    // fs.promises is loaded on first use: requiring node:fs/promises costs ~4 ms of every start-up
    handle = await fsSync.promises.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new InputError(describeIoError(error));
  }
  try {
    const stat = await handle.stat({bigint: true});
    checkStat(stat);
    return toReadFile(await handle.readFile(), stat);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeIoError(error));
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Files that are not .vmx text given by mistake: a VMDK descriptor or sparse extent, a .vmxf (XML),
 * UTF-16 text. Returns a sentence saying what the file is, or undefined.
 */
export function sniffWrongKind(bytes: Uint8Array): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return 'this file is UTF-16 text (it starts with a UTF-16 byte order mark): .vmx files are 8-bit text, save it as UTF-8';
  }
  // cheap first look (every file passes here): only text starting with `#`, `<`, `K` or `C` can be one of these
  const afterBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let i = afterBom;
  while (i < bytes.length && ((bytes[i] >= 0x09 && bytes[i] <= 0x0d) || bytes[i] === 0x20 || bytes[i] === 0xa0)) i++;
  if (bytes[i] !== 0x23 && bytes[i] !== 0x3c && bytes[afterBom] !== 0x4b && bytes[afterBom] !== 0x43) return undefined;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 512)).toString('latin1').replace(/^\xEF\xBB\xBF/, '');
  const start = head.trimStart();
  if (/^# Disk DescriptorFile/i.test(start) || /^(KDMV|COWD)/.test(head)) {
    return 'this is a VMDK disk descriptor, not a .vmx configuration: vmxlint does not check disk files';
  }
  if (start.startsWith('<?xml') || /^<Foundry[\s>]/.test(start)) {
    return 'this is an XML file (a .vmxf team/foundry file?), not a .vmx configuration';
  }
  return undefined;
}

/** Where a read looks past the size fstat gave, to see the end (shared: reads are synchronous). */
const probe = Buffer.alloc(8192);

/**
 * The bytes of an open file whose size fstat gave: read into a buffer of that size, then one more
 * read to be sure the end was reached (a file that grew meanwhile is read to its end, as
 * readFileSync would). One fstat fewer than readFileSync(fd), which stats the file again.
 * `undefined` when the file grew past `maxBytes` while it was read.
 */
export function readToEnd(fd: number, size: number, maxBytes: number): Buffer | undefined {
  let bytes = Buffer.allocUnsafe(size);
  let length = 0;
  for (;;) {
    if (length === bytes.length) {
      // full: the end of the file, or it grew since fstat
      const n = fsSync.readSync(fd, probe, 0, probe.length, null);
      if (n === 0) return bytes;
      if (length + n > maxBytes) return undefined;
      bytes = Buffer.concat([bytes, probe.subarray(0, n)]);
      length = bytes.length;
      continue;
    }
    const n = fsSync.readSync(fd, bytes, length, bytes.length - length, null);
    if (n === 0) return bytes.subarray(0, length); // shrank since fstat
    length += n;
  }
}

/**
 * Read a file that is not a .vmx (a config, `package.json`, `.vmxlintignore`, the cache, the re-read
 * before a fix's rename) the way `readVmxFile` reads a .vmx: opened non-blocking (a FIFO put in its
 * place cannot hang the run), checked through the open handle to be a regular file (not a device:
 * a symlink to /dev/zero cannot fill memory) and at most `maxBytes` long. Throws InputError (one line).
 */
export function readRegularFileSync(file: string, maxBytes = MAX_FILE_BYTES): Buffer {
  let fd: number;
  try {
    fd = fsSync.openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new InputError(describeIoError(error));
  }
  try {
    const stat = fsSync.fstatSync(fd, {bigint: true});
    if (stat.isDirectory()) throw new InputError(describeIoError({code: 'EISDIR'}));
    if (!stat.isFile()) throw new InputError('not a regular file (a device, pipe or socket): refusing to read it');
    const tooLarge = () => new InputError(`file too large (over ${Math.round(maxBytes / 1048576)} MiB)`);
    if (stat.size > BigInt(maxBytes)) throw tooLarge();
    // to the end, but never past the limit (a file that grows meanwhile)
    const bytes = readToEnd(fd, Number(stat.size), maxBytes);
    if (bytes === undefined) throw tooLarge();
    return bytes;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeIoError(error));
  } finally {
    try {
      fsSync.closeSync(fd);
    } catch {
      // a read-only descriptor: nothing to lose
    }
  }
}

/**
 * `mkdir -p` that cannot spin: Node's recursive mkdirSync loops forever where a parent exists but
 * cannot hold directories (`/proc/nope`: mkdir gives ENOENT for a path whose parent exists). Each
 * missing level is made once, from the nearest existing one; any failure is thrown as it is.
 */
export function makeDirectories(dir: string): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    const stat = fsSync.statSync(at, {throwIfNoEntry: false});
    if (stat) {
      if (!stat.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${at}'`), {code: 'ENOTDIR'});
      break;
    }
    missing.push(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const level of missing.reverse()) {
    try {
      fsSync.mkdirSync(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
