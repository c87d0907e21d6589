import {describe, it, expect} from '@jest/globals';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {Ajv} from 'ajv';
import type {LintMessage, LintResult} from '../src/engine/types.js';
import {FORMAT_NAMES, loadFormatter, UnknownFormatError} from '../src/formatters/index.js';
import type {FormatContext} from '../src/formatters/types.js';
import {format as stylish} from '../src/formatters/stylish.js';
import {format as json} from '../src/formatters/json.js';
import {format as compact} from '../src/formatters/compact.js';
import {format as unix} from '../src/formatters/unix.js';
import {format as sarif, FATAL_RULE_ID} from '../src/formatters/sarif.js';
import {format as junit} from '../src/formatters/junit.js';
import {format as checkstyle} from '../src/formatters/checkstyle.js';
import {format as github, escapeData, escapeProperty} from '../src/formatters/github.js';

// ---------------------------------------------------------------------------------------------
// Sample results, built by hand.

const cwd = path.resolve('/work/proj');
const oddName = `My VM &<>"'.vmx`;
const oddRel = `vms/${oddName}`;

/** Source of the odd file: an astral character first, so UTF-16 offsets differ from code points. */
const srcA = '# \u{1F5A5} My VM\nconfig.version = "8"\nvhv.enable = "FALSE"\nvhv.enable = "FALSE"\n';
const falseAt = srcA.indexOf('"FALSE"');
const line4At = srcA.lastIndexOf('vhv.enable');

const errorWithFix: LintMessage = {
  ruleId: 'nested/vhv-enable',
  severity: 2,
  message: 'vhv.enable must be "TRUE" for nested <VMs> at 100% & more',
  messageId: 'mustBeTrue',
  line: 3,
  column: 14,
  endLine: 3,
  endColumn: 21,
  nodeType: 'entry',
  fix: {range: [falseAt, falseAt + 7], text: '"TRUE"'},
  url: 'https://vmxlint.dev/rules/nested/vhv-enable',
};
const warningWithSuggestions: LintMessage = {
  ruleId: 'no-duplicate-keys',
  severity: 1,
  message: 'Duplicate key "vhv.enable"\nfirst set on line 3',
  messageId: 'duplicate',
  line: 4,
  column: 1,
  endLine: 4,
  endColumn: 21,
  nodeType: 'entry',
  suggestions: [
    {desc: 'Remove this line', fix: {range: [line4At, srcA.length], text: ''}},
    {desc: 'Comment it out: keep, for now', fix: {range: [line4At, line4At], text: '# '}},
  ],
};
const info: LintMessage = {
  ruleId: 'tools-traces',
  severity: 0,
  message: 'Traces of VMware Tools: 50% sure, see key: config.version',
  line: 2,
  column: 1,
  endLine: 2,
  endColumn: 21,
};
const fatal: LintMessage = {
  ruleId: null,
  severity: 2,
  fatal: true,
  message: 'Parsing error: control \u0001 char, lone \uD800 surrogate, ]]> and <tag> \u{1F600}',
  line: 1,
  column: 5,
};

const resultA: LintResult = {
  filePath: path.join(cwd, 'vms', oddName),
  messages: [errorWithFix, warningWithSuggestions, info],
  suppressedMessages: [],
  errorCount: 1,
  fatalErrorCount: 0,
  warningCount: 1,
  fixableErrorCount: 1,
  fixableWarningCount: 0,
  infoCount: 1,
  source: srcA,
  usedDeprecatedRules: [],
};
const clean: LintResult = {
  filePath: path.join(cwd, 'clean.vmx'),
  messages: [],
  suppressedMessages: [],
  errorCount: 0,
  fatalErrorCount: 0,
  warningCount: 0,
  fixableErrorCount: 0,
  fixableWarningCount: 0,
  infoCount: 0,
  usedDeprecatedRules: [],
};
const broken: LintResult = {
  ...clean,
  filePath: path.join(cwd, 'broken.vmx'),
  messages: [fatal],
  errorCount: 1,
  fatalErrorCount: 1,
};
const results = [resultA, clean, broken];

