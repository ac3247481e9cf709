import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { localised } from '../i18n/i18n';
import { useMatrix, useProgramme } from '../programmes/queries';
import { DataTable, Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate } from '../ui/format';
import { AttendanceCounts, AttendanceStatus, attendeeLabel } from './AttendanceCounts';
import { usePersonAttendance } from './queries';
import { timelinePath } from './RecurringTab';

/** One participant's attendance across the programme's sessions, oldest first. */
export function ParticipantAttendancePage() {
  const { t } = useTranslation();
  const { id = '', participantId = '' } = useParams();
  const person = usePersonAttendance(id, participantId);
  const programme = useProgramme(id);
  const matrix = useMatrix(id);
  if (person.isPending) return <Loading />;
  if (!person.data) return <ProblemAlert error={person.error} onRetry={() => void person.refetch()} />;
  const p = person.data;
  const titles = new Map((matrix.data?.procedures ?? []).map((x) => [x.procedureKey, localised(x.title) || x.procedureKey]));
  return (
    <>
      <PageHeader
        title={t('attendance.person.title', { person: attendeeLabel(p) })}
        trail={
          programme.data
            ? [
                { to: `/programmes/${id}`, label: programme.data.name },
                { to: timelinePath(id, null), label: t('programme.tab.recurring') },
              ]
            : []
        }
      />
      <Stack>
        <Text size="sm">{t(`matrix.subjectType.${p.role}`)}</Text>
        <AttendanceCounts counts={p.counts} />
        {p.sessions.length === 0 ? (
          <Text role="status">{t('attendance.person.none')}</Text>
        ) : (
          <DataTable
            caption={t('attendance.person.caption', { person: attendeeLabel(p) })}
            head={[t('attendance.field.session'), t('recurring.field.activity'), t('attendance.field.status')]}
          >
            {p.sessions.map((s) => (
              <Table.Tr key={s.executionId}>
                <Table.Td>
                  <Anchor component={Link} to={`/executions/${s.executionId}/attendance`}>
                    {s.date ? formatDate(s.date) : t('recurring.noDate')}
                  </Anchor>
                  {s.state === 'open' ? (
                    <Text component="div">
                      <StatusBadge kind="cell" value="in_progress" />
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{titles.get(s.procedureKey) ?? s.procedureKey}</Table.Td>
                <Table.Td>
                  <AttendanceStatus status={s.status} />
                  {s.absenceReason ? <Text size="xs">{t('attendance.reasonLine', { reason: s.absenceReason })}</Text> : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Stack>
    </>
  );
}
