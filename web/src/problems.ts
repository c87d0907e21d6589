/** The problems list: one item per message, with its place, message, rule link, Fix and suggestions. */
import type {LintMessage, TextEdit} from 'vmxlint/browser';

export interface ProblemActions {
  /** Move the cursor to the problem. */
  reveal(message: LintMessage): void;
  /** Apply one edit (the problem's fix or one of its suggestions). */
  apply(edit: TextEdit): void;
}

const SEVERITY = ['info', 'warning', 'error'] as const;

/** `info` / `warning` / `error`, as the CLI names them. */
export const severityName = (m: LintMessage) => SEVERITY[m.severity];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** The place as the CLI prints it: `line:column` or `line:column-endLine:endColumn`. */
export function placeOf(m: LintMessage): string {
  const start = `${m.line}:${m.column}`;
  return m.endLine !== undefined ? `${start}-${m.endLine}:${m.endColumn}` : start;
}

/** A message's `code` spans as <code> elements, the rest as text. */
function withCode(message: string): Array<Node | string> {
  return message.split(/(`[^`]+`)/).map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? el('code', {}, part.slice(1, -1)) : part));
}

export function renderProblems(list: HTMLElement, messages: LintMessage[], actions: ProblemActions): void {
  const items = messages.map((m) => {
    const li = el('li', {className: `problem severity-${severityName(m)}`});
    li.dataset.ruleId = m.ruleId ?? '';
    const place = el('button', {className: 'place', type: 'button', title: 'Show in the text'}, placeOf(m));
    place.addEventListener('click', () => actions.reveal(m));
    li.append(place, el('span', {className: 'severity'}, severityName(m)), el('span', {className: 'message'}, ...withCode(m.message)));
    if (m.ruleId) {
      li.append(m.url ? el('a', {className: 'rule', href: m.url, target: '_blank', rel: 'noopener noreferrer', title: 'The rule\'s page'}, m.ruleId) : el('span', {className: 'rule'}, m.ruleId));
    }
    const buttons = el('span', {className: 'actions'});
    if (m.fix) {
      const fix = el('button', {className: 'fix', type: 'button', title: 'Apply this fix (vmxlint --fix would)'}, 'Fix');
      fix.dataset.testid = 'fix';
      fix.addEventListener('click', () => actions.apply(m.fix!));
      buttons.append(fix);
    }
    for (const s of m.suggestions ?? []) {
      const b = el('button', {className: 'suggestion', type: 'button', title: 'A suggestion: --fix never applies it'}, s.desc);
      b.addEventListener('click', () => actions.apply(s.fix));
      buttons.append(b);
    }
    if (buttons.childNodes.length) li.append(buttons);
    return li;
  });
  list.replaceChildren(...items);
}
