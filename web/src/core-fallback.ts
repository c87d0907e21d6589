/** Until vmxlint/browser exists: the same names from src/ (built with Node shims by scripts/build-web.mjs). */
export {lintText} from '../../src/engine/linter.js';
export {HOSTS} from '../../src/knowledge/hosts.js';
export type {LintResult, Settings} from '../../src/engine/types.js';
export type {Config} from '../../src/config/config-array.js';
export type {LintMessage, TextEdit} from '../../src/engine/types.js';
