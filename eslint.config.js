// ESLint with type information. The rules that matter most here: no promise left floating or
// passed where a callback is expected, exhaustive switches over unions, and no `any`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import moduleBoundaries from './scripts/eslint-module-boundaries.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'web/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Module boundaries (docs/DEVELOPING.md, "Each module owns its tables"): no value import of
    // another module's entity, no import of its controllers or of the files it keeps to itself.
    // The rule, its list of internal files and its exceptions (each with its reason) live in
    // scripts/eslint-module-boundaries.mjs.
    files: ['src/**/*.ts'],
    plugins: { qms: moduleBoundaries },
    rules: { 'qms/module-boundaries': 'error' },
  },
  {
    // Tests (and the measurements, through bench/lib/client.ts) read response bodies, which
    // supertest types as `any` (`res.body`), and compare with
    // Jest's asymmetric matchers (`expect.stringContaining` is `any`): the rules that follow `any`
    // through member access and assignment would flag every assertion. Writing `any` is still
    // refused (no-explicit-any), and promises must still be awaited.
    files: ['test/**/*.ts', 'src/**/*.spec.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Plain Node scripts (build, test runners) and configuration files.
    files: ['**/*.mjs', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
