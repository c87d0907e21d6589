#!/usr/bin/env node
// The vmxlint language server: runs the built server (npm run build, or the prepare script on install).
import {run} from '../dist/src/language-server/main.js';

run(process.argv.slice(2));
