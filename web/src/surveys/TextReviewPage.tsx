/**
 * The quality manager's queue of free-text answers: each is read for personal data before any
 * report shows it, then cleared (shown as written) or redacted (shown as the replacement text).
 * A complaint can open a deviation or an improvement action from here.
 */
import { Button, Card, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { IconCheck, IconEraser } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { useProgrammes } from '../programmes/queries';
import { FilterBar, useUrlFilters } from '../ui/ListPage';
import { Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDateTime } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { FindingDialog } from './FindingDialog';
import type { FindingTarget } from './FindingDialog';
import { questionLabel, questionsOf } from './resultWords';
import { surveyKeys, useTextAnswers } from './queries';
import type { Survey, TextAnswer } from './queries';

function TextCard({
  answer: a,
  question,
  programme,
  onFinding,
}: {
  answer: TextAnswer;
  question: string;
  programme: string;
  onFinding(): void;
}) {
  const { t } = useTranslation();
  const [redacting, setRedacting] = useState(false);
  const [replacement, setReplacement] = useState('');
  const review = useAction(
    (decision: 'cleared' | 'redacted') =>
      call(
        api.POST('/api/survey-text-answers/{id}/review', {
          params: { path: { id: a.id } },
          body: decision === 'redacted' ? { decision, replacement } : { decision },
        }),
      ),
    { invalidates: [surveyKeys.all], done: (r) => t(`survey.texts.done.${r.review?.decision ?? 'cleared'}`) },
  );
  const errors = fieldErrors(t, review.error);
  return (
    <Card withBorder component="article" aria-label={t('survey.texts.answerTo', { question })}>
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          {[question, programme, t(`survey.audience.${a.role}`), formatDateTime(a.answeredAt)].join(' · ')}
        </Text>
        <Text component="blockquote" m={0} style={{ whiteSpace: 'pre-line' }}>
          {a.text}
        </Text>
        {a.review ? (
          <Group gap="xs">
            <StatusBadge kind="textReview" value={a.review.decision} />
            {a.review.replacement ? <Text size="sm">{t('survey.texts.shownAs', { text: a.review.replacement })}</Text> : null}
          </Group>
        ) : (
          <>
            <Group gap="xs">
              <Button
                size="xs"
                leftSection={<IconCheck size={14} aria-hidden />}
                loading={review.isPending && !redacting}
                onClick={() => review.mutate('cleared')}
              >
                {t('survey.texts.clear')}
              </Button>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconEraser size={14} aria-hidden />}
                onClick={() => setRedacting(true)}
                aria-expanded={redacting}
              >
                {t('survey.texts.redact')}
              </Button>
              <Button size="xs" variant="default" onClick={onFinding}>
                {t('survey.finding.open')}
              </Button>
            </Group>
            {redacting ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  review.mutate('redacted');
                }}
              >
                <Stack gap="xs">
                  <Textarea
                    label={t('survey.texts.replacement')}
                    description={t('survey.texts.replacementHelp')}
                    required
                    autosize
                    minRows={2}
                    value={replacement}
                    onChange={(e) => setReplacement(e.currentTarget.value)}
                    error={errors.replacement}
                  />
                  <Group gap="xs">
                    <Button type="submit" size="xs" loading={review.isPending} disabled={!replacement.trim()}>
                      {t('survey.texts.redactSubmit')}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setRedacting(false)}>
                      {t('action.cancel')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            ) : null}
            <ProblemAlert error={review.error} />
          </>
        )}
      </Stack>
    </Card>
  );
}

export function TextReviewPage() {
  const { t } = useTranslation();
  const url = useUrlFilters();
  const state = url.oneOf('state', ['pending', 'reviewed'] as const) ?? 'pending';
  const texts = useTextAnswers(state);
  const programmes = useProgrammes();
  const items = texts.data?.items ?? [];
  const surveyIds = [...new Set(items.map((i) => i.surveyId))];
  const surveys = useQueries({
    queries: surveyIds.map((id) => ({
      queryKey: surveyKeys.one(id),
      queryFn: () => call(api.GET('/api/surveys/{id}', { params: { path: { id } } })),
    })),
  });
  const byId = new Map<string, Survey>(surveys.flatMap((q) => (q.data ? [[q.data.id, q.data] as const] : [])));
  const [finding, setFinding] = useState<{ surveyId: string; target: FindingTarget }>();
  const programmeName = (id: string) => programmes.data?.find((p) => p.id === id)?.name ?? t('survey.texts.programme');
  const findingQuestions = finding
    ? [...questionsOf(byId.get(finding.surveyId)).values()].map((q) => ({
        key: q.key,
        label: questionLabel(questionsOf(byId.get(finding.surveyId)), { key: q.key, label: q.key }),
      }))
    : [];
  return (
    <>
      <PageHeader title={t('survey.texts.title')} trail={[{ to: '/surveys', label: t('survey.list.title') }]} />
      <Text size="sm" mb="md">
        {t('survey.texts.intro')}
      </Text>
      <FilterBar label={t('survey.texts.filter')}>
        <NativeSelect
          label={t('survey.texts.show')}
          data={(['pending', 'reviewed'] as const).map((s) => ({ value: s, label: t(`survey.texts.state.${s}`) }))}
          value={state}
          onChange={(e) => url.set('state', e.currentTarget.value === 'pending' ? '' : e.currentTarget.value)}
        />
      </FilterBar>
      <ProblemAlert error={texts.error} onRetry={() => void texts.refetch()} />
      {texts.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text role="status">{t(`survey.texts.empty.${state}`)}</Text>
      ) : (
        <Stack gap="sm">
          {items.map((a) => (
            <TextCard
              key={a.id}
              answer={a}
              question={questionLabel(questionsOf(byId.get(a.surveyId)), { key: a.questionKey, label: a.questionKey })}
              programme={programmeName(a.programmeId)}
              onFinding={() =>
                setFinding({
                  surveyId: a.surveyId,
                  target: {
                    programmeId: a.programmeId,
                    programmeName: programmeName(a.programmeId),
                    questionKey: a.questionKey,
                    textAnswerId: a.id,
                  },
                })
              }
            />
          ))}
        </Stack>
      )}
      <FindingDialog
        key={finding?.target.textAnswerId ?? 'none'}
        surveyId={finding?.surveyId ?? ''}
        target={finding?.target}
        questions={findingQuestions}
        onClose={() => setFinding(undefined)}
      />
    </>
  );
}
