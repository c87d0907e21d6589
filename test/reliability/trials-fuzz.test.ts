/**
 * The fuzz rows of ../shared/reliability-trials.md (R2, R3, R7, R24, R25, R33 found by fuzzing) as a
 * seeded property test in `npm test`: the checks of `npm run fuzz` (test/fuzz/properties.ts) over a
 * few hundred inputs, always the same ones. `npm run fuzz` runs thousands with a new seed.
 */
import {expect, it} from '@jest/globals';
import fc from 'fast-check';
import {check, FROM_CORPUS, fuzzInput, SOURCE} from '../fuzz/properties.js';

const RUNS = Number(process.env.VMXLINT_PROPERTY_RUNS) || 300;

it(`fuzz (seed 20261205, ${RUNS} runs, ${FROM_CORPUS ? 'corpus' : 'fixture'} lines): no throw, byte round trip, fix idempotent, unnamed lines unchanged, patch = fix`, async () => {
  expect(SOURCE.length).toBeGreaterThan(0);
  await fc.assert(fc.asyncProperty(fuzzInput, check), {numRuns: RUNS, seed: 20261205});
}, 300_000);
