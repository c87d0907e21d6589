/** Shared pieces of rule visitors. */
import type {Visitors} from '../../../src/engine/types.js';

/**
 * What `create` returns when the rule has nothing to check in this file (decided from the settings
 * or the tree): no visitor, so the engine calls nothing. One frozen object for every such file.
 */
export const NO_VISITORS: Visitors = Object.freeze({});
