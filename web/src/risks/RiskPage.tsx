import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../api/client';
import { useUser } from '../app/auth';
import { useStaff } from '../users/staff';
import { useAction as useCorrectiveAction } from '../corrective-actions/queries';
import { Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { Timeline } from '../ui/Timeline';
import { formatDate, today } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { riskKeys, useRisk, useRiskHistory } from './queries';
import type { Risk, RiskRevision } from './queries';
import { RiskForm, riskBody } from './RiskForm';
import type { RiskFormValues } from './RiskForm';

type Mode = 'review' | 'revise' | 'close' | 'reopen' | 'action';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

function LinkedAction({ id }: { id: string }) {
  const action = useCorrectiveAction(id);
  return (
    <Anchor component={Link} to={`/corrective-actions/${id}`} size="sm">
      {action.data?.reference ?? '…'}
    </Anchor>
  );
}

const formValues = (r: Risk): RiskFormValues => ({
  title: r.title,
  cause: r.cause,
  consequence: r.consequence,
  likelihood: String(r.likelihood),
  impact: String(r.impact),
  treatment: r.treatment ?? '',
  actionIds: r.actionIds,
  residualLikelihood: r.residualLikelihood === null ? '' : String(r.residualLikelihood),
  residualImpact: r.residualImpact === null ? '' : String(r.residualImpact),
  ownerId: r.owner.id,
  nextReviewOn: r.nextReviewOn,
});

/** A new revision: a review (the next date), a revision of any field, closing or reopening, each with its reason. */
function ChangeForm({ risk, mode, onDone, onReload }: { risk: Risk; mode: Exclude<Mode, 'action'>; onDone(): void; onReload(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [nextReviewOn, setNextReviewOn] = useState(mode === 'review' || mode === 'reopen' ? '' : risk.nextReviewOn);
  const [values, setValues] = useState(() => formValues(risk));
  const body = () => {
    if (mode === 'revise') return { reason, ...riskBody(values) };
    if (mode === 'close') return { reason, status: 'closed' as const };
    if (mode === 'reopen') return { reason, status: 'open' as const, nextReviewOn };
    return { reason, nextReviewOn };
  };
  const change = useAction(
    () =>
      call(
        api.POST('/api/risks/{id}/revisions', {
          params: { path: { id: risk.id }, header: { 'If-Match': `"${risk.version}"` } },
          body: body(),
        }),
      ),
    { invalidates: [riskKeys.all], sets: riskKeys.one(risk.id), done: t(`risk.change.${mode}.done`) },
  );
  const errors = fieldErrors(t, change.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate(undefined, { onSuccess: onDone });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="risk-change">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="risk-change">
            {t(`risk.change.${mode}.title`)}
          </Title>
          {mode === 'revise' ? <RiskForm values={values} onChange={setValues} errors={errors} /> : null}
          {mode === 'review' || mode === 'reopen' ? (
            <TextInput
              type="date"
              label={t('risk.field.nextReviewOn')}
              required
              min={today()}
              value={nextReviewOn}
              onChange={(e) => setNextReviewOn(e.currentTarget.value)}
              error={errors.nextReviewOn}
            />
          ) : null}
          <Textarea
            label={t(`risk.change.${mode}.reason`)}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
          <ProblemAlert
            error={Object.keys(errors).length ? undefined : change.error}
            onRetry={() => change.mutate(undefined)}
            onReload={() => {
              change.reset();
              onReload();
            }}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t(`risk.change.${mode}.submit`)}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('action.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Plans an action that carries out the treatment (preventive for a risk, improvement for an opportunity). */
function PlanActionForm({ risk, onDone, onReload }: { risk: Risk; onDone(): void; onReload(): void }) {
  const { t } = useTranslation();
  const user = useUser();
  const isQm = user.roles.includes('quality_manager');
  const staff = useStaff(isQm);
  const owners = isQm
    ? (staff.data ?? []).filter((s) => s.active && s.roles.some((r) => r === 'quality_manager' || r === 'programme_leader'))
    : [{ id: user.id, name: user.name }];
  const [form, setForm] = useState({
    type: risk.kind === 'opportunity' ? 'improvement' : 'preventive',
    description: '',
    ownerId: isQm ? '' : user.id,
    dueDate: '',
    effectivenessCriterion: '',
  });
  const ownerId = form.ownerId || owners[0]?.id || '';
  const plan = useAction(
    () =>
      call(
        api.POST('/api/risks/{id}/actions', {
          params: { path: { id: risk.id }, header: { 'If-Match': `"${risk.version}"` } },
          body: { ...form, type: form.type as 'preventive' | 'improvement', ownerId },
        }),
      ),
    { invalidates: [riskKeys.all], sets: riskKeys.one(risk.id), done: t('risk.change.action.done') },
  );
  const errors = fieldErrors(t, plan.error);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    plan.mutate(undefined, { onSuccess: onDone });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="risk-change">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="risk-change">
            {t('risk.change.action.title')}
          </Title>
          <NativeSelect
            label={t('ca.field.type')}
            data={['preventive', 'improvement'].map((ty) => ({ value: ty, label: t(`action.type.${ty}`) }))}
            value={form.type}
            onChange={set('type')}
            error={errors.type}
          />
          <Textarea
            label={t('ca.field.description')}
            required
            autosize
            minRows={2}
            value={form.description}
            onChange={set('description')}
            error={errors.description}
          />
          <div className="two-columns">
            <NativeSelect
              label={t('ca.field.owner')}
              required
              data={owners.map((o) => ({ value: o.id, label: o.name }))}
              value={ownerId}
              onChange={set('ownerId')}
              error={errors.ownerId}
            />
            <TextInput
              type="date"
              label={t('ca.field.dueDate')}
              required
              value={form.dueDate}
              onChange={set('dueDate')}
              error={errors.dueDate}
            />
          </div>
          <Textarea
            label={t('ca.field.criterion')}
            required
            autosize
            minRows={2}
            value={form.effectivenessCriterion}
            onChange={set('effectivenessCriterion')}
            error={errors.effectivenessCriterion}
          />
          <ProblemAlert
            error={Object.keys(errors).length ? undefined : plan.error}
            onRetry={() => plan.mutate(undefined)}
            onReload={() => {
              plan.reset();
              onReload();
            }}
          />
          <Group>
            <Button type="submit" loading={plan.isPending}>
              {t('risk.change.action.submit')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('action.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function historyEntry(t: (k: string, o?: Record<string, unknown>) => string, r: RiskRevision, previous: RiskRevision | undefined) {
  const extra: string[] = [];
  if (previous) {
    if (previous.likelihood !== r.likelihood || previous.impact !== r.impact) {
      extra.push(t('risk.history.rating', { from: previous.score, to: r.score }));
    }
    if (previous.residualScore !== r.residualScore) {
      extra.push(t('risk.history.residual', { from: previous.residualScore ?? '–', to: r.residualScore ?? '–' }));
    }
    if (previous.owner.id !== r.owner.id) extra.push(t('risk.history.owner', { from: previous.owner.name, to: r.owner.name }));
    if (previous.nextReviewOn !== r.nextReviewOn) extra.push(t('risk.history.nextReview', { date: formatDate(r.nextReviewOn) }));
    if (previous.treatment !== r.treatment) extra.push(t('risk.history.treatment'));
  }
  return {
    key: r.revision,
    at: r.recordedAt,
    title: t('risk.history.entry', { change: t(`risk.changeKind.${r.change}`), name: r.recordedBy.name, revision: r.revision }),
    comment: r.reason,
    extra,
  };
}

/** One risk: what it is, its rating before and after treatment, its owner and review, its history, and the changes the caller may make. */
export function RiskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const risk = useRisk(id);
  const history = useRiskHistory(id);
  const [mode, setMode] = useState<Mode | null>(null);
  const user = useUser();
  if (risk.isPending) return <Loading />;
  if (!risk.data) return <ProblemAlert error={risk.error} onRetry={() => void risk.refetch()} />;
  const r = risk.data;
  const revisions = history.data?.revisions ?? [];
  const actions =
    r.mayRevise && mode === null ? (
      r.status === 'open' ? (
        <>
          <Button onClick={() => setMode('review')}>{t('risk.change.review.button')}</Button>
          <Button variant="default" onClick={() => setMode('revise')}>
            {t('risk.change.revise.button')}
          </Button>
          {user.roles.includes('quality_manager') || user.roles.includes('programme_leader') ? (
            <Button variant="default" onClick={() => setMode('action')}>
              {t('risk.change.action.button')}
            </Button>
          ) : null}
          <Button variant="default" onClick={() => setMode('close')}>
            {t('risk.change.close.button')}
          </Button>
        </>
      ) : (
        <Button variant="default" onClick={() => setMode('reopen')}>
          {t('risk.change.reopen.button')}
        </Button>
      )
    ) : undefined;
  return (
    <>
      <PageHeader title={`${r.reference}: ${r.title}`} trail={[{ to: '/risks', label: t('risk.list.title') }]} actions={actions} />
      <Stack gap="lg">
        <Group gap="xs">
          <StatusBadge kind="risk" value={r.status} />
          {r.reviewOverdue ? <StatusBadge kind="cell" value="overdue" /> : null}
          <Text size="sm">{t(`risk.kind.${r.kind}`)}</Text>
        </Group>
        {mode === 'action' ? (
          <PlanActionForm risk={r} onDone={() => setMode(null)} onReload={() => void risk.refetch()} />
        ) : mode ? (
          <ChangeForm key={mode} risk={r} mode={mode} onDone={() => setMode(null)} onReload={() => void risk.refetch()} />
        ) : null}
        <Paper withBorder p="md">
          <dl className="two-columns facts">
            <Fact label={t('risk.field.context')}>{r.programmeName ?? t('risk.context.organisation')}</Fact>
            <Fact label={t('risk.field.owner')}>{r.owner.name}</Fact>
            <Fact label={t('risk.field.cause')}>{r.cause}</Fact>
            <Fact label={t('risk.field.consequence')}>{r.consequence}</Fact>
            <Fact label={t('risk.field.rating')}>
              {t('risk.rating', { likelihood: r.likelihood, impact: r.impact, score: r.score })} <StatusBadge kind="band" value={r.band} />
            </Fact>
            <Fact label={t('risk.field.residual')}>
              {r.residualScore === null || r.residualLikelihood === null || r.residualImpact === null
                ? t('risk.notAssessed')
                : t('risk.rating', { likelihood: r.residualLikelihood, impact: r.residualImpact, score: r.residualScore })}
            </Fact>
            <Fact label={t('risk.field.treatment')}>{r.treatment ?? '–'}</Fact>
            <Fact label={t('risk.field.actions')}>
              {r.actionIds.length ? (
                <Group gap="xs">
                  {r.actionIds.map((a) => (
                    <LinkedAction key={a} id={a} />
                  ))}
                </Group>
              ) : (
                '–'
              )}
            </Fact>
            <Fact label={t('risk.field.nextReviewOn')}>{formatDate(r.nextReviewOn)}</Fact>
          </dl>
        </Paper>
        <section aria-labelledby="risk-history">
          <Title order={2} size="h4" id="risk-history" mb="xs">
            {t('risk.history.title')}
          </Title>
          <ProblemAlert error={history.error} onRetry={() => void history.refetch()} />
          <Timeline
            label={t('risk.history.title')}
            entries={revisions.map((rv, i) => historyEntry(t, rv, revisions[i - 1]))}
            signatures={[]}
          />
        </section>
      </Stack>
    </>
  );
}
