/**
 * The demo organisation's internal audits (ISO 9001 9.2): this year's audit of the intake, led by
 * the chair of the board (independent: he neither leads the programme nor wrote or approved the
 * procedure), answered item by item, with a nonconformity that opens a deviation, an observation
 * and an opportunity for improvement that opens an improvement action, and the signed report; and
 * next audit of the programme, planned for this month, so it is due on the quality manager's home.
 * Recorded through the same use cases as the API.
 */
import { addDays } from '../common/calendar.js';
import type { Demo } from './demo-context.js';

/** `sampled`: the intake interviews the auditor looked at (executions, by id). */
export async function runAudits(
  d: Demo,
  programmeId: string,
  sampled: string[],
): Promise<{ reference: string; findings: number; deviation: string }> {
  const { s, cal, team, password } = d;
  const qm = team.quality.ctx;
  const year = Number(cal.today.slice(0, 4));
  const month = Number(cal.today.slice(5, 7));
  const planned = await s.audits.plan(qm, {
    year,
    title: 'Intake interviews and consent',
    processes: ['Intake and admission'],
    procedureKeys: ['intake-interview'],
    programmeId,
    plannedMonth: month,
    importance: 'high',
    previousResults: 'First audit of the intake in this programme; two intake interviews were held late in the spring',
    scope: 'Intake interviews of this year’s adepts: preparation, interview, consent and admission decision',
    clauses: ['8.5.1', '7.5', '9.1.2'],
    periodFrom: cal.day('2026-01-01'),
    periodTo: cal.day('2026-10-31'),
    leadAuditorId: team.board.id,
    teamIds: [],
  });
  const audit = await s.audits.start(qm, planned.id, {}, undefined);
  const lead = team.board.ctx;
  const results: Record<string, 'conforming' | 'nonconforming' | 'observation' | 'not_applicable'> = {
    preparation: 'conforming',
    interview: 'conforming',
    consent: 'nonconforming',
    decision: 'conforming',
  };
  for (const item of audit.items) {
    const result = item.stepKey ? (results[item.stepKey] ?? 'conforming') : item.clause === '7.5' ? 'observation' : 'conforming';
    await s.audits.answer(
      lead,
      audit.id,
      item.id,
      {
        result,
        executionIds: item.stepKey ? sampled : [],
        notes:
          result === 'nonconforming'
            ? 'In one of five sampled intake files the consent was recorded after the interview had started'
            : result === 'observation'
              ? 'Intake forms are kept both in the system and in a paper folder'
              : 'Seen in the sampled intake files',
      },
      undefined,
    );
  }
  const byStep = (key: string) => audit.items.find((i) => i.stepKey === key || i.clause === key)!.id;
  await s.auditFindings.recordFinding(lead, audit.id, {
    kind: 'nonconformity',
    grade: 'minor',
    title: 'Consent recorded after the interview started',
    description: 'One of five sampled intake files shows the data-processing consent recorded after the interview had begun',
    itemIds: [byStep('consent')],
  });
  await s.auditFindings.recordFinding(lead, audit.id, {
    kind: 'observation',
    title: 'Intake forms kept in two places',
    description: 'Paper copies of intake forms are kept beside the records in the system; they may drift apart',
    itemIds: [byStep('7.5')],
  });
  const done = await s.auditFindings.recordFinding(lead, audit.id, {
    kind: 'opportunity',
    title: 'Consent first in the interview guide',
    description: 'Putting the consent at the top of the interview guide would make the order hard to get wrong',
    itemIds: [byStep('consent'), byStep('interview')],
    action: {
      ownerId: team.leader.id,
      dueDate: addDays(cal.today, 45),
      effectivenessCriterion: 'No consent recorded after an interview started in the next intake',
    },
  });
  await s.auditReports.signReport(
    lead,
    audit.id,
    { conclusion: 'The intake is carried out as the procedure says, with one minor nonconformity in the order of consent', password },
    undefined,
  );
  await s.audits.plan(qm, {
    year,
    title: 'Matching of mentors and adepts',
    processes: ['Matching'],
    procedureKeys: ['matching'],
    programmeId,
    plannedMonth: month,
    importance: 'medium',
    previousResults: 'Two adepts were matched outside their profession this year',
  });
  return { reference: audit.reference, findings: done.findings.length, deviation: done.findings[0].deviation!.reference };
}
