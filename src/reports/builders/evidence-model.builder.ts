import { deviationSteps } from '../../deviations/deviation-steps.js';
import { acknowledgementCounts } from '../../documents/documents.queries.js';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { localDate } from '../../common/calendar.js';
import { forbidden } from '../../common/problem.js';
import type { RequestContext } from '../../common/request-context.js';
import { actionsLinkedTo, boardReviewsOf } from '../../corrective-actions/corrective-actions.queries.js';
import { CorrectiveActionQueriesService } from '../../corrective-actions/corrective-action-queries.service.js';
import { isOverdue } from '../../corrective-actions/action-states.js';
import { daysBetween } from '../../common/calendar.js';
import { deviationsInPeriod } from '../../deviations/deviations.queries.js';
import { buildMatrix, loadMatrixData } from '../../executions/conformance-matrix.service.js';
import { attendanceSessions } from '../../executions/recurring.queries.js';
import { suppressRow } from '../../indicators/indicator-math.js';
import { IndicatorsService } from '../../indicators/indicators.service.js';
import { presentFunnel } from '../../indicators/indicators.mapper.js';
import { QualityObjectivesService } from '../../indicators/quality-objectives.service.js';
import { procedureAcknowledgementCounts, versionsById } from '../../procedures/procedures.queries.js';
import { currentPlan, participantCodes, participantsOfProgramme } from '../../programmes/programmes.queries.js';
import type { EnrolledParticipantRow as ParticipantRow } from '../../programmes/programmes.queries.js';
import { ProgrammeAccess } from '../../programmes/programme-access.js';
import type { Programme } from '../../programmes/programme.entity.js';
import { SignaturesService } from '../../signatures/signatures.service.js';
import { SurveyResultsService } from '../../surveys/survey-results.service.js';
import { evidenceSurveys } from './evidence-surveys.js';
import type { EvidenceReportModel } from '../models/evidence-report.js';
import { buildCaseFiles } from './case-files.builder.js';
import { supersededAmong } from './superseded.js';
import { DEVIATION_RULES } from '../models/codes.js';
import { countEventsInScope, programmeEntityIds } from './audit-scope.js';
import { toModelIndicators } from './evidence-indicators.js';
import { reportHeader, signatureEntry } from './report-header.js';
import type { ReportRequest } from './report-header.js';

export interface EvidenceRequest extends ReportRequest {
  from?: string;
  to?: string;
  includeNames: boolean;
  /** Case files for a random sample of subjects (size, seed) instead of every subject. */
  sample?: { size: number; seed: number };
}

export interface EvidenceBuild {
  model: EvidenceReportModel;
  /** The records whose audit events the evidence covers, and the chain head it was built at. */
  scope: { entityIds: string[]; headSeq: number };
}

/**
 * Builds the programme evidence report model from the records. Deviations and corrective actions
 * are those detected within the period; the conformance matrix and indicators are as of the
 * report day (the period's end if earlier).
 */
