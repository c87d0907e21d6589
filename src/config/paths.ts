/**
 * The few path operations config globs need, platform-free. The Node runner passes `node:path`
 * (which fits `PathApi`), so Windows paths keep working there; elsewhere (the browser) paths are
 * POSIX, and a relative path is taken as relative to `/`.
 */
export interface PathApi {
  readonly sep: string;
  isAbsolute(p: string): boolean;
  resolve(...paths: string[]): string;
  relative(from: string, to: string): string;
}

/** `.` and `..` and empty segments resolved away. */
function normalizeSegments(p: string): string[] {
  const out: string[] = [];
  for (const segment of p.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return out;
}

export const posixPath: PathApi = {
  sep: '/',
  isAbsolute: (p) => p.startsWith('/'),
  resolve(...paths) {
    let joined = '';
    for (let i = paths.length - 1; i >= 0 && !joined.startsWith('/'); i--) if (paths[i]) joined = joined ? `${paths[i]}/${joined}` : paths[i];
    return `/${normalizeSegments(joined).join('/')}`;
  },
  relative(from, to) {
    const a = normalizeSegments(posixPath.resolve(from));
    const b = normalizeSegments(posixPath.resolve(to));
    let same = 0;
    while (same < a.length && same < b.length && a[same] === b[same]) same++;
    return [...Array<string>(a.length - same).fill('..'), ...b.slice(same)].join('/');
  },
};
