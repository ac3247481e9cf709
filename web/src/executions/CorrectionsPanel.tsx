/**
 * Corrections held because they would clear the execution's nonconformity: each with its state
 * (awaiting approval, approved, rejected) in words and with an icon, and for a quality manager
 * the decision: approve with a reason and a signature, or reject with a reason.
 */
import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';
import { useUser } from '../app/auth';
import { localised } from '../i18n/i18n';
import type { ProcedureDefinition } from '../procedures/definition';
import { ProblemAlert } from '../ui/ProblemAlert';
import { SignatureDialog } from '../ui/SignatureDialog';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDateTime } from '../ui/format';
import { useAction } from '../ui/useAction';
import { executionKey } from './keys';

type Execution = Schemas['ExecutionResponse'];
type Correction = Schemas['CorrectionResponse'];

export function CorrectionsPanel({
  execution,
  definition,
  invalidates,
}: {
  execution: Execution;
  definition: ProcedureDefinition | undefined;
  invalidates: readonly (readonly unknown[])[];
}) {
  const { t } = useTranslation();
  if (execution.corrections.length === 0) return null;
  const stepTitle = (key: string) => localised(definition?.steps.find((s) => s.key === key)?.title) || key;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('execution.corrections.title')}
        </Title>
        {execution.corrections.map((c) => (
          <CorrectionItem key={c.id} execution={execution} correction={c} step={stepTitle(c.stepKey)} invalidates={invalidates} />
        ))}
      </Stack>
    </Card>
  );
}

function CorrectionItem({
  execution,
  correction: c,
  step,
  invalidates,
}: {
  execution: Execution;
  correction: Correction;
  step: string;
  invalidates: readonly (readonly unknown[])[];
}) {
  const { t } = useTranslation();
  const user = useUser();
  const [reason, setReason] = useState('');
  const [signing, setSigning] = useState(false);
  const path = { id: execution.id, correctionId: c.id };
  const keys = [...invalidates, ['corrections', 'pending'], ['deviations']];
  const approve = useAction(
    (password: string) =>
      call(api.POST('/api/executions/{id}/corrections/{correctionId}/approve', { params: { path }, body: { reason, password } })),
    { sets: executionKey(execution.id), invalidates: keys, done: t('execution.corrections.approved') },
  );
  const reject = useAction(
    () => call(api.POST('/api/executions/{id}/corrections/{correctionId}/reject', { params: { path }, body: { reason } })),
    { sets: executionKey(execution.id), invalidates: keys, done: t('execution.corrections.rejected') },
  );
  const mayDecide = c.state === 'pending' && user.roles.includes('quality_manager');
  const own = c.requestedById === user.id;
  const label = t(`execution.corrections.kind.${c.kind}`, { step });
  return (
    <Stack gap={4} component="section" aria-label={label}>
      <Group gap="xs">
        <Text fw={600} size="sm">
          {label}
        </Text>
        <StatusBadge kind="correction" value={c.state} />
      </Group>
      <Text size="sm">
        {t('execution.corrections.requested', { by: c.requestedByName ?? '?', at: formatDateTime(c.requestedAt), reason: c.reason })}
      </Text>
      {c.state === 'pending' ? <Text size="sm">{t('execution.corrections.pendingExplanation')}</Text> : null}
      {c.decidedAt ? (
        <Text size="sm">
          {t('execution.corrections.decided', {
            by: c.decidedByName ?? '?',
            at: formatDateTime(c.decidedAt),
            reason: c.decisionReason ?? '',
          })}
        </Text>
      ) : null}
      {mayDecide ? (
        <Stack gap="xs">
          <Textarea
            label={t('execution.corrections.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <ProblemAlert error={reject.error ?? undefined} />
          {own ? <Text size="sm">{t('execution.corrections.ownRequest')}</Text> : null}
          <Group>
            {own ? null : (
              <Button onClick={() => setSigning(true)} disabled={reason.trim() === ''}>
                {t('execution.corrections.approve')}
              </Button>
            )}
            <Button
              variant="default"
              color="red"
              onClick={() => reject.mutate(undefined)}
              loading={reject.isPending}
              disabled={reason.trim() === ''}
            >
              {t('execution.corrections.reject')}
            </Button>
          </Group>
          <SignatureDialog
            opened={signing}
            onClose={() => setSigning(false)}
            meaning={t('execution.corrections.approveMeaning')}
            record={label}
            onSign={(password) => approve.mutateAsync(password)}
          />
        </Stack>
      ) : null}
    </Stack>
  );
}
