import { Anchor, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../api/client';
import { mayWrite, useUser } from '../app/auth';
import { ExecutionCorrectionNote } from '../executions/ExecutionCorrectionNote';
import { useProgramme } from '../programmes/queries';
import { useAudits } from '../internal-audits/queries';
import { Dialog } from '../ui/Dialog';
import { Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { SignatureDialog } from '../ui/SignatureDialog';
import { StatusBadge } from '../ui/StatusBadge';
import { Timeline } from '../ui/Timeline';
import { formatDate, formatDateTime } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { DEVIATION_TRANSITIONS, deviationKeys, useDeviation } from './queries';
import type { Deviation } from './queries';

type Rule = (typeof DEVIATION_TRANSITIONS)[number];

/** The internal audit whose nonconformity opened the deviation (none for a deviation recorded otherwise). */
function AuditSource({ deviationId }: { deviationId: string }) {
  const { t } = useTranslation();
  const audits = useAudits({ deviationId });
  const audit = audits.data?.items[0];
  if (!audit) return null;
  return (
    <>
      <dt>{t('internalAudit.fromAudit')}</dt>
      <dd>
        <Anchor component={Link} to={`/internal-audits/${audit.id}`}>
          {audit.reference}: {audit.title}
        </Anchor>
      </dd>
    </>
  );
}

export function DeviationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const deviation = useDeviation(id);
  const programme = useProgramme(deviation.data?.programmeId ?? '');
  if (deviation.isPending) return <Loading />;
  const d = deviation.data;
  if (!d) return <ProblemAlert error={deviation.error} onRetry={() => void deviation.refetch()} />;
  return (
    <>
      <PageHeader
        title={`${d.reference}: ${d.title}`}
        trail={[{ to: '/deviations', label: t('deviation.list.title') }]}
        actions={
          <>
            <StatusBadge kind="severity" value={d.severity} />
            <StatusBadge kind="deviation" value={d.state} />
            {d.overdue ? <StatusBadge kind="cell" value="overdue" /> : null}
          </>
        }
      />
      <div className="detail-grid">
        <Stack gap="md">
          <Card withBorder>
            <dl className="signature-facts">
              <dt>{t('deviation.field.programme')}</dt>
              <dd>
                <Anchor component={Link} to={`/programmes/${d.programmeId}`}>
                  {programme.data?.name ?? d.programmeId}
                </Anchor>
              </dd>
              <dt>{t('deviation.field.source')}</dt>
              <dd>{t(`deviation.source.${d.source}`)}</dd>
              {d.source === 'internal_audit' ? <AuditSource deviationId={d.id} /> : null}
              <dt>{t('deviation.field.occurredAt')}</dt>
              <dd>{formatDate(d.occurredAt)}</dd>
              <dt>{t('deviation.field.detectedAt')}</dt>
              <dd>{formatDate(d.detectedAt)}</dd>
              <dt>{t('deviation.field.createdAt')}</dt>
              <dd>{formatDateTime(d.createdAt)}</dd>
              <dt>{t('deviation.field.targetDate')}</dt>
              <dd>{formatDate(d.targetDate)}</dd>
              {d.executionId ? (
                <>
                  <dt>{t('deviation.field.execution')}</dt>
                  <dd>
                    <Anchor component={Link} to={`/executions/${d.executionId}`}>
                      {d.procedureKey ? `${d.procedureKey} v${d.versionNumber ?? ''}` : t('deviation.field.execution')}
                    </Anchor>
                    {d.steps.length ? ` · ${d.steps.map((s) => s.stepKey).join(', ')}` : d.stepKey ? ` · ${d.stepKey}` : ''}
                    {d.rule ? ` · ${t(`deviation.rule.${d.rule}`, { defaultValue: d.rule })}` : ''}
                  </dd>
                  <ExecutionCorrectionNote executionId={d.executionId} />
                </>
              ) : null}
              {d.participantCode ? (
                <>
                  <dt>{t('deviation.field.participant')}</dt>
                  <dd>{d.participantCode}</dd>
                </>
              ) : null}
            </dl>
            <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {d.description}
            </Text>
          </Card>
          <AnalysisCard deviation={d} onReload={() => void deviation.refetch()} />
          <LinkedActions deviation={d} />
        </Stack>
        <Stack gap="md">
          <TransitionsCard deviation={d} />
          <Card withBorder component="section" aria-labelledby="history-heading">
            <Title order={2} size="h4" id="history-heading" mb="xs">
              {t('deviation.history')}
            </Title>
            <Timeline
              label={t('deviation.history')}
              signatures={d.signatures ?? []}
              entries={(d.history ?? []).map((h) => ({
                key: h.seq,
                at: h.at,
                title: h.from
                  ? t('deviation.moved', { from: t(`status.deviation.${h.from}`), to: t(`status.deviation.${h.to}`) })
                  : t('deviation.recorded'),
                comment: h.comment,
                extra: [
                  ...(typeof h.details?.rootCause === 'string' ? [t('deviation.rootCauseWas', { text: h.details.rootCause })] : []),
                  ...(typeof h.details?.correctionOnlyJustification === 'string'
                    ? [t('deviation.justificationWas', { text: h.details.correctionOnlyJustification })]
                    : []),
                ],
                signatureId: h.signatureId,
              }))}
            />
          </Card>
        </Stack>
      </div>
    </>
  );
}

/** Root cause and containment, edited in place; a stale version (412) offers to reload. */
function AnalysisCard({ deviation: d, onReload }: { deviation: Deviation; onReload(): void }) {
  const { t } = useTranslation();
  const user = useUser();
  const editable =
    d.state !== 'closed' && d.state !== 'cancelled' && user.roles.some((r) => r === 'quality_manager' || r === 'programme_leader');
  const [editing, setEditing] = useState(false);
  const [rootCause, setRootCause] = useState(d.rootCause ?? '');
  const [containment, setContainment] = useState(d.containment ?? '');
  const save = useAction(
    () =>
      call(
        api.PATCH('/api/deviations/{id}', {
          params: { path: { id: d.id }, header: { 'If-Match': `"${d.version}"` } },
          body: { ...(rootCause.trim() ? { rootCause } : {}), ...(containment.trim() ? { containment } : {}) },
        }),
      ),
    { sets: deviationKeys.one(d.id), invalidates: [deviationKeys.all], done: t('deviation.analysis.saved') },
  );
  const errors = fieldErrors(t, save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined, { onSuccess: () => setEditing(false) });
  };
  return (
    <Card withBorder component="section" aria-labelledby="analysis-heading">
      <Title order={2} size="h4" id="analysis-heading" mb="xs">
        {t('deviation.analysis.title')}
      </Title>
      {editing ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Textarea
              label={t('deviation.field.rootCause')}
              autosize
              minRows={2}
              value={rootCause}
              onChange={(e) => setRootCause(e.currentTarget.value)}
              error={errors.rootCause}
            />
            <Textarea
              label={t('deviation.field.containment')}
              autosize
              minRows={2}
              value={containment}
              onChange={(e) => setContainment(e.currentTarget.value)}
              error={errors.containment}
            />
            <ProblemAlert
              error={Object.keys(errors).length ? undefined : save.error}
              onReload={() => {
                save.reset();
                setEditing(false);
                onReload();
              }}
            />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('action.save')}
              </Button>
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('action.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="xs">
          <dl className="signature-facts">
            <dt>{t('deviation.field.rootCause')}</dt>
            <dd>{d.rootCause ?? t('deviation.analysis.none')}</dd>
            <dt>{t('deviation.field.containment')}</dt>
            <dd>{d.containment ?? t('deviation.analysis.none')}</dd>
            {d.correctionOnlyJustification ? (
              <>
                <dt>{t('deviation.field.justification')}</dt>
                <dd>{d.correctionOnlyJustification}</dd>
              </>
            ) : null}
          </dl>
          {editable ? (
            <Button
              size="xs"
              variant="light"
              w="fit-content"
              onClick={() => {
                setRootCause(d.rootCause ?? '');
                setContainment(d.containment ?? '');
                setEditing(true);
              }}
            >
              {t('deviation.analysis.edit')}
            </Button>
          ) : null}
        </Stack>
      )}
    </Card>
  );
}

