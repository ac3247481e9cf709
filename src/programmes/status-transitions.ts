/**
 * Which status changes a procedure's effect may make (an intake decision, an ended match). A
 * table, not scattered ifs: anything not listed is refused, so a recorded value never moves a
 * subject backwards (an enrolled adept is not "not admitted" afterwards) or out of a final status.
 */
export type EffectSubject = 'participant' | 'pair';

export const EFFECT_TRANSITIONS: Record<EffectSubject, Readonly<Record<string, readonly string[]>>> = {
  participant: {
    applicant: ['active', 'waiting_list', 'not_admitted'],
    waiting_list: ['active', 'not_admitted'],
  },
  pair: {
    active: ['ended'],
  },
};

/** `change`: the effect moves the subject; `same`: it is already there (nothing happens); `refused`: not allowed. */
export type TransitionVerdict = 'change' | 'same' | 'refused';

export function effectTransition(subject: EffectSubject, from: string, to: string): TransitionVerdict {
  if (from === to) return 'same';
  return EFFECT_TRANSITIONS[subject][from]?.includes(to) ? 'change' : 'refused';
}

/** The statuses an effect may lead to from `from`, for the sentence that refuses one. */
export function allowedTargets(subject: EffectSubject, from: string): readonly string[] {
  return EFFECT_TRANSITIONS[subject][from] ?? [];
}
