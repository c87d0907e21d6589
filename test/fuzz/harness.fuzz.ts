/**
 * `npm run fuzz`: the reliability fuzzer, many runs (VMXLINT_FUZZ_RUNS, default 5,000; seed
 * VMXLINT_FUZZ_SEED, default a new one, printed so a failure can be replayed). Not part of `npm test`.
 */
import {expect, it} from '@jest/globals';
import fc from 'fast-check';
import {check, FROM_CORPUS, fuzzInput, SOURCE} from './properties.js';

const RUNS = Number(process.env.VMXLINT_FUZZ_RUNS) || 5000;
const SEED = Number(process.env.VMXLINT_FUZZ_SEED) || Date.now() % 2 ** 31;

it(`fuzz: ${RUNS} inputs from ${SOURCE.length} ${FROM_CORPUS ? 'corpus' : 'fixture'} lines, seed ${SEED}: no throw, byte round trip, fix idempotent, unnamed lines unchanged, patch = fix`, async () => {
  process.stderr.write(`vmxlint fuzz: seed ${SEED} (replay with VMXLINT_FUZZ_SEED=${SEED})\n`);
  await fc.assert(fc.asyncProperty(fuzzInput, check), {numRuns: RUNS, seed: SEED});
  expect(SOURCE.length).toBeGreaterThan(0);
}, 3_600_000);