function LinkedActions({ deviation: d }: { deviation: Deviation }) {
  const { t } = useTranslation();
  const user = useUser();
  const open = d.state !== 'closed' && d.state !== 'cancelled';
  return (
    <Card withBorder component="section" aria-labelledby="actions-heading">
      <Title order={2} size="h4" id="actions-heading" mb="xs">
        {t('deviation.actions.title')}
      </Title>
      {(d.actions ?? []).length === 0 ? (
        <Text size="sm">{t('deviation.actions.none')}</Text>
      ) : (
        <List size="sm" spacing={4}>
          {d.actions!.map((a) => (
            <List.Item key={a.id}>
              <Anchor component={Link} to={`/corrective-actions/${a.id}`}>
                {a.reference}
              </Anchor>{' '}
              {t(`action.type.${a.type}`, { defaultValue: a.type })} · <StatusBadge kind="action" value={a.state} /> ·{' '}
              {t('deviation.actions.due', { date: formatDate(a.dueDate) })}
            </List.Item>
          ))}
        </List>
      )}
      {open && user.roles.includes('quality_manager') ? (
        <Button component={Link} to={`/corrective-actions/new?deviation=${d.id}`} size="xs" variant="light" mt="sm">
          {t('deviation.actions.plan')}
        </Button>
      ) : null}
    </Card>
  );
}

