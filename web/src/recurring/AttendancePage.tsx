import { Alert, Anchor, Button, Card, Group, List, Radio, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call, idempotencyKey } from '../api/client';
import { useUser } from '../app/auth';
import { localised } from '../i18n/i18n';
import { mayRecord } from '../programmes/access';
import { programmeKeys, useProcedureVersion, useProgramme } from '../programmes/queries';
import { DataTable, Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate, formatDateTime } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { AttendanceCounts, AttendanceStatus, attendeeLabel } from './AttendanceCounts';
import { recurringKeys, useSessionAttendance } from './queries';
import type { Attendee, SessionAttendance } from './queries';
import { timelinePath } from './RecurringTab';

/**
 * A session's attendance list: everyone of the programme on its day, present, absent (with a
 * reason) or not recorded, each person's entries and corrections as history; programme leaders
 * record it per person.
 */
export function AttendancePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useUser();
  const session = useSessionAttendance(id);
  const s = session.data;
  const programme = useProgramme(s?.programmeId ?? '');
  const version = useProcedureVersion(s?.procedureKey, s?.versionNumber);
  if (session.isPending) return <Loading />;
  if (!s) return <ProblemAlert error={session.error} onRetry={() => void session.refetch()} />;
  const title = localised(version.data?.definition.title) || s.procedureKey;
  const when = s.date ? formatDate(s.date) : t('recurring.noDate');
  const canRecord = !!programme.data && mayRecord(user, programme.data) && s.attendance && s.state !== 'cancelled';
  return (
    <>
      <PageHeader
        title={t('attendance.title', { activity: title, date: when })}
        trail={
          programme.data
            ? [
                { to: `/programmes/${s.programmeId}`, label: programme.data.name },
                { to: timelinePath(s.programmeId, null), label: t('programme.tab.recurring') },
              ]
            : []
        }
        actions={<StatusBadge kind="execution" value={s.state} />}
      />
      <Stack>
        <Anchor component={Link} to={`/executions/${s.executionId}`} size="sm">
          {t('attendance.execution')}
        </Anchor>
        {!s.attendance ? (
          <Text role="status">{t('attendance.notRecorded')}</Text>
        ) : (
          <>
            <AttendanceCounts counts={s.counts} />
            {canRecord && s.entries.length > 0 ? <AttendanceForm session={s} /> : null}
            {s.entries.length === 0 ? (
              <Text role="status">{t('attendance.nobody')}</Text>
            ) : (
              <DataTable
                caption={t('attendance.caption', { activity: title, date: when })}
                head={[
                  t('attendance.field.person'),
                  t('attendance.field.role'),
                  t('attendance.field.status'),
                  t('attendance.field.history'),
                ]}
              >
                {s.entries.map((e) => (
                  <Table.Tr key={e.participantId}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/programmes/${s.programmeId}/participants/${e.participantId}/attendance`}
                        aria-label={t('attendance.person.open', { person: attendeeLabel(e) })}
                      >
                        {attendeeLabel(e)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`matrix.subjectType.${e.role}`)}</Table.Td>
                    <Table.Td>
                      <AttendanceStatus status={e.status} />
                      {e.absenceReason ? <Text size="xs">{t('attendance.reasonLine', { reason: e.absenceReason })}</Text> : null}
                    </Table.Td>
                    <Table.Td>
                      <History entry={e} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            )}
          </>
        )}
      </Stack>
    </>
  );
}

/** Every entry for a person, oldest first; a correction says what it replaced and why. */
function History({ entry }: { entry: Attendee }) {
  const { t } = useTranslation();
  if (entry.history.length === 0) return <Text size="sm">–</Text>;
  return (
    <List size="xs" spacing={2} listStyleType="none" aria-label={t('attendance.historyOf', { person: attendeeLabel(entry) })}>
      {entry.history.map((h) => (
        <List.Item key={h.id}>
          {t(h.supersedesId ? 'attendance.history.corrected' : 'attendance.history.recorded', {
            status: t(`attendance.status.${h.present ? 'present' : 'absent'}`),
            at: formatDateTime(h.recordedAt),
            by: h.recordedByName ?? t('step.someone'),
          })}
          {h.correctionReason ? ` ${t('attendance.history.reason', { reason: h.correctionReason })}` : ''}
          {h.current ? '' : ` ${t('attendance.history.superseded')}`}
        </List.Item>
      ))}
    </List>
  );
}

type Choice = { status: string; reason: string };

/** Per person Present / Absent (radio buttons) and an optional reason for an absence; a change of a recorded entry asks why. */
function AttendanceForm({ session }: { session: SessionAttendance }) {
  const { t } = useTranslation();
  const initial = () =>
    Object.fromEntries(session.entries.map((e) => [e.participantId, { status: e.status, reason: e.absenceReason ?? '' }]));
  const [choices, setChoices] = useState<Record<string, Choice>>(initial);
  const [reason, setReason] = useState('');
  const [key, setKey] = useState(idempotencyKey);
  const changed = session.entries.filter((e) => {
    const c = choices[e.participantId];
    return (
      c && c.status !== 'not_recorded' && (c.status !== e.status || (c.status === 'absent' && c.reason.trim() !== (e.absenceReason ?? '')))
    );
  });
  const corrections = changed.filter((e) => e.status !== 'not_recorded');
  const save = useAction(
    () =>
      call(
        api.POST('/api/executions/{id}/attendance', {
          params: { path: { id: session.executionId } },
          headers: { 'Idempotency-Key': key },
          body: {
            entries: changed.map((e) => {
              const c = choices[e.participantId];
              const present = c.status === 'present';
              return {
                participantId: e.participantId,
                present,
                ...(!present && c.reason.trim() ? { absenceReason: c.reason.trim() } : {}),
              };
            }),
            ...(reason.trim() ? { reason: reason.trim() } : {}),
          },
        }),
      ),
    {
      invalidates: [recurringKeys.all(session.programmeId), programmeKeys.matrix(session.programmeId)],
      sets: recurringKeys.session(session.executionId),
      done: t('attendance.saved'),
    },
  );
  const errors = fieldErrors(t, save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined, {
      onSuccess: () => {
        setReason('');
        setKey(idempotencyKey());
      },
    });
  };
  const set = (id: string, c: Partial<Choice>) => setChoices((all) => ({ ...all, [id]: { ...all[id], ...c } }));
  return (
    <Card withBorder component="section" aria-labelledby="attendance-form">
      <form onSubmit={submit} aria-labelledby="attendance-form">
        <Stack gap="sm">
          <Title order={2} size="h4" id="attendance-form">
            {t('attendance.form.title')}
          </Title>
          <Text size="sm">{t('attendance.form.help')}</Text>
          {session.entries.map((e) => {
            const c = choices[e.participantId];
            const person = attendeeLabel(e);
            const sent = changed.indexOf(e);
            const error = sent >= 0 ? (errors[`entries.${sent}.absenceReason`] ?? errors[`entries.${sent}.present`]) : undefined;
            return (
              <div key={e.participantId} className="attendance-person">
                <Radio.Group
                  label={person}
                  description={
                    e.status === 'not_recorded'
                      ? t('attendance.form.notYet')
                      : t('attendance.form.now', { status: t(`attendance.status.${e.status}`) })
                  }
                  value={c.status === 'not_recorded' ? null : c.status}
                  onChange={(value) => set(e.participantId, { status: value })}
                >
                  <Group gap="md" mt={4}>
                    <Radio value="present" label={t('attendance.status.present')} />
                    <Radio value="absent" label={t('attendance.status.absent')} />
                  </Group>
                </Radio.Group>
                {c.status === 'absent' ? (
                  <TextInput
                    mt={4}
                    label={t('attendance.form.absenceReason', { person })}
                    value={c.reason}
                    maxLength={500}
                    onChange={(ev) => set(e.participantId, { reason: ev.currentTarget.value })}
                    error={error}
                  />
                ) : null}
              </div>
            );
          })}
          {corrections.length > 0 ? (
            <Textarea
              label={t('attendance.form.reason')}
              description={t('attendance.form.reasonHelp', { count: corrections.length })}
              required
              value={reason}
              onChange={(ev) => setReason(ev.currentTarget.value)}
              error={errors.reason}
            />
          ) : null}
          <ProblemAlert error={save.error} onRetry={() => save.mutate(undefined)} />
          {changed.length === 0 ? (
            <Alert color="gray" role="status" p="xs">
              <Text size="sm">{t('attendance.form.nothing')}</Text>
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={changed.length === 0}>
              {changed.length === 0 ? t('attendance.form.submitNone') : t('attendance.form.submit', { count: changed.length })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
