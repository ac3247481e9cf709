/**
 * The page a survey link opens, without signing in: the survey in the recipient's language (the
 * invitation's, which they may switch), what is done with the answers, the questions, and two ways
 * out: send the answers, or say they do not want to answer. A link already used, expired or unknown
 * is refused with a page that says what happened and whom to ask, never an error dump.
 */
import { Alert, Button, Container, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { NetworkError } from '../api/client';
import { LANGUAGES, currentLanguage, isLanguage, switchLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/i18n';
import { Dialog } from '../ui/Dialog';
import { Loading } from '../ui/Page';
import { formatDate } from '../ui/format';
import { fieldErrors, problemMessage } from '../ui/problem';
import { QuestionInput, isAnswered } from './QuestionInput';
import type { Answer } from './QuestionInput';
import { declineSurvey, linkRefusal, publicKeys, readSurveyForm, submitSurvey } from './publicApi';
import type { LinkRefusal } from './publicApi';
import type { SurveyForm } from './queries';

type Outcome = 'answered' | 'declined';

/** The page's frame: its own landmark and heading level, the language switch, and the browser tab's title. */
function Frame({
  title,
  language,
  onLanguage,
  textsIn,
  children,
}: {
  title: string;
  language: Language;
  onLanguage(l: Language): void;
  /** The language the survey's own texts are in, when it is not the page's. */
  textsIn?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <main id="main" className="survey-public">
      <Container size={640} px="sm" py="md">
        <Stack align="flex-end" gap={4} mb="sm">
          <NativeSelect
            label={t('language.label')}
            data={LANGUAGES.map((l) => ({ value: l.value, label: l.label }))}
            value={language}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isLanguage(value)) onLanguage(value);
            }}
            size="xs"
            className="language-select"
          />
          {textsIn ? (
            <Text size="xs" ta="right" role="status">
              {t('survey.public.textsIn', { language: LANGUAGES.find((l) => l.value === textsIn)?.label ?? textsIn })}
            </Text>
          ) : null}
        </Stack>
        <Paper withBorder p="md" radius="md">
          {children}
        </Paper>
      </Container>
    </main>
  );
}

/** A heading that takes the focus when it appears (the thank-you and refusal pages replace the form). */
function FocusHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Title order={1} size="h2" ref={ref} tabIndex={-1}>
      {children}
    </Title>
  );
}

function Refused({ refusal, error, onRetry }: { refusal: LinkRefusal; error: unknown; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <FocusHeading>{t(`survey.public.refused.${refusal}.title`)}</FocusHeading>
      <Alert color={refusal === 'network' ? 'red' : 'blue'} variant="light" icon={<IconInfoCircle aria-hidden />}>
        <Text size="sm">{refusal === 'other' ? problemMessage(t, error) : t(`survey.public.refused.${refusal}.detail`)}</Text>
      </Alert>
      {refusal === 'network' ? (
        <Button w="fit-content" onClick={onRetry}>
          {t('action.retry')}
        </Button>
      ) : (
        <Text size="sm">{t('survey.public.refused.contact')}</Text>
      )}
    </Stack>
  );
}

function Done({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="nowrap" align="center">
        <IconCircleCheck size={28} aria-hidden color="var(--mantine-color-green-9)" />
        <FocusHeading>{t(`survey.public.${outcome}.title`)}</FocusHeading>
      </Group>
      <Text>{t(`survey.public.${outcome}.detail`)}</Text>
      <Text size="sm">{t('survey.public.closeWindow')}</Text>
    </Stack>
  );
}

