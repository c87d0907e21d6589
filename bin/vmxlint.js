#!/usr/bin/env node
// The vmxlint command: runs the built CLI (npm run build, or the prepare script on install).
// dist/vmxlint.mjs is the esbuild bundle (fast start-up); dist/src is tsc's output, the fallback.
import fs from 'node:fs';

const bundle = new URL('../dist/vmxlint.mjs', import.meta.url);
const {main} = await import(fs.existsSync(bundle) ? bundle.href : '../dist/src/cli/main.js');

const code = await main(process.argv.slice(2), {stdout: process.stdout, stderr: process.stderr, stdin: process.stdin});
process.exitCode = code;
// everything is written when main returns; a config's live timer (a JS config may start one) must
// not keep the process running: exit anyway after a grace period (the timer itself keeps nothing alive)
setTimeout(() => process.exit(code), 2000).unref();
