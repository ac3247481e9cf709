import fc from 'fast-check';
import type { ProcedureDefinition, StepDefinition } from '../procedures/procedure-definition.js';
import { type ConformanceInput, evaluateConformance, type StepRecordInput } from './conformance.js';

// Window: programme midpoint 2026-03-15, day -7 to day +14 = 2026-03-08 .. 2026-03-29 (the last
// day is the spring DST change in Stockholm).
const ANCHOR = '2026-03-15';
const TZ = 'Europe/Stockholm';

const prepare: StepDefinition = {
  key: 'prepare',
  title: { en: 'Prepare the follow-up' },
  required: true,
  performerRoles: ['programme_leader'],
  fields: [{ key: 'agenda', label: { en: 'Agenda' }, type: 'text', required: true }],
};
const meeting: StepDefinition = {
  key: 'meeting',
  title: { en: 'Follow-up meeting' },
  required: true,
  performerRoles: ['programme_leader', 'quality_manager'],
  requiredCompetence: 'mentoring_basics',
  fields: [
    { key: 'satisfaction', label: { en: 'Satisfaction' }, type: 'scale', min: 1, max: 5, required: true },
    { key: 'notes', label: { en: 'Notes' }, type: 'text', required: false },
  ],
};
const summary: StepDefinition = { key: 'summary', title: { en: 'Written summary' }, required: false, fields: [] };

const definition: ProcedureDefinition = {
  key: 'midpoint_follow_up',
  title: { en: 'Mid-point follow-up' },
  purpose: { en: 'Check the pair is working.' },
  subject: 'pair',
  responsibleRoles: ['programme_leader'],
  window: { anchor: 'programme_midpoint', fromDays: -7, toDays: 14 },
  ordered: true,
  steps: [prepare, meeting, summary],
};

const leader = { id: 'u-leader', roles: ['programme_leader' as const] };
const training = [{ module: 'mentoring_basics', completedAt: '2025-09-01', validUntil: '2027-09-01' }];
const VALUES: Record<string, Record<string, unknown>> = { prepare: { agenda: 'Goals' }, meeting: { satisfaction: 4 }, summary: {} };

function rec(id: string, stepKey: string, performedAt: string, over: Partial<StepRecordInput> = {}): StepRecordInput {
  return {
    id,
    stepKey,
    values: VALUES[stepKey] ?? {},
    performedAt,
    performedBy: leader,
    performerTraining: training,
    supersededById: null,
    ...over,
  };
}

/** The pinned version became effective long before the records. */
const EFFECTIVE = '2025-01-01T10:00:00Z';

const good = [
  rec('r1', 'prepare', '2026-03-10T09:00:00Z'),
  rec('r2', 'meeting', '2026-03-12T13:00:00Z'),
  rec('r3', 'summary', '2026-03-12T15:00:00Z'),
];

function judge(records: StepRecordInput[], over: Partial<ConformanceInput> = {}) {
  return evaluateConformance({ definition, effectiveFrom: EFFECTIVE, anchorDate: ANCHOR, timeZone: TZ, records, ...over });
}

/** [rule, stepKey, recordId] of each finding, in order. */
function summaryOf(records: StepRecordInput[], over: Partial<ConformanceInput> = {}) {
  return judge(records, over).findings.map((f) => [f.rule, f.stepKey, f.recordId ?? f.fieldKey]);
}

function replace(id: string, over: Partial<StepRecordInput>): StepRecordInput[] {
  return good.map((r) => (r.id === id ? { ...r, ...over } : r));
}

describe('evaluateConformance: a conforming execution', () => {
  it('has no findings and states the window', () => {
    expect(judge(good)).toEqual({
      status: 'conforming',
      findings: [],
      window: { from: '2026-03-08', to: '2026-03-29' },
      windowJudged: true,
      notes: [],
    });
  });
  it('does not need optional steps', () => {
    expect(judge(good.slice(0, 2)).status).toBe('conforming');
  });
  it('is deterministic and leaves its input untouched', () => {
    const records = structuredClone(good).reverse();
    const copy = structuredClone(records);
    expect(judge(records)).toEqual(judge(good));
    expect(records).toEqual(copy);
  });
});

