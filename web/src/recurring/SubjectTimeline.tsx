import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconClockExclamation, IconPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../app/auth';
import { StartExecutionDialog } from '../executions/StartExecutionDialog';
import type { SubjectRef } from '../executions/StartExecutionDialog';
import { localised } from '../i18n/i18n';
import { mayRecord } from '../programmes/access';
import type { Programme } from '../programmes/queries';
import { Loading } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate } from '../ui/format';
import { AttendanceCounts } from './AttendanceCounts';
import { useRecurringActivities } from './queries';
import type { CadenceGap, Occurrence, RecurringActivities, RecurringActivity } from './queries';

type Subject = RecurringActivities['subject'];
type Item = { kind: 'occurrence'; occurrence: Occurrence; first: boolean } | { kind: 'gap'; gap: CadenceGap };

/** The noun family of a subject's occurrences: a pair meets; people and the cohort have sessions. */
export function nounOf(type: string): 'meeting' | 'session' {
  return type === 'pair' ? 'meeting' : 'session';
}

/** What a subject is called on the page: names where the API gives them, codes otherwise. */
export function subjectName(t: TFunction, s: Subject): string {
  if (s.type === 'cohort') return t('matrix.cohort');
  if (s.type === 'pair') {
    const codes = s.code.split('/');
    const names = s.name?.split('/');
    return names && names.length === 2 ? `${names[0]} (${codes[0]}) / ${names[1]} (${codes[1]})` : s.code;
  }
  return s.name ? `${s.name} (${s.code})` : s.code;
}

/**
 * The occurrences of each recurring activity of one subject on a timeline (newest first), with
 * the gaps longer than the cadence between them said in words, an open gap growing to today
 * called out, and a way to record the next occurrence with the execution forms.
 */
export function SubjectTimeline({ programme, subject }: { programme: Programme; subject: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const activities = useRecurringActivities(programme.id, subject);
  const [starting, setStarting] = useState<RecurringActivity>();
  const back = (
    <Anchor component={Link} to={`/programmes/${programme.id}/recurring`} size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('recurring.back')}
    </Anchor>
  );
  if (activities.isPending) return <Loading />;
  if (!activities.data)
    return (
      <Stack>
        {back}
        <ProblemAlert error={activities.error} onRetry={() => void activities.refetch()} />
      </Stack>
    );
  const data = activities.data;
  const s = data.subject;
  const name = subjectName(t, s);
  const noun = nounOf(s.type);
  const canRecord = mayRecord(user, programme) && programme.status === 'active' && (s.type === 'cohort' || s.status === 'active');
  const ref: SubjectRef = s.type === 'cohort' ? { cohort: true } : s.type === 'pair' ? { pairId: s.id } : { participantId: s.id };

  return (
    <Stack>
      {back}
      <div>
        <Title order={2} size="h3">
          {name}
        </Title>
        <Text size="sm" c="dimmed">
          {t(`matrix.subjectType.${s.type}`)} · {t('matrix.asOf', { date: formatDate(data.today) })}
        </Text>
      </div>
      {data.activities.length === 0 ? <Text role="status">{t('recurring.noneForSubject')}</Text> : null}
      {data.activities.map((a) => {
        const title = localised(a.title) || a.procedureKey;
        const open = a.occurrences.find((o) => o.state === 'open');
        const headingId = `activity-${a.procedureKey}`;
        return (
          <Card withBorder key={a.procedureKey} component="section" aria-labelledby={headingId}>
            <Stack gap="xs">
              <Group justify="space-between" gap="xs">
                <Title order={3} size="h4" id={headingId}>
                  {title}
                </Title>
                <StatusBadge kind="cell" value={a.status} />
              </Group>
              <Text size="sm">
                {a.sessions
                  ? t('recurring.cadenceSessions', { sessions: a.sessions, days: a.cadenceDays })
                  : t('recurring.cadence', { days: a.cadenceDays })}
                {a.period ? ` ${t('recurring.period', { from: formatDate(a.period.from), to: formatDate(a.period.to) })}` : ''}
              </Text>
              <Text size="sm">
                {a.sessions
                  ? t('recurring.heldOfPlanned', { held: a.occurrenceCount, planned: a.sessions })
                  : t('recurring.occurrences', { count: a.occurrenceCount })}
                {a.lastDate ? ` · ${t('recurring.last', { date: formatDate(a.lastDate) })}` : ''}
              </Text>
              {a.sessionsShort ? (
                <Text size="sm" fw={600}>
                  <IconClockExclamation size={16} aria-hidden />{' '}
                  {t('recurring.sessionsShort', { held: a.sessionsShort.held, planned: a.sessionsShort.planned })}
                </Text>
              ) : null}
              {canRecord && a.status !== 'not_applicable' ? (
                open ? (
                  <Anchor component={Link} to={`/executions/${open.executionId}`}>
                    {t(`recurring.continue.${noun}`)}
                  </Anchor>
                ) : (
                  <Button w="fit-content" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setStarting(a)}>
                    {t(`recurring.record.${noun}`)}
                  </Button>
                )
              ) : null}
              <Timeline activity={a} noun={noun} title={title} />
            </Stack>
          </Card>
        );
      })}
      {starting && (
        <StartExecutionDialog
          programme={programme}
          procedureKey={starting.procedureKey}
          subject={ref}
          subjectLabel={name}
          onClose={() => setStarting(undefined)}
        />
      )}
    </Stack>
  );
}