/** The moves the deviation can make next; an action the user cannot take says why. */
function TransitionsCard({ deviation: d }: { deviation: Deviation }) {
  const { t } = useTranslation();
  const user = useUser();
  const [target, setTarget] = useState<Rule>();
  const actionsOpen = (d.actions ?? []).some((a) => a.state !== 'closed' && a.state !== 'cancelled');
  // Every move the state allows is shown; the service's allowedTransitions (this user's) decides
  // which are enabled, and a disabled one says why.
  const rules = DEVIATION_TRANSITIONS.filter((r) => r.from === d.state);
  // Readers (auditors, board members) see no controls at all, not even disabled ones.
  if (!mayWrite(user)) return null;
  const why = (r: Rule): string | undefined => {
    if (!d.allowedTransitions.includes(r.to)) return t('deviation.transition.onlyQm');
    if (r.needs.includes('actions_closed') && actionsOpen) return t('deviation.transition.actionsOpen');
    return undefined;
  };
  return (
    <Card withBorder component="section" aria-labelledby="transitions-heading">
      <Title order={2} size="h4" id="transitions-heading" mb="xs">
        {t('deviation.transition.title')}
      </Title>
      {rules.length === 0 ? <Text size="sm">{t('deviation.transition.none')}</Text> : null}
      <Stack gap="xs">
        {rules.map((r) => {
          const reason = why(r);
          const hintId = `why-${r.to}`;
          return (
            <div key={r.to}>
              <Button
                variant={r.to === 'cancelled' ? 'default' : 'filled'}
                disabled={!!reason}
                aria-describedby={reason ? hintId : undefined}
                onClick={() => setTarget(r)}
              >
                {t(`deviation.transition.to.${d.state === 'closed' ? 'reopen' : r.to}`)}
              </Button>
              {reason ? (
                <Text size="xs" id={hintId} mt={2}>
                  {reason}
                </Text>
              ) : null}
            </div>
          );
        })}
      </Stack>
      {target ? <TransitionDialog deviation={d} rule={target} onClose={() => setTarget(undefined)} /> : null}
    </Card>
  );
}

/** `rule` is fixed when the dialog opens: the deviation's state changes under it once the move is made. */
function TransitionDialog({ deviation: d, rule, onClose }: { deviation: Deviation; rule: Rule; onClose(): void }) {
  const { t } = useTranslation();
  const to = rule.to;
  const [comment, setComment] = useState('');
  const [rootCause, setRootCause] = useState(d.rootCause ?? '');
  const [justification, setJustification] = useState(d.correctionOnlyJustification ?? '');
  const [signing, setSigning] = useState(false);
  const needsRootCause = rule.needs.includes('root_cause');
  const needsJustification = rule.needs.includes('action_or_justification') && (d.actions ?? []).length === 0;
  const move = useAction(
    (password: string | undefined) =>
      call(
        api.POST('/api/deviations/{id}/transitions', {
          params: { path: { id: d.id } },
          headers: { 'If-Match': `"${d.version}"` },
          body: {
            to,
            comment,
            ...(needsRootCause && rootCause.trim() ? { rootCause } : {}),
            ...(needsJustification && justification.trim() ? { correctionOnlyJustification: justification } : {}),
            ...(password ? { password } : {}),
          },
        }),
      ),
    {
      sets: deviationKeys.one(d.id),
      invalidates: [deviationKeys.all],
      done: t('deviation.transition.done', { state: t(`status.deviation.${to}`) }),
    },
  );
  const errors = fieldErrors(t, move.error);
  const label = t(`deviation.transition.to.${rule.from === 'closed' ? 'reopen' : to}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (rule.needs.includes('signature')) setSigning(true);
    else move.mutate(undefined, { onSuccess: onClose });
  };
  return (
    <>
      {/* Unmounted while signing, so that the only dialog on the page is the one labelled Sign. */}
      {!signing ? (
        <Dialog opened onClose={onClose} title={label}>
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              {needsRootCause ? (
                <Textarea
                  label={t('deviation.field.rootCause')}
                  required
                  autosize
                  minRows={2}
                  value={rootCause}
                  onChange={(e) => setRootCause(e.currentTarget.value)}
                  error={errors.rootCause}
                />
              ) : null}
              {needsJustification ? (
                <Textarea
                  label={t('deviation.field.justification')}
                  description={t('deviation.transition.justificationHelp')}
                  autosize
                  minRows={2}
                  value={justification}
                  onChange={(e) => setJustification(e.currentTarget.value)}
                  error={errors.correctionOnlyJustification}
                />
              ) : null}
              <Textarea
                label={t('deviation.field.comment')}
                required
                autosize
                minRows={2}
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
                error={errors.comment}
              />
              <ProblemAlert error={Object.keys(errors).length ? undefined : move.error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t('action.cancel')}
                </Button>
                <Button type="submit" loading={move.isPending}>
                  {rule.needs.includes('signature') ? t('deviation.transition.continueToSign') : label}
                </Button>
              </Group>
            </Stack>
          </form>
        </Dialog>
      ) : null}
      <SignatureDialog
        opened={signing}
        onClose={() => setSigning(false)}
        meaning={t('deviation.signature.meaning')}
        record={`${d.reference}: ${d.title}`}
        onSign={async (password) => {
          await move.mutateAsync(password);
          onClose();
        }}
      />
    </>
  );
}
