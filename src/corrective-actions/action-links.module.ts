import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LinkedActions } from '../deviations/deviation-ports.js';
import type { LinkedAction } from '../deviations/deviation-ports.js';
import { actionsOfDeviation } from './corrective-actions.queries.js';

/** The deviations module's view of the actions linked to a deviation (its `LinkedActions` port). */
@Injectable()
class ActionLinks extends LinkedActions {
  async of(m: EntityManager, deviationId: string): Promise<LinkedAction[]> {
    return (await actionsOfDeviation(m, deviationId)).map((a) => ({
      id: a.id,
      reference: a.reference,
      type: a.type,
      state: a.state,
      dueDate: a.dueDate,
    }));
  }
}

/** Provides `LinkedActions` to the deviations module, which cannot import this one (actions depend on deviations). */
@Global()
@Module({ providers: [{ provide: LinkedActions, useClass: ActionLinks }], exports: [LinkedActions] })
export class ActionLinksModule {}
