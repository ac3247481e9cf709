import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../app/auth';
import { StartExecutionDialog } from '../executions/StartExecutionDialog';
import type { SubjectRef } from '../executions/StartExecutionDialog';
import { localised } from '../i18n/i18n';
import { Loading, ScrollBox } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge, StatusIcon } from '../ui/StatusBadge';
import { formatDate } from '../ui/format';
import { timelinePath, useOccurrencesWords } from '../recurring/RecurringTab';
import { mayRecord } from './access';
import { participantLabel, useMatrix, useParticipants, usePairs } from './queries';
import type { MatrixCell, MatrixRow, Programme } from './queries';

const STATUSES = [
  'overdue',
  'cadence_missed',
  'due',
  'in_progress',
  'nonconforming',
  'conforming_after_correction',
  'conforming',
  'not_yet_due',
  'not_applicable',
] as const;

/**
 * Every subject against every procedure in the plan. A cell says its status in words and with an
 * icon; a cell with an execution opens it, an empty cell that is due starts one.
 */
export function ConformanceMatrix({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const user = useUser();
  const matrix = useMatrix(programme.id);
  const participants = useParticipants(programme.id);
  const pairs = usePairs(programme.id);
  const [starting, setStarting] = useState<{ procedureKey?: string; subject?: SubjectRef; subjectLabel?: string }>();
  const canRecord = mayRecord(user, programme) && programme.status === 'active';
  // A closed programme still takes the procedures carried out after it closes (outcome follow-up).
  const afterClose = new Set((matrix.data?.procedures ?? []).filter((p) => p.afterClose).map((p) => p.procedureKey));
  const canRecordAfterClose = programme.status === 'closed' && afterClose.size > 0 && mayRecord(user, programme, true);
  const occurrencesWords = useOccurrencesWords();

  if (matrix.isPending) return <Loading />;
  if (!matrix.data) return <ProblemAlert error={matrix.error} onRetry={() => void matrix.refetch()} />;
  const m = matrix.data;
  const people = new Map((participants.data ?? []).map((p) => [p.id, p]));
  const pairById = new Map((pairs.data ?? []).map((p) => [p.id, p]));

  const subjectLabel = (row: MatrixRow): string => {
    const s = row.subject;
    if (s.type === 'cohort') return t('matrix.cohort');
    if (s.type === 'pair') {
      const pair = s.id ? pairById.get(s.id) : undefined;
      if (!pair) return s.code ?? '?';
      return `${participantLabel(people.get(pair.mentorId), pair.mentorCode)} / ${participantLabel(people.get(pair.adeptId), pair.adeptCode)}`;
    }
    return participantLabel(s.id ? people.get(s.id) : undefined, s.code);
  };
  const subjectRef = (row: MatrixRow): SubjectRef | undefined =>
    row.subject.type === 'cohort'
      ? { cohort: true }
      : row.subject.type === 'pair'
        ? { pairId: row.subject.id! }
        : { participantId: row.subject.id! };
  const titles = new Map(m.procedures.map((p) => [p.procedureKey, localised(p.title) || p.procedureKey]));

  const cell = (row: MatrixRow, c: MatrixCell, label: string) => {
    const text = t(`status.cell.${c.status}`);
    const name = `${text}: ${titles.get(c.procedureKey)}, ${label}`;
    const title = c.window ? t('matrix.window', { from: formatDate(c.window.from), to: formatDate(c.window.to) }) : undefined;
    if (c.recurring && c.status !== 'not_applicable') {
      // A recurring activity's cell opens the subject's timeline (its occurrences, gaps, and recording the next one).
      const occurrences = occurrencesWords(c.recurring);
      return (
        <Link
          className="matrix-cell matrix-cell-recurring"
          data-status={c.status}
          to={timelinePath(programme.id, row.subject.type === 'cohort' ? null : row.subject.id)}
          aria-label={`${name}. ${occurrences}`}
          title={title}
        >
          <StatusIcon value={c.status} />
          {text}
          <Text size="xs" component="span" className="matrix-cell-detail">
            {occurrences}
          </Text>
        </Link>
      );
    }
    if (c.executionId) {
      return (
        <Link className="matrix-cell" data-status={c.status} to={`/executions/${c.executionId}`} aria-label={name} title={title}>
          <StatusIcon value={c.status} />
          {text}
        </Link>
      );
    }
    const waiting = c.status === 'due' || c.status === 'overdue' || c.status === 'not_yet_due';
    const startable = afterClose.has(c.procedureKey)
      ? (canRecord || canRecordAfterClose) && waiting
      : canRecord && waiting && row.subject.status !== 'withdrawn';
    if (startable) {
      return (
        <button
          type="button"
          className="matrix-cell"
          data-status={c.status}
          aria-label={`${name}. ${t('matrix.start')}`}
          title={title}
          onClick={() => setStarting({ procedureKey: c.procedureKey, subject: subjectRef(row), subjectLabel: label })}
        >
          <StatusIcon value={c.status} />
          {text}
        </button>
      );
    }
    const why = c.notApplicable ? notApplicableWords(c.notApplicable) : '';
    return (
      <span className="matrix-cell" data-status={c.status} title={title}>
        <StatusIcon value={c.status} />
        {text}
        {why ? (
          <Text size="xs" c="dimmed" component="span" display="block">
            {why}
          </Text>
        ) : null}
      </span>
    );
  };
  const statusWord = (s: string) => t(`status.participant.${s}`, { defaultValue: s });
  const notApplicableWords = (n: NonNullable<MatrixCell['notApplicable']>) =>
    n.reason === 'left'
      ? t('matrix.reason.left')
      : t('matrix.reason.appliesWhen', { statuses: (n.statuses ?? []).map(statusWord).join(', '), status: statusWord(n.status) });

  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm">{t('matrix.asOf', { date: formatDate(m.today) })}</Text>
        {canRecord || canRecordAfterClose ? (
          <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} variant="light" onClick={() => setStarting({})}>
            {t('execution.start.action')}
          </Button>
        ) : null}
      </Group>
      <Group gap="xs" aria-label={t('matrix.totals')} role="group">
        {STATUSES.filter((s) => (m.totals.byStatus[s] ?? 0) > 0).map((s) => (
          <Group key={s} gap={4}>
            <StatusBadge kind="cell" value={s} />
            <Text size="sm">{m.totals.byStatus[s]}</Text>
          </Group>
        ))}
      </Group>
      <ScrollBox label={t('matrix.caption')}>
        <table className="matrix" aria-describedby="matrix-help">
          <caption className="table-caption">{t('matrix.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('matrix.subject')}</th>
              {m.procedures.map((p) => (
                <th scope="col" key={p.procedureKey}>
                  {titles.get(p.procedureKey)}
                  <Text size="xs" c="dimmed" component="span" display="block">
                    {t('matrix.version', { version: p.versionNumber })}
                  </Text>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.rows.map((row) => {
              const label = subjectLabel(row);
              const byKey = new Map(row.cells.map((c) => [c.procedureKey, c]));
              return (
                <tr key={`${row.subject.type}:${row.subject.id ?? 'cohort'}`}>
                  <th scope="row">
                    {label}
                    <Text size="xs" c="dimmed" component="span" display="block">
                      {t(`matrix.subjectType.${row.subject.type}`)}
                      {row.subject.status && row.subject.status !== 'active'
                        ? ` · ${t(`status.participant.${row.subject.status}`, { defaultValue: row.subject.status })}`
                        : ''}
                    </Text>
                  </th>
                  {m.procedures.map((p) => {
                    const c = byKey.get(p.procedureKey);
                    return (
                      <td key={p.procedureKey}>
                        {c ? (
                          cell(row, c, label)
                        ) : (
                          <>
                            <span aria-hidden>–</span>
                            <span className="visually-hidden-text">{t('matrix.none')}</span>
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      <Text size="sm" id="matrix-help">
        {t('matrix.help')}
      </Text>
      {starting && <StartExecutionDialog programme={programme} {...starting} onClose={() => setStarting(undefined)} />}
    </Stack>
  );
}
