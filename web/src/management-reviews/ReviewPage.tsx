/**
 * A management review: its inputs as figures and charts (frozen when it closes), the decisions
 * minuted (with an action to track where needed), closing with a board member's signature, and
 * the minutes as a PDF.
 */
import { Anchor, Button, Card, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call, idempotencyKey } from '../api/client';
import { useAuth } from '../app/auth';
import { currentLanguage } from '../i18n/i18n';
import { BarChart } from '../programmes/IndicatorsTab';
import { useStaff } from '../users/staff';
import { download } from '../ui/download';
import { DataTable, Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { SignatureDialog } from '../ui/SignatureDialog';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate, formatDateTime, formatPercent } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { attendeeNames, decisionAction, reviewKeys, useReview, useReviewInputs } from './queries';
import type { Count, Note, Review, ReviewInputs, Trend } from './queries';

const DECISION_CATEGORIES = ['improvement', 'qms_change', 'resource_need', 'other'] as const;
const NOTE_TOPICS = ['issues', 'resources'] as const;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb={4}>
        {title}
      </Title>
      {children}
    </section>
  );
}

/** Up, down or flat as words with an arrow (the arrow is decoration). */
function TrendText({ trend }: { trend: Trend | null | undefined }) {
  const { t } = useTranslation();
  if (!trend) return <>{t('review.trend.none')}</>;
  const arrow = trend === 'up' ? '↑' : trend === 'down' ? '↓' : '→';
  return (
    <>
      <span aria-hidden>{arrow} </span>
      {t(`review.trend.${trend}`)}
    </>
  );
}

function Notes({ notes }: { notes: Note[] | undefined }) {
  const { t } = useTranslation();
  if (!notes || notes.length === 0) return <Text size="sm">{t('review.inputs.notRecorded')}</Text>;
  return (
    <ol>
      {notes.map((n) => (
        <li key={n.seq}>{n.text}</li>
      ))}
    </ol>
  );
}

