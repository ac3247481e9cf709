/**
 * A quality manager decides a draft: approves it with an electronic signature (the signature
 * dialog shows what is signed: the survey, the version and its content hash), or rejects it with a
 * reason. Nobody approves a version they wrote; the service holds this, the page says it.
 */
import { Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { useUser } from '../app/auth';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { SignatureDialog } from '../ui/SignatureDialog';
import { today } from '../ui/format';
import { useAction } from '../ui/useAction';
import { surveyKeys } from './queries';
import type { Survey, SurveyVersion } from './queries';

type Kind = 'approve' | 'reject';

export function VersionDecision({ survey, version: v }: { survey: Survey; version: SurveyVersion }) {
  const { t } = useTranslation();
  const user = useUser();
  const [kind, setKind] = useState<Kind>();
  const [comment, setComment] = useState('');
  const [effectiveOn, setEffectiveOn] = useState(today());
  const [signing, setSigning] = useState(false);
  const path = { id: survey.id, n: v.number };
  const run = useAction(
    (password: string | undefined) =>
      kind === 'approve'
        ? call(
            api.POST('/api/surveys/{id}/versions/{n}/approve', { params: { path }, body: { password: password!, comment, effectiveOn } }),
          )
        : call(api.POST('/api/surveys/{id}/versions/{n}/reject', { params: { path }, body: { comment } })),
    { invalidates: [surveyKeys.all], sets: surveyKeys.one(survey.id), done: kind ? t(`survey.decision.${kind}.done`) : undefined },
  );
  if (!user.roles.includes('quality_manager') || v.state !== 'draft') return null;
  if (v.authorId === user.id) return <Text size="sm">{t('survey.decision.notAuthor')}</Text>;
  const close = () => {
    setKind(undefined);
    setComment('');
    run.reset();
  };
  const title = survey.versions.at(-1)?.content.title;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button onClick={() => setKind('approve')}>{t('survey.decision.approve.label')}</Button>
        <Button variant="default" onClick={() => setKind('reject')}>
          {t('survey.decision.reject.label')}
        </Button>
      </Group>
      <Dialog opened={!!kind && !signing} onClose={close} title={kind ? t(`survey.decision.${kind}.label`) : ''}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (kind === 'approve') setSigning(true);
            else run.mutate(undefined, { onSuccess: close });
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{kind ? t(`survey.decision.${kind}.explanation`, { version: v.number }) : ''}</Text>
            <Textarea
              label={t(kind === 'reject' ? 'survey.decision.reject.text' : 'survey.decision.approve.text')}
              required
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            {kind === 'approve' ? (
              <TextInput
                type="date"
                label={t('survey.field.effectiveOn')}
                required
                value={effectiveOn}
                onChange={(e) => setEffectiveOn(e.currentTarget.value)}
              />
            ) : null}
            <ProblemAlert error={run.error} />
            <Button type="submit" w="fit-content" loading={run.isPending} disabled={!comment.trim()}>
              {kind === 'approve' ? t('deviation.transition.continueToSign') : t('survey.decision.reject.label')}
            </Button>
          </Stack>
        </form>
      </Dialog>
      <SignatureDialog
        opened={signing}
        onClose={() => setSigning(false)}
        meaning={t('survey.decision.approve.meaning', { version: v.number })}
        record={`${survey.key}: ${title?.en ?? survey.title}, ${t('survey.versionNumber', { number: v.number }).toLowerCase()}`}
        details={
          <Text size="sm">
            {t('survey.decision.approve.hash')} <code className="break-all">{v.contentHash}</code>
          </Text>
        }
        onSign={async (password) => {
          await run.mutateAsync(password);
          close();
        }}
      />
    </Stack>
  );
}
