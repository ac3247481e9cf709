import { Button, Card, Group, NativeSelect, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, idempotencyKey } from '../api/client';
import type { Schemas } from '../api/client';
import { useUser } from '../app/auth';
import { Dialog } from '../ui/Dialog';
import { DataTable, Loading } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate, today } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { mayRecord } from './access';
import { programmeKeys, useFunnel, useParticipants } from './queries';
import type { Programme } from './queries';

const APPLICANT_STATUSES = ['applicant', 'waiting_list', 'not_admitted'];

/**
 * Applicants of a programme: the funnel, those not enrolled yet (the intake interview's decision
 * admits, wait-lists or rejects them), and the form that registers an expression of interest.
 */
export function ApplicantsTab({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const user = useUser();
  const participants = useParticipants(programme.id);
  const [registering, setRegistering] = useState(false);
  const canRecord = mayRecord(user, programme) && programme.status !== 'closed';
  const applicants = (participants.data ?? []).filter((p) => APPLICANT_STATUSES.includes(p.status));
  const showNames = applicants.some((p) => p.fullName !== undefined);
  return (
    <Stack>
      <FunnelCard programme={programme} />
      <Text size="sm">{t('applicant.explanation')}</Text>
      {canRecord ? (
        <Button w="fit-content" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setRegistering(true)}>
          {t('applicant.register.action')}
        </Button>
      ) : null}
      <ProblemAlert error={participants.error} onRetry={() => void participants.refetch()} />
      {participants.isPending ? (
        <Loading />
      ) : applicants.length === 0 ? (
        <Text>{t('applicant.empty')}</Text>
      ) : (
        <DataTable
          caption={t('applicant.caption')}
          head={[
            t('participant.field.code'),
            ...(showNames ? [t('participant.field.name')] : []),
            t('participant.field.role'),
            t('participant.field.profession'),
            t('participant.field.applicationConsentAt'),
            t('participant.field.status'),
          ]}
        >
          {applicants.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.code}</Table.Td>
              {showNames ? <Table.Td>{p.fullName ?? '–'}</Table.Td> : null}
              <Table.Td>{t(`participant.role.${p.role}`)}</Table.Td>
              <Table.Td>{p.profession}</Table.Td>
              <Table.Td>{formatDate(p.applicationConsentAt)}</Table.Td>
              <Table.Td>
                <StatusBadge kind="participant" value={p.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {registering && <RegisterDialog programme={programme} onClose={() => setRegistering(false)} />}
    </Stack>
  );
}

type Count = number | string;
type Stages = Schemas['FunnelStagesResponse'];

/** The funnel as figures in text, each with a bar beside it (decorative: the figure says it all). */
export function FunnelCard({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const funnel = useFunnel(programme.id);
  if (funnel.isPending) return <Loading />;
  if (!funnel.data) return <ProblemAlert error={funnel.error} onRetry={() => void funnel.refetch()} />;
  const f = funnel.data;
  return (
    <Card withBorder component="section" aria-labelledby="funnel-title">
      <Title order={3} size="h4" id="funnel-title">
        {t('applicant.funnel.title')}
      </Title>
      <Group mt="sm" align="flex-start" grow wrap="wrap">
        <FunnelRole label={t('applicant.funnel.adepts')} stages={f.adept} />
        <FunnelRole label={t('applicant.funnel.mentors')} stages={f.mentor} />
      </Group>
      {f.smallCellsSuppressed ? (
        <Text size="xs" c="dimmed" mt="xs">
          {t('applicant.funnel.suppressed')}
        </Text>
      ) : null}
    </Card>
  );
}

function FunnelRole({ label, stages }: { label: string; stages: Stages }) {
  const { t } = useTranslation();
  const top = typeof stages.interested === 'number' ? stages.interested : 0;
  const share = (n: Count) => (typeof n === 'number' && top > 0 ? (100 * n) / top : 0);
  return (
    <Stack gap={6} miw={220}>
      <Text fw={600}>{label}</Text>
      <ul className="plain-list" aria-label={label}>
        {(['interested', 'interviewed', 'admitted', 'completed'] as const).map((stage) => (
          <li key={stage}>
            <Text size="sm">{t('applicant.funnel.stage', { stage: t(`applicant.funnel.${stage}`), count: stages[stage] })}</Text>
            <Progress value={share(stages[stage])} size="sm" aria-hidden />
          </li>
        ))}
      </ul>
      <Text size="xs" c="dimmed">
        {t('applicant.funnel.standing', { applicant: stages.applicant, waitingList: stages.waitingList, notAdmitted: stages.notAdmitted })}
      </Text>
    </Stack>
  );
}

function RegisterDialog({ programme, onClose }: { programme: Programme; onClose(): void }) {
  const { t } = useTranslation();
  const [key] = useState(idempotencyKey);
  const [form, setForm] = useState({
    role: 'adept' as 'adept' | 'mentor',
    fullName: '',
    email: '',
    gender: 'undisclosed' as 'female' | 'male' | 'other' | 'undisclosed',
    profession: '',
    countryOfOrigin: '',
    applicationConsentAt: today(),
  });
  const register = useAction(
    () =>
      call(
        api.POST('/api/programmes/{id}/applicants', {
          params: { path: { id: programme.id } },
          headers: { 'Idempotency-Key': key },
          body: { ...form, email: form.email || undefined, countryOfOrigin: form.countryOfOrigin || undefined },
        }),
      ),
    { invalidates: [programmeKeys.one(programme.id)], done: t('applicant.register.done') },
  );
  const errors = fieldErrors(t, register.error);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate(undefined, { onSuccess: onClose });
  };
  return (
    <Dialog opened onClose={onClose} title={t('applicant.register.title')} size="lg">
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
          <TextInput
            type="date"
            label={t('participant.field.applicationConsentAt')}
            required
            value={form.applicationConsentAt}
            onChange={set('applicationConsentAt')}
            error={errors.applicationConsentAt}
          />
          <ProblemAlert error={Object.keys(errors).length ? undefined : register.error} onRetry={() => register.mutate(undefined)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={register.isPending}>
              {t('applicant.register.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
