/** SHA-1 for --cache and lab fingerprints (not for security: to notice a change). */
import {createRequire} from 'node:module';

// node:crypto costs start-up time: loaded on first use (a run without --cache never hashes)
let cryptoModule: typeof import('node:crypto') | undefined;
const crypto = () => (cryptoModule ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'));

export function hashBytes(bytes: Uint8Array): string {
  return crypto().createHash('sha1').update(bytes).digest('base64');
}

export function sha1(text: string, encoding: 'base64' | 'hex'): string {
  return crypto().createHash('sha1').update(text).digest(encoding);
}