const context: FormatContext = {
  cwd,
  color: false,
  version: '1.2.3',
  rules: [
    {id: 'nested/vhv-enable', description: 'Require vhv.enable for nested VMs', url: 'https://vmxlint.dev/rules/nested/vhv-enable', defaultSeverity: 'error', fixable: true},
    {id: 'no-duplicate-keys', description: 'Disallow duplicate keys', url: 'https://vmxlint.dev/rules/no-duplicate-keys', defaultSeverity: 'warn', fixable: false},
    {id: 'tools-traces', description: 'Report traces of VMware Tools', url: 'https://vmxlint.dev/rules/tools-traces', defaultSeverity: 'info', fixable: false},
    {id: 'ran-but-silent', description: 'A rule that reported nothing', url: 'https://vmxlint.dev/rules/ran-but-silent', defaultSeverity: 'warn', fixable: false},
  ],
};

/** What XML keeps of a message (formatters drop the characters XML 1.0 forbids). */
const xmlSafe = (s: string): string => s.replace(/[\u0001]|\uD800(?![\uDC00-\uDFFF])/g, '');

// ---------------------------------------------------------------------------------------------
// A small, strict XML 1.0 well-formedness checker (elements, attributes, text, comments, CDATA,
// the five predefined entities and character references; no DTD). Returns a tree of elements.

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

