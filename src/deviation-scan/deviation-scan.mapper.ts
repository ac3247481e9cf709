import type { RequestContext } from '../common/request-context.js';
import { toDeviationResponse } from '../deviations/deviation.mapper.js';
import type { ScanResponse } from './deviation-scan.dto.js';
import type { ScanResult } from './deviation-scan.service.js';

export function toScanResponse(r: ScanResult, caller: RequestContext['actor']): ScanResponse {
  return {
    today: r.today,
    overdueCells: r.overdueCells,
    cadenceGaps: r.cadenceGaps,
    // A scan finds procedures not done, never a step: what it opens lists no steps.
    opened: r.opened.map((d) => toDeviationResponse(d, null, r.today, [], caller)),
  };
}
