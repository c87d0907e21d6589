/**
 * One meta test walks the registry (style guide): every rule has a test file and a docs page,
 * the page's front matter matches `meta`, a `## Fix` section exactly when the rule is fixable,
 * the docs URL points at the page, and the docs examples lint as they claim.
 */
import fs from 'node:fs';
import {describe, expect, it} from '@jest/globals';
import {rules} from '../lib/rules/index.js';
import {lintTextSync} from '../src/engine/linter.js';
import type {AnyRule} from '../src/engine/types.js';

const root = new URL('../', import.meta.url);
const ids = Object.keys(rules);

function frontMatter(page: string): Record<string, string> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(page);
  if (!m) return {};
  return Object.fromEntries(
    m[1]
      .split('\n')
      .map((l) => /^(\w+):\s*(.*)$/.exec(l))
      .filter((x): x is RegExpExecArray => x !== null)
      .map((x) => [x[1], x[2].replace(/^["']|["']$/g, '')]),
  );
}

/** ```vmx blocks with the nearest preceding "incorrect"/"correct" word as their claim. */
function examples(page: string): Array<{claim: 'incorrect' | 'correct'; code: string}> {
  const out: Array<{claim: 'incorrect' | 'correct'; code: string}> = [];
  const re = /```vmx\n([\s\S]*?)```/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(page))) {
    const before = page.slice(Math.max(0, m.index - 300), m.index).toLowerCase();
    const inc = before.lastIndexOf('incorrect');
    const cor = before.replace(/incorrect/g, '#########').lastIndexOf('correct');
    if (inc === -1 && cor === -1) continue;
    out.push({claim: inc > cor ? 'incorrect' : 'correct', code: m[1]});
  }
  return out;
}

it('the registry is sorted by rule id', () => {
  expect(ids).toEqual([...ids].sort());
});

describe.each(ids)('%s', (id) => {
  const rule = rules[id] as AnyRule;
  const pagePath = new URL(`docs/rules/${id}.md`, root);
  const page = fs.existsSync(pagePath) ? fs.readFileSync(pagePath, 'utf8') : '';

  it('has a test file naming it', () => {
    const test = new URL(`test/rules/${id}.test.ts`, root);
    expect(fs.existsSync(test)).toBe(true);
    expect(fs.readFileSync(test, 'utf8')).toContain(`'${id}'`);
  });

  it('has a docs page whose front matter matches meta, and its URL points at it', () => {
    expect(page).not.toBe('');
    const fm = frontMatter(page);
    expect(fm.title).toBe(id);
    expect(fm.description).toBe(rule.meta.docs.description);
    expect(rule.meta.docs.url.endsWith(`/docs/rules/${id}.md`)).toBe(true);
    expect(String(fm.fixable)).toBe(String(Boolean(rule.meta.fixable)));
  });

  it('has a ## Fix section exactly when fixable, and the sections every page has', () => {
    expect(/^## Fix\b/m.test(page)).toBe(Boolean(rule.meta.fixable));
    for (const section of ['## Rule details', '## Options', '## When not to use it', '## Related rules']) {
      expect(page).toContain(section);
    }
  });

  it('has messages and a schema, and a default severity', () => {
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    expect(rule.meta.schema).toBeDefined();
    expect(['info', 'warn', 'error']).toContain(rule.meta.defaultSeverity);
  });

  it('has docs examples that lint as they claim', () => {
    const list = examples(page);
    expect(list.some((e) => e.claim === 'incorrect')).toBe(true);
    expect(list.some((e) => e.claim === 'correct')).toBe(true);
    for (const {claim, code} of list) {
      const result = lintTextSync(code, {
        filePath: 'example.vmx',
        config: {rules: [{id, rule, severity: 'error', options: {}}], ruleDefs: new Map([[id, rule]]), settings: {}},
      });
      const mine = result.messages.filter((m) => m.ruleId === id);
      if (claim === 'incorrect') expect({code, count: mine.length > 0}).toEqual({code, count: true});
      else expect({code, messages: mine.map((m) => m.message)}).toEqual({code, messages: []});
    }
  });
});