function parseXml(xml: string): XmlElement {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`not well-formed XML: ${what} at ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  for (const ch of xml) {
    const c = ch.codePointAt(0)!;
    if (!isXmlChar(c)) fail(`forbidden character U+${c.toString(16).toUpperCase()}`);
  }
  const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(xml);
    if (!m) return fail('name expected');
    i += m[0].length;
    return m[0];
  };
  const ws = (): void => {
    while (i < xml.length && ' \t\r\n'.includes(xml[i])) i++;
  };
  const decodeRefs = (raw: string): string =>
    raw.replace(/&([^&;]*);|&/g, (_m, ref: string | undefined) => {
      if (ref === undefined) return fail('bare &');
      const named: Record<string, string> = {lt: '<', gt: '>', amp: '&', quot: '"', apos: "'"};
      if (ref in named) return named[ref];
      const num = /^#([0-9]+)$/.exec(ref) ?? /^#x([0-9a-fA-F]+)$/.exec(ref);
      if (!num) return fail(`unknown entity &${ref};`);
      const code = parseInt(num[1], ref.startsWith('#x') ? 16 : 10);
      if (!isXmlChar(code)) return fail(`character reference to forbidden U+${code.toString(16)}`);
      return String.fromCodePoint(code);
    });
  const comment = (): void => {
    const end = xml.indexOf('-->', i + 4);
    if (end < 0) fail('unterminated comment');
    if (xml.slice(i + 4, end).includes('--')) fail('-- in comment');
    i = end + 3;
  };
  const misc = (): void => {
    for (;;) {
      ws();
      if (xml.startsWith('<!--', i)) comment();
      else break;
    }
  };
  const element = (): XmlElement => {
    i++; // <
    const tag = name();
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = i;
      ws();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return {name: tag, attrs, children: [], text: ''};
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail('whitespace expected before an attribute');
      const attr = name();
      ws();
      if (xml[i] !== '=') fail('= expected');
      i++;
      ws();
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") fail('quote expected');
      const end = xml.indexOf(quote, i + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = xml.slice(i + 1, end);
      if (raw.includes('<')) fail('< in attribute value');
      if (attr in attrs) fail(`duplicate attribute ${attr}`);
      // Attribute-value normalisation: literal line breaks and tabs become spaces.
      attrs[attr] = decodeRefs(raw.replace(/\r\n?/g, '\n').replace(/[\t\n]/g, ' '));
      i = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (i >= xml.length) fail(`unclosed <${tag}>`);
      if (xml.startsWith('</', i)) {
        i += 2;
        const close = name();
        if (close !== tag) fail(`</${close}> closes <${tag}>`);
        ws();
        if (xml[i] !== '>') fail('> expected');
        i++;
        return {name: tag, attrs, children, text};
      }
      if (xml.startsWith('<!--', i)) {
        comment();
      } else if (xml.startsWith('<![CDATA[', i)) {
        const end = xml.indexOf(']]>', i);
        if (end < 0) fail('unterminated CDATA');
        text += xml.slice(i + 9, end);
        i = end + 3;
      } else if (xml[i] === '<') {
        children.push(element());
      } else {
        const next = xml.indexOf('<', i);
        const raw = xml.slice(i, next < 0 ? xml.length : next);
        if (raw.includes(']]>')) fail(']]> in text');
        text += decodeRefs(raw);
        i += raw.length;
      }
    }
  };

  if (xml.startsWith('<?xml')) {
    if (!/^<\?xml version="1\.0"( encoding="[A-Za-z0-9._-]+")?\?>/.test(xml)) fail('bad XML declaration');
    i = xml.indexOf('?>') + 2;
  }
  misc();
  if (xml[i] !== '<') fail('root element expected');
  const root = element();
  misc();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

function all(root: XmlElement, tag: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    if (e.name === tag) found.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return found;
}

describe('the XML well-formedness checker used below', () => {
  it('accepts well-formed XML and decodes it', () => {
    const root = parseXml('<?xml version="1.0" encoding="utf-8"?><a x="1 &amp; &#10;2"><b>&lt;t&gt; &#x1F600;</b><c/></a>\n');
    expect(root.attrs.x).toBe('1 & \n2');
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(root.children[0].text).toBe('<t> \u{1F600}');
  });
  it('rejects what is not well-formed', () => {
    for (const bad of ['<a>&</a>', '<a b="<"/>', '<a><b></a></b>', '<a>&#1;</a>', '<a>\u0001</a>', '<a>\uD800</a>', '<a x="1" x="2"/>', '<a/><b/>', '<a>]]></a>', '<a>&foo;</a>', '<a', '<a b=c/>']) {
      expect(() => parseXml(bad)).toThrow(/not well-formed/);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('loadFormatter', () => {
  it('knows every format and loads each one lazily on demand', async () => {
    expect(FORMAT_NAMES).toEqual(['stylish', 'json', 'compact', 'unix', 'sarif', 'junit', 'checkstyle', 'github', 'gitlab']);
    for (const name of FORMAT_NAMES) {
      const formatter = await loadFormatter(name);
      expect(typeof formatter).toBe('function');
      expect(typeof formatter(results, context)).toBe('string');
    }
    expect((await loadFormatter('json'))(results, context)).toBe(JSON.stringify(results));
  });
  it('rejects an unknown name, listing the known ones', async () => {
    await expect(loadFormatter('nope')).rejects.toThrow(UnknownFormatError);
    await expect(loadFormatter('toString')).rejects.toThrow(/Available formats: stylish, json, compact/);
  });
  it('imports no formatter module statically (start-up time)', () => {
    const source = readFileSync(new URL('../src/formatters/index.ts', import.meta.url), 'utf8');
    const staticImports = [...source.matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(staticImports).toEqual([]);
    for (const name of FORMAT_NAMES) expect(source).toContain(`import('./${name}.js')`);
  });
});

describe('json', () => {
  it('is JSON.stringify of the results and round-trips with ESLint field names', () => {
    const out = json(results, context);
    expect(out).toBe(JSON.stringify(results));
    const back = JSON.parse(out) as LintResult[];
    expect(back).toEqual(results);
    const eslintResultKeys = ['filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'usedDeprecatedRules'];
    const eslintMessageKeys = ['ruleId', 'severity', 'message', 'messageId', 'line', 'column', 'endLine', 'endColumn', 'nodeType', 'fatal', 'fix', 'suggestions'];
    for (const result of back) {
      for (const key of eslintResultKeys) expect(result).toHaveProperty(key);
      // Only ESLint's keys, plus vmxlint's documented additions.
      for (const key of Object.keys(result)) expect([...eslintResultKeys, 'source', 'output', 'infoCount']).toContain(key);
      for (const message of result.messages) {
        for (const key of Object.keys(message)) expect([...eslintMessageKeys, 'url']).toContain(key);
      }
    }
    expect(back[0].messages[0].fix).toEqual({range: [falseAt, falseAt + 7], text: '"TRUE"'});
    expect(back[2].messages[0].ruleId).toBeNull();
  });
});

describe('stylish', () => {
  const out = stylish(results, context);

  it('lists every message with its rule id and relative path (no source column: ESLint has none), without colour', () => {
    expect(out).not.toMatch(/\u001B\[/);
    expect(out).toContain(oddRel);
    expect(out).toContain('broken.vmx');
    expect(out).not.toContain(cwd);
    expect(out).not.toContain('clean.vmx');
    for (const id of ['nested/vhv-enable', 'no-duplicate-keys', 'tools-traces']) expect(out).toContain(id);
    expect(out).toMatch(/3:14-3:21\s+error\s+vhv\.enable must be "TRUE" for nested <VMs> at 100% & more\s+nested\/vhv-enable$/m);
    expect(out).toMatch(/4:1-4:21\s+warning\s+Duplicate key "vhv\.enable"\s+no-duplicate-keys$/m);
    expect(out).not.toMatch(/vmxlint$/m);
    expect(out).toMatch(/2:1-2:21\s+info\s+Traces of VMware Tools/);
    expect(out).toMatch(/1:5\s+error\s+Parsing error/);
  });
  it('hints at suggestions', () => {
    expect(out).toContain('(suggestions: Remove this line; Comment it out: keep, for now)');
  });
  it('ends with an ESLint-style summary instead of vfile-reporter\'s', () => {
    const lines = out.trimEnd().split('\n');
    expect(lines.slice(-2)).toEqual([
      '\u2716 4 problems (2 errors, 1 warning, 1 info)',
      '  1 error and 0 warnings potentially fixable with the `--fix` option.',
    ]);
    expect(out).not.toMatch(/messages \(/);
    expect(out.endsWith('\n')).toBe(true);
  });
  it('is empty when there is nothing to report', () => {
    expect(stylish([clean], context)).toBe('');
    expect(stylish([], context)).toBe('');
  });
  it('leaves out the fixable line when nothing is fixable, and colours only on request', () => {
    const warnOnly = stylish([{...resultA, messages: [warningWithSuggestions]}], context);
    expect(warnOnly.trimEnd().split('\n').at(-1)).toBe('\u26A0 1 problem (0 errors, 1 warning)');
    expect(warnOnly).not.toContain('potentially fixable');
    const coloured = stylish(results, {...context, color: true});
    expect(coloured).toMatch(/\u001B\[31m/);
    expect(coloured.replace(/\u001B\[[0-9;]*m/g, '')).toBe(out);
  });
});

describe('compact', () => {
  it('prints ESLint\'s compact lines and the problem count', () => {
    expect(compact(results, context).split('\n')).toEqual([
      `${oddRel}: line 3, col 14, Error - vhv.enable must be "TRUE" for nested <VMs> at 100% & more (nested/vhv-enable)`,
      `${oddRel}: line 4, col 1, Warning - Duplicate key "vhv.enable" first set on line 3 (no-duplicate-keys)`,
      `${oddRel}: line 2, col 1, Info - Traces of VMware Tools: 50% sure, see key: config.version (tools-traces)`,
      `broken.vmx: line 1, col 5, Error - ${fatal.message}`,
      '',
      '4 problems',
    ]);
    expect(compact([clean], context)).toBe('');
  });
});

describe('unix', () => {
  it('prints path:line:col: message [Type/rule] lines and the problem count', () => {
    expect(unix(results, context).split('\n')).toEqual([
      `${oddRel}:3:14: vhv.enable must be "TRUE" for nested <VMs> at 100% & more [Error/nested/vhv-enable]`,
      `${oddRel}:4:1: Duplicate key "vhv.enable" first set on line 3 [Warning/no-duplicate-keys]`,
      `${oddRel}:2:1: Traces of VMware Tools: 50% sure, see key: config.version [Info/tools-traces]`,
      `broken.vmx:1:5: ${fatal.message} [Error]`,
      '',
      '4 problems',
    ]);
    expect(unix([{...clean, messages: [info]}], context).endsWith('\n\n1 problem')).toBe(true);
  });
});

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(new URL('./fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
  // The official schema is draft-04. The only draft-04 feature it uses that Ajv 8 refuses is the root
  // `id` (no boolean exclusiveMinimum/Maximum), so it is read as `$id`, without the draft-04 `$schema`;
  // everything else means the same in Ajv's draft-07. Formats are checked strictly (RFC 3986 characters).
  const {id: schemaId, $schema: _draft04, ...schemaBody} = schema;
  const ajv = new Ajv({strict: false, allErrors: true});
  const uriChars = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;
  const isUriReference = (s: string): boolean => uriChars.test(s) && (!/^[^/?#]*:/.test(s) || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s));
  ajv.addFormat('uri-reference', isUriReference);
  ajv.addFormat('uri', (s: string) => isUriReference(s) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  const validate = ajv.compile({$id: schemaId, ...schemaBody});

  const out = sarif(results, context);
  const log = JSON.parse(out);
  const run = log.runs[0];

  it('validates against the official SARIF 2.1.0 schema', () => {
    expect(schema.title).toBe('Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The validator does reject what is wrong.
    expect(validate({...log, runs: [{...run, results: [{...run.results[0], level: 'fatal'}]}]})).toBe(false);
    expect(validate({...log, runs: [{...run, results: [{...run.results[0], locations: [{physicalLocation: {artifactLocation: {uri: 'a b.vmx'}}}]}]}]})).toBe(false);
    // An empty run is valid too.
    expect(validate(JSON.parse(sarif([], context)))).toBe(true);
  });
  it('describes the tool and every rule', () => {
    expect(log.version).toBe('2.1.0');
    expect(typeof log.$schema).toBe('string');
    expect(run.tool.driver).toMatchObject({name: 'vmxlint', version: '1.2.3', informationUri: 'https://github.com/vmxlint/vmxlint'});
    const rules = run.tool.driver.rules;
    expect(rules.map((r: {id: string}) => r.id)).toEqual(['nested/vhv-enable', 'no-duplicate-keys', 'tools-traces', 'ran-but-silent', FATAL_RULE_ID]);
    expect(rules[0]).toMatchObject({
      shortDescription: {text: 'Require vhv.enable for nested VMs'},
      helpUri: 'https://vmxlint.dev/rules/nested/vhv-enable',
      defaultConfiguration: {level: 'error'},
    });
    expect(rules.map((r: {defaultConfiguration: {level: string}}) => r.defaultConfiguration.level)).toEqual(['error', 'warning', 'note', 'warning', 'error']);
  });
  it('maps each message to a result with its rule, level, location and region', () => {
    const rules = run.tool.driver.rules;
    expect(run.results).toHaveLength(4);
    for (const r of run.results) expect(rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(run.results.map((r: {level: string}) => r.level)).toEqual(['error', 'warning', 'note', 'error']);
    const encoded = "vms/My%20VM%20%26%3C%3E%22'.vmx";
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: {uri: encoded},
      region: {startLine: 3, startColumn: 14, endLine: 3, endColumn: 21},
    });
    expect(decodeURIComponent(encoded)).toBe(oddRel);
    expect(run.results[1].message.text).toBe(warningWithSuggestions.message);
    expect(run.results[3]).toMatchObject({ruleId: FATAL_RULE_ID, level: 'error', message: {text: fatal.message}});
    expect(run.results[3].locations[0].physicalLocation).toEqual({artifactLocation: {uri: 'broken.vmx'}, region: {startLine: 1, startColumn: 5}});
  });
  it('turns fixes and suggestions into SARIF fixes with UTF-16 offsets', () => {
    const apply = (text: string, fix: {artifactChanges: Array<{replacements: Array<{deletedRegion: {charOffset: number; charLength: number}; insertedContent: {text: string}}>}>}): string => {
      const {deletedRegion, insertedContent} = fix.artifactChanges[0].replacements[0];
      return text.slice(0, deletedRegion.charOffset) + insertedContent.text + text.slice(deletedRegion.charOffset + deletedRegion.charLength);
    };
    const [errorResult, warningResult, infoResult] = run.results;
    expect(errorResult.fixes).toHaveLength(1);
    expect(errorResult.fixes[0].artifactChanges[0].artifactLocation.uri).toBe("vms/My%20VM%20%26%3C%3E%22'.vmx");
    expect(errorResult.fixes[0].artifactChanges[0].replacements[0]).toEqual({
      deletedRegion: {startLine: 3, startColumn: 14, endLine: 3, endColumn: 21, charOffset: falseAt, charLength: 7},
      insertedContent: {text: '"TRUE"'},
    });
    expect(apply(srcA, errorResult.fixes[0])).toBe(srcA.replace('"FALSE"', '"TRUE"'));
    expect(warningResult.fixes.map((f: {description: {text: string}}) => f.description.text)).toEqual(['Remove this line', 'Comment it out: keep, for now']);
    expect(apply(srcA, warningResult.fixes[0])).toBe(srcA.slice(0, line4At));
    expect(infoResult.fixes).toBeUndefined();
  });
  it('gives each fix a line/column region as well (reviewdog reads only those), the same text as the offsets', () => {
    type Region = {startLine: number; startColumn: number; endLine: number; endColumn: number; charOffset: number; charLength: number};
    type Fix = {artifactChanges: Array<{replacements: Array<{deletedRegion: Region; insertedContent: {text: string}}>}>};
    // as reviewdog applies a suggestion: by lines and UTF-16 columns (endColumn exclusive)
    const byLines = (text: string, fix: Fix): string => {
      const {deletedRegion: r, insertedContent} = fix.artifactChanges[0].replacements[0];
      const lines = text.split(/(?<=\n)/);
      const offset = (line: number, column: number) => lines.slice(0, line - 1).join('').length + column - 1;
      return text.slice(0, offset(r.startLine, r.startColumn)) + insertedContent.text + text.slice(offset(r.endLine, r.endColumn));
    };
    const [errorResult, warningResult] = run.results;
    const fixes: Fix[] = [...errorResult.fixes, ...warningResult.fixes];
    expect(fixes).toHaveLength(3);
    for (const fix of fixes) {
      const r = fix.artifactChanges[0].replacements[0].deletedRegion;
      const expected = srcA.slice(0, r.charOffset) + fix.artifactChanges[0].replacements[0].insertedContent.text + srcA.slice(r.charOffset + r.charLength);
      expect(byLines(srcA, fix)).toBe(expected);
    }
    // a deleted line, with its line break: from column 1 to column 1 of the next line; an insertion: an empty region
    expect(warningResult.fixes[0].artifactChanges[0].replacements[0].deletedRegion).toMatchObject({startLine: 4, startColumn: 1, endLine: 5, endColumn: 1});
    expect(warningResult.fixes[1].artifactChanges[0].replacements[0].deletedRegion).toMatchObject({startLine: 4, startColumn: 1, endLine: 4, endColumn: 1, charLength: 0});
    // after --fix the ranges are in the fixed text (output); without any text, offsets only
    const fixedText = '\r\n' + srcA;
    const shifted = {...errorWithFix, fix: {range: [falseAt + 2, falseAt + 9] as [number, number], text: '"TRUE"'}};
    const withOutput = JSON.parse(sarif([{...resultA, messages: [shifted], source: undefined, output: fixedText}], context));
    expect(withOutput.runs[0].results[0].fixes[0].artifactChanges[0].replacements[0].deletedRegion).toEqual({startLine: 4, startColumn: 14, endLine: 4, endColumn: 21, charOffset: falseAt + 2, charLength: 7});
    const noText = JSON.parse(sarif([{...resultA, source: undefined}], context));
    expect(noText.runs[0].results[0].fixes[0].artifactChanges[0].replacements[0].deletedRegion).toEqual({charOffset: falseAt, charLength: 7});
    expect(validate(withOutput)).toBe(true);
  });
});

describe('junit', () => {
  const out = junit(results, context);
  const root = parseXml(out);

  it('is well-formed, with one testsuite per file and one testcase per message', () => {
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({tests: '5', failures: '2', errors: '1'});
    const suites = all(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual([oddRel, 'clean.vmx', 'broken.vmx']);
    expect(suites.map((s) => s.children.length)).toEqual([3, 1, 1]);
  });
  it('reports failures typed by rule id, errors for fatal messages, and passes info and clean files', () => {
    const [a, cleanSuite, b] = all(root, 'testsuite');
    const failures = all(a, 'failure');
    expect(failures.map((f) => f.attrs.type)).toEqual(['nested/vhv-enable', 'no-duplicate-keys']);
    expect(failures[0].attrs.message).toBe(errorWithFix.message);
    expect(failures[1].attrs.message).toBe(warningWithSuggestions.message); // the line break survives
    expect(failures[0].text).toContain('line 3, col 14, Error - vhv.enable must be "TRUE" for nested <VMs> at 100% & more');
    expect(all(a, 'system-out').map((s) => s.text)).toEqual([expect.stringContaining('Traces of VMware Tools: 50% sure')]);
    expect(cleanSuite.children[0]).toMatchObject({name: 'testcase', children: [], attrs: {name: 'clean.vmx'}});
    const errors = all(b, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].attrs.type).toBe('fatal');
    expect(errors[0].attrs.message).toBe(xmlSafe(fatal.message));
    expect(errors[0].text).toContain(xmlSafe(fatal.message));
  });
});

describe('checkstyle', () => {
  const out = checkstyle(results, context);
  const root = parseXml(out);

  it('is well-formed ESLint-style checkstyle XML', () => {
    expect(out.startsWith('<?xml version="1.0" encoding="utf-8"?><checkstyle version="4.3">')).toBe(true);
    expect(root.name).toBe('checkstyle');
    expect(root.attrs.version).toBe('4.3');
    expect(root.children.map((f) => f.attrs.name)).toEqual([oddRel, 'clean.vmx', 'broken.vmx']);
  });
  it('has one error element per message with escaped values', () => {
    const errors = all(root, 'error');
    expect(errors.map((e) => e.attrs)).toEqual([
      {line: '3', column: '14', severity: 'error', message: `${errorWithFix.message} (nested/vhv-enable)`, source: 'vmxlint.rules.nested/vhv-enable'},
      {line: '4', column: '1', severity: 'warning', message: `${warningWithSuggestions.message} (no-duplicate-keys)`, source: 'vmxlint.rules.no-duplicate-keys'},
      {line: '2', column: '1', severity: 'info', message: `${info.message} (tools-traces)`, source: 'vmxlint.rules.tools-traces'},
      {line: '1', column: '5', severity: 'error', message: xmlSafe(fatal.message), source: ''},
    ]);
    expect(out).toContain('&lt;VMs&gt;');
    expect(out).toContain('&#10;first set on line 3');
  });
});

describe('github', () => {
  it('escapes data and properties as @actions/core does', () => {
    expect(escapeData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d');
    expect(escapeProperty('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab%3A c%2C d');
  });
  it('prints one workflow command per message', () => {
    const out = github(results, context);
    expect(out.endsWith('\n')).toBe(true);
    const lines = out.slice(0, -1).split('\n');
    expect(lines).toEqual([
      `::error file=${oddRel},line=3,col=14,endLine=3,endColumn=21,title=nested/vhv-enable::vhv.enable must be "TRUE" for nested <VMs> at 100%25 & more`,
      `::warning file=${oddRel},line=4,col=1,endLine=4,endColumn=21,title=no-duplicate-keys::Duplicate key "vhv.enable"%0Afirst set on line 3`,
      `::notice file=${oddRel},line=2,col=1,endLine=2,endColumn=21,title=tools-traces::Traces of VMware Tools: 50%25 sure, see key: config.version`,
      `::error file=broken.vmx,line=1,col=5,title=vmxlint::${fatal.message}`,
    ]);
    expect(github([clean], context)).toBe('');
  });
  it('escapes commas and colons in the file property', () => {
    const odd = {...clean, filePath: path.join(cwd, 'a,b:c%.vmx'), messages: [info]};
    expect(github([odd], context)).toMatch(/^::notice file=a%2Cb%3Ac%25\.vmx,line=2,/);
  });
});

// ---------------------------------------------------------------------------------------------
// Reports written in pieces (the CLI writes them as they come): byte for byte the whole string.

describe('formatChunks (json, sarif, stylish): the pieces join to exactly the formatted text', () => {
  const many: LintResult[] = Array.from({length: 40}, (_, i) => ({...resultA, filePath: path.join(cwd, `vms/vm-${i}.vmx`)}));
  const cases: Array<[string, LintResult[]]> = [
    ['the sample results', results],
    ['no results', []],
    ['results without messages', [clean]],
    ['only a fatal result', [broken]],
    ['many files', [...many, clean, broken, ...many]],
  ];
  it.each(cases)('%s', async (_name, list) => {
    for (const name of ['json', 'sarif', 'stylish'] as const) {
      const module = await import(`../src/formatters/${name}.js`);
      const pieces = [...module.formatChunks(list, context)] as string[];
      expect(pieces.join('')).toBe(module.format(list, context));
      // a report of many files comes in many pieces, none of them the whole report
      if (list.length > 10) expect(pieces.length).toBeGreaterThan(list.length / 2);
    }
  });
});
