/**
 * What needs someone soon, read from the owning modules' query functions, as reminders: who, why
 * (the reason that makes each unique) and what the mail says. A reminder is keyed by the day it is
 * about (a window's edge, a target or review date), not by the day of the scan: scans on each of
 * the lead days find the same reminder and queue it once.
 */
import type { EntityManager } from 'typeorm';
import { addDays } from '../common/calendar.js';
import { allActions, boardReviewsOf } from '../corrective-actions/corrective-actions.queries.js';
import { openDeviationsDueBetween } from '../deviations/deviations.queries.js';
import { allDocuments, versionsOf } from '../documents/documents.queries.js';
import { buildMatrix, loadMatrixData } from '../executions/conformance-matrix.service.js';
import type { Reminder } from '../mail/reminder-outbox.queries.js';
import { versionsAwaitingApproval } from '../procedures/procedures.queries.js';
import { activeLeadersOfProgrammes, activeProgrammeIds, programmeById } from '../programmes/programmes.queries.js';
import { registerRisks } from '../risks/risks.queries.js';
import { activeUsersWithAnyRole } from '../users/users.queries.js';

export interface SourceSettings {
  today: string;
  leadDays: number;
  publicUrl: string;
}

/** Every reminder due as of `today`, from every source. */
export async function dueReminders(m: EntityManager, s: SourceSettings): Promise<Reminder[]> {
  return [
    ...(await stepWindows(m, s)),
    ...(await actionTargets(m, s)),
    ...(await deviationTargets(m, s)),
    ...(await documentReviews(m, s)),
    ...(await riskReviews(m, s)),
    ...(await approvals(m, s)),
    ...(await procedureApprovals(m, s)),
    ...(await boardReviews(m, s)),
  ];
}

const within = (day: string | null | undefined, s: SourceSettings) => !!day && day >= s.today && day <= addDays(s.today, s.leadDays);

/** Steps whose window opens or closes within the lead days and is not done: to the programme's leaders, naming participant codes only. */
async function stepWindows(m: EntityManager, s: SourceSettings): Promise<Reminder[]> {
  const out: Reminder[] = [];
  const ids = await activeProgrammeIds(m);
  const leaders = await activeLeadersOfProgrammes(m, ids);
  for (const id of ids) {
    const programme = await programmeById(m, id);
    if (!programme || !(leaders.get(id) ?? []).length) continue;
    const matrix = buildMatrix(await loadMatrixData(m, programme), programme, s.today);
    // By procedure, edge and day: the codes of the subjects whose window it is.
    const groups = new Map<string, { procedureKey: string; edge: 'opens' | 'closes'; day: string; codes: string[] }>();
    for (const row of matrix.rows) {
      for (const cell of row.cells) {
        if (!cell.window || !['not_yet_due', 'due', 'in_progress'].includes(cell.status)) continue;
        for (const [edge, day] of [
          ['opens', cell.window.from],
          ['closes', cell.window.to],
        ] as const) {
          if (!within(day, s) || (edge === 'opens' && cell.status === 'in_progress')) continue;
          const key = `${cell.procedureKey}:${edge}:${day}`;
          const g = groups.get(key) ?? { procedureKey: cell.procedureKey, edge, day, codes: [] };
          g.codes.push(row.subject.code);
          groups.set(key, g);
        }
      }
    }
    for (const g of groups.values()) {
      const title = matrix.procedures.find((p) => p.procedureKey === g.procedureKey)?.title ?? {};
      for (const userId of leaders.get(id) ?? [])
        out.push({
          kind: 'step_window',
          userId,
          reason: `reminder:step_window:${id}:${g.procedureKey}:${g.edge}:${g.day}`,
          template: 'reminder-step-window',
          params: {
            programmeName: programme.name,
            procedure: title.en ?? g.procedureKey,
            'procedure.sv': title.sv ?? title.en ?? g.procedureKey,
            'procedure.nb': title.nb ?? title.en ?? g.procedureKey,
            edge: g.edge,
            day: g.day,
            subjects: g.codes.sort().join(', '),
            link: `${s.publicUrl}/programmes/${id}`,
          },
        });
    }
  }
  return out;
}

async function actionTargets(m: EntityManager, s: SourceSettings): Promise<Reminder[]> {
  return (await allActions(m))
    .filter((a) => ['planned', 'in_progress'].includes(a.state) && within(a.dueDate, s))
    .map((a) => ({
      kind: 'action_target',
      userId: a.ownerId,
      reason: `reminder:action_target:${a.id}:${a.dueDate}`,
      template: 'reminder-action-target',
      params: {
        reference: a.reference,
        title: firstLine(a.description),
        day: a.dueDate,
        link: `${s.publicUrl}/corrective-actions/${a.id}`,
      },
    }));
}