describe('missing_step', () => {
  it('reports a required step with no record', () => {
    const result = judge([good[0]]);
    expect(result.status).toBe('nonconforming');
    expect(result.findings).toEqual([
      { rule: 'missing_step', stepKey: 'meeting', detail: 'Required step "Follow-up meeting" (meeting) has no current record.' },
    ]);
  });
  it('reports every required step of an empty execution, in definition order', () => {
    expect(summaryOf([])).toEqual([
      ['missing_step', 'prepare', undefined],
      ['missing_step', 'meeting', undefined],
    ]);
  });
});

describe('missing_field', () => {
  it('reports each required field the current record lacks (e.g. after migration to a newer version)', () => {
    const result = judge(replace('r2', { values: { notes: 'old version had no scale' } }));
    expect(result.findings).toEqual([
      {
        rule: 'missing_field',
        stepKey: 'meeting',
        fieldKey: 'satisfaction',
        recordId: 'r2',
        detail:
          'Record r2 of step "Follow-up meeting" (meeting), performed on 2026-03-12, lacks the required field "Satisfaction" (satisfaction).',
      },
    ]);
  });
  it('treats blank text as missing and ignores optional fields', () => {
    expect(summaryOf(replace('r1', { values: { agenda: '  ' } }))).toEqual([['missing_field', 'prepare', 'r1']]);
    expect(judge(replace('r2', { values: { satisfaction: 1 } })).status).toBe('conforming');
  });
});

describe('outside_window', () => {
  // Unordered, so moving a record around the window does not also break the order rule.
  const unordered = { definition: { ...definition, ordered: false } };
  const at = (performedAt: string) => summaryOf(replace('r3', { performedAt }), unordered);
  it('accepts the first allowed day (23:30 UTC on the day before is already 2026-03-08 in Stockholm)', () => {
    expect(at('2026-03-07T23:30:00Z')).toEqual([]);
  });
  it('refuses one day before the window', () => {
    expect(at('2026-03-07T22:59:00Z')).toEqual([['outside_window', 'summary', 'r3']]);
  });
  it('accepts the last allowed day up to local midnight (DST day, UTC+2)', () => {
    expect(at('2026-03-29T21:59:59Z')).toEqual([]);
  });
  it('refuses one day after: 23:30 UTC on the last day is the next day in Stockholm', () => {
    expect(at('2026-03-29T23:30:00Z')).toEqual([['outside_window', 'summary', 'r3']]);
    expect(summaryOf(replace('r3', { performedAt: '2026-03-29T23:30:00Z' }), { timeZone: 'UTC' })).toEqual([]);
  });
  it('says when, by how much, and which window', () => {
    const finding = judge(replace('r3', { performedAt: '2026-04-02T10:00:00Z' })).findings[0];
    expect(finding.detail).toBe(
      'Step "Written summary" (summary) was performed on 2026-04-02 (Europe/Stockholm, record r3), 4 days after the window closed; ' +
        'the window is 2026-03-08 to 2026-03-29 inclusive (day -7 to day +14 from the programme midpoint on 2026-03-15).',
    );
    const early = judge(replace('r1', { performedAt: '2026-03-06T10:00:00Z' })).findings[0];
    expect(early.detail).toContain('2 days before the window opened');
  });
  it('is not judged when the anchor day is unknown, and the result says so', () => {
    const result = judge(replace('r3', { performedAt: '2027-01-01T10:00:00Z' }), { anchorDate: null });
    expect(result).toEqual({
      status: 'conforming',
      findings: [],
      window: null,
      windowJudged: false,
      notes: [
        'The time window of procedure "Mid-point follow-up" (midpoint_follow_up) could not be judged: the anchor day (the programme midpoint) is not known yet.',
      ],
    });
  });
});

