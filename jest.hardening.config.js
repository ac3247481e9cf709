// The hardening specs (`npm run test:hardening`): they start the compiled service as child
// processes (crash and restart, two processes on one database, privacy of logs and exports, load),
// so they need `npm run build` first and run one file at a time. PostgreSQL parts use
// TEST_DATABASE_URL and are skipped without it.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/test/hardening/**/*.hardening-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  maxWorkers: 1,
  testTimeout: 300_000,
  slowTestThreshold: 120,
};
