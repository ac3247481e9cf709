import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { localised } from '../i18n/i18n';
import { participantLabel, useMatrix, useParticipants, usePairs } from '../programmes/queries';
import type { MatrixCell, MatrixRow, Programme } from '../programmes/queries';
import { DataTable, Loading } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate } from '../ui/format';
import { COHORT } from './queries';
import { SubjectTimeline } from './SubjectTimeline';

/** Problems first: what a leader must act on today. */
const ORDER = [
  'cadence_missed',
  'nonconforming',
  'overdue',
  'due',
  'in_progress',
  'conforming_after_correction',
  'conforming',
  'not_yet_due',
];

/** Where a subject's timeline is: the programme's recurring tab with the subject in the URL. */
export function timelinePath(programmeId: string, subjectId: string | null): string {
  return `/programmes/${programmeId}/recurring?subject=${subjectId ?? COHORT}`;
}

/** Occurrences so far and the last one's day, in words (a matrix cell and the overview say it alike). */
export function useOccurrencesWords(): (r: NonNullable<MatrixCell['recurring']>) => string {
  const { t } = useTranslation();
  return (r) => {
    const held = r.sessions
      ? t('recurring.heldOfPlanned', { held: r.occurrences, planned: r.sessions })
      : t('recurring.occurrences', { count: r.occurrences });
    return r.lastDate ? `${held} · ${t('recurring.last', { date: formatDate(r.lastDate) })}` : held;
  };
}

/**
 * The programme's recurring activities (mentor meetings, job coaching, seminar series): every
 * subject with its status, problems first, each opening the subject's timeline; `?subject=`
 * shows one subject's timeline.
 */
export function RecurringTab({ programme }: { programme: Programme }) {
  const [params] = useSearchParams();
  const subject = params.get('subject');
  if (subject) return <SubjectTimeline programme={programme} subject={subject} />;
  return <RecurringOverview programme={programme} />;
}

function RecurringOverview({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const matrix = useMatrix(programme.id);
  const participants = useParticipants(programme.id);
  const pairs = usePairs(programme.id);
  const words = useOccurrencesWords();
  if (matrix.isPending) return <Loading />;
  if (!matrix.data) return <ProblemAlert error={matrix.error} onRetry={() => void matrix.refetch()} />;
  const m = matrix.data;
  const people = new Map((participants.data ?? []).map((p) => [p.id, p]));
  const pairById = new Map((pairs.data ?? []).map((p) => [p.id, p]));
  const titles = new Map(m.procedures.map((p) => [p.procedureKey, localised(p.title) || p.procedureKey]));
  const label = (row: MatrixRow): string => {
    const s = row.subject;
    if (s.type === 'cohort') return t('matrix.cohort');
    if (s.type === 'pair') {
      const pair = s.id ? pairById.get(s.id) : undefined;
      if (!pair) return s.code ?? '?';
      return `${participantLabel(people.get(pair.mentorId), pair.mentorCode)} / ${participantLabel(people.get(pair.adeptId), pair.adeptCode)}`;
    }
    return participantLabel(s.id ? people.get(s.id) : undefined, s.code);
  };
  const rank = (c: MatrixCell) => (ORDER.includes(c.status) ? ORDER.indexOf(c.status) : ORDER.length);
  const lines = m.rows
    .flatMap((row) => row.cells.filter((c) => c.recurring && c.status !== 'not_applicable').map((c) => ({ row, cell: c })))
    .sort((a, b) => rank(a.cell) - rank(b.cell));

  if (lines.length === 0) return <Text role="status">{t('recurring.none')}</Text>;
  return (
    <>
      <Text size="sm" mb="sm">
        {t('recurring.intro')}
      </Text>
      <DataTable
        caption={t('recurring.overview.caption')}
        head={[t('matrix.subject'), t('recurring.field.activity'), t('recurring.field.status'), t('recurring.field.occurrences')]}
      >
        {lines.map(({ row, cell }) => {
          const name = label(row);
          return (
            <Table.Tr key={`${row.subject.id ?? COHORT}:${cell.procedureKey}`}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={timelinePath(programme.id, row.subject.id)}
                  aria-label={t('recurring.overview.open', { subject: name, activity: titles.get(cell.procedureKey) })}
                >
                  {name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(`matrix.subjectType.${row.subject.type}`)}
                </Text>
              </Table.Td>
              <Table.Td>{titles.get(cell.procedureKey)}</Table.Td>
              <Table.Td>
                <StatusBadge kind="cell" value={cell.status} />
              </Table.Td>
              <Table.Td>{cell.recurring ? words(cell.recurring) : ''}</Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
    </>
  );
}
