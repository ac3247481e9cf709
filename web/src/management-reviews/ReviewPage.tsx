/**
 * A management review: its inputs as figures and charts (frozen when it closes), the decisions
 * minuted (with an action to track where needed), closing with a board member's signature, and
 * the minutes as a PDF.
 */
import { Anchor, Button, Card, Checkbox, Group, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call, idempotencyKey } from '../api/client';
import { useAuth } from '../app/auth';
import { currentLanguage } from '../i18n/i18n';
import { BarChart } from '../programmes/IndicatorsTab';
import { useStaff } from '../users/staff';
import { download } from '../ui/download';
import { Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { SignatureDialog } from '../ui/SignatureDialog';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate, formatDateTime, formatPercent } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { attendeeNames, decisionAction, reviewKeys, useReview, useReviewInputs } from './queries';
import type { Review, ReviewInputs } from './queries';

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Card>
  );
}

function Inputs({ inputs }: { inputs: ReviewInputs }) {
  const { t } = useTranslation();
  const severity = Object.entries(inputs.deviations.openBySeverity).map(([k, v]) => ({
    label: t(`status.severity.${k}`),
    value: v,
    text: String(v),
  }));
  const states = Object.entries(inputs.correctiveActions.byState).map(([k, v]) => ({
    label: t(`status.action.${k}`),
    value: v,
    text: String(v),
  }));
  const conformance = inputs.conformance.map((c) => ({
    label: c.procedureKey,
    value: c.rate ?? 0,
    text: t('indicator.ofTotal', { n: c.conforming, total: c.completed, percent: formatPercent(c.rate) }),
  }));
  return (
    <Stack>
      <Text size="sm">{t('review.inputs.asOf', { date: formatDate(inputs.asOf), at: formatDateTime(inputs.composedAt) })}</Text>
      <div className="indicator-cards">
        <Figure label={t('review.inputs.openDeviations')} value={inputs.deviations.open} />
        <Figure label={t('review.inputs.overdueDeviations')} value={inputs.deviations.overdue} />
        <Figure label={t('review.inputs.overdueActions')} value={inputs.correctiveActions.overdue} />
        <Figure label={t('review.inputs.earlierDecisions')} value={inputs.earlierDecisions.length} />
      </div>
      <BarChart
        id="review-severity"
        title={t('review.inputs.bySeverity')}
        bars={severity}
        max={Math.max(1, ...severity.map((b) => b.value))}
        unit="count"
      />
      <BarChart
        id="review-actions"
        title={t('review.inputs.actionsByState')}
        bars={states}
        max={Math.max(1, ...states.map((b) => b.value))}
        unit="count"
      />
      {conformance.length > 0 ? (
        <BarChart id="review-conformance" title={t('review.inputs.conformance')} bars={conformance} max={1} unit="percent" />
      ) : null}
      {inputs.earlierDecisions.length > 0 ? (
        <section aria-labelledby="earlier-decisions">
          <Title order={3} size="h5" id="earlier-decisions">
            {t('review.inputs.earlierDecisions')}
          </Title>
          <ul>
            {inputs.earlierDecisions.map((d) => (
              <li key={`${d.reviewId}-${d.seq}`}>
                {formatDate(d.heldOn)}, {d.title}: {d.text}
                {d.action
                  ? ` (${d.action.reference}, ${t(`status.action.${d.action.state}`)}${d.action.overdue ? `, ${t('status.cell.overdue')}` : ''})`
                  : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Stack>
  );
}

function DecisionForm({ review }: { review: Review }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const [text, setText] = useState('');
  const [withAction, setWithAction] = useState(false);
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [description, setDescription] = useState('');
  const [key, setKey] = useState(idempotencyKey);
  const add = useAction(
    () =>
      call(
        api.POST('/api/management-reviews/{id}/decisions', {
          params: { path: { id: review.id } },
          headers: { 'Idempotency-Key': key },
          body: { text, ...(withAction ? { action: { ownerId: owner, dueDate: due, description } } : {}) },
        }),
      ),
    { invalidates: [reviewKeys.one(review.id)], done: t('review.decision.done') },
  );
  const errors = fieldErrors(t, add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(undefined, {
      onSuccess: () => {
        setText('');
        setWithAction(false);
        setDescription('');
        setKey(idempotencyKey());
      },
    });
  };
  return (
    <form onSubmit={submit} aria-labelledby="decision-form-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="decision-form-title">
          {t('review.decision.title')}
        </Title>
        <Textarea
          label={t('review.decision.text')}
          required
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.text}
          autosize
          minRows={2}
        />
        <Checkbox label={t('review.decision.withAction')} checked={withAction} onChange={(e) => setWithAction(e.currentTarget.checked)} />
        {withAction ? (
          <>
            <NativeSelect
              label={t('review.decision.owner')}
              required
              value={owner}
              onChange={(e) => setOwner(e.currentTarget.value)}
              error={errors['action.ownerId']}
              data={[
                { value: '', label: t('step.choose') },
                ...(staff.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
            <TextInput
              type="date"
              label={t('review.decision.due')}
              required
              value={due}
              onChange={(e) => setDue(e.currentTarget.value)}
              error={errors['action.dueDate']}
            />
            <Textarea
              label={t('review.decision.actionDescription')}
              required
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={errors['action.description']}
            />
          </>
        ) : null}
        <ProblemAlert error={Object.keys(errors).length ? undefined : add.error} />
        <Button type="submit" loading={add.isPending} w="fit-content">
          {t('review.decision.submit')}
        </Button>
      </Stack>
    </form>
  );
}

export function ReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const review = useReview(id);
  const inputs = useReviewInputs(id);
  const [signing, setSigning] = useState(false);
  const close = useAction(
    // If-Match: the signature binds the minutes on screen; a decision minuted meanwhile is a 412 and a reload.
    (password: string) =>
      call(
        api.POST('/api/management-reviews/{id}/close', {
          params: { path: { id } },
          headers: { 'If-Match': `"${review.data?.version ?? 0}"` },
          body: { password },
        }),
      ),
    { invalidates: [reviewKeys.one(id), reviewKeys.inputs(id), reviewKeys.all], done: t('review.close.done') },
  );
  const minutes = useMutation({
    mutationFn: () =>
      download(
        api.GET('/api/management-reviews/{id}/minutes.pdf', {
          params: { path: { id }, query: { lang: currentLanguage() } },
          parseAs: 'blob',
        }),
        'minutes.pdf',
      ),
  });
  if (review.isPending) return <Loading />;
  if (review.error || !review.data) return <ProblemAlert error={review.error} onRetry={() => void review.refetch()} />;
  const r = review.data;
  const open = r.state === 'open';
  return (
    <>
      <PageHeader
        title={r.title}
        trail={[{ to: '/management-reviews', label: t('review.list.title') }]}
        actions={
          <>
            {open && hasRole('board_member') ? <Button onClick={() => setSigning(true)}>{t('review.close.action')}</Button> : null}
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              loading={minutes.isPending}
              onClick={() => minutes.mutate()}
            >
              {t('review.minutes')}
            </Button>
          </>
        }
      />
      <ProblemAlert error={minutes.error} />
      <Stack>
        <Group gap="md">
          <StatusBadge kind="review" value={r.state} />
          <Text size="sm">{t('review.heldOnDate', { date: formatDate(r.heldOn) })}</Text>
          <Text size="sm">{t('review.attendedBy', { names: attendeeNames(r).join(', ') || '–' })}</Text>
        </Group>
        {r.signature ? (
          <Text size="sm" role="note">
            {t('signature.signedLine', {
              name: r.signature.signerName,
              meaning: r.signature.meaning,
              at: formatDateTime(r.signature.signedAt),
            })}
          </Text>
        ) : null}
        <Paper withBorder p="md" component="section" aria-labelledby="review-inputs">
          <Title order={2} size="h4" id="review-inputs" mb="sm">
            {t('review.inputs.title')}
          </Title>
          <ProblemAlert error={inputs.error} onRetry={() => void inputs.refetch()} />
          {inputs.data ? <Inputs inputs={inputs.data} /> : inputs.isPending ? <Loading /> : null}
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="review-decisions">
          <Title order={2} size="h4" id="review-decisions" mb="sm">
            {t('review.field.decisions')}
          </Title>
          {r.decisions.length === 0 ? (
            <Text size="sm">{t('review.decision.none')}</Text>
          ) : (
            <ol>
              {r.decisions.map((d) => {
                const a = decisionAction(d);
                return (
                  <li key={d.id}>
                    {d.text}
                    {a?.id ? (
                      <>
                        {' '}
                        (
                        <Anchor component={Link} to={`/corrective-actions/${a.id}`}>
                          {a.reference}
                        </Anchor>
                        {a.dueDate ? `, ${t('deviation.actions.due', { date: formatDate(a.dueDate) })}` : ''})
                      </>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          )}
          {open && hasRole('quality_manager', 'board_member') ? <DecisionForm review={r} /> : null}
        </Paper>
      </Stack>
      <SignatureDialog
        opened={signing}
        onClose={() => setSigning(false)}
        meaning={t('review.close.meaning')}
        record={`${r.title}, ${formatDate(r.heldOn)}`}
        onSign={(password) => close.mutateAsync(password)}
      />
    </>
  );
}
