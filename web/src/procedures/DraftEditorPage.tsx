/**
 * Writing a procedure: a new one, or a new draft of an existing one (from its latest version), or
 * more work on an open draft. The definition is YAML, checked against the procedure schema as the
 * author types; the service's own checks land on their lines after saving.
 */
import { Alert, Button, Checkbox, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { stringify } from 'yaml';
import { ApiError, api, call, idempotencyKey } from '../api/client';
import { localised } from '../i18n/i18n';
import { Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useAction } from '../ui/useAction';
import { ACKNOWLEDGING_ROLES } from './Acknowledgement';
import type { AcknowledgingRole } from './Acknowledgement';
import { checkAgainstSchema } from './schemaCheck';
import { YamlEditor } from './YamlEditor';
import type { LineProblem } from './YamlEditor';
import { lineOf, parseYaml, servicePath } from './yamlPaths';

const TEMPLATE = `key: new-procedure
title:
  en: New procedure
  sv: Ny rutin
  nb: Ny rutine
purpose:
  en: Why this procedure exists.
subject: adept
responsibleRoles: [programme_leader]
window:
  anchor: enrolment
  fromDays: 0
  toDays: 30
steps:
  - key: first_step
    title:
      en: First step
    performerRoles: [programme_leader]
    fields:
      - key: notes
        label:
          en: Notes
        type: text
`;

function Editor({
  procedureKey,
  start,
  startRoles,
  draft,
}: {
  procedureKey?: string;
  start: string;
  /** The roles asked to acknowledge the version: the draft's, or those of the version before (carried over). */
  startRoles: AcknowledgingRole[];
  draft?: { number: number; rowVersion: number; summary: string };
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState(start);
  const [summary, setSummary] = useState(draft?.summary ?? '');
  const [roles, setRoles] = useState<string[]>(startRoles);
  const [key] = useState(idempotencyKey);
  const parsed = useMemo(() => parseYaml(text), [text]);
  const schemaProblems: LineProblem[] = useMemo(() => {
    if (parsed.syntax) return [{ line: parsed.syntax.line, message: t('procedure.edit.syntax', { message: parsed.syntax.message }) }];
    return checkAgainstSchema(parsed.value).map((p) => ({ line: lineOf(parsed, p.path), message: `${p.path.join('.') || t('procedure.edit.whole')}: ${p.message}` }));
  }, [parsed, t]);
  const save = useAction(
    async () => {
      const definition = parsed.value as Record<string, unknown>;
      const acknowledgementRoles = roles as AcknowledgingRole[];
      if (!procedureKey)
        return call(api.POST('/api/procedures', { headers: { 'Idempotency-Key': key }, body: { definition, acknowledgementRoles } }));
      if (draft)
        return call(
          api.PUT('/api/procedures/{key}/versions/{n}', {
            params: { path: { key: procedureKey, n: draft.number }, header: { 'If-Match': `"${draft.rowVersion}"` } },
            body: { definition, changeSummary: summary, acknowledgementRoles },
          }),
        );
      return call(
        api.POST('/api/procedures/{key}/versions', {
          params: { path: { key: procedureKey } },
          headers: { 'Idempotency-Key': key },
          body: { definition, changeSummary: summary, acknowledgementRoles },
        }),
      );
    },
    { invalidates: [['procedures']], done: t('procedure.edit.saved') },
  );
  const serverProblems: LineProblem[] = useMemo(() => {
    const e = save.error;
    if (!(e instanceof ApiError) || !Array.isArray(e.problem.errors)) return [];
    return e.problem.errors
      .filter((x) => x.field.startsWith('definition'))
      .map((x) => ({ line: lineOf(parsed, servicePath(x.field)), message: `${x.field.replace(/^definition\.?/, '') || t('procedure.edit.whole')}: ${x.message}` }));
    // The lines are those of the text that was sent.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [save.error]);
  const summaryError = save.error instanceof ApiError ? save.error.problem.errors?.find((x) => x.field === 'changeSummary')?.message : undefined;
  const rolesError = save.error instanceof ApiError ? save.error.problem.errors?.find((x) => x.field === 'acknowledgementRoles')?.message : undefined;
  const problems = [...schemaProblems, ...serverProblems];
  const blocked = !!parsed.syntax || schemaProblems.length > 0;

  return (
    <Stack gap="sm">
      {procedureKey ? (
        <TextInput
          label={t('procedure.edit.summary')}
          description={t('procedure.edit.summaryHelp')}
          required
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={summaryError}
        />
      ) : null}
      <Checkbox.Group
        label={t('procedure.edit.acknowledgementRoles')}
        description={t('procedure.edit.acknowledgementRolesHelp')}
        value={roles}
        onChange={setRoles}
        error={rolesError}
      >
        <Group gap="md" mt={4}>
          {ACKNOWLEDGING_ROLES.map((r) => (
            <Checkbox key={r} value={r} label={t(`role.${r}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Text id="yaml-help" size="sm">
        {t('procedure.edit.help')}
      </Text>
      <YamlEditor value={text} onChange={setText} label={t('procedure.edit.definition')} problems={problems} />
      <section aria-labelledby="yaml-problems-title" id="yaml-problems" aria-live="polite">
        {problems.length === 0 ? (
          <Group gap={6}>
            <IconCircleCheck size={18} aria-hidden color="var(--mantine-color-green-9)" />
            <Text size="sm" id="yaml-problems-title">
              {t('procedure.edit.valid')}
            </Text>
          </Group>
        ) : (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            <Title order={2} size="h5" id="yaml-problems-title">
              {t('procedure.edit.problems', { count: problems.length })}
            </Title>
            <List size="sm">
              {problems.map((p, i) => (
                <List.Item key={i}>{t('procedure.edit.onLine', { line: p.line, message: p.message })}</List.Item>
              ))}
            </List>
          </Alert>
        )}
      </section>
      {save.error && serverProblems.length === 0 && !summaryError && !rolesError ? <ProblemAlert error={save.error} /> : null}
      <Button
        w="fit-content"
        loading={save.isPending}
        disabled={blocked}
        onClick={() =>
          // Not mutate's onSuccess: the page re-renders (the procedure now has a newer version) and
          // its callbacks would be dropped; the promise still settles.
          void save
            .mutateAsync(undefined)
            .then((v) => navigate(`/procedures/${v.procedureKey}?version=${v.number}`))
            .catch(() => undefined)
        }
      >
        {t('procedure.edit.save')}
      </Button>
    </Stack>
  );
}

export function DraftEditorPage() {
  const { t } = useTranslation();
  const { key } = useParams();
  const procedure = useQuery({
    queryKey: ['procedures', key],
    enabled: !!key,
    queryFn: () => call(api.GET('/api/procedures/{key}', { params: { path: { key: key! } } })),
  });
  const latest = procedure.data?.latestVersion;
  const version = useQuery({
    queryKey: ['procedures', key, 'versions', latest],
    enabled: !!key && !!latest,
    queryFn: () => call(api.GET('/api/procedures/{key}/versions/{n}', { params: { path: { key: key!, n: latest! } } })),
  });
  if (!key) {
    return (
      <>
        <PageHeader title={t('procedure.edit.newTitle')} trail={[{ to: '/procedures', label: t('procedure.list.title') }]} />
        <Editor start={TEMPLATE} startRoles={[]} />
      </>
    );
  }
  if (procedure.isPending || version.isPending) return <Loading />;
  if (!procedure.data || !version.data) return <ProblemAlert error={procedure.error ?? version.error} />;
  const v = version.data;
  const isDraft = v.status === 'draft';
  return (
    <>
      <PageHeader
        title={isDraft ? t('procedure.edit.draftTitle', { title: localised(procedure.data.title), version: v.number }) : t('procedure.edit.nextTitle', { title: localised(procedure.data.title) })}
        trail={[
          { to: '/procedures', label: t('procedure.list.title') },
          { to: `/procedures/${key}`, label: localised(procedure.data.title) },
        ]}
      />
      <Editor
        procedureKey={key}
        start={stringify(v.definition, { lineWidth: 0 })}
        startRoles={v.acknowledgementRoles}
        draft={isDraft ? { number: v.number, rowVersion: v.rowVersion, summary: v.changeSummary ?? '' } : undefined}
      />
    </>
  );
}
