/**
 * Code actions, as vscode-eslint and stylelint's server offer them. Per problem: its fix
 * (preferred), each suggestion (never preferred: suggestions may change what the VM does), for
 * `nested-context` the `# vmxlint …` comment, "Disable <rule> for this line", "Show documentation
 * for <rule>". Per rule with two or more fixes: "Fix all <rule> problems". Per file:
 * `source.fixAll.vmxlint`, the text `vmxlint --fix` writes, as minimal line edits.
 */
import type {TextDocument} from 'vscode-languageserver-textdocument';
import {
  CodeAction,
  CodeActionKind,
  Command,
  TextDocumentEdit,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type {LintMessage} from './core.js';
import {messageRange, sameProblem, toDiagnostic} from './diagnostics.js';
import {contextCommentEdit, disableFileLevelEdit, disableNextLineEdit, minimalEdits, toTextEdit} from './edits.js';

export const FIX_ALL_KIND = 'source.fixAll.vmxlint';
export const SHOW_DOCUMENTATION = 'vmxlint.showDocumentation';

export interface ActionInput {
  doc: TextDocument;
  params: CodeActionParams;
  messages: LintMessage[];
  /** The text `vmxlint --fix` would write, computed only when asked for. */
  fixedText: () => Promise<string | undefined>;
  /** Whether the client takes versioned `documentChanges` (else plain `changes`). */
  documentChanges: boolean;
}

export function matchesOnly(kind: string, only: string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function workspaceEdit(input: ActionInput, edits: TextEdit[]): WorkspaceEdit {
  const {doc} = input;
  if (input.documentChanges) return {documentChanges: [TextDocumentEdit.create({uri: doc.uri, version: doc.version}, edits)]};
  return {changes: {[doc.uri]: edits}};
}

/** The messages a request is about: those the client names, and those on the requested lines. */
function selected(messages: LintMessage[], params: CodeActionParams): Array<{m: LintMessage; d: Diagnostic}> {
  const {start, end} = params.range;
  const out: Array<{m: LintMessage; d: Diagnostic}> = [];
  for (const m of messages) {
    const named = params.context.diagnostics.find((d) => sameProblem(m, d));
    const r = messageRange(m);
    const onLines = r.start.line <= end.line && r.end.line >= start.line;
    if (named || onLines) out.push({m, d: named ?? toDiagnostic(m)});
  }
  return out;
}

/** Fixes of one rule that do not overlap, in file order. */
function ruleFixes(messages: LintMessage[], ruleId: string) {
  const fixes = messages.filter((m) => m.ruleId === ruleId && m.fix && !m.fatal).map((m) => m.fix!);
  fixes.sort((a, b) => a.range[0] - b.range[0]);
  const kept = [];
  let end = -1;
  for (const f of fixes) {
    if (f.range[0] < end || (f.range[0] === end && f.range[0] === f.range[1])) continue;
    kept.push(f);
    end = f.range[1];
  }
  return kept;
}

const CHOICES: Record<string, string[]> = {role: ['outer', 'inner'], cpu: ['intel', 'amd'], amdFamily: ['0fh-revf', '0fh-revg', '10h']};

/**
 * The `# vmxlint name=value …` comments that give what a `nested-context` message asks for. The
 * names come from the message's own advice ("add a `# vmxlint host=… cpu=…` comment"); values
 * with few choices (CPU, role, AMD family, the hosts that `virtualHW.version` fits) are offered
 * one comment each, up to four; otherwise one comment with `…` for the user to fill in (the
 * directive then says which values are valid).
 */
export function contextComments(message: string): string[] {
  const advice = /add a `# vmxlint ([^`]+)` comment/.exec(message);
  if (!advice) return [];
  const names = advice[1].split(/\s+/).map((p) => p.split('=')[0]);
  const fits = /fits ([^)]*)\)/.exec(message);
  const hosts = fits && !fits[1].includes('--list-hosts') ? fits[1].split(/, | or /).map((h) => h.trim()) : undefined;
  const choices = names.map((n) => (n === 'host' || n === 'outerProduct' ? hosts : CHOICES[n]) ?? ['…']);
  const count = choices.reduce((n, c) => n * c.length, 1);
  // one comment to complete by hand as soon as one value must be typed in anyway
  const enumerate = count <= 4 && !choices.some((c) => c[0] === '…');
  const lists = enumerate ? choices : choices.map((c) => (c.length === 1 ? c : ['…']));
  let combos: string[][] = [[]];
  for (const list of lists) combos = combos.flatMap((combo) => list.map((v) => [...combo, v]));
  return combos.map((values) => names.map((n, i) => `${n}=${values[i]}`).join(' '));
}

export async function codeActions(input: ActionInput): Promise<CodeAction[]> {
  const {doc, params} = input;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (matchesOnly(CodeActionKind.QuickFix, only)) {
    const rulesSeen = new Set<string>();
    for (const {m, d} of selected(input.messages, params)) {
      if (m.fatal || !m.ruleId) continue;
      const rule = m.ruleId;
      if (m.fix) {
        const a = CodeAction.create(`Fix this ${rule} problem`, workspaceEdit(input, [toTextEdit(doc, m.fix)]), CodeActionKind.QuickFix);
        Object.assign(a, {diagnostics: [d], isPreferred: true});
        actions.push(a);
      }
      for (const s of m.suggestions ?? []) {
        const a = CodeAction.create(s.desc, workspaceEdit(input, [toTextEdit(doc, s.fix)]), CodeActionKind.QuickFix);
        Object.assign(a, {diagnostics: [d], isPreferred: false});
        actions.push(a);
      }
      if (rule === 'nested-context') {
        for (const pairs of contextComments(m.message)) {
          const a = CodeAction.create(`Insert \`# vmxlint ${pairs}\``, workspaceEdit(input, [contextCommentEdit(doc, pairs)]), CodeActionKind.QuickFix);
          a.diagnostics = [d];
          actions.push(a);
        }
      }
      // a problem about the whole file (line 1) is reached only by a trailing directive on line 1
      const disableEdit = m.nodeType === 'root' ? disableFileLevelEdit(doc, rule) : disableNextLineEdit(doc, messageRange(m).start.line, rule);
      if (disableEdit) {
        const disable = CodeAction.create(`Disable ${rule} for this line`, workspaceEdit(input, [disableEdit]), CodeActionKind.QuickFix);
        disable.diagnostics = [d];
        actions.push(disable);
      }
      if (m.url) {
        const show = CodeAction.create(`Show documentation for ${rule}`, Command.create(`Show documentation for ${rule}`, SHOW_DOCUMENTATION, m.url), CodeActionKind.QuickFix);
        actions.push(show);
      }
      rulesSeen.add(rule);
    }
    for (const rule of rulesSeen) {
      const fixes = ruleFixes(input.messages, rule);
      if (fixes.length < 2) continue;
      actions.push(CodeAction.create(`Fix all ${rule} problems`, workspaceEdit(input, fixes.map((f) => toTextEdit(doc, f))), CodeActionKind.QuickFix));
    }
  }
  if (matchesOnly(FIX_ALL_KIND, only) && (only || input.messages.some((m) => m.fix))) {
    const fixed = await input.fixedText();
    const edits = fixed === undefined ? [] : minimalEdits(doc, fixed);
    if (edits.length) actions.push(CodeAction.create('Fix all auto-fixable problems', workspaceEdit(input, edits), FIX_ALL_KIND));
  }
  return actions;
}