/** Deviations have no owner of their own: their programme's leaders answer for them. */
async function deviationTargets(m: EntityManager, s: SourceSettings): Promise<Reminder[]> {
  const due = await openDeviationsDueBetween(m, s.today, addDays(s.today, s.leadDays));
  const leaders = await activeLeadersOfProgrammes(m, [...new Set(due.map((d) => d.programmeId))]);
  return due.flatMap((d) =>
    (leaders.get(d.programmeId) ?? []).map((userId): Reminder => ({
      kind: 'deviation_target',
      userId,
      reason: `reminder:deviation_target:${d.id}:${d.targetDate}`,
      template: 'reminder-deviation-target',
      params: { reference: d.reference, title: d.title, day: d.targetDate, link: `${s.publicUrl}/deviations/${d.id}` },
    })),
  );
}

async function documentReviews(m: EntityManager, s: SourceSettings): Promise<Reminder[]> {
  return (await allDocuments(m))
    .filter((d) => within(d.reviewBy, s))
    .map((d) => ({
      kind: 'document_review',
      userId: d.ownerId,
      reason: `reminder:document_review:${d.id}:${d.reviewBy}`,
      template: 'reminder-document-review',
      params: { reference: d.reference, title: d.title, day: d.reviewBy, link: `${s.publicUrl}/documents/${d.id}` },
    }));
}

async function riskReviews(m: EntityManager, s: SourceSettings): Promise<Reminder[]> {
  return (await registerRisks(m, null))
    .filter((r) => r.status === 'open' && within(r.nextReviewOn, s))
    .map((r) => ({
      kind: 'risk_review',
      userId: r.ownerId,
      reason: `reminder:risk_review:${r.id}:${r.nextReviewOn}`,
      template: 'reminder-risk-review',
      params: { reference: r.reference, title: r.title, day: r.nextReviewOn, link: `${s.publicUrl}/risks/${r.id}` },
    }));
}

/** Controlled documents' versions submitted for approval: to every quality manager, once per version. */
async function approvals(m: EntityManager, s: SourceSettings): Promise<Reminder[]> {
  const documents = await allDocuments(m);
  const waiting = (
    await versionsOf(
      m,
      documents.map((d) => d.id),
    )
  ).filter((v) => v.status === 'in_review');
  if (waiting.length === 0) return [];
  const managers = await activeUsersWithAnyRole(m, ['quality_manager']);
  return waiting.flatMap((v) => {
    const d = documents.find((x) => x.id === v.documentId)!;
    // Not to the author: one does not approve one's own draft.
    return managers
      .filter((qm) => qm.id !== v.authorId)
      .map((qm): Reminder => ({
        kind: 'approval',
        userId: qm.id,
        reason: `reminder:approval:document_version:${v.id}`,
        template: 'reminder-approval',
        params: {
          reference: `${d.reference} v${v.number}`,
          title: d.title,
          day: v.submittedAt ? new Date(v.submittedAt).toISOString().slice(0, 10) : s.today,
          link: `${s.publicUrl}/documents/${d.id}`,
        },
      }));
  });
}

/** Procedure versions submitted for approval: to every quality manager who did not write them, once per version. */
async function procedureApprovals(m: EntityManager, s: SourceSettings): Promise<Reminder[]> {
  const waiting = await versionsAwaitingApproval(m);
  if (waiting.length === 0) return [];
  const managers = await activeUsersWithAnyRole(m, ['quality_manager']);
  return waiting.flatMap((v) =>
    managers
      .filter((qm) => !v.authorIds.includes(qm.id))
      .map((qm): Reminder => ({
        kind: 'approval',
        userId: qm.id,
        reason: `reminder:approval:procedure_version:${v.id}`,
        template: 'reminder-approval',
        params: {
          reference: `${v.procedureKey} v${v.number}`,
          title: v.title.en ?? v.procedureKey,
          day: v.submittedAt ? new Date(v.submittedAt).toISOString().slice(0, 10) : s.today,
          link: `${s.publicUrl}/procedures/${v.procedureKey}`,
        },
      })),
  );
}

/** Closed actions a board member has not reviewed: to that board member, once per action. */
async function boardReviews(m: EntityManager, s: SourceSettings): Promise<Reminder[]> {
  const closed = (await allActions(m)).filter((a) => a.state === 'closed');
  if (closed.length === 0) return [];
  const members = await activeUsersWithAnyRole(m, ['board_member']);
  const reviews = await boardReviewsOf(
    m,
    closed.map((a) => a.id),
  );
  return closed.flatMap((a) =>
    members
      .filter((b) => !reviews.some((r) => r.correctiveActionId === a.id && r.reviewerId === b.id))
      .map((b): Reminder => ({
        kind: 'board_review',
        userId: b.id,
        reason: `reminder:board_review:${a.id}`,
        template: 'reminder-board-review',
        params: {
          reference: a.reference,
          title: firstLine(a.description),
          day: a.closedAt ? new Date(a.closedAt).toISOString().slice(0, 10) : s.today,
          link: `${s.publicUrl}/corrective-actions/${a.id}`,
        },
      })),
  );
}

function firstLine(s: string): string {
  const line = s.split('\n')[0].trim();
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}
