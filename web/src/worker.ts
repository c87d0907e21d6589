/** The playground's lint Worker: linting a big file (and working out its fixes) never blocks typing. */
import {lint, type Context} from './lint-core.js';

export interface Request {
  id: number;
  text: string;
  context: Context;
}

self.addEventListener('message', async (event: MessageEvent<Request>) => {
  const {id, text, context} = event.data;
  try {
    const started = performance.now();
    const answer = await lint(text, context);
    self.postMessage({id, ...answer, ms: performance.now() - started});
  } catch (error) {
    self.postMessage({id, error: (error as Error).stack ?? String(error)});
  }
});
