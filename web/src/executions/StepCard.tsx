import { Badge, Button, Card, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, idempotencyKey } from '../api/client';
import type { Schemas } from '../api/client';
import { localised } from '../i18n/i18n';
import type { StepDefinition } from '../procedures/definition';
import { ProblemAlert } from '../ui/ProblemAlert';
import { formatDateTime, localToIso, nowLocal } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { FieldInput, formatValue } from './StepFields';
import type { Values } from './StepFields';
import { executionKey } from './keys';

type Execution = Schemas['ExecutionResponse'];
type StepRecord = Schemas['StepRecordResponse'];

function isoToLocal(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** One step of the execution: what the procedure asks, what was recorded, and the form to record or correct it. */
export function StepCard({
  execution,
  step,
  canRecord,
  invalidates,
}: {
  execution: Execution;
  step: StepDefinition;
  canRecord: boolean;
  invalidates: readonly (readonly unknown[])[];
}) {
  const { t } = useTranslation();
  const records = execution.steps.filter((r) => r.stepKey === step.key);
  const current = records.find((r) => r.current);
  const earlier = records.filter((r) => !r.current);
  const [correcting, setCorrecting] = useState(false);
  const [adding, setAdding] = useState(false);
  const writable = canRecord && execution.state !== 'cancelled';
  const headingId = `step-${step.key}`;
  const required = step.required !== false;

  return (
    <Card withBorder component="section" aria-labelledby={headingId} className="step-card" data-recorded={!!current}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4" id={headingId}>
            {localised(step.title)}
          </Title>
          {current ? (
            <Badge color="green" variant="light" leftSection={<IconCircleCheck size={14} aria-hidden />} tt="none">
              {t('step.recorded')}
            </Badge>
          ) : (
            <Badge color="gray" variant="light" leftSection={<IconCircleDashed size={14} aria-hidden />} tt="none">
              {required ? t('step.notRecordedRequired') : t('step.notRecordedOptional')}
            </Badge>
          )}
        </Group>
        {step.description ? <Text size="sm">{localised(step.description)}</Text> : null}
        {step.evidence ? (
          <Text size="sm">
            <strong>{t('step.evidence')}:</strong> {localised(step.evidence)}
          </Text>
        ) : null}
        {step.performerRoles?.length || step.requiredCompetence ? (
          <Text size="sm" c="dimmed">
            {step.performerRoles?.length ? t('step.performedBy', { roles: step.performerRoles.map((r) => t(`role.${r}`)).join(', ') }) : ''}
            {step.requiredCompetence ? ` ${t('step.competence', { competence: step.requiredCompetence })}` : ''}
          </Text>
        ) : null}

        {current && !correcting ? <RecordView step={step} record={current} /> : null}
        {current && writable && !correcting ? (
          <Button size="xs" variant="light" w="fit-content" onClick={() => setCorrecting(true)}>
            {t('step.correct.action')}
          </Button>
        ) : null}
        {current && correcting ? (
          <StepForm execution={execution} step={step} record={current} invalidates={invalidates} onDone={() => setCorrecting(false)} />
        ) : null}
        {!current && writable && execution.state === 'open' ? (
          <StepForm execution={execution} step={step} invalidates={invalidates} />
        ) : null}
        {!current && writable && execution.state === 'completed' && !adding ? (
          <Button size="xs" variant="light" w="fit-content" onClick={() => setAdding(true)}>
            {t('step.add.action')}
          </Button>
        ) : null}
        {!current && adding ? (
          <StepForm execution={execution} step={step} adding invalidates={invalidates} onDone={() => setAdding(false)} />
        ) : null}
        {earlier.length > 0 ? (
          <details>
            <summary>{t('step.earlier', { count: earlier.length })}</summary>
            <Stack gap="xs" mt="xs">
              {earlier.map((r) => (
                <RecordView key={r.id} step={step} record={r} />
              ))}
            </Stack>
          </details>
        ) : null}
      </Stack>
    </Card>
  );
}

function RecordView({ step, record }: { step: StepDefinition; record: StepRecord }) {
  const { t } = useTranslation();
  const values = record.values as Values;
  return (
    <div>
      <dl className="signature-facts">
        {(step.fields ?? []).map((f) => (
          <div key={f.key} className="record-row">
            <dt>{localised(f.label)}</dt>
            <dd>{formatValue(t, f, values[f.key])}</dd>
          </div>
        ))}
        {record.notes ? (
          <div className="record-row">
            <dt>{t('step.notes')}</dt>
            <dd>{record.notes}</dd>
          </div>
        ) : null}
      </dl>
      <Text size="xs" c="dimmed" mt={4}>
        {t('step.performedAtBy', { at: formatDateTime(record.performedAt), by: record.performedByName ?? t('step.someone') })}
        {record.correctionReason ? ` · ${t('step.correctionReason', { reason: record.correctionReason })}` : ''}
      </Text>
    </div>
  );
}

/**
 * Records the step, or (with `record`) corrects it with a reason: a new record that supersedes the
 * old one; or (`adding`) adds a step forgotten before completion, with a reason. A correction that
 * would clear a nonconformity is held for a quality manager (202): the answer's `corrections` says so.
 */
function StepForm(props: {
  execution: Execution;
  step: StepDefinition;
  record?: StepRecord;
  adding?: boolean;
  invalidates: readonly (readonly unknown[])[];
  onDone?(): void;
}) {
  const { t } = useTranslation();
  const { execution, step, record, adding } = props;
  const withReason = !!record || !!adding;
  // A checklist with nothing ticked is an answer (that nothing was done), so it starts as an empty list.
  const [values, setValues] = useState<Values>(() => ({
    ...Object.fromEntries((step.fields ?? []).filter((f) => f.type === 'checklist').map((f) => [f.key, []])),
    ...((record?.values as Values) ?? {}),
  }));
  const [performedAt, setPerformedAt] = useState(record ? isoToLocal(record.performedAt) : nowLocal());
  const [notes, setNotes] = useState('');
  const [reason, setReason] = useState('');
  const [key] = useState(idempotencyKey);
  const before = execution.corrections.length;
  const save = useAction(
    () =>
      record
        ? call(
            api.POST('/api/executions/{id}/steps/{recordId}/corrections', {
              params: { path: { id: execution.id, recordId: record.id } },
              headers: { 'Idempotency-Key': key },
              body: { values, reason, performedAt: localToIso(performedAt) },
            }),
          )
        : adding
          ? call(
              api.POST('/api/executions/{id}/missing-steps', {
                params: { path: { id: execution.id } },
                headers: { 'Idempotency-Key': key },
                body: { stepKey: step.key, values, reason, performedAt: localToIso(performedAt), ...(notes.trim() ? { notes } : {}) },
              }),
            )
          : call(
              api.POST('/api/executions/{id}/steps', {
                params: { path: { id: execution.id } },
                headers: { 'Idempotency-Key': key },
                body: { stepKey: step.key, values, performedAt: localToIso(performedAt), ...(notes.trim() ? { notes } : {}) },
              }),
            ),
    {
      sets: executionKey(execution.id),
      invalidates: [...(props.invalidates as never[]), ['corrections', 'pending']],
      done: (result) =>
        withReason && result.corrections.length > before
          ? t('step.correct.held')
          : record
            ? t('step.correct.done')
            : adding
              ? t('step.add.done')
              : t('step.record.done'),
    },
  );
  const errors = fieldErrors(t, save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined, { onSuccess: () => props.onDone?.() });
  };
  const prefix = `${record ? 'correct' : adding ? 'add' : 'record'}-${step.key}`;
  return (
    <form
      noValidate
      onSubmit={submit}
      aria-label={t(`step.${record ? 'correct' : adding ? 'add' : 'record'}.formLabel`, { step: localised(step.title) })}
    >
      <Stack gap="sm">
        {(step.fields ?? []).map((f) => (
          <FieldInput
            key={f.key}
            idPrefix={prefix}
            field={f}
            value={values[f.key]}
            values={values}
            siblings={step.fields}
            error={errors[`values.${f.key}`]}
            onChange={(v) => setValues((old) => ({ ...old, [f.key]: v }))}
          />
        ))}
        <TextInput
          type="datetime-local"
          label={t('step.performedAt')}
          required
          withAsterisk
          value={performedAt}
          max={nowLocal()}
          onChange={(e) => setPerformedAt(e.currentTarget.value)}
          error={errors.performedAt}
        />
        {withReason ? (
          <Textarea
            label={t(adding ? 'step.add.reason' : 'step.correct.reason')}
            required
            withAsterisk
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
        ) : null}
        {record ? null : (
          <Textarea label={t('step.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} />
        )}
        <ProblemAlert
          error={Object.keys(errors).length ? (errors.values ? save.error : undefined) : save.error}
          onRetry={() => save.mutate(undefined)}
        />
        {Object.keys(errors).length > 0 && !errors.values ? (
          <Text size="sm" c="red.9" role="alert">
            {t('problem.code.validation_failed')}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t(`step.${record ? 'correct' : adding ? 'add' : 'record'}.submit`)}
          </Button>
          {withReason ? (
            <Button variant="default" onClick={props.onDone}>
              {t('action.cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
