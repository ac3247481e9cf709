/**
 * Training records per user: which modules someone completed and until when they count (the
 * competence steps of procedures ask for them). Quality managers record them; administrators and
 * auditors read them. The chosen user is in the URL.
 */
import { Button, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call, idempotencyKey } from '../api/client';
import { useAuth } from '../app/auth';
import { useStaff } from '../users/staff';
import { DataTable, Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { formatDate } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';

function RecordForm({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ module: '', completedAt: '', validUntil: '', evidence: '' });
  const [key, setKey] = useState(idempotencyKey);
  const add = useAction(
    () =>
      call(
        api.POST('/api/users/{id}/training-records', {
          params: { path: { id: userId } },
          headers: { 'Idempotency-Key': key },
          body: {
            module: form.module,
            completedAt: form.completedAt,
            ...(form.validUntil ? { validUntil: form.validUntil } : {}),
            ...(form.evidence ? { evidence: form.evidence } : {}),
          },
        }),
      ),
    { invalidates: [['training', userId]], done: t('training.done') },
  );
  const errors = fieldErrors(t, add.error);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.mutateAsync(undefined).then(
      () => {
        setForm({ module: '', completedAt: '', validUntil: '', evidence: '' });
        setKey(idempotencyKey());
      },
      () => undefined,
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="training-form-title">
      <Stack gap="sm" maw={520}>
        <Title order={2} size="h4" id="training-form-title">
          {t('training.add')}
        </Title>
        <TextInput label={t('training.field.module')} required value={form.module} onChange={set('module')} error={errors.module} />
        <TextInput
          type="date"
          label={t('training.field.completedAt')}
          required
          value={form.completedAt}
          onChange={set('completedAt')}
          error={errors.completedAt}
        />
        <TextInput
          type="date"
          label={t('training.field.validUntil')}
          value={form.validUntil}
          onChange={set('validUntil')}
          error={errors.validUntil}
        />
        <TextInput label={t('training.field.evidence')} value={form.evidence} onChange={set('evidence')} error={errors.evidence} />
        <ProblemAlert error={Object.keys(errors).length ? undefined : add.error} />
        <Button type="submit" loading={add.isPending} w="fit-content">
          {t('training.submit')}
        </Button>
      </Stack>
    </form>
  );
}

export function TrainingPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const staff = useStaff();
  const userId = params.get('user') ?? '';
  const records = useQuery({
    queryKey: ['training', userId],
    enabled: !!userId,
    queryFn: () => call(api.GET('/api/users/{id}/training-records', { params: { path: { id: userId } } })),
  });
  const name = staff.data?.find((s) => s.id === userId)?.name;
  return (
    <>
      <PageHeader title={t('training.title')} />
      <form role="search" aria-label={t('training.choose')} onSubmit={(e) => e.preventDefault()}>
        <NativeSelect
          label={t('training.person')}
          mb="md"
          maw={360}
          data={[{ value: '', label: t('step.choose') }, ...(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))]}
          value={userId}
          onChange={(e) => setParams(e.currentTarget.value ? { user: e.currentTarget.value } : {}, { replace: true })}
        />
      </form>
      <ProblemAlert error={staff.error ?? records.error} />
      {!userId ? (
        <Text>{t('training.pick')}</Text>
      ) : records.isPending ? (
        <Loading />
      ) : (
        <Stack>
          {(records.data ?? []).length === 0 ? (
            <Text role="status">{t('training.none', { name: name ?? '' })}</Text>
          ) : (
            <DataTable
              caption={t('training.caption', { name: name ?? '' })}
              head={[
                t('training.field.module'),
                t('training.field.completedAt'),
                t('training.field.validUntil'),
                t('training.field.evidence'),
              ]}
            >
              {(records.data ?? []).map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.module}</Table.Td>
                  <Table.Td>{formatDate(r.completedAt)}</Table.Td>
                  <Table.Td>{r.validUntil ? formatDate(r.validUntil) : t('training.openEnded')}</Table.Td>
                  <Table.Td>{r.evidence ?? '–'}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
          {hasRole('quality_manager') ? <RecordForm userId={userId} /> : null}
        </Stack>
      )}
    </>
  );
}
