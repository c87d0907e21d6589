/**
 * Inputs whose lint time must grow linearly with their size: shared by the linear-time bench
 * (scripts/bench/linear.mjs, `npm run bench`, which times them) and test/reliability/big-input.test.ts
 * (which lints them at two sizes and counts the work instead of timing it).
 * Each shape: `make(n)` gives a text of about `n` bytes (or keys), `from` is the smaller size timed.
 */

/** A .vmx text of `n` keys in VMware's own style. */
export function vmxText(n, eol = '\n') {
  const lines = ['.encoding = "UTF-8"', 'config.version = "8"', 'virtualHW.version = "19"', 'displayName = "reliability"', 'guestOS = "ubuntu-64"'];
  for (let i = 0; i < n; i++) lines.push(`ethernet${i}.virtualDev = "vmxnet3"`);
  return lines.join(eol) + eol;
}

/** Big files. */
export const BIG = {
  '100,000 keys (vs 25,000)': {from: 25_000, make: (n) => vmxText(n)},
  'a single 10 MB line (vs 2.5 MB)': {from: 2.5 * 1024 * 1024, make: (n) => `.encoding = "UTF-8"\nencryption.data = "${'QUJD'.repeat(n / 4)}"\n`},
};

/** Single-line shapes that could make a regular expression backtrack, from 1 MB. */
export const ODD_LINES = {
  'spaces and tabs only': (n) => ' \t'.repeat(n / 2) + '\n',
  'a key then spaces, no =': (n) => 'key' + ' '.repeat(n) + '\n',
  'spaces after =': (n) => 'key =' + ' '.repeat(n) + '\n',
  'tabs before =': (n) => 'key' + '\t'.repeat(n) + '= "x"\n',
  'spaces after the closing quote, then junk': (n) => 'key = "v"' + ' '.repeat(n) + 'x\n',
  'an unterminated quote': (n) => 'key = "' + ' \t'.repeat(n / 2) + '\n',
  'an unquoted value with spaces': (n) => 'key = a' + ' b'.repeat(n / 2) + '\n',
  'many = signs': (n) => 'key' + ' ='.repeat(n / 2) + '\n',
  'many # signs': (n) => '#'.repeat(n) + '\n',
  'many quotes': (n) => 'key = ' + '"'.repeat(n) + '\n',
  '.encoding then spaces': (n) => '.encoding' + ' '.repeat(n) + '\n',
  'a trailing comment of # and spaces': (n) => 'key = "v" #' + ' #'.repeat(n / 2) + '\n',
};
export const ODD_LINE_FROM = 1024 * 1024;

/** Many-line shapes, from 16 KB (most lines get a message). */
export const ODD_FILES = {
  'blank lines': (n) => '\n'.repeat(n),
  'CRLF blank lines': (n) => '\r\n'.repeat(n / 2),
  'lone CR line ends': (n) => 'a = "b"\r'.repeat(n / 8),
  'whitespace-only lines': (n) => ' \t \n'.repeat(n / 4),
  'one key repeated (duplicates)': (n) => 'a = "b"\n'.repeat(n / 8),
  'mixed odd lines': (n) => ['  key\t=\t"v"  # c', '\t\t', 'k = v w', '= "x"', 'a="b"c', '#!x'].join('\r\n').repeat(n / 40),
};
export const ODD_FILE_FROM = 16 * 1024;

/** A message for every `|` that is no escape, from 4 KB. */
export const PIPES = (n) => 'key = "' + '|2'.repeat(n / 2) + '"\n';
export const PIPES_FROM = 4 * 1024;
