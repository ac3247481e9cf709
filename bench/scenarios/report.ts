import type { Scenario } from '../lib/types.js';

export const reportScenario: Scenario = {
  key: 'report',
  title: 'Evidence report against raw pdfkit',
  async run() {
    throw new Error('not written yet');
  },
};
