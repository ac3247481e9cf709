// Jest in native ESM mode (NestJS 12 is ESM-only): run through `npm test`, which sets
// NODE_OPTIONS=--experimental-vm-modules. Type-checking is `npm run typecheck` (part of `npm test`).
const embedded = !process.env.TEST_DATABASE_URL;

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/src/**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  // The embedded database serialises every query: one test file at a time, each on a fresh schema.
  // A real server gives every test file its own database, so files run in parallel.
  maxWorkers: embedded ? 1 : '50%',
  testTimeout: 60_000,
  slowTestThreshold: 20,
};
