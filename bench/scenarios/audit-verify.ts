import type { Scenario } from '../lib/types.js';

export const auditScenario: Scenario = {
  key: 'audit',
  title: 'Audit verification rate against hashing the same bytes',
  async run() {
    throw new Error('not written yet');
  },
};
