/**
 * Small helpers shared by the formatters. Kept dependency-free (only node:path and node:url)
 * so that loading any one formatter stays cheap.
 */
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import type {LintMessage} from '../engine/types.js';

/** Whether a "file path" is a pseudo name such as `<stdin>` or `<text>` rather than a path. */
function isPseudoPath(filePath: string): boolean {
  return filePath.startsWith('<') && filePath.endsWith('>');
}

/** A segment `.` or `..`, an empty segment, a leading or trailing slash: a path path.relative would rewrite. */
const NOT_PLAIN = /^\/|\/\/|\/$|(?:^|\/)\.{1,2}(?:\/|$)/;

/** Per cwd: `cwd/` when cwd is an absolute, normalized POSIX path (else undefined), and directories made relative to it. */
let relativeTo: {cwd: string; prefix: string | undefined; dirs: Map<string, string>} | undefined;

/** `filePath` relative to `cwd` with the platform's separators (for human-oriented output). */
export function relativePath(cwd: string, filePath: string): string {
  if (isPseudoPath(filePath)) return filePath;
  if (relativeTo?.cwd !== cwd) {
    const plain = path.sep === '/' && path.isAbsolute(cwd) && path.resolve(cwd) === cwd;
    relativeTo = {cwd, prefix: plain ? (cwd === '/' ? '/' : `${cwd}/`) : undefined, dirs: new Map()};
  }
  const {prefix, dirs} = relativeTo;
  // a normalized absolute path (every path the file finder gives), without path.resolve and
  // path.relative per file (10,000 files: ~15 ms): under cwd by slicing, elsewhere by its directory
  if (prefix !== undefined && filePath.charCodeAt(0) === 47 && !NOT_PLAIN.test(filePath.slice(1))) {
    if (filePath.startsWith(prefix)) return filePath.slice(prefix.length);
    // not for cwd itself or a path above it, where the answer is not `<directory>/<name>`
    if (filePath !== '/' && !prefix.startsWith(`${filePath}/`)) {
      const cut = filePath.lastIndexOf('/');
      const dir = cut === 0 ? '/' : filePath.slice(0, cut);
      let rel = dirs.get(dir);
      if (rel === undefined) {
        if (dirs.size >= 10_000) dirs.clear();
        dirs.set(dir, (rel = path.relative(cwd, dir)));
      }
      return rel === '' ? filePath.slice(cut + 1) : `${rel}/${filePath.slice(cut + 1)}`;
    }
  }
  const rel = path.relative(cwd, path.resolve(cwd, filePath));
  return rel === '' ? path.basename(filePath) : rel;
}

/** `filePath` relative to `cwd` with forward slashes (for GitHub annotations and SARIF). */
export function relativePosixPath(cwd: string, filePath: string): string {
  return relativePath(cwd, filePath).split(path.sep).join('/');
}

/**
 * A URI reference for `filePath`: relative to `cwd` (each segment percent-encoded, so spaces become
 * `%20` and a `:` cannot be taken for a scheme), or a `file:` URL when no relative path exists
 * (another drive on Windows).
 */
export function fileUri(cwd: string, filePath: string): string {
  if (isPseudoPath(filePath)) return encodeURIComponent(filePath);
  const abs = path.resolve(cwd, filePath);
  const rel = path.relative(cwd, abs);
  if (rel === '' || path.isAbsolute(rel)) return pathToFileURL(abs).href;
  return rel.split(path.sep).map((segment) => encodeURIComponent(segment)).join('/');
}

export type Kind = 'error' | 'warning' | 'info';

/** A message's kind: fatal messages are errors whatever their severity. */
export function messageKind(message: LintMessage): Kind {
  if (message.fatal || message.severity === 2) return 'error';
  return message.severity === 1 ? 'warning' : 'info';
}

/** `n word` with an `s` when n is not 1. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Line-oriented formats print one message per line: line breaks in a message become spaces. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/** Characters XML 1.0 forbids outright (they cannot even be written as character references). */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Remove what XML 1.0 cannot carry (C0 controls but tab/LF/CR, lone surrogates, U+FFFE, U+FFFF). */
export function stripXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

const XML_ENTITIES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;'};

/**
 * Escape text for XML content or a (double- or single-quoted) attribute value. Tab, LF and CR are
 * written as character references so that attribute-value normalisation keeps them, and C1
 * controls / DEL (allowed but invisible) likewise.
 */
export function xmlEscape(value: string | number): string {
  return stripXmlForbidden(String(value)).replace(/[&<>"'\t\n\r\u007F-\u009F]/g, (c) => XML_ENTITIES[c] ?? `&#${c.charCodeAt(0)};`);
}
