/** `-f diff` and `--fix-dry-run`: the fixes as one patch that `git apply` accepts. */
import path from 'node:path';

export interface FixedFile {
  /** Absolute path, or a pseudo name such as `<stdin>`. */
  file: string;
  before: string;
  after: string;
}

/** A path as git writes it in a patch header: C-quoted when it holds `"`, `\` or control characters. */
export function gitPath(p: string): string {
  if (!/["\\\u0000-\u001f\u007f]/.test(p)) return p;
  const escaped = p.replace(/["\\\u0000-\u001f\u007f]/g, (c) => {
    const named: Record<string, string> = {'"': '\\"', '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\u0007': '\\a'};
    return named[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`;
  });
  return `"${escaped}"`;
}

/**
 * One unified patch of every fix, `diff --git a/<path> b/<path>` per file with paths relative to cwd,
 * that `git apply` (and `patch -p1`) accepts. Headers are UTF-8; each file's lines are in the file's own
 * encoding, so the patch applies to the bytes on disk.
 */
export async function patchOf(files: FixedFile[], cwd: string): Promise<Uint8Array> {
  if (!files.length) return new Uint8Array();
  const [{createTwoFilesPatch}, {encode, declaredEncodingOf}] = await Promise.all([import('diff'), import('../syntax/encoding.js')]);
  // the hunks in the file's own encoding, read as the decoder reads it; a byte-order mark is its UTF-8 bytes
  const encodeHunks = (body: string, encoding: string): Uint8Array => {
    const pieces = body.split('\uFEFF').map((piece) => Buffer.from(encode(piece, encoding)));
    return Buffer.concat(pieces.flatMap((piece, i) => (i ? [Buffer.from([0xef, 0xbb, 0xbf]), piece] : [piece])));
  };
  const chunks: Buffer[] = [];
  for (const {file, before, after} of [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const rel = file.startsWith('<') ? file : path.relative(cwd, file).split(path.sep).join('/');
    const a = gitPath(`a/${rel}`);
    const b = gitPath(`b/${rel}`);
    const patch = createTwoFilesPatch('a', 'b', before, after, undefined, undefined, {context: 3});
    // drop the library's "====" / "---" / "+++" lines: git's own header follows
    const body = patch.slice(patch.indexOf('\n@@') + 1);
    chunks.push(Buffer.from(`diff --git ${a} ${b}\n--- ${a}\n+++ ${b}\n`, 'utf8'));
    let bytes: Uint8Array;
    try {
      bytes = encodeHunks(body, declaredEncodingOf(before) ?? 'UTF-8');
    } catch {
      bytes = Buffer.from(body, 'utf8');
    }
    chunks.push(Buffer.from(bytes));
  }
  return Buffer.concat(chunks);
}
