/**
 * What the deviations module needs from modules above it, declared here and provided by them:
 * corrective actions (which link deviations, so they depend on this module) and executions
 * (which open deviations through the detector, so they depend on it too). A port keeps the
 * folders free of cycles; the owners register the providers (see their *-port modules).
 */
import type { EntityManager } from 'typeorm';

/** A corrective action linked to a deviation, as the deviation shows and checks it. */
export interface LinkedAction {
  id: string;
  reference: string;
  type: string;
  state: string;
  dueDate: string;
}

export abstract class LinkedActions {
  /** The corrective actions linked to the deviation (cancelled ones included), by reference. */
  abstract of(m: EntityManager, deviationId: string): Promise<LinkedAction[]>;
}

/** What a deviation records of the execution it was found in. */
export interface ExecutionFacts {
  programmeId: string;
  procedureKey: string;
  versionNumber: number;
}

export abstract class DeviationExecutions {
  /** The execution `id`, or null when there is none. */
  abstract facts(m: EntityManager, id: string): Promise<ExecutionFacts | null>;
}
