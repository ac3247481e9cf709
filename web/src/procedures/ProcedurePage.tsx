import { Button, Card, List, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconGitCompare, IconPencil } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { useAuth } from '../app/auth';
import { currentLanguage, localised } from '../i18n/i18n';
import { download } from '../ui/download';
import { VersionActions } from './VersionActions';
import { MyProcedureAcknowledgement, ProcedureAcknowledgements } from './Acknowledgement';
import { useProcedureVersion } from '../programmes/queries';
import { DataTable, Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate, formatDateTime } from '../ui/format';

/** One procedure: its versions, and the steps and fields of the chosen version, read-only. */
export function ProcedurePage() {
  const { t } = useTranslation();
  const { key = '' } = useParams();
  const procedure = useQuery({ queryKey: ['procedures', key], queryFn: () => call(api.GET('/api/procedures/{key}', { params: { path: { key } } })) });
  const [params, setParams] = useSearchParams();
  const { hasRole } = useAuth();
  const chosen = Number(params.get('version')) || undefined;
  const number = chosen ?? procedure.data?.effectiveVersion ?? procedure.data?.latestVersion;
  const version = useProcedureVersion(key, number);
  const pdf = useMutation({
    mutationFn: () =>
      download(
        api.GET('/api/procedures/{key}/versions/{n}/document.pdf', {
          params: { path: { key, n: number! }, query: { lang: currentLanguage() } },
          parseAs: 'blob',
        }),
        `${key}-v${number}.pdf`,
      ),
  });
  if (procedure.isPending) return <Loading />;
  const p = procedure.data;
  if (!p) return <ProblemAlert error={procedure.error} onRetry={() => void procedure.refetch()} />;
  const d = version.data?.definition;
  return (
    <>
      <PageHeader
        title={localised(p.title)}
        trail={[{ to: '/procedures', label: t('procedure.list.title') }]}
        actions={
          <>
            {p.versions.length > 1 ? (
              <Button component={Link} to={`/procedures/${key}/compare`} variant="default" leftSection={<IconGitCompare size={16} aria-hidden />}>
                {t('procedure.compare.action')}
              </Button>
            ) : null}
            {hasRole('quality_manager') && p.latestStatus !== 'in_review' ? (
              <Button component={Link} to={`/procedures/${key}/draft`} leftSection={<IconPencil size={16} aria-hidden />}>
                {p.latestStatus === 'draft' ? t('procedure.edit.editDraft', { version: p.latestVersion }) : t('procedure.edit.newDraft')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <MyProcedureAcknowledgement procedure={p} />
        {hasRole('quality_manager') || hasRole('auditor') ? <ProcedureAcknowledgements procedureKey={key} /> : null}
        <DataTable caption={t('procedure.versions')} head={[t('procedure.field.version'), t('procedure.field.status'), t('procedure.field.effectiveFrom'), t('procedure.field.supersededAt')]}>
          {p.versions.map((v) => (
            <Table.Tr key={v.number}>
              <Table.Td>{v.number}</Table.Td>
              <Table.Td>
                <StatusBadge kind="version" value={v.status} />
              </Table.Td>
              <Table.Td>{formatDateTime(v.effectiveFrom)}</Table.Td>
              <Table.Td>{formatDateTime(v.supersededAt)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <NativeSelect
          label={t('procedure.show')}
          data={p.versions.map((v) => ({ value: String(v.number), label: `${t('procedure.field.version')} ${v.number} (${t(`status.version.${v.status}`)})` }))}
          value={String(number ?? '')}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            next.set('version', e.currentTarget.value);
            setParams(next, { replace: true });
          }}
          maw={320}
        />
        <ProblemAlert error={version.error} />
        {version.data ? (
          <Card withBorder>
            <Stack gap="xs">
              <Text size="sm">
                {t('procedure.field.version')} {version.data.number}: <StatusBadge kind="version" value={version.data.status} />
                {version.data.changeSummary ? ` ${t('procedure.compare.summary', { text: version.data.changeSummary })}` : ''}
              </Text>
              {version.data.signatures.map((sig) => (
                <Text size="sm" key={sig.id}>
                  {t('signature.signedLine', { name: sig.signerName, meaning: sig.meaning, at: formatDateTime(sig.signedAt) })}
                  {sig.comment ? `: ${sig.comment}` : ''}
                </Text>
              ))}
              {version.data.statusReason ? <Text size="sm">{t('procedure.reason', { text: version.data.statusReason })}</Text> : null}
              <Text size="sm">
                {version.data.acknowledgementRoles.length > 0
                  ? t('procedure.acknowledgementRoles', { roles: version.data.acknowledgementRoles.map((r) => t(`role.${r}`)).join(', ') })
                  : t('procedure.acknowledgementRolesNone')}
              </Text>
              <Button variant="default" w="fit-content" leftSection={<IconDownload size={16} aria-hidden />} loading={pdf.isPending} onClick={() => pdf.mutate()}>
                {t('procedure.pdf', { version: version.data.number })}
              </Button>
              <ProblemAlert error={pdf.error} />
              {hasRole('quality_manager') ? <VersionActions version={version.data} title={localised(p.title)} /> : null}
            </Stack>
          </Card>
        ) : null}
        {d ? (
          <>
            <Card withBorder>
              <Text>{localised(d.purpose)}</Text>
              {d.window ? (
                <Text size="sm" mt="xs">
                  {t('procedure.window', { anchor: t(`procedure.anchor.${d.window.anchor}`, { defaultValue: d.window.anchor }), from: d.window.fromDays, to: d.window.toDays })}
                </Text>
              ) : null}
              {d.responsibleRoles?.length ? (
                <Text size="sm">{t('procedure.responsible', { roles: d.responsibleRoles.map((r) => t(`role.${r}`, { defaultValue: r })).join(', ') })}</Text>
              ) : null}
              {d.afterClose ? <Text size="sm">{t('procedure.afterClose')}</Text> : null}
              {version.data?.effectiveFrom ? (
                <Text size="sm">{t('procedure.effectiveSince', { date: formatDate(version.data.effectiveFrom) })}</Text>
              ) : null}
            </Card>
            {d.steps.map((s) => (
              <Card withBorder key={s.key} component="section" aria-labelledby={`proc-step-${s.key}`}>
                <Title order={2} size="h4" id={`proc-step-${s.key}`}>
                  {localised(s.title)} {s.required === false ? `(${t('field.optional')})` : ''}
                </Title>
                {s.description ? <Text size="sm">{localised(s.description)}</Text> : null}
                {s.performerRoles?.length ? (
                  <Text size="sm">{t('step.performedBy', { roles: s.performerRoles.map((r) => t(`role.${r}`, { defaultValue: r })).join(', ') })}</Text>
                ) : null}
                {s.requiredCompetence ? <Text size="sm">{t('step.competence', { competence: s.requiredCompetence })}</Text> : null}
                {(s.fields ?? []).length > 0 ? (
                  <List size="sm" mt="xs">
                    {(s.fields ?? []).map((f) => (
                      <List.Item key={f.key}>
                        {localised(f.label)} · {t(`procedure.fieldType.${f.type}`)}
                        {f.required === false ? ` (${t('field.optional')})` : ''}
                        {f.options ? `: ${f.options.map((o) => localised(o.label)).join(', ')}` : ''}
                      </List.Item>
                    ))}
                  </List>
                ) : null}
              </Card>
            ))}
          </>
        ) : null}
      </Stack>
    </>
  );
}
