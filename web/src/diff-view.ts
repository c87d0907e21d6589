/** What "Fix all" would change, as a unified diff (the `diff` package, as `vmxlint --fix-dry-run` prints it). */
import {createTwoFilesPatch} from 'diff';

/** The patch text, or '' when nothing would change. */
export function patchOf(name: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, {context: 3});
}

export function renderDiff(pre: HTMLElement, patch: string): void {
  if (!patch) {
    pre.replaceChildren(Object.assign(document.createElement('span'), {className: 'none', textContent: 'Fix all would change nothing.'}));
    return;
  }
  // the library's "====" banner is noise here; CRs of CRLF files would show as stray marks
  const lines = patch.split('\n').filter((l, i) => !(i === 0 && l.startsWith('=')) && !/^={10,}$/.test(l));
  if (lines.at(-1) === '') lines.pop();
  pre.replaceChildren(
    ...lines.map((line) => {
      const span = document.createElement('span');
      span.className = line.startsWith('@@') ? 'hunk' : line.startsWith('+++') || line.startsWith('---') ? 'head' : line[0] === '+' ? 'add' : line[0] === '-' ? 'del' : 'ctx';
      span.textContent = line.replace(/\r$/, '') + '\n';
      return span;
    }),
  );
}
