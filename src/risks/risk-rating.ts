/**
 * Pure pieces of the risk register: ratings, the heat map and what a revision changes. No Nest,
 * no I/O.
 */

export const RISK_KINDS = ['risk', 'opportunity'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];
export const RISK_STATUSES = ['open', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];
export const RISK_CHANGES = ['created', 'revised', 'reviewed', 'closed', 'reopened'] as const;
export type RiskChange = (typeof RISK_CHANGES)[number];

/** Likelihood and impact are rated 1 (rare, minor) to 5 (almost certain, severe). */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** The rating of a risk: likelihood × impact, 1 to 25. */
export const score = (likelihood: number, impact: number): number => likelihood * impact;

/** Bands of the score as the heat map colours them (and names them, for those who do not see colour). */
export type Band = 'low' | 'medium' | 'high';
export function band(s: number): Band {
  if (s >= 15) return 'high';
  if (s >= 6) return 'medium';
  return 'low';
}

/** The content of a revision that a person states; the rest (who, when, why) is the record's. */
export interface RiskContent {
  title: string;
  cause: string;
  consequence: string;
  likelihood: number;
  impact: number;
  treatment: string | null;
  actionIds: string[];
  residualLikelihood: number | null;
  residualImpact: number | null;
  ownerId: string;
  nextReviewOn: string;
  status: RiskStatus;
}

export const CONTENT_FIELDS: readonly (keyof RiskContent)[] = [
  'title',
  'cause',
  'consequence',
  'likelihood',
  'impact',
  'treatment',
  'actionIds',
  'residualLikelihood',
  'residualImpact',
  'ownerId',
  'nextReviewOn',
  'status',
];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose value differs between two revisions' contents, in a fixed order. */
export function changedFields(before: RiskContent, after: RiskContent): (keyof RiskContent)[] {
  return CONTENT_FIELDS.filter((f) => !same(before[f], after[f]));
}

/**
 * What kind of change a revision is: closing or reopening; a review when only the next review
 * date moved (the owner looked and found nothing to change); otherwise a revision. Null when
 * nothing changed at all, which is not a revision.
 */
export function classifyChange(before: RiskContent, after: RiskContent): RiskChange | null {
  const fields = changedFields(before, after);
  if (fields.length === 0) return null;
  if (before.status !== after.status) return after.status === 'closed' ? 'closed' : 'reopened';
  if (fields.length === 1 && fields[0] === 'nextReviewOn') return 'reviewed';
  return 'revised';
}

/** A 5 × 5 grid of counts: cells[likelihood - 1][impact - 1]. */
export type Grid = number[][];

const emptyGrid = (): Grid => Array.from({ length: RATING_MAX }, () => Array.from({ length: RATING_MAX }, () => 0));

/**
 * The heat map of open risks: where each stands before treatment (inherent) and after it
 * (residual). A risk whose residual rating is not yet assessed is counted apart, not guessed.
 */
export function heatMap(risks: readonly Pick<RiskContent, 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact'>[]) {
  const inherent = emptyGrid();
  const residual = emptyGrid();
  let residualNotAssessed = 0;
  for (const r of risks) {
    inherent[r.likelihood - 1][r.impact - 1] += 1;
    if (r.residualLikelihood === null || r.residualImpact === null) residualNotAssessed += 1;
    else residual[r.residualLikelihood - 1][r.residualImpact - 1] += 1;
  }
  return { inherent, residual, residualNotAssessed, total: risks.length };
}
