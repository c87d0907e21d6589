#!/usr/bin/env node
// The vmxlint command: runs the built CLI (npm run build, or the prepare script on install).
import {main} from '../dist/src/cli/main.js';

const code = await main(process.argv.slice(2), {stdout: process.stdout, stderr: process.stderr, stdin: process.stdin});
process.exitCode = code;
