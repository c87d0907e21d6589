/**
 * The linter as the page sees it: an async `lint` answered by a Worker (worker.ts), so typing never
 * waits for a big file's lint; and the host table for the pickers.
 */
import {HOSTS} from 'vmxlint/browser';
import type {Context, Lint} from './lint-core.js';
import type {Request} from './worker.js';

export {FILE_NAME} from './lint-core.js';
export type {Context, Lint, RuleSet} from './lint-core.js';

type Answer = {id: number; ms: number; error?: undefined; result?: Lint['result']; configError?: string; fixed?: string} | {id: number; error: string};

let worker: Worker | undefined;
let next = 0;
const waiting = new Map<number, {resolve: (a: Exclude<Answer, {error: string}>) => void; reject: (e: Error) => void}>();

function start(): Worker {
  const w = new Worker(new URL('./worker.js', import.meta.url), {type: 'module', name: 'vmxlint'});
  w.addEventListener('message', (event: MessageEvent<Answer>) => {
    const a = event.data;
    const p = waiting.get(a.id);
    waiting.delete(a.id);
    if (a.error !== undefined) p?.reject(new Error(a.error));
    else p?.resolve(a);
  });
  w.addEventListener('error', (event) => {
    for (const p of waiting.values()) p.reject(new Error(event.message || 'the lint worker failed to start'));
    waiting.clear();
    worker = undefined;
  });
  return w;
}

function ask(kind: Request['kind'], text: string, context: Context): Promise<Exclude<Answer, {error: string}>> {
  worker ??= start();
  const id = ++next;
  return new Promise((resolve, reject) => {
    waiting.set(id, {resolve, reject});
    worker!.postMessage({id, kind, text, context} satisfies Request);
  });
}

/** The problems of a text in a context, linted off the main thread; `ms`: the Worker's time. */
export async function lint(text: string, context: Context): Promise<Lint & {ms: number}> {
  const a = await ask('lint', text, context);
  return {result: a.result!, configError: a.configError, ms: a.ms};
}

/** What `vmxlint --fix` would write for the text (the text itself when nothing). */
export async function fix(text: string, context: Context): Promise<string> {
  return (await ask('fix', text, context)).fixed!;
}

/** The host products for the pickers: the ids `--host` and `--outer-product` take. */
export function hostOptions(): Array<{id: string; label: string; product: string}> {
  return HOSTS.map((h) => ({id: h.id, label: h.label, product: h.product}));
}
