/**
 * Timing helpers for the benchmark: alternating runs of child processes (so that load from
 * other processes hits the command and its baseline alike), medians, peak RSS.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Run a command once; wall time in ms. Output goes to /dev/null; a failure (exit ≥ 2) stops the benchmark. */
export function timeOnce({cmd, args, cwd, env, okCodes = [0, 1]}) {
  const out = fs.openSync(os.devNull, 'w');
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {cwd, env: {...process.env, ...env}, stdio: ['ignore', out, 'pipe'], encoding: 'utf8'});
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  fs.closeSync(out);
  if (!okCodes.includes(r.status)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/**
 * Alternate `runs` rounds of the given commands (order reversed every other round), after one
 * warm-up round; `before(i)` runs untimed before each command (e.g. restoring a copy). Returns medians.
 */
export function alternate(commands, runs, before) {
  const times = commands.map(() => []);
  for (let round = -1; round < runs; round++) {
    const order = commands.map((_, i) => i);
    if (round % 2) order.reverse();
    for (const i of order) {
      before?.(i);
      const ms = timeOnce(commands[i]);
      if (round >= 0) times[i].push(ms);
    }
  }
  return times.map(median);
}

const RSS_HOOK = path.join(path.dirname(new URL(import.meta.url).pathname), 'rss-hook.mjs');

/** Peak resident set size (MB) of one run, worker threads included. */
export function peakRss({cmd, args, cwd, env, okCodes = [0, 1]}) {
  const report = path.join(os.tmpdir(), `vmxlint-rss-${process.pid}-${Date.now()}`);
  const r = spawnSync(cmd, ['--import', RSS_HOOK, ...args], {
    cwd,
    env: {...process.env, ...env, VMXLINT_RSS_REPORT: report},
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (!okCodes.includes(r.status)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const kb = Number(fs.readFileSync(report, 'utf8'));
  fs.rmSync(report, {force: true});
  return kb / 1024;
}

export function machine() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    cores: os.availableParallelism(),
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    load: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}
