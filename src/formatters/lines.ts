/**
 * Lines of a file's text, for formatters that turn UTF-16 offsets (fix ranges) into 1-based
 * line/column positions or need a line's text. Line breaks are LF, CRLF and a lone CR, as the
 * parser reads them (src/syntax/parse.ts) and as SARIF counts lines (§3.30.2).
 */

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column in UTF-16 code units. */
  column: number;
}

export class LineIndex {
  /** Offset where each line starts; the last line may be empty (text ending with a line break). */
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) this.starts.push(i + 1);
    }
  }

  /** The position of an offset (clamped to the text); the offset just after a line break is column 1 of the next line. */
  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return {line: lo + 1, column: at - this.starts[lo] + 1};
  }

  /** The text of a 1-based line, without its line break ('' when there is no such line). */
  lineText(line: number): string {
    if (line < 1 || line > this.starts.length) return '';
    const start = this.starts[line - 1];
    const end = line < this.starts.length ? this.starts[line] : this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  }
}
