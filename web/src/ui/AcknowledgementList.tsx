/**
 * "Read and understood": who must acknowledge a version in force (of a document or a procedure),
 * those who have not first, for quality managers and auditors. The people are staff.
 */
import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable, Loading } from './Page';
import { ProblemAlert } from './ProblemAlert';
import { formatDateTime } from './format';

export interface Acknowledgements {
  versionNumber: number | null;
  roles: string[];
  acknowledged: number;
  required: number;
  people: { id: string; name: string; acknowledgedAt: string | null }[];
}

export function AcknowledgementList({
  id,
  query,
}: {
  /** The heading's id (the section is labelled by it). */
  id: string;
  query: { isPending: boolean; data?: Acknowledgements; error: unknown; refetch: () => unknown };
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (!query.data) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id}>
        {t('document.acknowledgements.title')}
      </Title>
      {a.versionNumber === null || a.roles.length === 0 ? (
        <Text size="sm">{t('document.acknowledgements.none')}</Text>
      ) : (
        <>
          <Text size="sm">
            {t('document.acknowledgements.summary', { acknowledged: a.acknowledged, required: a.required, version: a.versionNumber })}
          </Text>
          <DataTable
            caption={t('document.acknowledgements.caption')}
            head={[t('document.acknowledgements.person'), t('document.acknowledgements.status')]}
          >
            {a.people.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {p.acknowledgedAt ? <IconCircleCheck size={16} aria-hidden /> : <IconClockExclamation size={16} aria-hidden />}
                    <Text size="sm">
                      {p.acknowledgedAt
                        ? t('document.acknowledgements.acknowledged', { at: formatDateTime(p.acknowledgedAt) })
                        : t('document.acknowledgements.notYet')}
                    </Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </>
      )}
    </Stack>
  );
}
