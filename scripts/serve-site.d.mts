/** Types of serve-site.mjs, for the TypeScript tests. */
export interface Site {
  /** The site's address, ending in the sub-path. */
  url: string;
  origin: string;
  /** Every path the server was asked for. */
  requests: string[];
  close(): Promise<void>;
}
export function serve(dir: string, options?: {subPath?: string; port?: number}): Promise<Site>;
export function findChromium(): string | undefined;