/** Oldest first: each gap longer than the cadence before the occurrence that closed it, an open one last. */
function items(a: RecurringActivity): Item[] {
  const out: Item[] = [];
  const gaps = [...a.gaps];
  const completed = a.occurrences.filter((o) => o.state === 'completed');
  completed.forEach((o, i) => {
    for (
      let g = gaps.findIndex((x) => x.kind !== 'end' && x.to === o.date);
      g >= 0;
      g = gaps.findIndex((x) => x.kind !== 'end' && x.to === o.date)
    )
      out.push({ kind: 'gap', gap: gaps.splice(g, 1)[0] });
    out.push({ kind: 'occurrence', occurrence: o, first: i === 0 });
  });
  for (const gap of gaps) out.push({ kind: 'gap', gap });
  for (const o of a.occurrences.filter((x) => x.state !== 'completed')) out.push({ kind: 'occurrence', occurrence: o, first: false });
  return out;
}

function Timeline({ activity: a, noun, title }: { activity: RecurringActivity; noun: 'meeting' | 'session'; title: string }) {
  const { t } = useTranslation();
  const list = items(a).reverse();
  const empty = a.occurrences.length === 0 ? <Text size="sm">{t(`recurring.empty.${noun}`)}</Text> : null;
  if (list.length === 0) return empty;
  return (
    <>
      {empty}
      <ol className="timeline recurring-timeline" aria-label={t('recurring.timeline', { activity: title })}>
        {list.map((item) =>
          item.kind === 'gap' ? (
            <li key={`gap:${item.gap.from}:${item.gap.kind}`} className="timeline-gap" data-open={item.gap.open}>
              <Text size="sm" fw={600}>
                <IconClockExclamation size={16} aria-hidden /> {gapWords(t, item.gap, a.cadenceDays, noun)}
              </Text>
            </li>
          ) : (
            <OccurrenceItem
              key={item.occurrence.executionId}
              o={item.occurrence}
              first={item.first}
              noun={noun}
              cadenceDays={a.cadenceDays}
            />
          ),
        )}
      </ol>
    </>
  );
}

/** "43 days without a meeting (1 Sep – 14 Oct) — the cadence is at most every 30 days"; an open gap is still growing. */
export function gapWords(t: TFunction, gap: CadenceGap, cadenceDays: number, noun: 'meeting' | 'session'): string {
  const cadence = t('recurring.gap.cadence', { count: cadenceDays });
  const what = t(`recurring.noun.${noun}`);
  const from = formatDate(gap.from);
  const to = formatDate(gap.to);
  if (gap.open) return `${t('recurring.gap.open', { count: gap.days, what, from })} — ${cadence}`;
  if (gap.kind === 'start') return `${t('recurring.gap.start', { count: gap.days, what, from, to })} — ${cadence}`;
  if (gap.kind === 'end') return `${t('recurring.gap.end', { count: gap.days, what, from, to })} — ${cadence}`;
  return `${t('recurring.gap.between', { count: gap.days, what, from, to })} — ${cadence}`;
}

function OccurrenceItem({
  o,
  first,
  noun,
  cadenceDays,
}: {
  o: Occurrence;
  first: boolean;
  noun: 'meeting' | 'session';
  cadenceDays: number;
}) {
  const { t } = useTranslation();
  const when = o.date ? formatDate(o.date) : t('recurring.noDate');
  return (
    <li data-state={o.state}>
      <Group gap="xs">
        <Anchor component={Link} to={`/executions/${o.executionId}`} fw={600} size="sm">
          {t(`recurring.occurrence.${noun}`, { date: when })}
        </Anchor>
        {o.state === 'open' ? (
          <StatusBadge kind="cell" value="in_progress" />
        ) : o.conformance ? (
          <StatusBadge kind="conformance" value={o.conformance} />
        ) : null}
      </Group>
      {o.duration ? <Text size="sm">{t('recurring.duration', { value: o.duration.value, unit: localised(o.duration.unit) })}</Text> : null}
      {o.recordedByName ? <Text size="sm">{t('recurring.recordedBy', { name: o.recordedByName })}</Text> : null}
      {o.daysSincePrevious !== null && !o.cadenceBreached ? (
        <Text size="xs" c="dimmed">
          {first
            ? t('recurring.sinceStart', { count: o.daysSincePrevious })
            : t('recurring.sincePrevious', { count: o.daysSincePrevious, max: cadenceDays })}
        </Text>
      ) : null}
      {o.attendance ? (
        <Group gap="xs" mt={2}>
          <AttendanceCounts counts={o.attendance} />
          <Anchor component={Link} to={`/executions/${o.executionId}/attendance`} size="sm">
            <IconUsers size={14} aria-hidden /> {t('attendance.open', { date: when })}
          </Anchor>
        </Group>
      ) : null}
    </li>
  );
}