describe('performer_role', () => {
  it('accepts a performer holding any one of the roles', () => {
    const qm = { id: 'u-qm', roles: ['auditor' as const, 'quality_manager' as const] };
    expect(summaryOf(replace('r2', { performedBy: qm }))).toEqual([]);
  });
  it('reports a performer holding none of them, naming both sides', () => {
    const auditor = { id: 'u-aud', roles: ['auditor' as const] };
    const finding = judge(replace('r1', { performedBy: auditor })).findings;
    expect(finding).toEqual([
      {
        rule: 'performer_role',
        stepKey: 'prepare',
        recordId: 'r1',
        detail:
          'Step "Prepare the follow-up" (prepare) requires a performer with one of the roles programme_leader; record r1 was performed on 2026-03-10 by user u-aud, who holds none of them (roles held: auditor).',
      },
    ]);
  });
  it('reports an unknown performer, and a performer with no roles', () => {
    expect(summaryOf(replace('r1', { performedBy: null }))).toEqual([['performer_role', 'prepare', 'r1']]);
    expect(judge(replace('r1', { performedBy: { id: 'u0', roles: [] } })).findings[0].detail).toContain('roles held: none');
  });
  it('accepts anyone, even unknown, when the step names no roles', () => {
    expect(summaryOf(replace('r3', { performedBy: null }))).toEqual([]);
  });
});

describe('performer_competence', () => {
  // r2 is performed on 2026-03-12 (local).
  const withTraining = (t: StepRecordInput['performerTraining']) => judge(replace('r2', { performerTraining: t })).findings;
  const t = (completedAt: string, validUntil: string | null, module = 'mentoring_basics') => ({ module, completedAt, validUntil });

  it('accepts training valid until the performed day inclusive, completed that day, or without expiry', () => {
    expect(withTraining([t('2025-01-01', '2026-03-12')])).toEqual([]);
    expect(withTraining([t('2026-03-12', '2027-03-12')])).toEqual([]);
    expect(withTraining([t('2020-01-01', null)])).toEqual([]);
  });
  it('reports training that expired the day before', () => {
    expect(withTraining([t('2025-01-01', '2026-03-11')])).toEqual([
      expect.objectContaining({
        rule: 'performer_competence',
        stepKey: 'meeting',
        recordId: 'r2',
        detail: expect.stringContaining('had expired on 2026-03-11'),
      }),
    ]);
  });
  it('reports training completed the day after', () => {
    expect(withTraining([t('2026-03-13', null)])[0].detail).toBe(
      'Step "Follow-up meeting" (meeting) requires valid training "mentoring_basics"; record r2 was performed on 2026-03-12 by user u-leader, who completed training "mentoring_basics" only on 2026-03-13.',
    );
  });
  it('reports training in another module only, or none at all', () => {
    expect(withTraining([t('2020-01-01', null, 'safeguarding')])[0].detail).toContain('has no record of training "mentoring_basics"');
    expect(withTraining([])[0].rule).toBe('performer_competence');
  });
  it('accepts when one of several records is valid, though others are expired or later', () => {
    expect(withTraining([t('2023-01-01', '2024-01-01'), t('2025-06-01', '2026-06-01'), t('2026-04-01', null)])).toEqual([]);
  });
  it('measures validity on the local day performed', () => {
    // 23:30 UTC on 2026-03-11 is 2026-03-12 in Stockholm: training valid until 2026-03-11 has expired.
    const findings = judge(
      replace('r2', { performedAt: '2026-03-11T23:30:00Z', performerTraining: [t('2025-01-01', '2026-03-11')] }),
    ).findings;
    expect(findings.map((f) => f.rule)).toEqual(['performer_competence']);
  });
  it('reports an unknown performer (both role and competence)', () => {
    expect(summaryOf(replace('r2', { performedBy: null }))).toEqual([
      ['performer_role', 'meeting', 'r2'],
      ['performer_competence', 'meeting', 'r2'],
    ]);
  });
});

describe('superseded records', () => {
  it('are not judged, however wrong they were', () => {
    const old = rec('r0', 'prepare', '2025-01-01T10:00:00Z', { values: {}, performedBy: null, supersededById: 'r1' });
    const badUnknown = rec('rx', 'retired_step', '2026-03-10T10:00:00Z', { supersededById: 'r1' });
    expect(judge([old, badUnknown, ...good]).status).toBe('conforming');
  });
  it('do not count as the record of a required step', () => {
    expect(summaryOf([{ ...good[0], supersededById: 'r9' }, good[1]])).toEqual([['missing_step', 'prepare', undefined]]);
  });
  it('leave every current record of a step to be judged on its own', () => {
    const second = rec('r2b', 'meeting', '2026-04-05T10:00:00Z', { values: {} });
    expect(summaryOf([...good, second])).toEqual([
      ['missing_field', 'meeting', 'r2b'],
      ['outside_window', 'meeting', 'r2b'],
      // The summary now comes before a (second) meeting record, which precedes it in the definition.
      ['order', 'summary', 'r3'],
    ]);
  });
});

