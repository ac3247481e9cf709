/**
 * The import-boundary rule (scripts/eslint-module-boundaries.mjs, run by `npm run lint`): a module
 * may not import another module's entity as a value, its controllers, or a file it keeps to
 * itself. Lints small sources under names inside src/; needs no database.
 */
import { resolve } from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import moduleBoundaries from '../scripts/eslint-module-boundaries.mjs';

const SRC = resolve(import.meta.dirname, '../src');
const linter = new Linter({ configType: 'flat' });

function problems(file: string, code: string): string[] {
  return linter
    .verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser },
          plugins: { qms: moduleBoundaries },
          rules: { 'qms/module-boundaries': 'error' },
        },
      ],
      { filename: resolve(SRC, file) },
    )
    .map((m) => m.message);
}

describe('module boundaries', () => {
  it("refuses a value import of another module's entity, naming the owner's queries file", () => {
    const found = problems('indicators/x.service.ts', `import { Programme } from '../programmes/programme.entity.js';`);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain("imports the entity programmes/programme.entity.ts of module 'programmes' as a value");
    expect(found[0]).toContain('programmes/programmes.queries.ts');
  });

  it('allows a type-only import of an entity, and any import of an entity inside its module', () => {
    expect(problems('indicators/x.service.ts', `import type { Programme } from '../programmes/programme.entity.js';`)).toEqual([]);
    expect(problems('indicators/x.service.ts', `import { type Programme } from '../programmes/programme.entity.js';`)).toEqual([]);
    expect(problems('programmes/x.service.ts', `import { Programme } from './programme.entity.js';`)).toEqual([]);
  });

  it("refuses another module's controller, also from a nested folder and through a re-export", () => {
    expect(problems('reports/builders/x.ts', `import { PROGRAMME_ID } from '../../programmes/programmes.controller.js';`)).toHaveLength(1);
    expect(problems('reports/x.ts', `export { PROGRAMME_ID } from '../programmes/programmes.controller.js';`)).toHaveLength(1);
  });

  it('refuses a file another module keeps to itself', () => {
    const found = problems('reports/x.ts', `import { loadExecution } from '../executions/execution-loader.js';`);
    expect(found).toEqual([expect.stringContaining("which module 'executions' keeps to itself")]);
  });

  it('allows services, queries files, DTOs, mappers and modules of other modules', () => {
    const code = [
      `import { ProgrammesService } from '../programmes/programmes.service.js';`,
      `import { currentPlan } from '../programmes/programmes.queries.js';`,
      `import { PROGRAMME_ID } from '../programmes/programme.dto.js';`,
      `import { toProgrammeResponse } from '../programmes/programme.mapper.js';`,
      `import { ProgrammesModule } from '../programmes/programmes.module.js';`,
    ].join('\n');
    expect(problems('indicators/x.service.ts', code)).toEqual([]);
  });

  it('lets the entity registry import every entity (a listed exception)', () => {
    expect(problems('database/entities.ts', `import { Programme } from '../programmes/programme.entity.js';`)).toEqual([]);
  });
});
