/**
 * Before a file is linted: the `outer` chain's configs, loaded asynchronously (the lint itself is
 * synchronous), found by a quick look at `outer=` in the `# vmxlint` comments.
 */
import path from 'node:path';
import type {OuterLinks} from '../nested/outer-link.js';

/** The `outer=` values of a text's `# vmxlint` comments (a quick look, before the file is linted). */
export function directiveOuterValues(text: string): string[] {
  if (!text.includes('outer=')) return [];
  const out: string[] = [];
  for (const m of text.matchAll(/^[ \t]*#[ \t]*vmxlint[ \t]+(.*)$/gm)) {
    for (const v of m[1].matchAll(/(?:^|\s)outer=("[^"]*"|\S+)/gi)) out.push(v[1].replace(/^"(.*)"$/, '$1'));
  }
  return out;
}

/**
 * Before a file is linted: load the configs of its chain of outer files (loading a config is
 * asynchronous, the lint is not), following the links the file and each outer give. Files are
 * read through `links`, so each is still read once per run.
 */
export async function preloadOuters(filePath: string, text: string, given: ReadonlyArray<string | undefined>, links: OuterLinks, loadConfig: (file: string) => Promise<unknown>): Promise<void> {
  const todo: string[] = given.filter((g): g is string => g !== undefined).map((g) => path.resolve(path.dirname(filePath), g));
  for (const v of directiveOuterValues(text)) todo.push(path.resolve(path.dirname(filePath), v));
  const seen = new Set<string>([path.resolve(filePath)]);
  while (todo.length && seen.size < 64) {
    const target = todo.shift()!;
    if (seen.has(target)) continue;
    seen.add(target);
    try {
      await loadConfig(target);
    } catch {
      // a broken config above an outer file: that file is linted with the default rules here
    }
    const vm = links.vm(target);
    if (vm.text === undefined) continue;
    for (const v of directiveOuterValues(vm.text)) todo.push(path.resolve(path.dirname(target), v));
    if (vm.config?.settings.outer !== undefined) todo.push(vm.config.settings.outer);
  }
}
