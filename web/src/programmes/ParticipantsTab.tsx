import { Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { Dialog } from '../ui/Dialog';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, idempotencyKey } from '../api/client';
import { useUser } from '../app/auth';
import { FilterBar, FilterSelect, useShownRows, useUrlFilters } from '../ui/ListPage';
import { DataTable, Loading } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate, today } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { LANGUAGES } from '../i18n/i18n';
import { mayRecord } from './access';
import { programmeKeys, useParticipants } from './queries';
import type { Participant, Programme } from './queries';

const STATUSES = ['applicant', 'waiting_list', 'not_admitted', 'active', 'withdrawn', 'completed'] as const;
const LEAVING_OUTCOMES = ['left_for_work', 'left_for_studies', 'personal_reasons', 'other'] as const;
const COMPLETION_OUTCOMES = ['employed_in_profession', 'employed_other', 'studying', 'seeking_work', 'other'] as const;

export function ParticipantsTab({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const user = useUser();
  const participants = useParticipants(programme.id);
  const [enrolling, setEnrolling] = useState(false);
  const [acting, setActing] = useState<{ participant: Participant; action: 'withdraw' | 'complete' }>();
  const canRecord = mayRecord(user, programme);
  const showNames = participants.data?.some((p) => p.fullName !== undefined) ?? false;
  // Filters in the URL, so a filtered list can be shared and survives a reload.
  const filters = useUrlFilters();
  const q = filters.text('q')?.toLocaleLowerCase();
  const role = filters.oneOf('role', ['adept', 'mentor'] as const);
  const status = filters.oneOf('status', STATUSES);
  const matching = (participants.data ?? []).filter(
    (p) =>
      (!role || p.role === role) &&
      (!status || p.status === status) &&
      (!q || [p.code, p.fullName ?? '', p.profession].some((v) => v.toLocaleLowerCase().includes(q))),
  );
  const { shown, more } = useShownRows(matching);
  const filtered = q !== undefined || role !== undefined || status !== undefined;

  return (
    <Stack>
      {canRecord ? (
        <Button w="fit-content" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setEnrolling(true)}>
          {t('participant.enrol.action')}
        </Button>
      ) : null}
      <FilterBar label={t('participant.filter.label')} onClear={filtered ? filters.clear : undefined}>
        <TextInput
          label={t('participant.filter.text')}
          value={filters.text('q') ?? ''}
          onChange={(e) => filters.set('q', e.currentTarget.value)}
        />
        <FilterSelect
          label={t('participant.field.role')}
          value={role}
          options={(['adept', 'mentor'] as const).map((r) => ({ value: r, label: t(`participant.role.${r}`) }))}
          onChange={(v) => filters.set('role', v)}
        />
        <FilterSelect
          label={t('participant.field.status')}
          value={status}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.participant.${s}`) }))}
          onChange={(v) => filters.set('status', v)}
        />
      </FilterBar>
      <ProblemAlert error={participants.error} onRetry={() => void participants.refetch()} />
      {participants.isPending ? (
        <Loading />
      ) : participants.data?.length === 0 ? (
        <Text>{t('participant.empty')}</Text>
      ) : matching.length === 0 ? (
        <Text role="status">{t('participant.noMatch')}</Text>
      ) : (
        <DataTable
          caption={t('participant.caption')}
          head={[
            t('participant.field.code'),
            ...(showNames ? [t('participant.field.name')] : []),
            t('participant.field.role'),
            t('participant.field.profession'),
            t('participant.field.enrolledAt'),
            t('participant.field.status'),
            t('participant.field.outcome'),
            ...(canRecord ? [t('participant.actions')] : []),
          ]}
        >
          {shown.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.code}</Table.Td>
              {showNames ? <Table.Td>{p.fullName ?? '–'}</Table.Td> : null}
              <Table.Td>{t(`participant.role.${p.role}`)}</Table.Td>
              <Table.Td>{p.profession}</Table.Td>
              <Table.Td>{formatDate(p.enrolledAt)}</Table.Td>
              <Table.Td>
                <StatusBadge kind="participant" value={p.status} />
              </Table.Td>
              <Table.Td>{p.outcome ? t(`participant.outcome.${p.outcome}`) : '–'}</Table.Td>
              {canRecord ? (
                <Table.Td>
                  {p.status === 'active' ? (
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() => setActing({ participant: p, action: 'complete' })}
                        aria-label={t('participant.complete.labelFor', { who: p.fullName ?? p.code })}
                      >
                        {t('participant.complete.action')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="red"
                        onClick={() => setActing({ participant: p, action: 'withdraw' })}
                        aria-label={t('participant.withdraw.labelFor', { who: p.fullName ?? p.code })}
                      >
                        {t('participant.withdraw.action')}
                      </Button>
                    </Group>
                  ) : (
                    formatDate(p.completedAt ?? p.withdrawnAt ?? p.admissionDecidedAt)
                  )}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {more}
      {enrolling && <EnrolDialog programme={programme} onClose={() => setEnrolling(false)} />}
      {acting && <EndParticipationDialog programme={programme} {...acting} onClose={() => setActing(undefined)} />}
    </Stack>
  );
}

function EnrolDialog({ programme, onClose }: { programme: Programme; onClose(): void }) {
  const { t } = useTranslation();
  const [key] = useState(idempotencyKey);
  const [form, setForm] = useState({
    role: 'adept' as 'adept' | 'mentor',
    fullName: '',
    email: '',
    gender: 'undisclosed' as 'female' | 'male' | 'other' | 'undisclosed',
    profession: '',
    countryOfOrigin: '',
    language: '' as '' | 'en' | 'sv' | 'nb',
    enrolledAt: today(),
    consentRecordedAt: today(),
  });
  const enrol = useAction(
    () =>
      call(
        api.POST('/api/programmes/{id}/participants', {
          params: { path: { id: programme.id } },
          headers: { 'Idempotency-Key': key },
          body: {
            ...form,
            email: form.email || undefined,
            countryOfOrigin: form.countryOfOrigin || undefined,
            language: form.language || undefined,
          },
        }),
      ),
    { invalidates: [programmeKeys.participants(programme.id), programmeKeys.matrix(programme.id)], done: t('participant.enrol.done') },
  );
  const errors = fieldErrors(t, enrol.error);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    enrol.mutate(undefined, { onSuccess: onClose });
  };
  return (
    <Dialog opened onClose={onClose} title={t('participant.enrol.title')} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <NativeSelect
            label={t('participant.field.role')}
            data={[
              { value: 'adept', label: t('participant.role.adept') },
              { value: 'mentor', label: t('participant.role.mentor') },
            ]}
            value={form.role}
            onChange={set('role')}
            error={errors.role}
          />
          <TextInput
            label={t('participant.field.name')}
            required
            value={form.fullName}
            onChange={set('fullName')}
            error={errors.fullName}
            autoComplete="off"
          />
          <TextInput
            label={t('participant.field.email')}
            type="email"
            value={form.email}
            onChange={set('email')}
            error={errors.email}
            autoComplete="off"
          />
          <NativeSelect
            label={t('participant.field.gender')}
            data={['female', 'male', 'other', 'undisclosed'].map((g) => ({ value: g, label: t(`participant.gender.${g}`) }))}
            value={form.gender}
            onChange={set('gender')}
            error={errors.gender}
          />
          <TextInput
            label={t('participant.field.profession')}
            required
            value={form.profession}
            onChange={set('profession')}
            error={errors.profession}
          />
          <TextInput
            label={t('participant.field.country')}
            value={form.countryOfOrigin}
            onChange={set('countryOfOrigin')}
            error={errors.countryOfOrigin}
          />
          <NativeSelect
            label={t('participant.field.language')}
            data={[{ value: '', label: t('participant.field.languageUnknown') }, ...LANGUAGES]}
            value={form.language}
            onChange={set('language')}
            error={errors.language}
          />
          <Group grow>
            <TextInput
              type="date"
              label={t('participant.field.enrolledAt')}
              required
              value={form.enrolledAt}
              onChange={set('enrolledAt')}
              error={errors.enrolledAt}
            />
            <TextInput
              type="date"
              label={t('participant.field.consentAt')}
              required
              value={form.consentRecordedAt}
              onChange={set('consentRecordedAt')}
              error={errors.consentRecordedAt}
            />
          </Group>
          <ProblemAlert error={Object.keys(errors).length ? undefined : enrol.error} onRetry={() => enrol.mutate(undefined)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={enrol.isPending}>
              {t('participant.enrol.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function EndParticipationDialog(props: {
  programme: Programme;
  participant: Participant;
  action: 'withdraw' | 'complete';
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { programme, participant, action, onClose } = props;
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState('');
  const [outcomeNote, setOutcomeNote] = useState('');
  const outcomes = action === 'withdraw' ? LEAVING_OUTCOMES : COMPLETION_OUTCOMES;
  const path = { id: programme.id, participantId: participant.id };
  const run = useAction(
    () =>
      action === 'withdraw'
        ? call(
            api.POST('/api/programmes/{id}/participants/{participantId}/withdraw', {
              params: { path },
              body: { date, reason, outcome: (outcome || undefined) as (typeof LEAVING_OUTCOMES)[number] | undefined },
            }),
          )
        : call(
            api.POST('/api/programmes/{id}/participants/{participantId}/complete', {
              params: { path },
              body: {
                date,
                outcome: (outcome || undefined) as (typeof COMPLETION_OUTCOMES)[number] | undefined,
                outcomeNote: outcomeNote || undefined,
              },
            }),
          ),
    {
      invalidates: [programmeKeys.participants(programme.id), programmeKeys.matrix(programme.id), programmeKeys.pairs(programme.id)],
      done: t(`participant.${action}.done`),
    },
  );
  const errors = fieldErrors(t, run.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate(undefined, { onSuccess: onClose });
  };
  return (
    <Dialog opened onClose={onClose} title={t(`participant.${action}.title`, { who: participant.fullName ?? participant.code })}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">{t(`participant.${action}.explanation`)}</Text>
          <TextInput
            type="date"
            label={t('participant.field.date')}
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.date}
          />
          <NativeSelect
            label={t('participant.field.outcome')}
            required
            data={[{ value: '', label: '–', disabled: true }, ...outcomes.map((o) => ({ value: o, label: t(`participant.outcome.${o}`) }))]}
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value)}
            error={errors.outcome}
            description={action === 'withdraw' ? t('participant.outcomeHint') : undefined}
          />
          {action === 'withdraw' ? (
            <TextInput
              label={t('participant.field.reason')}
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.reason}
            />
          ) : outcome === 'other' ? (
            <TextInput
              label={t('participant.field.outcomeNote')}
              required
              value={outcomeNote}
              onChange={(e) => setOutcomeNote(e.currentTarget.value)}
              error={errors.outcomeNote}
            />
          ) : null}
          <ProblemAlert error={Object.keys(errors).length ? undefined : run.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" color={action === 'withdraw' ? 'red' : undefined} loading={run.isPending}>
              {t(`participant.${action}.submit`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