function DeclineDialog({ opened, onClose, onDecline }: { opened: boolean; onClose(): void; onDecline(): Promise<unknown> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('survey.public.decline.title')} centered>
      <Stack gap="sm">
        <Text size="sm">{t('survey.public.decline.explanation')}</Text>
        {error ? (
          <Alert color="red" role="alert" icon={<IconAlertTriangle aria-hidden />}>
            {problemMessage(t, error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('survey.public.decline.keep')}
          </Button>
          <Button
            color="red"
            loading={busy}
            onClick={() => {
              setBusy(true);
              setError(undefined);
              onDecline()
                .catch(setError)
                .finally(() => setBusy(false));
            }}
          >
            {t('survey.public.decline.confirm')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

function AnswerForm({ token, form, onDone }: { token: string; form: SurveyForm; onDone(o: Outcome): void }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [declining, setDeclining] = useState(false);
  const server = fieldErrors(t, error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const unanswered = form.questions.filter((q) => q.required && !isAnswered(answers[q.key])).map((q) => q.key);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      document.getElementById(`answer-${unanswered[0]}`)?.querySelector<HTMLElement>('input, textarea')?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const given = Object.fromEntries(Object.entries(answers).filter(([, v]) => isAnswered(v)));
      await submitSurvey(token, given);
      onDone('answered');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Title order={1} size="h2">
          {form.title}
        </Title>
        <Text style={{ whiteSpace: 'pre-line' }}>{form.intro}</Text>
        <section aria-labelledby="survey-privacy">
          <Title order={2} size="h5" id="survey-privacy">
            {t('survey.public.privacyHeading')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {form.privacy}
          </Text>
        </section>
        <Text size="sm">{t('survey.public.requiredNote')}</Text>
        {form.questions.map((q) => (
          <div key={q.key} id={`answer-${q.key}`}>
            <QuestionInput
              question={q}
              value={answers[q.key]}
              onChange={(v) => {
                setAnswers((a) => ({ ...a, [q.key]: v }));
                setMissing((m) => m.filter((k) => k !== q.key));
              }}
              error={missing.includes(q.key) ? t('survey.form.required') : server[`answers.${q.key}`]}
            />
          </div>
        ))}
        {missing.length > 0 ? (
          <Alert color="red" role="alert" icon={<IconAlertTriangle aria-hidden />}>
            {t('survey.form.missing', { count: missing.length })}
          </Alert>
        ) : null}
        {error ? (
          <Alert color="red" role="alert" icon={<IconAlertTriangle aria-hidden />}>
            {problemMessage(t, error)}
          </Alert>
        ) : null}
        <Text size="sm">{t('survey.public.expiresOn', { date: formatDate(form.expiresOn) })}</Text>
        <Group gap="sm">
          <Button type="submit" loading={busy}>
            {t('survey.public.submit')}
          </Button>
          <Button variant="default" onClick={() => setDeclining(true)}>
            {t('survey.public.decline.label')}
          </Button>
        </Group>
      </Stack>
      <DeclineDialog
        opened={declining}
        onClose={() => setDeclining(false)}
        onDecline={async () => {
          await declineSurvey(token);
          setDeclining(false);
          onDone('declined');
        }}
      />
    </form>
  );
}

export function PublicSurveyPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  // The recipient's own choice on this page; until then the invitation's language.
  const [chosen, setChosen] = useState<Language>();
  const [outcome, setOutcome] = useState<Outcome>();
  const form = useQuery({
    queryKey: publicKeys.form(token),
    queryFn: () => readSurveyForm(token),
    // Answered or declined here, the link is used: it is not read again.
    enabled: !outcome,
    retry: (count, error) => error instanceof NetworkError && count < 1,
  });
  const language: Language = chosen ?? (form.data && isLanguage(form.data.language) ? form.data.language : currentLanguage());
  useEffect(() => {
    if (language !== currentLanguage()) void switchLanguage(language);
  }, [language]);

  let title = t('survey.public.title');
  let body: ReactNode;
  if (outcome) {
    title = t(`survey.public.${outcome}.title`);
    body = <Done outcome={outcome} />;
  } else if (form.isPending) {
    body = <Loading />;
  } else if (form.error || !form.data) {
    const refusal = linkRefusal(form.error);
    title = t(`survey.public.refused.${refusal}.title`);
    body = <Refused refusal={refusal} error={form.error} onRetry={() => void form.refetch()} />;
  } else {
    title = form.data.title;
    body = <AnswerForm token={token} form={form.data} onDone={setOutcome} />;
  }
  return (
    <Frame
      title={title}
      language={language}
      onLanguage={setChosen}
      textsIn={form.data && !outcome && form.data.language !== language ? form.data.language : undefined}
    >
      {body}
    </Frame>
  );
}
