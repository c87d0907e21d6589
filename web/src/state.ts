/**
 * The whole playground state in the URL *hash* (never the query: a .vmx holds MAC addresses and
 * datastore paths, and the hash is never sent to a server): JSON, deflated with the browser's own
 * `CompressionStream('deflate-raw')`, base64url. `#z=` + that. Written with `history.replaceState`
 * at most every 500 ms (Safari refuses more than 100 URL changes in 30 seconds).
 */
import type {RuleSet} from './core.js';

export interface PlaygroundState {
  text: string;
  role: string;
  host: string;
  cpu: string;
  amdFamily: string;
  outerProduct: string;
  ruleSet: RuleSet;
  config: string;
}

const PREFIX = '#z=';

async function pipe(bytes: Uint8Array, stream: GenerationTransform): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}
type GenerationTransform = CompressionStream | DecompressionStream;

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** The hash for a state. */
export async function toHash(state: PlaygroundState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** The state in a hash; `undefined` when there is none; throws when it cannot be read. */
export async function fromHash(hash: string): Promise<Partial<PlaygroundState> | undefined> {
  if (!hash.startsWith(PREFIX)) return undefined;
  const json = new TextDecoder().decode(await pipe(fromBase64Url(hash.slice(PREFIX.length)), new DecompressionStream('deflate-raw')));
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a playground state');
  const out: Partial<PlaygroundState> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') (out as Record<string, string>)[k] = v;
  return out;
}

/** Writes the hash at most every `ms`, always ending on the latest state. */
export function hashWriter(ms = 500) {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: PlaygroundState | undefined;
  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    timer = undefined;
    const state = pending!;
    pending = undefined;
    last = Date.now();
    writing = writing.then(async () => {
      const hash = await toHash(state);
      if (hash !== location.hash) history.replaceState(null, '', hash);
    });
  };
  return {
    write(state: PlaygroundState) {
      pending = state;
      if (timer === undefined) timer = setTimeout(flush, Math.max(0, last + ms - Date.now()));
    },
    /** Resolves once the latest state is in the URL. */
    async settled(): Promise<void> {
      if (timer !== undefined) {
        clearTimeout(timer);
        flush();
      }
      await writing;
    },
  };
}
