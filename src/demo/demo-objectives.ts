/**
 * Quality objectives (ISO 9001 6.2) with their owners, deadlines, plans and measurements of the
 * quarters before, and the improvement actions the management review looks at: one planned from an
 * objective, one treating a risk, one from a suggestion at the mentors' evening (no deviation).
 */
import type { Demo } from './demo-context.js';

export async function runObjectives(d: Demo, programmeId: string): Promise<{ objectives: number; measurements: number }> {
  const { s, cal, team } = d;
  const qm = team.quality.ctx;
  // Measurements are recorded as of the day they were taken (the clock set to that day, then back).
  const asOf = async <T>(scripted: string, fn: () => Promise<T>): Promise<T> => {
    const before = s.config.clockToday;
    s.config.clockToday = cal.day(scripted);
    try {
      return await fn();
    } finally {
      s.config.clockToday = before;
    }
  };
  const yearEnd = cal.day('2026-12-31');
  const setUp = [
    {
      programmeId,
      indicator: 'conformance_rate',
      comparator: '>=' as const,
      target: 0.9,
      title: 'At least 90 % of the procedures carried out conform',
      ownerId: team.quality.id,
      deadline: cal.day('2027-06-30'),
    },
    {
      programmeId,
      indicator: 'completion_rate',
      comparator: '>=' as const,
      target: 0.8,
      title: 'At least 80 % of the adepts complete the programme',
      ownerId: team.leader.id,
      deadline: yearEnd,
    },
    {
      indicator: 'open_major_or_critical_deviations',
      comparator: '=' as const,
      target: 0,
      title: 'No major or critical deviation stays open',
      ownerId: team.quality.id,
      deadline: cal.day('2027-03-31'),
    },
  ];
  const objectives = [];
  // Set in the spring, so that the quarters since have their measurements.
  for (const o of setUp) objectives.push(await asOf('2026-04-02', () => s.objectives.create(qm, { ...o, deadline: o.deadline })));
  let measurements = 0;
  for (const day of ['2026-06-30', '2026-09-30', '2026-11-29'])
    for (const o of objectives) if ((await asOf(day, () => s.objectives.recordMeasurement(qm, o.id))).created) measurements++;

  const completion = objectives[1];
  await s.objectives.planAction(
    qm,
    completion.id,
    {
      type: 'improvement',
      description: 'A phone call to every adept in week 6 and week 12, to catch those about to drop out while there is still time.',
      ownerId: team.leader.id,
      dueDate: cal.day('2027-01-31'),
      effectivenessCriterion: 'No adept of the next programme withdraws without a call in the weeks before.',
    },
    (await s.objectives.detail(qm, completion.id)).version,
  );

  const [dropOut] = (await s.risks.list(qm, { q: 'drop out', limit: 5 })).items.filter((r) => r.kind === 'risk');
  if (dropOut)
    await s.risks.planAction(
      qm,
      dropOut.id,
      {
        type: 'preventive',
        description: 'A mentors’ evening each quarter, where mentors share what works and hear early from the leader about any difficulty.',
        ownerId: team.leader.id,
        dueDate: cal.day('2027-02-28'),
        effectivenessCriterion: 'No mentor of the next programme ends a pair early without the leader having heard of it before.',
      },
      dropOut.version,
    );
  await s.improvements.plan(qm, {
    type: 'improvement',
    source: 'other',
    sourceText: 'Suggestion at the mentors’ evening in October: a short course in giving feedback',
    description: 'A two-hour course for mentors in giving feedback, held before the first meetings of the next programme.',
    ownerId: team.quality.id,
    dueDate: cal.day('2027-02-15'),
    effectivenessCriterion: 'Adepts rate the feedback from their mentor 4 of 5 or better at the next mid-point follow-ups.',
  });
  return { objectives: objectives.length, measurements };
}