/** The objectives' measurements signed at closing: recorded then, or recorded before and kept. */
function ClosingMeasurements({ review }: { review: Review }) {
  const { t } = useTranslation();
  const value = (unit: string, x: number | null) => (x === null ? '–' : unit === 'rate' ? formatPercent(x) : String(x));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="review-closing-measurements">
      <Title order={2} size="h4" id="review-closing-measurements" mb="sm">
        {t('review.closingMeasurements.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('review.closingMeasurements.intro')}
      </Text>
      <DataTable
        caption={t('review.closingMeasurements.title')}
        head={[
          t('objective.field.title'),
          t('objective.period'),
          t('review.closingMeasurements.asOf'),
          t('objective.field.target'),
          t('review.closingMeasurements.measured'),
          t('objective.field.status'),
          t('review.closingMeasurements.recorded'),
        ]}
      >
        {review.objectiveMeasurements.map((m) => (
          <Table.Tr key={m.objectiveId}>
            <Table.Td>{m.title}</Table.Td>
            <Table.Td>{m.period}</Table.Td>
            <Table.Td>{formatDate(m.measuredOn)}</Table.Td>
            <Table.Td>{`${m.comparator} ${value(m.unit, m.target)}`}</Table.Td>
            <Table.Td>{value(m.unit, m.measured)}</Table.Td>
            <Table.Td>
              <StatusBadge kind="objective" value={m.status} />
            </Table.Td>
            <Table.Td>
              {m.recordedAtClose
                ? t('review.closingMeasurements.atClose')
                : t('review.closingMeasurements.kept', { name: m.recordedBy ?? '–' })}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Paper>
  );
}

const shown = (n: Count | number | null | undefined): string => (n === null || n === undefined ? '–' : String(n));

/** The ISO 9001 9.3.2 items beyond deviations, actions, conformance and earlier decisions. */
function ClauseItems({ inputs }: { inputs: ReviewInputs }) {
  const { t } = useTranslation();
  const i = inputs;
  const value = (unit: string, x: number | null) => (x === null ? '–' : unit === 'rate' ? formatPercent(x) : String(x));
  return (
    <Stack>
      <Section id="input-issues" title={t('review.inputs.issues')}>
        <Notes notes={i.issues} />
      </Section>
      {i.satisfaction ? (
        <Section id="input-satisfaction" title={t('review.inputs.satisfaction')}>
          <div className="indicator-cards">
            <Figure label={t('review.inputs.responses')} value={shown(i.satisfaction.responses)} />
            <Figure label={t('review.inputs.mean')} value={shown(i.satisfaction.mean)} />
            <Figure label={t('review.inputs.previousMean')} value={shown(i.satisfaction.previousMean)} />
            <Figure label={t('review.inputs.feedbackGiven')} value={shown(i.satisfaction.feedbackGiven)} />
          </div>
          <Text size="sm">
            {t('review.inputs.trend')}: <TrendText trend={i.satisfaction.trend} />
          </Text>
          <BarChart
            id="review-satisfaction"
            title={t('review.inputs.distribution')}
            bars={(['1', '2', '3', '4', '5'] as const).map((k) => {
              const c = i.satisfaction!.distribution[k];
              return { label: k, value: typeof c === 'number' ? c : 0, text: String(c) };
            })}
            max={Math.max(1, ...Object.values(i.satisfaction.distribution).map((c) => (typeof c === 'number' ? c : 0)))}
            unit="count"
          />
        </Section>
      ) : null}
      {i.objectives ? (
        <Section id="input-objectives" title={t('review.inputs.objectives')}>
          <DataTable
            caption={t('review.inputs.objectives')}
            head={[
              t('objective.field.title'),
              t('objective.field.owner'),
              t('objective.field.deadline'),
              t('objective.field.target'),
              t('objective.field.measured'),
              t('objective.field.status'),
              t('review.inputs.trend'),
              t('objective.field.history'),
            ]}
          >
            {i.objectives.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>{o.title}</Table.Td>
                <Table.Td>{o.ownerName ?? '–'}</Table.Td>
                <Table.Td>{formatDate(o.deadline)}</Table.Td>
                <Table.Td>{`${o.comparator} ${value(o.unit, o.target)}`}</Table.Td>
                <Table.Td>{value(o.unit, o.measured)}</Table.Td>
                <Table.Td>
                  <StatusBadge kind="objective" value={o.status} />
                </Table.Td>
                <Table.Td>
                  <TrendText trend={o.trend} />
                </Table.Td>
                <Table.Td>{o.measuredInPeriod.map((h) => `${h.period}: ${value(o.unit, h.measured)}`).join(', ') || '–'}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Section>
      ) : null}
      {i.processPerformance ? (
        <Section id="input-process" title={t('review.inputs.processPerformance')}>
          <ul>
            {i.processPerformance.map((p) => (
              <li key={p.procedureKey}>
                {p.procedureKey}: {formatPercent(p.rate)} ({t('review.inputs.previous')} {formatPercent(p.previousRate)}),{' '}
                <TrendText trend={p.trend} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {i.nonconformities ? (
        <Section id="input-nonconformities" title={t('review.inputs.nonconformities')}>
          <div className="indicator-cards">
            <Figure label={t('review.inputs.detected')} value={i.nonconformities.detected} />
            <Figure label={t('review.inputs.closed')} value={i.nonconformities.closed} />
          </div>
        </Section>
      ) : null}
      {i.monitoring ? (
        <Section id="input-monitoring" title={t('review.inputs.monitoring')}>
          <div className="indicator-cards">
            {Object.entries(i.monitoring).map(([k, v]) => (
              <Figure
                key={k}
                label={t(`review.monitoring.${k}`)}
                value={v === null ? '–' : k.endsWith('Rate') ? formatPercent(v) : String(v)}
              />
            ))}
          </div>
        </Section>
      ) : null}
      {i.internalAudits ? (
        <Section id="input-audits" title={t('review.inputs.internalAudits')}>
          {i.internalAudits.available && i.internalAudits.audits.length > 0 ? (
            <ul>
              {i.internalAudits.audits.map((a) => (
                <li key={a.id}>
                  {a.reference} {a.title}:{' '}
                  {t('review.inputs.findings', {
                    major: a.findings.major,
                    minor: a.findings.minor,
                    observations: a.findings.observations,
                    opportunities: a.findings.opportunities,
                  })}
                </li>
              ))}
            </ul>
          ) : (
            <Text size="sm">{t('review.inputs.noAudits')}</Text>
          )}
        </Section>
      ) : null}
      {i.externalProviders ? (
        <Section id="input-providers" title={t('review.inputs.externalProviders')}>
          <div className="indicator-cards">
            <Figure label={t('review.inputs.pairsMatched')} value={shown(i.externalProviders.pairsMatched)} />
            <Figure label={t('review.inputs.pairsEndedEarly')} value={shown(i.externalProviders.pairsEndedEarly)} />
            <Figure label={t('review.inputs.mentorFeedback')} value={shown(i.externalProviders.mentorFeedbackGiven)} />
            <Figure label={t('review.inputs.mentorSatisfaction')} value={shown(i.externalProviders.mentorSatisfactionMean)} />
          </div>
        </Section>
      ) : null}
      <Section id="input-resources" title={t('review.inputs.resources')}>
        <Notes notes={i.resources} />
      </Section>
      {i.risks ? (
        <Section id="input-risks" title={t('review.inputs.risks')}>
          {i.risks.length === 0 ? (
            <Text size="sm">{t('review.inputs.none')}</Text>
          ) : (
            <ul>
              {i.risks.map((r) => (
                <li key={r.reference}>
                  {r.reference} {r.title}: {t('review.inputs.rating', { before: r.ratingBefore, after: r.ratingAfter ?? '–' })};{' '}
                  {r.actions.map((a) => `${a.reference} (${t(`status.action.${a.state}`)})`).join(', ')}
                </li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}
      {i.opportunities ? (
        <Section id="input-opportunities" title={t('review.inputs.opportunities')}>
          <ul>
            {i.opportunities.actions.map((a) => (
              <li key={a.reference}>
                {a.reference} ({t(`action.source.${a.source}`)}
                {a.sourceText ? `: ${a.sourceText}` : ''}), {t(`status.action.${a.state}`)},{' '}
                {t('deviation.actions.due', { date: formatDate(a.dueDate) })}
              </li>
            ))}
            {i.opportunities.register.map((r) => (
              <li key={r.reference}>
                {r.reference} {r.title}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </Stack>
  );
}

function NoteForm({ review }: { review: Review }) {
  const { t } = useTranslation();
  const [topic, setTopic] = useState<(typeof NOTE_TOPICS)[number]>('issues');
  const [text, setText] = useState('');
  const [key, setKey] = useState(idempotencyKey);
  const add = useAction(
    () =>
      call(
        api.POST('/api/management-reviews/{id}/notes', {
          params: { path: { id: review.id } },
          headers: { 'Idempotency-Key': key },
          body: { topic, text },
        }),
      ),
    { invalidates: [reviewKeys.one(review.id), reviewKeys.inputs(review.id)], done: t('review.note.done') },
  );
  const errors = fieldErrors(t, add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const sent = text;
    add.mutate(undefined, {
      // What was recorded leaves the form; what the user began typing since stays.
      onSuccess: () => {
        setText((now) => (now === sent ? '' : now));
        setKey(idempotencyKey());
      },
    });
  };
  return (
    <form onSubmit={submit} aria-labelledby="note-form-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="note-form-title">
          {t('review.note.title')}
        </Title>
        <NativeSelect
          label={t('review.note.topic')}
          value={topic}
          onChange={(e) => setTopic(e.currentTarget.value as (typeof NOTE_TOPICS)[number])}
          data={NOTE_TOPICS.map((k) => ({ value: k, label: t(`review.note.topics.${k}`) }))}
          error={errors.topic}
        />
        <Textarea
          label={t('review.note.text')}
          required
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.text}
          autosize
          minRows={2}
        />
        <ProblemAlert error={Object.keys(errors).length ? undefined : add.error} />
        <Button type="submit" loading={add.isPending} w="fit-content">
          {t('review.note.submit')}
        </Button>
      </Stack>
    </form>
  );
}

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
      <ClauseItems inputs={inputs} />
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
  const [category, setCategory] = useState<(typeof DECISION_CATEGORIES)[number]>('improvement');
  const [withAction, setWithAction] = useState(false);
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [description, setDescription] = useState('');
  const [key, setKey] = useState(idempotencyKey);
  const typed = useRef({ text, description });
  typed.current = { text, description };
  const add = useAction(
    () =>
      call(
        api.POST('/api/management-reviews/{id}/decisions', {
          params: { path: { id: review.id } },
          headers: { 'Idempotency-Key': key },
          body: { text, category, ...(withAction ? { action: { ownerId: owner, dueDate: due, description } } : {}) },
        }),
      ),
    { invalidates: [reviewKeys.one(review.id)], done: t('review.decision.done') },
  );
  const errors = fieldErrors(t, add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const sent = { text, description };
    add.mutate(undefined, {
      // What was recorded leaves the form; a next decision the user began typing meanwhile stays as it is.
      onSuccess: () => {
        if (typed.current.text === sent.text) {
          setText('');
          setWithAction(false);
          if (typed.current.description === sent.description) setDescription('');
        }
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
        <NativeSelect
          label={t('review.decision.category')}
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value as (typeof DECISION_CATEGORIES)[number])}
          data={DECISION_CATEGORIES.map((k) => ({ value: k, label: t(`review.category.${k}`) }))}
          error={errors.category}
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
          <Text size="sm">{t('review.periodLine', { from: formatDate(r.periodFrom), to: formatDate(r.periodTo) })}</Text>
          {r.guests.length > 0 ? (
            <Text size="sm">{t('review.guestsLine', { names: r.guests.map((g) => `${g.name} (${g.role})`).join(', ') })}</Text>
          ) : null}
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
                    <Text span size="sm" fw={600}>
                      {t(`review.category.${d.category}`)}:
                    </Text>{' '}
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
        {r.objectiveMeasurements.length > 0 ? <ClosingMeasurements review={r} /> : null}
        <Paper withBorder p="md" component="section" aria-labelledby="review-notes">
          <Title order={2} size="h4" id="review-notes" mb="sm">
            {t('review.note.section')}
          </Title>
          <Text size="sm" fw={600}>
            {t('review.inputs.issues')}
          </Text>
          <Notes notes={r.notes.filter((n) => n.topic === 'issues')} />
          <Text size="sm" fw={600}>
            {t('review.inputs.resources')}
          </Text>
          <Notes notes={r.notes.filter((n) => n.topic === 'resources')} />
          {open && hasRole('quality_manager', 'board_member') ? <NoteForm review={r} /> : null}
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
