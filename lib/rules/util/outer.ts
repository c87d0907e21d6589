/** Shared by the rules that read an inner VM's `outer` link (src/nested/outer-link.ts). */
import type {RelatedLocation, RuleContext, SettingSource} from '../../../src/engine/types.js';
import {defaultPaths, outerLinkOf, type OuterLink, type OuterVm} from '../../../src/nested/outer-link.js';
import type {Entry} from '../../../src/syntax/types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyContext = RuleContext<any, any>;

/** Where a setting came from, for messages. */
export function fromWhere(source: SettingSource | undefined): string {
  switch (source) {
    case 'cli':
      return 'from the command line';
    case 'directive':
      return 'from the `# vmxlint` comment';
    case 'config':
      return 'from the config';
    case 'outer':
      return 'from its own `outer` link';
    default:
      return 'inferred from the file';
  }
}

/** A file as messages name it: relative to the linted file's directory. */
export function shown(context: AnyContext, file: string): string {
  // the platform's path operations where there is one (the core imports no node:path), else POSIX
  const path = defaultPaths();
  const rel = path.relative(path.resolve(context.filePath, '..'), file);
  return (rel || file.slice(file.lastIndexOf(path.sep) + 1)).split(path.sep).join('/');
}

/** A related location on an outer file's entry (or its first line). */
export function relatedAt(vm: OuterVm, entry: Entry | undefined, message: string): RelatedLocation {
  if (!entry) return {filePath: vm.file, line: 1, column: 1, message};
  const start = entry.position.start;
  const end = entry.position.end;
  return {filePath: vm.file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, message};
}

/** The link of a file whose outer VM could be read (no cycle, no problem): what the cross checks need. */
export function usableLink(context: AnyContext): (OuterLink & {outer: OuterVm & Required<Pick<OuterVm, 'facts' | 'tree'>>}) | undefined {
  const link = outerLinkOf(context.settings);
  if (!link || link.cycle || !link.outer || link.outer.problem || !link.outer.facts || !link.outer.tree) return undefined;
  return link as OuterLink & {outer: OuterVm & Required<Pick<OuterVm, 'facts' | 'tree'>>};
}
