import { Card, List, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../api/client';
import { localised } from '../i18n/i18n';
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
  const [chosen, setChosen] = useState<number>();
  const number = chosen ?? procedure.data?.effectiveVersion ?? procedure.data?.latestVersion;
  const version = useProcedureVersion(key, number);
  if (procedure.isPending) return <Loading />;
  const p = procedure.data;
  if (!p) return <ProblemAlert error={procedure.error} onRetry={() => void procedure.refetch()} />;
  const d = version.data?.definition;
  return (
    <>
      <PageHeader title={localised(p.title)} trail={[{ to: '/procedures', label: t('procedure.list.title') }]} />
      <Stack gap="md">
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
          onChange={(e) => setChosen(Number(e.currentTarget.value))}
          maw={320}
        />
        <ProblemAlert error={version.error} />
        {d ? (
          <>
            <Card withBorder>
              <Text>{localised(d.purpose)}</Text>
              {d.window ? (
                <Text size="sm" mt="xs">
                  {t('procedure.window', { anchor: t(`procedure.anchor.${d.window.anchor}`, { defaultValue: d.window.anchor }), from: d.window.fromDays, to: d.window.toDays })}
                </Text>
              ) : null}
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
