/**
 * `vmxlint-language-server --stdio` (or `--node-ipc`, `--socket=N`, `--pipe=NAME`: the library reads
 * the transport from the command line). `shutdown` then `exit` ends the process with code 0.
 */
import {createConnection, ProposedFeatures} from 'vscode-languageserver/node';
import {VERSION} from './core.js';
import {startServer} from './server.js';

const USAGE = `Usage: vmxlint-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The vmxlint language server (Language Server Protocol): an editor starts it and talks to it over
the chosen transport. Set-up for Neovim, Helix, Emacs, Zed, Sublime Text and VS Code: docs/editors.md.
`;

export function run(argv: string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  if (!argv.some((a) => /^--(stdio|node-ipc|socket|pipe)(=|$)/.test(a))) {
    process.stderr.write(`vmxlint-language-server: no transport given\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  startServer(createConnection(ProposedFeatures.all));
}
