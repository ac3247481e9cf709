/**
 * A survey's results: the response rate, each question's answers as bars with their figures (a
 * figure under 5 said in words: "fewer than 5 answers"), per programme (cohort) and role, and the
 * trend of the scale questions across programmes; the free text a quality manager has cleared or
 * redacted, and the deviations and improvement actions opened from these results. A quality
 * manager opens one from a question of a cohort.
 */
import { Anchor, Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { IconMessageCircleSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useUser } from '../app/auth';
import { useProgrammes } from '../programmes/queries';
import { FilterBar, useUrlFilters } from '../ui/ListPage';
import { DataTable, Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { formatDate, formatPercent } from '../ui/format';
import { FindingDialog } from './FindingDialog';
import type { FindingTarget } from './FindingDialog';
import { ResultBars } from './ResultBars';
import { countText, countValue, meanText, questionLabel, questionsOf, rateText, valueLabel } from './resultWords';
import { useResults, useSurvey } from './queries';
import type { QuestionResult, Results, SurveyQuestion } from './queries';

function QuestionCard({ result: r, questions }: { result: QuestionResult; questions: Map<string, SurveyQuestion> }) {
  const { t } = useTranslation();
  const label = questionLabel(questions, r);
  const counts = r.distribution.map((d) => countValue(d.count) ?? 0);
  return (
    <Card withBorder component="section" aria-label={label}>
      <Stack gap={6}>
        <Title order={3} size="h5">
          {label}
        </Title>
        <Text size="sm">
          {[t('survey.results.answers', { n: countText(t, r.n) }), r.type === 'scale' ? meanText(t, r.mean, r.suppressed) : null]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {r.type === 'text' ? (
          <Text size="sm">{t('survey.results.textAnswers')}</Text>
        ) : r.suppressed ? (
          <Text size="sm" fw={600}>
            {t('survey.results.suppressed')}
          </Text>
        ) : (
          <ResultBars
            title={t('survey.results.distributionOf', { question: label })}
            max={Math.max(1, ...counts)}
            bars={r.distribution.map((d) => ({
              label: valueLabel(t, questions.get(r.key), r.type, d.value),
              value: countValue(d.count),
              text: countText(t, d.count),
            }))}
          />
        )}
      </Stack>
    </Card>
  );
}

function CohortTable({
  results,
  questions,
  onFinding,
}: {
  results: Results;
  questions: Map<string, SurveyQuestion>;
  onFinding?(f: FindingTarget): void;
}) {
  const { t } = useTranslation();
  const scales = results.questions.filter((q) => q.type === 'scale');
  if (results.cohorts.length === 0) return <Text size="sm">{t('survey.results.noCohorts')}</Text>;
  return (
    <DataTable
      caption={t('survey.results.byCohort')}
      head={[
        t('survey.results.programme'),
        t('survey.field.audience'),
        t('survey.results.responseRate'),
        ...scales.map((q) => questionLabel(questions, q)),
        ...(onFinding ? [t('survey.finding.column')] : []),
      ]}
    >
      {results.cohorts.map((c) => (
        <Table.Tr key={`${c.programmeId}/${c.role}`}>
          <Table.Th scope="row">
            {c.programmeName} ({formatDate(c.startDate)})
          </Table.Th>
          <Table.Td>{t(`survey.audience.${c.role}`)}</Table.Td>
          <Table.Td>{rateText(t, c.responseRate)}</Table.Td>
          {scales.map((s) => {
            const q = c.questions.find((x) => x.key === s.key);
            return <Table.Td key={s.key}>{q ? meanText(t, q.mean, q.suppressed) : '–'}</Table.Td>;
          })}
          {onFinding ? (
            <Table.Td>
              <Button
                size="xs"
                variant="default"
                aria-label={t('survey.finding.openFor', { programme: c.programmeName })}
                onClick={() => onFinding({ programmeId: c.programmeId, programmeName: c.programmeName })}
              >
                {t('survey.finding.open')}
              </Button>
            </Table.Td>
          ) : null}
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function Trends({ results, questions }: { results: Results; questions: Map<string, SurveyQuestion> }) {
  const { t } = useTranslation();
  const trends = results.trends.filter((tr) => tr.points.length > 1);
  if (trends.length === 0) return <Text size="sm">{t('survey.results.noTrend')}</Text>;
  return (
    <Stack gap="md">
      {trends.map((tr) => {
        const label = questionLabel(questions, { key: tr.questionKey, label: tr.questionKey });
        return (
          <ResultBars
            key={tr.questionKey}
            title={t('survey.results.trendOf', { question: label })}
            max={5}
            bars={tr.points.map((p) => ({
              label: `${p.programmeName} (${formatDate(p.startDate)})`,
              value: p.mean,
              text: p.mean === null ? t('survey.results.fewerThanFiveAnswers') : meanText(t, p.mean, false),
            }))}
          />
        );
      })}
    </Stack>
  );
}

export function ResultsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useUser();
  const url = useUrlFilters();
  const programmeId = url.text('programme');
  const survey = useSurvey(id);
  const results = useResults(id, programmeId);
  const programmes = useProgrammes();
  const [finding, setFinding] = useState<FindingTarget>();
  const isQm = user.roles.includes('quality_manager');
  const questions = questionsOf(survey.data);
  const r = results.data;
  const title = t('survey.results.titleOf', {
    title: survey.data?.versions.at(-1)?.content.title[user.language ?? 'en'] ?? r?.title ?? '',
  });
  return (
    <>
      <PageHeader
        title={title}
        trail={[
          { to: '/surveys', label: t('survey.list.title') },
          ...(survey.data ? [{ to: `/surveys/${id}`, label: r?.title ?? survey.data.title }] : []),
        ]}
      />
      <FilterBar label={t('survey.results.filter')} onClear={programmeId ? url.clear : undefined}>
        <NativeSelect
          label={t('survey.results.programme')}
          data={[
            { value: '', label: t('survey.results.allProgrammes') },
            ...(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
          value={programmeId ?? ''}
          onChange={(e) => url.set('programme', e.currentTarget.value)}
        />
      </FilterBar>
      <ProblemAlert error={results.error} onRetry={() => void results.refetch()} />
      {results.isPending ? (
        <Loading />
      ) : r ? (
        <Stack gap="lg">
          <Text size="sm">{t('survey.results.smallCells', { limit: r.smallCellLimit })}</Text>
          <div className="indicator-cards">
            <Card withBorder>
              <Text size="sm">{t('survey.results.responseRate')}</Text>
              <Title order={2} size="h2">
                {r.responseRate.rate === null ? t('survey.results.rateHidden') : formatPercent(r.responseRate.rate)}
              </Title>
              <Text size="sm">{rateText(t, r.responseRate)}</Text>
              <Text size="sm">{t('survey.results.declined', { n: countText(t, r.responseRate.declined) })}</Text>
            </Card>
            {isQm ? (
              <Card withBorder>
                <Text size="sm">{t('survey.results.awaitingReview')}</Text>
                <Title order={2} size="h2">
                  {r.freeTextAwaitingReview}
                </Title>
                <Anchor component={Link} to="/surveys/free-text" size="sm">
                  <Group gap={4} component="span">
                    <IconMessageCircleSearch size={14} aria-hidden />
                    {t('survey.texts.title')}
                  </Group>
                </Anchor>
              </Card>
            ) : null}
          </div>
          <Stack gap="sm" component="section" aria-labelledby="results-questions">
            <Title order={2} size="h4" id="results-questions">
              {t('survey.results.questions')}
            </Title>
            {r.questions.map((q) => (
              <QuestionCard key={q.key} result={q} questions={questions} />
            ))}
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby="results-cohorts">
            <Title order={2} size="h4" id="results-cohorts">
              {t('survey.results.byCohort')}
            </Title>
            <CohortTable results={r} questions={questions} onFinding={isQm ? setFinding : undefined} />
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby="results-trends">
            <Title order={2} size="h4" id="results-trends">
              {t('survey.results.trends')}
            </Title>
            <Trends results={r} questions={questions} />
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby="results-text">
            <Title order={2} size="h4" id="results-text">
              {t('survey.results.freeText')}
            </Title>
            {r.freeText.length === 0 ? (
              <Text size="sm">{t('survey.results.noFreeText')}</Text>
            ) : (
              r.freeText.map((f, i) => (
                <Card withBorder key={i} component="blockquote" m={0}>
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {f.text}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[
                      questionLabel(questions, { key: f.questionKey, label: f.questionKey }),
                      t(`survey.audience.${f.role}`),
                      f.redacted ? t('survey.results.redacted') : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Card>
              ))
            )}
          </Stack>
          {r.findings.length > 0 ? (
            <Stack gap="xs" component="section" aria-labelledby="results-findings">
              <Title order={2} size="h4" id="results-findings">
                {t('survey.finding.title')}
              </Title>
              {r.findings.map((f) => (
                <Text size="sm" key={f.id}>
                  <Anchor component={Link} to={f.kind === 'deviation' ? `/deviations/${f.recordId}` : `/corrective-actions/${f.recordId}`}>
                    {f.reference}
                  </Anchor>{' '}
                  {t(`survey.finding.kind.${f.kind}`)}: {questionLabel(questions, { key: f.questionKey, label: f.questionKey })}
                </Text>
              ))}
            </Stack>
          ) : null}
          {isQm && survey.data ? (
            <FindingDialog
              key={finding?.programmeId ?? 'none'}
              surveyId={id}
              target={finding}
              questions={r.questions.map((q) => ({ key: q.key, label: questionLabel(questions, q) }))}
              onClose={() => setFinding(undefined)}
            />
          ) : null}
        </Stack>
      ) : null}
    </>
  );
}
