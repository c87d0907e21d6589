/** The context pickers (role, host, CPU, AMD family, outer product, rule set) and the config box. */
import {hostOptions, type Context, type RuleSet} from './core.js';
import type {PlaygroundState} from './state.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const PRODUCTS: Record<string, string> = {esx: 'ESX', esxi: 'ESXi', workstation: 'Workstation', player: 'Player', fusion: 'Fusion'};

/** Host options grouped by product, values the ids `--host` / `--outer-product` take. */
function fillHosts(select: HTMLSelectElement): void {
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const h of hostOptions()) {
    let group = groups.get(h.product);
    if (!group) {
      group = Object.assign(document.createElement('optgroup'), {label: PRODUCTS[h.product] ?? h.product});
      groups.set(h.product, group);
      select.append(group);
    }
    group.append(new Option(`${h.label} (${h.id})`, h.id));
  }
}

/** `onChange(delay)`: lint again, after `delay` ms (a pause in typing in the config box). */
export function createPickers(onChange: (delay: number) => void) {
  const role = $<HTMLSelectElement>('role');
  const host = $<HTMLSelectElement>('host');
  const cpu = $<HTMLSelectElement>('cpu');
  const amdFamily = $<HTMLSelectElement>('amd-family');
  const outerProduct = $<HTMLSelectElement>('outer-product');
  const ruleSet = $<HTMLSelectElement>('rule-set');
  const config = $<HTMLTextAreaElement>('config');
  const configError = $<HTMLElement>('config-error');
  fillHosts(host);
  fillHosts(outerProduct);

  /** AMD family matters unless the CPU is Intel; the outer product unless the VM is an outer one (or none). */
  const showRelevant = () => {
    $('amd-family-label').hidden = cpu.value === 'intel';
    $('outer-product-label').hidden = role.value === 'outer' || role.value === 'none';
  };
  for (const select of [role, host, cpu, amdFamily, outerProduct, ruleSet]) {
    select.addEventListener('change', () => {
      showRelevant();
      onChange(0);
    });
  }
  config.addEventListener('input', () => onChange(300));
  showRelevant();

  /** A setting counts only while its picker is shown. */
  const shown = (select: HTMLSelectElement) => (select.closest('label')!.hidden ? '' : select.value);

  return {
    context(): Context {
      const settings: Record<string, string> = {};
      const pairs: Array<[string, string]> = [
        ['role', role.value],
        ['host', host.value],
        ['cpu', cpu.value],
        ['amdFamily', shown(amdFamily)],
        ['outerProduct', shown(outerProduct)],
      ];
      for (const [name, value] of pairs) if (value) settings[name] = value;
      return {settings, ruleSet: ruleSet.value as RuleSet, config: config.value};
    },
    /** The pickers' part of the state. */
    state(): Omit<PlaygroundState, 'text'> {
      return {
        role: role.value,
        host: host.value,
        cpu: cpu.value,
        amdFamily: amdFamily.value,
        outerProduct: outerProduct.value,
        ruleSet: ruleSet.value as RuleSet,
        config: config.value,
      };
    },
    /** Restore from a link; a value no option has (an old or edited link) leaves the picker unset. */
    restore(state: Partial<PlaygroundState>) {
      const set = (select: HTMLSelectElement, value: string | undefined, fallback = '') => {
        select.value = value ?? fallback;
        if (select.value !== (value ?? fallback)) select.value = fallback;
      };
      set(role, state.role);
      set(host, state.host);
      set(cpu, state.cpu);
      set(amdFamily, state.amdFamily);
      set(outerProduct, state.outerProduct);
      set(ruleSet, state.ruleSet, 'recommended');
      config.value = state.config ?? '';
      if (config.value) (config.closest('details') as HTMLDetailsElement).open = true;
      showRelevant();
    },
    showConfigError(error: string | undefined) {
      configError.hidden = !error;
      configError.textContent = error ?? '';
    },
  };
}
