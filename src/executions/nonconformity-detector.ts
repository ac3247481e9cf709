import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context.js';
import type { ConformanceResult } from './conformance.js';
import type { ExecutionContext } from './execution-loader.js';

/**
 * Called, in the same transaction, when an execution is judged nonconforming. The deviations
 * module opens deviations from here; until it exists this does nothing.
 */
@Injectable()
export class NonconformityDetector {
  async onNonconforming(_m: EntityManager, _ctx: RequestContext, _ec: ExecutionContext, _result: ConformanceResult): Promise<void> {
    // Filled in by the deviations module (automatic detection).
  }
}
