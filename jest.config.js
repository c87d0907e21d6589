/** Jest runs TypeScript as ESM through ts-jest (NODE_OPTIONS=--experimental-vm-modules, see package.json). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', {useESM: true, diagnostics: false}],
  },
  testTimeout: 60000,
  // the CLI tests run bin/vmxlint.js: build dist/ first when it is missing or stale
  globalSetup: '<rootDir>/test/cli/global-setup.mjs',
};
