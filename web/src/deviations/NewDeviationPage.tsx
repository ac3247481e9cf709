import { Button, Group, NativeSelect, Paper, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, call, idempotencyKey } from '../api/client';
import { useProgrammes } from '../programmes/queries';
import { PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { localToIso, nowLocal } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { deviationKeys } from './queries';

const SOURCES = ['manual', 'internal_audit', 'external_audit', 'participant_feedback'] as const;

export function NewDeviationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const programmes = useProgrammes();
  const active = (programmes.data ?? []).filter((p) => p.status !== 'closed');
  const [key] = useState(idempotencyKey);
  const [form, setForm] = useState({
    programmeId: params.get('programmeId') ?? '',
    title: '',
    description: '',
    severity: 'minor' as 'minor' | 'major' | 'critical',
    source: 'manual' as (typeof SOURCES)[number],
    detectedAt: nowLocal(),
    occurredAt: '',
    containment: '',
    targetDate: '',
  });
  const programmeId = form.programmeId || active[0]?.id || '';
  const executionId = params.get('executionId') ?? undefined;
  const create = useAction(
    () =>
      call(
        api.POST('/api/deviations', {
          headers: { 'Idempotency-Key': key },
          body: {
            ...form,
            programmeId,
            detectedAt: form.detectedAt ? localToIso(form.detectedAt) : '',
            occurredAt: form.occurredAt ? localToIso(form.occurredAt) : undefined,
            containment: form.containment.trim() || undefined,
            targetDate: form.targetDate || undefined,
            ...(executionId ? { executionId } : {}),
          },
        }),
      ),
    { invalidates: [deviationKeys.all], done: t('deviation.create.done') },
  );
  const errors = fieldErrors(t, create.error);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(undefined, { onSuccess: (d) => void navigate(`/deviations/${d.id}`, { replace: true }) });
  };
  return (
    <>
      <PageHeader title={t('deviation.create.title')} trail={[{ to: '/deviations', label: t('deviation.list.title') }]} />
      <Paper withBorder p="md" maw={720}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <NativeSelect
              label={t('deviation.field.programme')}
              required
              data={active.map((p) => ({ value: p.id, label: p.name }))}
              value={programmeId}
              onChange={set('programmeId')}
              error={errors.programmeId}
            />
            <TextInput label={t('deviation.field.title')} required value={form.title} onChange={set('title')} error={errors.title} />
            <Textarea
              label={t('deviation.field.description')}
              required
              autosize
              minRows={3}
              value={form.description}
              onChange={set('description')}
              error={errors.description}
            />
            <Group grow align="flex-start">
              <NativeSelect
                label={t('deviation.field.severity')}
                data={(['minor', 'major', 'critical'] as const).map((s) => ({ value: s, label: t(`status.severity.${s}`) }))}
                value={form.severity}
                onChange={set('severity')}
                error={errors.severity}
              />
              <NativeSelect
                label={t('deviation.field.source')}
                data={SOURCES.map((s) => ({ value: s, label: t(`deviation.source.${s}`) }))}
                value={form.source}
                onChange={set('source')}
                error={errors.source}
              />
            </Group>
            <Group grow align="flex-start">
              <TextInput
                type="datetime-local"
                label={t('deviation.field.detectedAt')}
                required
                max={nowLocal()}
                value={form.detectedAt}
                onChange={set('detectedAt')}
                error={errors.detectedAt}
              />
              <TextInput
                type="datetime-local"
                label={t('deviation.field.occurredAt')}
                description={t('deviation.create.occurredHelp')}
                max={form.detectedAt || nowLocal()}
                value={form.occurredAt}
                onChange={set('occurredAt')}
                error={errors.occurredAt}
              />
              <TextInput
                type="date"
                label={t('deviation.field.targetDate')}
                description={t('deviation.create.targetHelp')}
                value={form.targetDate}
                onChange={set('targetDate')}
                error={errors.targetDate}
              />
            </Group>
            <Textarea
              label={t('deviation.field.containment')}
              description={t('deviation.create.containmentHelp')}
              autosize
              minRows={2}
              value={form.containment}
              onChange={set('containment')}
              error={errors.containment}
            />
            <ProblemAlert error={Object.keys(errors).length ? undefined : create.error} onRetry={() => create.mutate(undefined)} />
            <Group>
              <Button type="submit" loading={create.isPending}>
                {t('deviation.create.submit')}
              </Button>
              <Button variant="default" onClick={() => void navigate(-1)}>
                {t('action.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