describe('order', () => {
  it('accepts steps performed in the defined order', () => {
    expect(summaryOf(good)).toEqual([]);
  });
  it('reports a step performed before a step that precedes it, once', () => {
    const records = [
      rec('r2', 'meeting', '2026-03-09T10:00:00Z'),
      rec('r2b', 'meeting', '2026-03-09T11:00:00Z'),
      rec('r1', 'prepare', '2026-03-10T09:00:00Z'),
      rec('r3', 'summary', '2026-03-11T09:00:00Z'),
    ];
    const result = judge(records);
    expect(result.findings).toEqual([
      {
        rule: 'order',
        stepKey: 'meeting',
        recordId: 'r2',
        detail:
          'Step "Follow-up meeting" (meeting) was performed at 2026-03-09T10:00:00Z (record r2), before step "Prepare the follow-up" (prepare) (performed at 2026-03-10T09:00:00Z, record r1), which the procedure requires to come first.',
      },
    ]);
  });
  it('names every preceding step performed later', () => {
    const records = [
      rec('r3', 'summary', '2026-03-09T08:00:00Z'),
      rec('r1', 'prepare', '2026-03-10T09:00:00Z'),
      rec('r2', 'meeting', '2026-03-11T09:00:00Z'),
    ];
    const findings = judge(records).findings;
    expect(findings.map((f) => [f.stepKey, f.recordId])).toEqual([['summary', 'r3']]);
    expect(findings[0].detail).toContain(
      'before step "Prepare the follow-up" (prepare) (performed at 2026-03-10T09:00:00Z, record r1) and step "Follow-up meeting" (meeting)',
    );
  });
  it('breaks ties in performedAt by definition order, whatever the input order', () => {
    const same = '2026-03-10T09:00:00Z';
    expect(summaryOf([rec('r3', 'summary', same), rec('r2', 'meeting', same), rec('r1', 'prepare', same)])).toEqual([]);
    // Same instant written with another offset is still a tie.
    expect(summaryOf([rec('r2', 'meeting', '2026-03-10T10:00:00+01:00'), rec('r1', 'prepare', same)])).toEqual([]);
  });
  it('compares instants, not the written strings', () => {
    // 10:30+02:00 is 08:30Z: earlier than prepare at 09:00Z.
    expect(summaryOf([rec('r2', 'meeting', '2026-03-10T10:30:00+02:00'), rec('r1', 'prepare', '2026-03-10T09:00:00Z')])).toEqual([
      ['order', 'meeting', 'r2'],
    ]);
  });
  it('is not judged when the definition is not ordered', () => {
    const records = [rec('r2', 'meeting', '2026-03-09T10:00:00Z'), rec('r1', 'prepare', '2026-03-10T09:00:00Z')];
    expect(summaryOf(records, { definition: { ...definition, ordered: false } })).toEqual([]);
  });
  it('ignores superseded records', () => {
    const late = rec('r1-old', 'prepare', '2026-03-20T09:00:00Z', { supersededById: 'r1' });
    expect(summaryOf([...good, late])).toEqual([]);
  });
});

describe('unknown step keys', () => {
  it('are findings that make the execution nonconforming', () => {
    const result = judge([...good, rec('r9', 'retired_step', '2026-03-11T10:00:00Z')]);
    expect(result.status).toBe('nonconforming');
    expect(result.findings).toEqual([
      {
        rule: 'unknown_step',
        stepKey: 'retired_step',
        recordId: 'r9',
        detail:
          'Record r9, performed on 2026-03-11, is for step "retired_step", which this version of procedure "Mid-point follow-up" (midpoint_follow_up) does not define.',
      },
    ]);
  });
  it('take no part in the order rule', () => {
    expect(summaryOf([rec('r9', 'retired_step', '2026-03-01T10:00:00Z'), ...good]).map((f) => f[0])).toEqual(['unknown_step']);
  });
});

