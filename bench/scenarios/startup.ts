import type { Scenario } from '../lib/types.js';

export const startupScenario: Scenario = {
  key: 'startup',
  title: 'Start-up time and memory, embedded beside PostgreSQL',
  async run() {
    throw new Error('not written yet');
  },
};
