// Jest in native ESM mode (NestJS 12 is ESM-only): run through `npm test`, which sets
// NODE_OPTIONS=--experimental-vm-modules. Type-checking is `npm run typecheck` (part of `npm test`).
import { availableParallelism } from 'node:os';

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
  // Every test file has a database of its own (test/support/test-database.ts). The embedded one
  // runs inside the worker that runs the file, so each core gets a worker (at least two); with a
  // real server, half the cores are left to the server, but never fewer than two workers: a file
  // spends much of its time waiting on the server, which the other worker fills.
  maxWorkers: embedded ? Math.max(2, availableParallelism()) : Math.max(2, Math.floor(availableParallelism() / 2)),
  // Each embedded database holds a few hundred MB of WebAssembly memory until it is collected:
  // a worker that has grown past this is replaced after its file.
  workerIdleMemoryLimit: '1500MB',
  // A test file's first hook starts its database and the application: on the embedded database, and
  // on a machine shared with other work, that can take longer than a test.
  testTimeout: embedded ? 120_000 : 60_000,
  slowTestThreshold: 20,
};