@Injectable()
export class EvidenceModelBuilder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProgrammeAccess,
    private readonly audit: AuditService,
    private readonly signatures: SignaturesService,
    private readonly indicators: IndicatorsService,
    private readonly objectives: QualityObjectivesService,
    private readonly actions: CorrectiveActionQueriesService,
    private readonly surveyResults: SurveyResultsService,
  ) {}

  async build(ctx: RequestContext, programmeId: string, req: EvidenceRequest): Promise<EvidenceBuild> {
    const m = this.dataSource.manager;
    const programme = await this.access.readable(m, ctx, programmeId);
    if (req.includeNames && !(await this.access.identifies(m, ctx, programmeId))) {
      throw forbidden(
        'names_not_allowed',
        'Only a quality manager or a leader of this programme may include participant names; others see pseudonymous codes',
      );
    }
    const generatedDay = localDate(req.generatedAt, programme.timeZone);
    const from = req.from ?? programme.startDate;
    // By default the period runs to the programme's end, or to the report day when later, so
    // deviations found after the end (late final evaluations) are not left out.
    const to = req.to ?? (generatedDay > programme.endDate ? generatedDay : programme.endDate);
    const asOf = generatedDay < to ? generatedDay : to;
    const head = await this.audit.head();
    // Incremental: a report must not re-read a chain of millions of events each time. The model
    // says which events this verification covered, and when the whole chain was last verified.
    const verdict = await this.audit.verifyIncremental();
    const entityIds = await programmeEntityIds(m, programmeId);
    const people = await participantsOfProgramme(m, programmeId);
    const procedures = await this.procedures(m, programmeId);
    const { conformance, recurring } = await this.conformance(m, programme, asOf);
    const deviations = await this.deviations(m, programmeId, from, to);
    const caseFiles = await buildCaseFiles(m, this.signatures, {
      programmeId,
      timeZone: programme.timeZone,
      asOf,
      // As the participants table: names and what was written about the subjects only in a report
      // that includes names (asked for, and allowed by `ProgrammeAccess.identifies` above). A report
      // without names is the one handed to an auditor, whoever generated it.
      names: req.includeNames,
      participants: people,
      sample: req.sample ?? null,
    });
    const model: EvidenceReportModel = {
      kind: 'evidence_report',
      ...reportHeader(ctx, req, programme.timeZone),
      programme: { id: programme.id, name: programme.name, startsOn: programme.startDate, endsOn: programme.endDate },
      period: { from, to },
      procedures,
      includeNames: req.includeNames,
      participants: this.participants(people, req.includeNames),
      conformance,
      deviations,
      correctiveActions: await this.correctiveActions(m, programmeId, from, to, asOf),
      indicators: toModelIndicators(
        await this.indicators.measure([programmeId], asOf, m),
        !req.includeNames,
        await this.titles(m, programmeId),
        presentFunnel(programmeId, await this.indicators.measureFunnel(m, programmeId), !req.includeNames),
      ),
      objectives: (await this.objectives.standing(m, from, to, asOf, programmeId)).map((o) => ({
        title: o.title,
        ownerName: o.ownerName,
        deadline: o.deadline,
        indicator: o.indicator,
        unit: o.unit,
        comparator: o.comparator,
        target: o.target,
        measured: o.measured,
        status: o.status,
        trend: o.trend,
        history: o.inPeriod.map((h) => ({ period: h.period, measured: h.measured, status: h.status })),
      })),
      auditTrail: {
        eventsInScope: await countEventsInScope(m, entityIds, head.seq),
        chainHead: { seq: head.seq, hash: head.hash },
        verification: {
          ...(verdict.valid ? { valid: true as const } : { valid: false as const, firstInvalidSeq: verdict.firstInvalidSeq ?? 0 }),
          throughSeq: verdict.toSeq,
          fullVerifiedAt: verdict.fullVerifiedAt,
        },
      },
      supersededVersions: await supersededAmong(m, [
        ...procedures.map((p) => ({ key: p.key, version: p.version })),
        ...conformance.rows.flatMap((r) =>
          r.cells.flatMap((c, i) => (c?.version ? [{ key: conformance.procedures[i].key, version: c.version }] : [])),
        ),
        ...deviations.flatMap((d) => (d.procedureKey && d.procedureVersion ? [{ key: d.procedureKey, version: d.procedureVersion }] : [])),
        ...caseFiles.subjects.flatMap((f) => f.executions.map((e) => ({ key: e.procedureKey, version: e.version }))),
      ]),
      caseFiles,
      documents: (await acknowledgementCounts(m, asOf)).map((d) => ({
        reference: d.reference,
        title: d.title,
        version: d.versionNumber,
        effectiveOn: d.effectiveOn,
        required: d.required,
        acknowledged: d.acknowledged,
      })),
      recurring,
      attendance: await this.attendance(m, programme, !req.includeNames),
      satisfactionSurveys: await evidenceSurveys(m, this.surveyResults, ctx, { programmeId, from, to }),
      procedureAcknowledgements: (await procedureAcknowledgementCounts(m)).map((p) => ({
        key: p.procedureKey,
        title: p.title,
        version: p.versionNumber,
        effectiveFrom: p.effectiveFrom.toISOString(),
        required: p.required,
        acknowledged: p.acknowledged,
      })),
    };
    return { model, scope: { entityIds, headSeq: head.seq } };
  }

  private async procedures(m: EntityManager, programmeId: string): Promise<EvidenceReportModel['procedures']> {
    const plan = await currentPlan(m, programmeId);
    const versions = await versionsById(
      m,
      plan.map((e) => e.versionId),
    );
    const rows = plan.map((e) => ({ entry: e, version: versions.get(e.versionId)! }));
    const signatures = await this.signatures.listFor(
      'procedure_version',
      plan.map((e) => e.versionId),
      m,
    );
    return rows.map(({ entry, version }) => ({
      key: entry.procedureKey,
      title: version.definition.title as never,
      version: entry.versionNumber,
      effectiveFrom: version.effectiveFrom!.toISOString(),
      contentHash: entry.contentHash,
      approvals: signatures.filter((s) => s.recordId === entry.versionId).map(signatureEntry),
    }));
  }

  private async titles(m: EntityManager, programmeId: string) {
    return new Map((await this.procedures(m, programmeId)).map((p) => [p.key, p.title]));
  }

  private participants(people: readonly ParticipantRow[], withNames: boolean): EvidenceReportModel['participants'] {
    return people.map((r) => ({
      code: r.code,
      role: r.role,
      gender: r.gender,
      profession: r.profession,
      enrolledOn: r.enrolledAt,
      status: r.status,
      ...(withNames ? { name: r.fullName } : {}),
    }));
  }

  private async conformance(
    m: EntityManager,
    programme: Programme,
    asOf: string,
  ): Promise<{ conformance: EvidenceReportModel['conformance']; recurring: NonNullable<EvidenceReportModel['recurring']> }> {
    const matrix = buildMatrix(await loadMatrixData(m, programme), programme, asOf);
    const recurring = matrix.rows.flatMap((r) =>
      r.cells.flatMap((c) =>
        c.recurring
          ? [
              {
                subject: r.subject.code,
                subjectType: r.subject.type,
                procedureKey: c.procedureKey,
                cadenceDays: c.recurring.cadenceDays,
                sessions: c.recurring.sessions ?? null,
                status: c.status,
                occurrences: c.recurring.occurrences,
                lastDate: c.recurring.lastDate,
                longestGapDays: c.recurring.longestGapDays,
                gapsOverCadence: c.recurring.gaps.map((g) => ({ from: g.from, to: g.to, days: g.days, open: g.open })),
                sessionsShort: c.recurring.sessionsShort,
              },
            ]
          : [],
      ),
    );
    return { conformance: this.matrixModel(matrix, asOf), recurring };
  }

  /** Attendance per session: counts of the people on each session's list (suppressed as personal figures). */
  private async attendance(
    m: EntityManager,
    programme: Programme,
    suppressSmallCells: boolean,
  ): Promise<EvidenceReportModel['attendance']> {
    const sessions = await attendanceSessions(m, programme.id, programme.timeZone);
    const titles = await this.titles(m, programme.id);
    return sessions.map((s) => {
      const shown = suppressRow({ present: s.present, absent: s.absent, notRecorded: s.notRecorded }, suppressSmallCells);
      return {
        procedureKey: s.procedureKey,
        title: titles.get(s.procedureKey) ?? { en: s.procedureKey },
        date: s.date,
        present: shown.counts.present,
        absent: shown.counts.absent,
        notRecorded: shown.counts.notRecorded,
        total: shown.total,
      };
    });
  }

  private matrixModel(matrix: ReturnType<typeof buildMatrix>, asOf: string): EvidenceReportModel['conformance'] {
    const keys = matrix.procedures.map((p) => p.procedureKey);
    return {
      asOf,
      procedures: matrix.procedures.map((p) => ({ key: p.procedureKey, title: p.title as never })),
      rows: matrix.rows.map((r) => ({
        subject: r.subject.code,
        subjectType: r.subject.type,
        cells: keys.map((k) => {
          const c = r.cells.find((x) => x.procedureKey === k);
          return c ? { status: c.status, version: c.executionId ? c.versionNumber : null } : null;
        }),
      })),
    };
  }

  private async deviations(m: EntityManager, programmeId: string, from: string, to: string): Promise<EvidenceReportModel['deviations']> {
    const rows = await deviationsInPeriod(m, programmeId, from, to);
    const steps = await deviationSteps(
      m,
      rows.map((r) => r.id),
    );
    const codes = await participantCodes(
      m,
      rows.flatMap((r) => (r.participantId ? [r.participantId] : [])),
    );
    return rows.map((r) => ({
      reference: r.reference,
      occurredAt: r.occurredAt.toISOString(),
      detectedAt: r.detectedAt.toISOString(),
      severity: r.severity,
      source: r.source,
      procedureKey: r.procedureKey,
      procedureVersion: r.versionNumber,
      state: r.state,
      title: r.title,
      rule: DEVIATION_RULES.find((rule) => rule === r.rule) ?? null,
      subject: r.participantId ? (codes.get(r.participantId) ?? null) : null,
      steps: (steps.get(r.id) ?? []).map((s) => s.stepKey),
      closedAt: r.closedAt ? r.closedAt.toISOString() : null,
    }));
  }

  private async correctiveActions(
    m: EntityManager,
    programmeId: string,
    from: string,
    to: string,
    asOf: string,
  ): Promise<EvidenceReportModel['correctiveActions']> {
    const inPeriod = await deviationsInPeriod(m, programmeId, from, to);
    const ids = (
      await actionsLinkedTo(
        m,
        inPeriod.map((d) => d.id),
      )
    ).map((a) => a.id);
    const summaries = await this.actions.summaries(ids);
    const reviews = await boardReviewsOf(m, ids);
    return summaries.map(({ action: a, ownerName, verdict }) => ({
      reference: a.reference,
      type: a.type,
      description: a.description,
      ownerName,
      dueOn: a.dueDate,
      state: a.state,
      overdueDays: isOverdue(a.state, a.dueDate, asOf) ? daysBetween(a.dueDate, asOf) : 0,
      effectiveness: verdict as never,
      boardDecisions: reviews
        .filter((r) => r.correctiveActionId === a.id)
        .map((r) => ({ decision: r.decision, decidedOn: r.reviewedAt.toISOString().slice(0, 10) })),
    }));
  }
}
