/**
 * The import-boundary rule (scripts/eslint-module-boundaries.mjs, run by `npm run lint`): a module
 * may import another module's services, queries files, mappers, DTOs, modules and the files it
 * publishes; never its entities as values, its controllers or anything else. Lints small sources under names inside src/; needs no database.
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

  it('refuses a file another module does not publish, and allows one it lists as published', () => {
    const found = problems('reports/x.ts', `import { loadExecution } from '../executions/execution-loader.js';`);
    expect(found).toEqual([expect.stringContaining("imports executions/execution-loader.ts, which module 'executions' does not publish")]);
    expect(problems('reports/x.ts', `import type { ExecutionContext } from '../executions/execution-loader.js';`)).toHaveLength(1);
    expect(problems('reports/x.ts', `import { ACTION_STATES } from '../corrective-actions/action-states.js';`)).toEqual([]);
  });

  it('leaves the shared kernel (common, config, database) open to every module', () => {
    expect(
      problems('reports/x.ts', `import { localDate } from '../common/calendar.js';\nimport { APP_CONFIG } from '../config/config.js';`),
    ).toEqual([]);
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

  it('lets the composition root import every entity (the entity registry), and nothing in a folder', () => {
    expect(problems('data-source-options.ts', `import { Programme } from './programmes/programme.entity.js';`)).toEqual([]);
    expect(problems('database/entities.ts', `import { Programme } from '../programmes/programme.entity.js';`)).toHaveLength(1);
  });
});