describe('before_effective', () => {
  it('finds a step performed before the pinned version became effective, to the instant, and only that step', () => {
    // Effective at 14:00 UTC on 12 March: the meeting at 13:00 UTC that day was before it, the summary at 15:00 after.
    const effectiveFrom = '2026-03-12T14:00:00Z';
    const r = judge(good, { effectiveFrom });
    expect(r.status).toBe('nonconforming');
    expect(r.findings.map((f) => [f.rule, f.stepKey, f.recordId])).toEqual([
      ['before_effective', 'prepare', 'r1'],
      ['before_effective', 'meeting', 'r2'],
    ]);
    expect(r.findings[0].detail).toContain('2026-03-10');
    expect(r.findings[0].detail).toContain('became effective on 2026-03-12');
    // At the very instant it became effective the step was carried out under it.
    expect(summaryOf(replace('r2', { performedAt: effectiveFrom }), { effectiveFrom }).map(([rule, step]) => [rule, step])).toEqual([
      ['before_effective', 'prepare'],
    ]);
  });

  it('is sorted with the step, after outside_window, and ignores superseded records', () => {
    const records = [...replace('r1', { supersededById: 'r1b' }), rec('r1b', 'prepare', '2026-03-11T09:00:00Z')];
    expect(summaryOf(records, { effectiveFrom: '2026-03-11T10:00:00Z' })).toEqual([['before_effective', 'prepare', 'r1b']]);
    expect(summaryOf(replace('r1', { performedAt: '2026-02-01T09:00:00Z' }), { effectiveFrom: '2026-03-01T00:00:00Z' })).toEqual([
      ['outside_window', 'prepare', 'r1'],
      ['before_effective', 'prepare', 'r1'],
    ]);
  });

  it('judges nothing against the effective day of a version that never became effective (null)', () => {
    expect(judge(good, { effectiveFrom: null }).status).toBe('conforming');
  });
});

describe('finding order', () => {
  it('follows definition step order, then rule, whatever the record order', () => {
    const records = [
      rec('r9', 'retired_step', '2026-03-09T07:00:00Z'),
      rec('r3', 'summary', '2026-03-01T08:00:00Z', { performedBy: null }),
      rec('r2', 'meeting', '2026-04-10T10:00:00Z', { values: {}, performedBy: { id: 'u-aud', roles: ['auditor'] } }),
    ];
    const expected = [
      ['missing_step', 'prepare', undefined],
      ['missing_field', 'meeting', 'satisfaction'],
      ['outside_window', 'meeting', 'r2'],
      ['performer_role', 'meeting', 'r2'],
      ['outside_window', 'summary', 'r3'],
      ['order', 'summary', 'r3'],
      ['unknown_step', 'retired_step', 'r9'],
    ];
    expect(judge(records).findings.map((f) => [f.rule, f.stepKey, f.fieldKey ?? f.recordId])).toEqual(expected);
    expect(judge([...records].reverse()).findings.map((f) => [f.rule, f.stepKey, f.fieldKey ?? f.recordId])).toEqual(expected);
  });
  it('gives the same result for any permutation of the records (property)', () => {
    const pool = [
      ...good,
      rec('r4', 'meeting', '2026-03-09T10:00:00Z', { values: {} }),
      rec('r5', 'prepare', '2026-04-01T10:00:00Z', { performedBy: null }),
      rec('r6', 'summary', '2026-03-10T09:00:00Z'),
      rec('r7', 'unknown', '2026-03-10T09:00:00Z'),
      rec('r8', 'meeting', '2026-03-10T09:00:00Z', { supersededById: 'r4' }),
    ];
    fc.assert(
      fc.property(fc.subarray(pool), fc.infiniteStream(fc.integer()), (subset, seeds) => {
        const shuffled = subset
          .map((r) => [seeds.next().value as number, r] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, r]) => r);
        expect(judge(shuffled)).toEqual(judge(subset));
      }),
      { numRuns: 200 },
    );
  });
});

describe('malformed input', () => {
  it('throws on a timestamp without offset or a bad training date: stored data is broken', () => {
    expect(() => judge(replace('r1', { performedAt: '2026-03-10T09:00:00' }))).toThrow(RangeError);
    expect(() =>
      judge(replace('r2', { performerTraining: [{ module: 'mentoring_basics', completedAt: '2026/01/01', validUntil: null }] })),
    ).toThrow(RangeError);
    expect(() => judge(good, { anchorDate: '2026-02-30' })).toThrow(RangeError);
  });
});
