/** The knowledge base as typed data: hosts, guest OS ids, hardware versions, well-known keys. */
export * from './hosts.js';
export * from './guest-os.js';
export * from './hardware.js';
export * from './keys.js';
export {editDistance, typoBudget} from './distance.js';
export * from './sources.js';
