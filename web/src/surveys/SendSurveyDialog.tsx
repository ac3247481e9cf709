/**
 * "Send now": a survey of the library goes by hand to the programme's adepts, mentors or host
 * contacts (internship supervisors), everyone of the audience not asked before, or those chosen.
 * Recipients are shown as the API shows them to the caller (names only where it gives them).
 */
import { Button, Checkbox, NativeSelect, NumberInput, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, idempotencyKey } from '../api/client';
import { LANGUAGES } from '../i18n/i18n';
import { useProgrammeInternships } from '../internships/queries';
import { participantLabel, useParticipants } from '../programmes/queries';
import type { Programme } from '../programmes/queries';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { surveyKeys, useSurveys } from './queries';
import type { Audience, SurveySummary } from './queries';

type Lang = (typeof LANGUAGES)[number]['value'];

/** The people of the audience the caller may choose from. */
function useCandidates(programme: Programme, audience: Audience, enabled: boolean): { id: string; label: string }[] {
  const participants = useParticipants(enabled ? programme.id : '');
  const internships = useProgrammeInternships(programme.id);
  if (audience === 'host')
    return (internships.data?.items ?? []).map((i) => ({ id: i.id, label: `${i.organisation.name} (${i.adept.code})` }));
  return (participants.data ?? [])
    .filter((p) => p.role === audience && p.status === 'active')
    .map((p) => ({ id: p.id, label: participantLabel(p) }));
}

export function SendSurveyDialog({
  programme,
  opened,
  onClose,
  onSent,
}: {
  programme: Programme;
  opened: boolean;
  onClose(): void;
  onSent(count: number): void;
}) {
  const { t } = useTranslation();
  const surveys = useSurveys();
  const inForce = (surveys.data ?? []).filter((s: SurveySummary) => s.effectiveVersion !== null);
  const [surveyKey, setSurveyKey] = useState('');
  const chosenSurvey = inForce.find((s) => s.key === surveyKey) ?? inForce[0];
  const audience: Audience = chosenSurvey?.audience ?? 'adept';
  const [who, setWho] = useState<'all' | 'chosen'>('all');
  const [recipients, setRecipients] = useState<string[]>([]);
  const [days, setDays] = useState<number | string>(30);
  const [language, setLanguage] = useState<Lang | ''>('');
  const [key, setKey] = useState(idempotencyKey);
  const candidates = useCandidates(programme, audience, opened);
  const send = useAction(
    () =>
      call(
        api.POST('/api/programmes/{id}/survey-sends', {
          params: { path: { id: programme.id } },
          headers: { 'Idempotency-Key': key },
          body: {
            surveyKey: chosenSurvey!.key,
            audience,
            recipientIds: who === 'chosen' ? recipients : undefined,
            expiresInDays: Number(days),
            language: language || undefined,
          },
        }),
      ),
    {
      invalidates: [surveyKeys.invitations(programme.id), surveyKeys.all],
      done: (r) => t('survey.send.done', { count: r.invitations.length }),
    },
  );
  const errors = fieldErrors(t, send.error);
  const close = () => {
    send.reset();
    setRecipients([]);
    setWho('all');
    setKey(idempotencyKey());
    onClose();
  };
  return (
    <Dialog opened={opened} onClose={close} title={t('survey.send.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate(undefined, {
            onSuccess: (r) => {
              onSent(r.invitations.length);
              close();
            },
          });
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('survey.send.explanation')}</Text>
          {surveys.isSuccess && inForce.length === 0 ? <Text role="status">{t('survey.send.noneInForce')}</Text> : null}
          <NativeSelect
            label={t('survey.field.survey')}
            data={inForce.map((s) => ({ value: s.key, label: `${s.title} (${t(`survey.audience.${s.audience}`)})` }))}
            value={chosenSurvey?.key ?? ''}
            onChange={(e) => {
              setSurveyKey(e.currentTarget.value);
              setRecipients([]);
            }}
            error={errors.surveyKey}
          />
          <Radio.Group
            label={t('survey.send.who', { audience: t(`survey.audience.${audience}`) })}
            value={who}
            onChange={(v) => setWho(v as 'all' | 'chosen')}
          >
            <Stack gap={6} mt={4}>
              <Radio value="all" label={t('survey.send.everyone')} />
              <Radio value="chosen" label={t('survey.send.choose')} />
            </Stack>
          </Radio.Group>
          {who === 'chosen' ? (
            <Checkbox.Group label={t('survey.send.recipients')} value={recipients} onChange={setRecipients} error={errors.recipientIds}>
              <Stack gap={6} mt={4}>
                {candidates.length === 0 ? <Text size="sm">{t('survey.send.noCandidates')}</Text> : null}
                {candidates.map((c) => (
                  <Checkbox key={c.id} value={c.id} label={c.label} />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : null}
          <NumberInput
            label={t('survey.field.expiresInDays')}
            min={1}
            max={90}
            value={days}
            onChange={setDays}
            error={errors.expiresInDays}
          />
          <NativeSelect
            label={t('survey.field.language')}
            description={t('survey.field.languageHelp')}
            data={[{ value: '', label: t('survey.field.languageDefault') }, ...LANGUAGES.map((l) => ({ value: l.value, label: l.label }))]}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value as Lang | '')}
          />
          <ProblemAlert error={send.error} />
          <Button
            type="submit"
            w="fit-content"
            loading={send.isPending}
            disabled={!chosenSurvey || (who === 'chosen' && recipients.length === 0)}
          >
            {t('survey.send.submit')}
          </Button>
        </Stack>
      </form>
    </Dialog>
  );
}
