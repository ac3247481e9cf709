/**
 * A quality manager writes the next version of a survey as a draft: its content as YAML (as in
 * procedures/surveys/*.yaml), starting from the newest version, with a summary of the change. The
 * service checks the content and names the place of each problem, which is marked on its line.
 */
import { Alert, Button, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { stringify } from 'yaml';
import { ApiError, api, call, idempotencyKey } from '../api/client';
import { currentLanguage } from '../i18n/i18n';
import { YamlEditor } from '../procedures/YamlEditor';
import type { LineProblem } from '../procedures/YamlEditor';
import { lineOf, parseYaml, servicePath } from '../procedures/yamlPaths';
import { Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useAction } from '../ui/useAction';
import { surveyKeys, useSurvey } from './queries';
import type { Survey, SurveyVersion } from './queries';

/** The content as its YAML file writes it: no empty help, options or indicator. */
function asYaml(v: SurveyVersion): string {
  const c = v.content;
  const questions = c.questions.map((q) => ({
    key: q.key,
    type: q.type,
    label: q.label,
    ...(q.help ? { help: q.help } : {}),
    required: q.required,
    ...(q.options.length > 0 ? { options: q.options } : {}),
    ...(q.indicator ? { indicator: q.indicator } : {}),
  }));
  return stringify({ key: c.key, audience: c.audience, title: c.title, intro: c.intro, privacy: c.privacy, questions }, { lineWidth: 0 });
}

function Editor({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const latest = survey.versions.at(-1);
  const [text, setText] = useState(() => (latest ? asYaml(latest) : ''));
  const [summary, setSummary] = useState('');
  const [key] = useState(idempotencyKey);
  const parsed = useMemo(() => parseYaml(text), [text]);
  const save = useAction(
    () =>
      call(
        api.POST('/api/surveys/{id}/versions', {
          params: { path: { id: survey.id } },
          headers: { 'Idempotency-Key': key },
          body: { content: parsed.value as Record<string, unknown>, changeSummary: summary || undefined },
        }),
      ),
    { invalidates: [surveyKeys.all], done: t('survey.edit.saved') },
  );
  const problems: LineProblem[] = useMemo(() => {
    if (parsed.syntax) return [{ line: parsed.syntax.line, message: t('procedure.edit.syntax', { message: parsed.syntax.message }) }];
    const e = save.error;
    if (!(e instanceof ApiError) || !Array.isArray(e.problem.errors)) return [];
    return e.problem.errors
      .filter((x) => x.field.startsWith('content'))
      .map((x) => {
        const path = x.field.replace(/^content\.?/, '');
        return { line: lineOf(parsed, servicePath(path)), message: `${path || t('procedure.edit.whole')}: ${x.message}` };
      });
    // The lines are those of the text that was sent.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [save.error, parsed.syntax]);
  return (
    <Stack gap="sm">
      <TextInput label={t('survey.edit.summary')} required value={summary} onChange={(e) => setSummary(e.currentTarget.value)} />
      <Text size="sm">{t('survey.edit.help')}</Text>
      <YamlEditor value={text} onChange={setText} label={t('survey.edit.content')} problems={problems} />
      {problems.length > 0 ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          <Title order={2} size="h5">
            {t('procedure.edit.problems', { count: problems.length })}
          </Title>
          <List size="sm">
            {problems.map((p, i) => (
              <List.Item key={i}>{t('procedure.edit.onLine', { line: p.line, message: p.message })}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {save.error && problems.length === 0 ? <ProblemAlert error={save.error} /> : null}
      <Button
        w="fit-content"
        loading={save.isPending}
        disabled={!!parsed.syntax || !summary.trim()}
        onClick={() =>
          void save
            .mutateAsync(undefined)
            .then((s) => navigate(`/surveys/${s.id}`))
            .catch(() => undefined)
        }
      >
        {t('survey.edit.save')}
      </Button>
    </Stack>
  );
}

export function NewVersionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const survey = useSurvey(id);
  if (survey.isPending) return <Loading />;
  if (!survey.data) return <ProblemAlert error={survey.error} onRetry={() => void survey.refetch()} />;
  const s = survey.data;
  const title = s.versions.at(-1)?.content.title[currentLanguage()] ?? s.title;
  return (
    <>
      <PageHeader
        title={t('survey.edit.title', { title })}
        trail={[
          { to: '/surveys', label: t('survey.list.title') },
          { to: `/surveys/${s.id}`, label: title },
        ]}
      />
      <Editor survey={s} />
    </>
  );
}
