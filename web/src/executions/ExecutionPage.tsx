import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../api/client';
import { useUser } from '../app/auth';
import { localised } from '../i18n/i18n';
import { mayRecord } from '../programmes/access';
import { participantLabel, programmeKeys, useParticipants, useProcedureVersion, useProgramme } from '../programmes/queries';
import { Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate, formatDateTime } from '../ui/format';
import { useAction } from '../ui/useAction';
import { findingSentence } from './findings';
import { StepCard } from './StepCard';
import { ExecutionRecurringLinks } from '../recurring/ExecutionRecurringLinks';
import { CorrectionsPanel } from './CorrectionsPanel';
import { executionKey } from './keys';

export function ExecutionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useUser();
  const execution = useQuery({
    queryKey: executionKey(id),
    queryFn: () => call(api.GET('/api/executions/{id}', { params: { path: { id } } })),
  });
  const e = execution.data;
  const version = useProcedureVersion(e?.procedureKey, e?.versionNumber);
  const programme = useProgramme(e?.programmeId ?? '');
  const participants = useParticipants(e?.programmeId ?? '');
  // The whole programme: an effect of a recorded value may change a participant's or a pair's status.
  const invalidates: readonly (readonly unknown[])[] = [executionKey(id), programmeKeys.one(e?.programmeId ?? '')];
  const complete = useAction(() => call(api.POST('/api/executions/{id}/complete', { params: { path: { id } } })), {
    sets: executionKey(id),
    invalidates: [...invalidates, ['deviations']],
    done: t('execution.complete.done'),
  });

  if (execution.isPending) return <Loading />;
  if (!e) return <ProblemAlert error={execution.error} onRetry={() => void execution.refetch()} />;
  const definition = version.data?.definition;
  const title = localised(definition?.title) || e.procedureKey;
  const canRecord = !!programme.data && mayRecord(user, programme.data, definition?.afterClose === true);
  const subject =
    e.subject.type === 'cohort'
      ? t('matrix.cohort')
      : e.subject.participantId
        ? participantLabel(
            participants.data?.find((p) => p.id === e.subject.participantId),
            e.subject.label ?? undefined,
          )
        : e.subject.label;
  const latest = e.judgements.at(-1);

  return (
    <>
      <PageHeader
        title={`${title}: ${subject}`}
        trail={programme.data ? [{ to: `/programmes/${e.programmeId}/conformance`, label: programme.data.name }] : []}
        actions={
          <>
            <StatusBadge kind="execution" value={e.state} />
            {e.state !== 'open' && e.conformance ? (
              <StatusBadge
                kind="conformance"
                value={e.conformance === 'conforming' && e.changedByCorrection ? 'conforming_after_correction' : e.conformance}
              />
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <Card withBorder>
          <dl className="signature-facts">
            <dt>{t('execution.field.procedure')}</dt>
            <dd>
              <Anchor component={Link} to={`/procedures/${e.procedureKey}`}>
                {title}
              </Anchor>{' '}
              {t('matrix.version', { version: e.versionNumber })}
            </dd>
            <dt>{t('execution.field.subject')}</dt>
            <dd>
              {subject} ({t(`matrix.subjectType.${e.subject.type}`)})
            </dd>
            <dt>{t('execution.field.window')}</dt>
            <dd>
              {e.window ? `${formatDate((e.window as { from: string }).from)} – ${formatDate((e.window as { to: string }).to)}` : '–'}
            </dd>
            <dt>{t('execution.field.started')}</dt>
            <dd>{formatDateTime(e.createdAt)}</dd>
            {e.completedAt ? (
              <>
                <dt>{t('execution.field.completed')}</dt>
                <dd>{formatDateTime(e.completedAt)}</dd>
              </>
            ) : null}
            {e.cancelledAt ? (
              <>
                <dt>{t('execution.field.cancelled')}</dt>
                <dd>
                  {formatDateTime(e.cancelledAt)}: {e.cancelReason}
                </dd>
              </>
            ) : null}
          </dl>
          {definition?.purpose ? (
            <Text size="sm" mt="sm">
              {localised(definition.purpose)}
            </Text>
          ) : null}
        </Card>
        <ExecutionRecurringLinks execution={e} definition={definition} />

        {e.state === 'completed' && latest ? (
          <Alert
            color={e.conformance === 'conforming' ? 'green' : 'red'}
            title={e.conformance === 'conforming' ? t('execution.judgement.conforming') : t('execution.judgement.nonconforming')}
            role="status"
          >
            {e.findings.length === 0 ? (
              <Text size="sm">{t('execution.judgement.noFindings')}</Text>
            ) : (
              <>
                <Text size="sm">{t('execution.judgement.findings', { count: e.findings.length })}</Text>
                <List size="sm" mt={4}>
                  {e.findings.map((f, i) => (
                    <List.Item key={i}>
                      {findingSentence(
                        t,
                        definition,
                        f,
                        e.window as { from: string; to: string } | null,
                        version.data?.effectiveFrom,
                        e.steps.find((r) => r.id === f.recordId)?.values as Record<string, unknown> | undefined,
                      )}
                    </List.Item>
                  ))}
                </List>
                <Anchor component={Link} to={`/deviations?programmeId=${e.programmeId}`} size="sm">
                  {t('execution.judgement.deviations')}
                </Anchor>
              </>
            )}
            <Text size="xs" mt={4}>
              {t('execution.judgement.when', { at: formatDateTime(latest.judgedAt), version: latest.versionNumber })}
            </Text>
          </Alert>
        ) : null}

        {e.changedByCorrection ? (
          <Alert color="teal" title={t('execution.afterCorrection.title')} role="status">
            <Text size="sm">
              {e.changedByCorrection.correctionId
                ? t('execution.afterCorrection.text', {
                    by: e.changedByCorrection.approvedByName ?? '?',
                    at: e.changedByCorrection.approvedAt ? formatDateTime(e.changedByCorrection.approvedAt) : '?',
                    reason: e.changedByCorrection.reason ?? '',
                  })
                : t('execution.afterCorrection.unapproved')}
            </Text>
          </Alert>
        ) : null}

        <CorrectionsPanel execution={e} definition={definition} invalidates={invalidates} />

        <Title order={2} size="h3">
          {t('execution.steps')}
        </Title>
        <ProblemAlert error={version.error} onRetry={() => void version.refetch()} />
        {definition?.steps.map((step) => (
          <StepCard key={step.key} execution={e} step={step} canRecord={canRecord} invalidates={invalidates} />
        ))}

        {canRecord ? (
          <Anchor component={Link} to={`/deviations/new?programmeId=${e.programmeId}&executionId=${e.id}`} size="sm">
            {t('execution.recordDeviation')}
          </Anchor>
        ) : null}

        {canRecord && (e.state === 'open' || (e.state === 'completed' && user.roles.includes('quality_manager'))) ? (
          <CancelExecution id={id} invalidates={invalidates} />
        ) : null}

        {e.state === 'open' && canRecord ? (
          <Card withBorder>
            <Stack gap="xs">
              <Text size="sm">{t('execution.complete.explanation')}</Text>
              <ProblemAlert error={complete.error} onRetry={() => complete.mutate(undefined)} />
              <Group>
                <Button onClick={() => complete.mutate(undefined)} loading={complete.isPending}>
                  {t('execution.complete.action')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ) : null}
      </Stack>
    </>
  );
}

/** Cancels the execution with a reason (a completed one: quality managers only); its records stay. */
function CancelExecution({ id, invalidates }: { id: string; invalidates: readonly (readonly unknown[])[] }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const cancel = useAction(() => call(api.POST('/api/executions/{id}/cancel', { params: { path: { id } }, body: { reason } })), {
    sets: executionKey(id),
    invalidates: [...invalidates],
    done: t('execution.cancel.done'),
  });
  return (
    <details>
      <summary>{t('execution.cancel.title')}</summary>
      <Stack gap="xs" mt="xs">
        <Text size="sm">{t('execution.cancel.explanation')}</Text>
        <Textarea
          label={t('execution.cancel.reason')}
          value={reason}
          onChange={(ev) => setReason(ev.currentTarget.value)}
          autosize
          minRows={2}
        />
        <ProblemAlert error={cancel.error} />
        <Group>
          <Button
            color="red"
            variant="light"
            onClick={() => cancel.mutate(undefined)}
            loading={cancel.isPending}
            disabled={reason.trim() === ''}
          >
            {t('execution.cancel.action')}
          </Button>
        </Group>
      </Stack>
    </details>
  );
}
