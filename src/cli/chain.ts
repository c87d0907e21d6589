/** `--print-config`'s `outer`: the resolved chain of a file's outer VM files, when it has a link. */
import type {FileConfig} from '../config/config-array.js';
import type {ConfigLoader} from '../runner/config-loader.js';
import {fileSettings} from '../engine/linter.js';
import {outerLinksFor, type LintFilesOptions} from '../runner/lint-files.js';
import {describeChain} from './lab-tree.js';
import {preloadOuters} from '../runner/preload-outers.js';
import {readVmxFileSync} from '../runner/parallel/read-sync.js';
import {decode} from '../syntax/encoding.js';
import {parse} from '../syntax/parse.js';

export async function outerChain(file: string, config: FileConfig, options: LintFilesOptions, loader: ConfigLoader, cwd: string): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = decode(readVmxFileSync(file).bytes).text;
  } catch {
    text = ''; // no file (or not readable): the command line's and config's link still show
  }
  const links = outerLinksFor(loader, options);
  await preloadOuters(file, text, [options.settings?.outer, config.settings.outer], links, (f) => loader.forFile(f));
  return describeChain(fileSettings(parse(text), config, {...options, outerLinks: links}, file), cwd);
}
