/**
 * Value escapes as VMware writes them: `|` followed by two hex digits.
 * Facts: ../shared/vmx-syntax.md, "Escapes inside values".
 */

const HEX = /^[0-9A-Fa-f]{2}$/;

/** Decode `|XX` escapes; a `|` not followed by two hex digits stays a literal `|` (VMware's reader). */
export function unescapeValue(raw: string): string {
  if (!raw.includes('|')) return raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const bar = raw.indexOf('|', i);
    if (bar === -1) {
      out += raw.slice(i);
      break;
    }
    out += raw.slice(i, bar);
    const hex = raw.slice(bar + 1, bar + 3);
    if (HEX.test(hex)) {
      out += String.fromCharCode(parseInt(hex, 16));
      i = bar + 3;
    } else {
      out += '|';
      i = bar + 1;
    }
  }
  return out;
}

/** Whether VMware's writer escapes this character: `"`, `|`, DEL and controls except TAB. */
export function mustEscape(code: number): boolean {
  return code === 0x22 || code === 0x7c || code === 0x7f || (code < 0x20 && code !== 0x09);
}

/** Encode a value as VMware's writer does (upper-case hex). */
export function escapeValue(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    out += mustEscape(code) ? '|' + code.toString(16).toUpperCase().padStart(2, '0') : value[i];
  }
  return out;
}

/** Positions (indices into `raw`) of `|` characters that do not start a valid `|XX` escape. */
export function badEscapes(raw: string): number[] {
  const found: number[] = [];
  let i = raw.indexOf('|');
  while (i !== -1) {
    if (HEX.test(raw.slice(i + 1, i + 3))) {
      i = raw.indexOf('|', i + 3);
    } else {
      found.push(i);
      i = raw.indexOf('|', i + 1);
    }
  }
  return found;
}
