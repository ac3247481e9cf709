/**
 * A programme's surveys: the plan (what is sent when), "send now" by hand, and what was sent with
 * its response rates; links to each survey's results for this programme.
 */
import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../app/auth';
import { mayRecord } from '../programmes/access';
import type { Programme } from '../programmes/queries';
import { InvitationsSection } from './InvitationsSection';
import { SendSurveyDialog } from './SendSurveyDialog';
import { SurveyPlanSection } from './SurveyPlanSection';
import { useSurveys } from './queries';

export function ProgrammeSurveysTab({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const user = useUser();
  const mayWrite = mayRecord(user, programme);
  const [sending, setSending] = useState(false);
  const surveys = useSurveys();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" maw={640}>
          {t('survey.programme.intro')}
        </Text>
        {mayWrite ? (
          <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setSending(true)}>
            {t('survey.send.title')}
          </Button>
        ) : null}
      </Group>
      <SurveyPlanSection programme={programme} mayWrite={mayWrite} />
      <InvitationsSection programme={programme} mayWrite={mayWrite} />
      {(surveys.data ?? []).length > 0 ? (
        <Stack gap="xs" component="section" aria-labelledby="survey-results-links">
          <Title order={2} size="h4" id="survey-results-links">
            {t('survey.programme.results')}
          </Title>
          <List size="sm">
            {(surveys.data ?? []).map((s) => (
              <List.Item key={s.id}>
                <Anchor component={Link} to={`/surveys/${s.id}/results?programme=${programme.id}`}>
                  {t('survey.programme.resultsOf', { title: s.title })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      {mayWrite ? (
        <SendSurveyDialog programme={programme} opened={sending} onClose={() => setSending(false)} onSent={() => undefined} />
      ) : null}
    </Stack>
  );
}
