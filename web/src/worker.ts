/** The playground's lint Worker: linting a big file (and working out its fixes) never blocks typing. */
import {fix, lint, type Context} from './lint-core.js';

export interface Request {
  id: number;
  /** `lint`: the problems; `fix`: what --fix would write. */
  kind: 'lint' | 'fix';
  text: string;
  context: Context;
}

self.addEventListener('message', async (event: MessageEvent<Request>) => {
  const {id, kind, text, context} = event.data;
  try {
    const started = performance.now();
    const answer = kind === 'lint' ? await lint(text, context) : {fixed: await fix(text, context)};
    self.postMessage({id, ...answer, ms: performance.now() - started});
  } catch (error) {
    self.postMessage({id, error: (error as Error).stack ?? String(error)});
  }
});
