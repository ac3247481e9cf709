/**
 * One survey: its key and audience, a link to its results, and its versions newest first (each
 * with its questions in any language, and the decision on a draft). A quality manager writes the
 * next version as a draft from here.
 */
import { Button, Group, NativeSelect, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { IconChartBar, IconPencilPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useUser } from '../app/auth';
import { LANGUAGES, currentLanguage, isLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/i18n';
import { Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { SurveyVersionCard } from './SurveyVersionCard';
import { useSurvey } from './queries';

export function SurveyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useUser();
  const survey = useSurvey(id);
  // The language the versions' texts are read in (each is written in all three).
  const [language, setLanguage] = useState<Language>(currentLanguage());
  if (survey.isPending) return <Loading />;
  if (!survey.data) return <ProblemAlert error={survey.error} onRetry={() => void survey.refetch()} />;
  const s = survey.data;
  const latest = s.versions.at(-1);
  const title = latest?.content.title[currentLanguage()] ?? s.title;
  const hasDraft = s.versions.some((v) => v.state === 'draft');
  return (
    <>
      <PageHeader
        title={title}
        trail={[{ to: '/surveys', label: t('survey.list.title') }]}
        actions={
          <>
            <Button component={Link} to={`/surveys/${s.id}/results`} variant="default" leftSection={<IconChartBar size={16} aria-hidden />}>
              {t('survey.results.title')}
            </Button>
            {user.roles.includes('quality_manager') && !hasDraft ? (
              <Button component={Link} to={`/surveys/${s.id}/new-version`} leftSection={<IconPencilPlus size={16} aria-hidden />}>
                {t('survey.edit.newVersion')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <dl className="facts">
          <dt>{t('survey.field.key')}</dt>
          <dd>
            <code>{s.key}</code>
          </dd>
          <dt>{t('survey.field.audience')}</dt>
          <dd>{t(`survey.audience.${s.audience}`)}</dd>
          <dt>{t('survey.field.effectiveVersion')}</dt>
          <dd>{s.effectiveVersion !== null ? t('survey.versionNumber', { number: s.effectiveVersion }) : t('survey.noneInForce')}</dd>
        </dl>
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4">
            {t('survey.versions')}
          </Title>
          <NativeSelect
            label={t('survey.version.language')}
            data={LANGUAGES.map((l) => ({ value: l.value, label: l.label }))}
            value={language}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isLanguage(value)) setLanguage(value);
            }}
          />
        </Group>
        {[...s.versions].reverse().map((v) => (
          <SurveyVersionCard key={v.id} survey={s} version={v} language={language} />
        ))}
      </Stack>
    </>
  );
}
