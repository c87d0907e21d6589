#!/usr/bin/env node
// The vmxlint command: runs the built CLI (npm run build, or the prepare script on install).
// dist/vmxlint.mjs is the esbuild bundle (fast start-up); dist/src is tsc's output, the fallback.
import fs from 'node:fs';

const bundle = new URL('../dist/vmxlint.mjs', import.meta.url);
const {main} = await import(fs.existsSync(bundle) ? bundle.href : '../dist/src/cli/main.js');

const code = await main(process.argv.slice(2), {stdout: process.stdout, stderr: process.stderr, stdin: process.stdin});
process.exitCode = code;
