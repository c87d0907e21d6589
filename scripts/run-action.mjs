/**
 * Runs the steps of this repository's action.yml here, as the GitHub Actions runner runs a
 * composite action's `run` steps: inputs (defaults, then the given ones; an unknown one is an
 * error) and `${{ }}` expressions over `inputs`, `github.action_path` and `steps.<id>.outputs`;
 * each step's script in `bash --noprofile --norc -eo pipefail` (the runner's `shell: bash`), in
 * the workspace, with the runner's variables (GITHUB_ACTION_PATH, GITHUB_WORKSPACE, RUNNER_TEMP,
 * a fresh GITHUB_OUTPUT and GITHUB_STEP_SUMMARY per step, GITHUB_EVENT_NAME/PATH) and the step's
 * `env`; a failing step stops the action; workflow commands in the output become annotations
 * (GitHub shows 10 of each type per step: `shown`); the action's outputs come from the steps'.
 *
 *   node scripts/run-action.mjs [--workspace dir] [--event pull_request --base <sha>] [--json] [input=value ...]
 *
 * Prints the steps' output and a summary (or, with --json, one JSON object), and exits with the
 * action's exit code. test/action.test.ts uses it.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHOWN_PER_TYPE = 10;

async function loadYaml(text) {
  // js-yaml comes with cosmiconfig (a dependency)
  const yaml = await import('js-yaml');
  return yaml.load(text);
}

/** `name=value` lines and `name<<DELIMITER` blocks, as the runner reads GITHUB_OUTPUT. */
export function parseOutputFile(text) {
  const out = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      out[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return out;
}

/** Workflow commands (`::error file=…,line=…::message`) in a step's output. */
export function annotationsIn(text) {
  const found = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props = Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((p) => [p.slice(0, p.indexOf('=')), decodeURIComponent(p.slice(p.indexOf('=') + 1))]));
    found.push({type: m[1], ...props, message: m[3].replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')});
  }
  return found;
}

/**
 * Run the action. `inputs`: values by input name; `workspace`: the repository checked out;
 * `event`: {name, payload} (default push, no payload).
 */
export async function runAction({inputs = {}, workspace = process.cwd(), event = {name: 'push', payload: {}}, env = process.env, quiet = false} = {}) {
  const action = await loadYaml(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
  if (action.runs?.using !== 'composite') throw new Error('action.yml: expected a composite action');
  const values = {};
  for (const [name, spec] of Object.entries(action.inputs ?? {})) values[name] = spec.default ?? '';
  for (const [name, value] of Object.entries(inputs)) {
    if (!(name in values)) throw new Error(`Unexpected input '${name}', valid inputs are ${Object.keys(values).join(', ')}`);
    values[name] = String(value);
  }
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'vmxlint-action-'));
  const runnerTemp = path.join(temp, 'runner-temp');
  fs.mkdirSync(runnerTemp);
  const eventPath = path.join(temp, 'event.json');
  fs.writeFileSync(eventPath, JSON.stringify(event.payload ?? {}));
  const stepOutputs = {};
  const evaluate = (text) =>
    String(text).replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expr) => {
      let m;
      if ((m = /^inputs\.([\w-]+)$/.exec(expr))) return values[m[1]] ?? '';
      if (expr === 'github.action_path') return ROOT;
      if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr))) return stepOutputs[m[1]]?.[m[2]] ?? '';
      throw new Error(`action.yml: the expression \${{ ${expr} }} is not supported by scripts/run-action.mjs`);
    });
  const steps = [];
  let exitCode = 0;
  try {
    for (const [index, step] of action.runs.steps.entries()) {
      if (step.uses) throw new Error(`step ${index + 1}: \`uses:\` steps cannot run here`);
      if (step.shell !== 'bash') throw new Error(`step ${index + 1}: only shell: bash is supported`);
      const outputFile = path.join(temp, `output-${index}`);
      const summaryFile = path.join(temp, `summary-${index}`);
      const scriptFile = path.join(temp, `step-${index}.sh`);
      fs.writeFileSync(outputFile, '');
      fs.writeFileSync(summaryFile, '');
      fs.writeFileSync(scriptFile, evaluate(step.run));
      const stepEnv = {
        ...env,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_ACTION_PATH: ROOT,
        GITHUB_WORKSPACE: workspace,
        GITHUB_EVENT_NAME: event.name,
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: runnerTemp,
        ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(v)])),
      };
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', scriptFile], {cwd: workspace, env: stepEnv, encoding: 'utf8', timeout: 10 * 60_000});
      const annotations = annotationsIn(`${r.stdout}\n${r.stderr}`);
      const seen = {};
      for (const a of annotations) a.shown = (seen[a.type] = (seen[a.type] ?? 0) + 1) <= SHOWN_PER_TYPE;
      const record = {
        name: step.name ?? `step ${index + 1}`,
        id: step.id,
        code: r.status ?? 1,
        stdout: r.stdout,
        stderr: r.stderr,
        annotations,
        summary: fs.readFileSync(summaryFile, 'utf8'),
        outputs: parseOutputFile(fs.readFileSync(outputFile, 'utf8')),
      };
      steps.push(record);
      if (step.id) stepOutputs[step.id] = record.outputs;
      if (!quiet) {
        process.stdout.write(`▶ ${record.name}\n${r.stdout}`);
        process.stderr.write(r.stderr);
      }
      if (record.code !== 0) {
        exitCode = record.code;
        break; // the runner skips the next steps of a failed composite action
      }
    }
    const outputs = Object.fromEntries(Object.entries(action.outputs ?? {}).map(([name, spec]) => [name, evaluate(spec.value)]));
    return {exitCode, steps, outputs, annotations: steps.flatMap((s) => s.annotations), summary: steps.map((s) => s.summary).join('')};
  } finally {
    fs.rmSync(temp, {recursive: true, force: true});
  }
}

async function cli(argv) {
  const inputs = {};
  let workspace = process.cwd();
  let event = {name: 'push', payload: {}};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--workspace') workspace = path.resolve(argv[++i]);
    else if (a === '--event') event = {...event, name: argv[++i]};
    else if (a === '--base') event = {...event, payload: {pull_request: {base: {sha: argv[++i]}}}};
    else if (a === '--json') json = true;
    else if (a.includes('=')) inputs[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
    else throw new Error(`unknown argument ${a}: expected --workspace, --event, --base, --json or input=value`);
  }
  const result = await runAction({inputs, workspace, event, quiet: json});
  if (json) process.stdout.write(JSON.stringify(result) + '\n');
  else {
    const shown = result.annotations.filter((a) => a.shown).length;
    process.stdout.write(`\naction: exit ${result.exitCode}; outputs ${JSON.stringify(result.outputs)}; ${result.annotations.length} annotations (${shown} shown by GitHub)\n`);
  }
  return result.exitCode;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`run-action: ${error.message}\n`);
      process.exit(2);
    },
  );
}
