/**
 * The action's summary, from vmxlint's JSON results: a line in the log, the counts as step outputs
 * ($GITHUB_OUTPUT), and a job summary ($GITHUB_STEP_SUMMARY) listing the problems, since GitHub
 * shows only 10 annotations of each type per step. Usage: node summary.mjs <results.json> <exit code>
 */
import fs from 'node:fs';
import path from 'node:path';

const [file, code] = process.argv.slice(2);
/** At most this many rows in the job summary (GitHub takes up to 1 MiB per step). */
const MAX_ROWS = 500;
const ANNOTATIONS_PER_TYPE = 10;

let results = [];
try {
  results = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch {
  // vmxlint could not run (its message is in the log above): no results
}
const sum = (key) => results.reduce((n, r) => n + (r[key] ?? 0), 0);
const errors = sum('errorCount');
const warnings = sum('warningCount');
const infos = sum('infoCount');
const files = results.filter((r) => r.messages.length).length;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const line = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'information message')} in ${plural(files, 'file')} of ${results.length} linted`;

console.log(`vmxlint: ${line} (exit code ${code})`);
if (errors > ANNOTATIONS_PER_TYPE || warnings > ANNOTATIONS_PER_TYPE || infos > ANNOTATIONS_PER_TYPE) {
  console.log(`::notice title=vmxlint::GitHub shows only ${ANNOTATIONS_PER_TYPE} annotations of each type per step: every problem is in the log above and in the job summary`);
}

if (process.env.GITHUB_OUTPUT) fs.appendFileSync(process.env.GITHUB_OUTPUT, `error-count=${errors}\nwarning-count=${warnings}\n`);

if (process.env.GITHUB_STEP_SUMMARY) {
  const cwd = process.cwd();
  const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const rows = [];
  for (const r of results) {
    const rel = r.filePath.startsWith('<') ? r.filePath : path.relative(cwd, r.filePath).split(path.sep).join('/');
    for (const m of r.messages) {
      const kind = m.fatal || m.severity === 2 ? 'error' : m.severity === 1 ? 'warning' : 'info';
      rows.push(`| \`${cell(rel)}:${m.line}:${m.column}\` | ${kind} | ${cell(m.message)} | ${m.ruleId ? `[\`${m.ruleId}\`](${m.url ?? ''})` : ''} |`);
    }
  }
  const lines = [`### vmxlint: ${code === '0' ? 'passed' : code === '1' ? 'problems found' : 'could not run'}`, '', line, ''];
  if (rows.length) {
    lines.push('| where | severity | problem | rule |', '|---|---|---|---|', ...rows.slice(0, MAX_ROWS));
    if (rows.length > MAX_ROWS) lines.push('', `… and ${rows.length - MAX_ROWS} more: see the log.`);
  }
  fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, lines.join('\n') + '\n');
}
