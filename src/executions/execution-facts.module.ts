import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DeviationExecutions } from '../deviations/deviation-ports.js';
import type { ExecutionFacts } from '../deviations/deviation-ports.js';
import { executionFacts } from './executions.queries.js';

/** The deviations module's view of an execution (its `DeviationExecutions` port). */
@Injectable()
class ExecutionFactsReader extends DeviationExecutions {
  facts(m: EntityManager, id: string): Promise<ExecutionFacts | null> {
    return executionFacts(m, id);
  }
}

/** Provides `DeviationExecutions` to the deviations module, which cannot import this one (executions depend on deviations). */
@Global()
@Module({ providers: [{ provide: DeviationExecutions, useClass: ExecutionFactsReader }], exports: [DeviationExecutions] })
export class ExecutionFactsModule {}
