/**
 * One version of a survey: its state (text and icon), who wrote it, when it came into force, its
 * signatures, and its content read in any of the three languages it is written in.
 */
import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/i18n';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate, formatDateTime } from '../ui/format';
import { VersionDecision } from './VersionDecision';
import type { Survey, SurveyVersion } from './queries';

function Questions({ version, language }: { version: SurveyVersion; language: Language }) {
  const { t } = useTranslation();
  const c = version.content;
  return (
    <Stack gap="xs" lang={language}>
      <Text fw={600}>{c.title[language]}</Text>
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        {c.intro[language]}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        <strong lang={currentLanguage()}>{t('survey.field.privacy')}: </strong>
        {c.privacy[language]}
      </Text>
      <List type="ordered" spacing="xs" size="sm">
        {c.questions.map((q) => (
          <List.Item key={q.key}>
            <Text size="sm" component="span">
              {q.label[language]}
            </Text>{' '}
            <Text size="sm" component="span" c="dimmed" lang={currentLanguage()}>
              (
              {[
                t(`survey.questionType.${q.type}`),
                q.required ? t('survey.field.required') : t('survey.field.optional'),
                q.indicator ? t('survey.field.feeds', { indicator: q.indicator }) : null,
              ]
                .filter(Boolean)
                .join(', ')}
              )
            </Text>
            {q.help ? (
              <Text size="xs" c="dimmed">
                {q.help[language]}
              </Text>
            ) : null}
            {q.options.length > 0 ? (
              <List size="sm" withPadding>
                {q.options.map((o) => (
                  <List.Item key={o.value}>{o.label[language]}</List.Item>
                ))}
              </List>
            ) : null}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

export function SurveyVersionCard({ survey, version: v, language }: { survey: Survey; version: SurveyVersion; language: Language }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group gap="sm">
          <Title order={3} size="h4" id={headingId}>
            {t('survey.versionNumber', { number: v.number })}
          </Title>
          <StatusBadge kind="version" value={v.state} />
          {v.shipped ? (
            <Badge variant="outline" color="gray" tt="none">
              {t('survey.version.shipped')}
            </Badge>
          ) : null}
        </Group>
        {v.changeSummary ? <Text size="sm">{v.changeSummary}</Text> : null}
        <Text size="sm">
          {[
            t('survey.version.written', { at: formatDateTime(v.createdAt) }),
            v.effectiveOn ? t('survey.version.effectiveOn', { date: formatDate(v.effectiveOn) }) : null,
            v.statusReason ? t('survey.version.reason', { reason: v.statusReason }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {v.signatures.map((s) => (
          <Text size="sm" key={s.id}>
            {t('signature.signedLine', { name: s.signerName, meaning: s.meaning, at: formatDateTime(s.signedAt) })}
          </Text>
        ))}
        <details>
          <summary>{t('survey.version.showQuestions', { count: v.content.questions.length })}</summary>
          <Stack gap="xs" mt="xs">
            <Questions version={v} language={language} />
          </Stack>
        </details>
        <VersionDecision survey={survey} version={v} />
      </Stack>
    </Card>
  );
}
