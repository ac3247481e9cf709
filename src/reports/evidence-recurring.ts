/**
 * The evidence report's section on recurring activities (issue 17): cadence conformance per
 * subject (occurrences, the longest gap, every gap over the cadence) and attendance per session
 * (counts of people, suppressed as the other personal figures are). Absent from models made
 * before recurring activities existed.
 */
import { conformanceTone } from './frame.js';
import { fill, formatCount, formatDate, formatNumber, localise, type Labels } from './i18n.js';
import type { EvidenceReportModel } from './models/evidence-report.js';
import { heading, paragraph } from './pdf/blocks.js';
import type { PageFlow } from './pdf/layout.js';
import { SIZE } from './pdf/style.js';
import { table, type TableCell } from './pdf/table.js';

export async function recurringActivities(flow: PageFlow, model: EvidenceReportModel, l: Labels): Promise<void> {
  const recurring = model.recurring ?? [];
  const attendance = model.attendance ?? [];
  if (recurring.length === 0 && attendance.length === 0) return;
  const e = l.evidence;
  await heading(flow, e.recurringActivities, 1, { newPage: 'landscape' });
  if (recurring.length) {
    await paragraph(flow, fill(e.recurringIntro, { date: formatDate(model.conformance.asOf) }), { size: SIZE.small });
    await table(
      flow,
      [
        { header: e.subject, weight: 1.3 },
        { header: l.evidence.type, weight: 0.9 },
        { header: e.procedure, weight: 1.4 },
        { header: e.cadence, weight: 1 },
        { header: l.common.state, weight: 1.2 },
        { header: e.occurrences, weight: 0.9, align: 'right' },
        { header: e.lastOccurrence, weight: 1 },
        { header: e.longestGap, weight: 0.9, align: 'right' },
        { header: e.gapsOverCadence, weight: 2.6 },
      ],
      recurring.map((r): TableCell[] => [
        r.subject,
        l.subject[r.subjectType],
        r.procedureKey,
        fill(e.cadenceDays, { days: r.cadenceDays }),
        { text: l.conformanceStatus[r.status], tone: conformanceTone(r.status) },
        formatNumber(r.occurrences, model.lang),
        r.lastDate ? formatDate(r.lastDate) : '—',
        r.longestGapDays === null ? '—' : formatNumber(r.longestGapDays, model.lang),
        [
          ...r.gapsOverCadence.map(
            (g) => `${fill(e.gapDays, { from: formatDate(g.from), to: formatDate(g.to), days: g.days })}${g.open ? `, ${e.gapOpen}` : ''}`,
          ),
          ...(r.sessionsShort ? [fill(e.sessionsShort, { held: r.sessionsShort.held, planned: r.sessionsShort.planned })] : []),
        ].join('\n') || '—',
      ]),
      { size: 7.5, emptyText: l.common.none },
    );
  }
  if (attendance.length) {
    await heading(flow, e.attendancePerSession, 2);
    await paragraph(flow, `${e.attendanceIntro} ${e.suppressionNote}`, { size: SIZE.small });
    await table(
      flow,
      [
        { header: e.procedure, weight: 2 },
        { header: e.session, weight: 1.1 },
        { header: e.present, weight: 0.9, align: 'right' },
        { header: e.absent, weight: 0.9, align: 'right' },
        { header: e.notRecorded, weight: 0.9, align: 'right' },
        { header: e.onTheList, weight: 0.9, align: 'right' },
      ],
      attendance.map((s): TableCell[] => [
        `${s.procedureKey}\n${localise(s.title, model.lang)}`,
        s.date ? formatDate(s.date) : '—',
        formatCount(s.present, model.lang),
        formatCount(s.absent, model.lang),
        formatCount(s.notRecorded, model.lang),
        formatCount(s.total, model.lang),
      ]),
      { size: 7.5, emptyText: l.common.none },
    );
  }
}
