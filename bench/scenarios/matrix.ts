import type { Scenario } from '../lib/types.js';

export const matrixScenario: Scenario = {
  key: 'matrix',
  title: 'Conformance matrix against a hand-written SQL aggregate',
  async run() {
    throw new Error('not written yet');
  },
};
