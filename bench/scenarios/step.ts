import type { Scenario } from '../lib/types.js';

export const stepScenario: Scenario = {
  key: 'step',
  title: 'Recording a step through the API against bare node:http + pg',
  async run() {
    throw new Error('not written yet');
  },
};
