import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useUser } from '../app/auth';
import { InternshipDetail } from '../internships/InternshipDetail';
import { InternshipsTable } from '../internships/InternshipsTable';
import type { Internship } from '../internships/queries';
import { useOrganisationInternships } from '../internships/queries';
import { DataTable, Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDateTime } from '../ui/format';
import { OrganisationDialog } from './OrganisationForm';
import { useOrganisation, useOrganisationHistory } from './queries';

const READS_PROGRAMMES = ['quality_manager', 'programme_leader', 'auditor', 'board_member'];

/** An organisation of the register: its details, its placements (in the programmes the reader sees) and its history. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useUser();
  const organisation = useOrganisation(id);
  const history = useOrganisationHistory(id);
  const readsPlacements = user.roles.some((r) => READS_PROGRAMMES.includes(r));
  const placements = useOrganisationInternships(id, readsPlacements);
  const [editing, setEditing] = useState(false);
  const [viewing, setViewing] = useState<Internship>();

  if (organisation.isPending) return <Loading />;
  if (!organisation.data) return <ProblemAlert error={organisation.error} onRetry={() => void organisation.refetch()} />;
  const o = organisation.data;
  const detail = (label: string, value: string | null) => (
    <Text size="sm">
      <strong>{label}:</strong> {value ?? '–'}
    </Text>
  );
  return (
    <>
      <PageHeader
        title={o.name}
        trail={[{ to: '/organisations', label: t('organisation.list.title') }]}
        actions={
          <Group gap="xs">
            <StatusBadge kind="organisation" value={o.active ? 'active' : 'inactive'} />
            {o.mayRevise ? (
              <Button leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setEditing(true)}>
                {t('organisation.revise.action')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <Stack gap="xl">
        <Stack gap={4}>
          {detail(t('organisation.field.sector'), t(`organisation.sector.${o.sector}`))}
          {detail(t('organisation.field.contactName'), o.contactName)}
          {detail(t('organisation.field.contactEmail'), o.contactEmail)}
          {detail(t('organisation.field.contactPhone'), o.contactPhone)}
          {detail(t('organisation.field.notes'), o.notes)}
        </Stack>
        {readsPlacements ? (
          <Stack gap="xs" component="section" aria-labelledby="organisation-placements">
            <Title order={2} size="h4" id="organisation-placements">
              {t('organisation.placements')}
            </Title>
            <ProblemAlert error={placements.error} onRetry={() => void placements.refetch()} />
            {placements.isPending ? (
              <Loading />
            ) : (
              <InternshipsTable
                items={placements.data?.items ?? []}
                caption={t('organisation.placements')}
                show="programme"
                onHistory={(i) => setViewing(i)}
              />
            )}
          </Stack>
        ) : null}
        <Stack gap="xs" component="section" aria-labelledby="organisation-history">
          <Title order={2} size="h4" id="organisation-history">
            {t('organisation.history')}
          </Title>
          <ProblemAlert error={history.error} onRetry={() => void history.refetch()} />
          {history.data ? (
            <DataTable
              caption={t('organisation.history')}
              head={[
                t('organisation.field.revision'),
                t('organisation.field.change'),
                t('organisation.field.reason'),
                t('organisation.field.recorded'),
              ]}
            >
              {history.data.revisions.map((r) => (
                <Table.Tr key={r.revision}>
                  <Table.Td>{r.revision}</Table.Td>
                  <Table.Td>
                    {t(`organisation.change.${r.change}`)}
                    <Text size="xs">
                      {r.name} · {t(`organisation.sector.${r.sector}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{r.reason ?? '–'}</Table.Td>
                  <Table.Td>
                    {r.recordedBy.name}, {formatDateTime(r.recordedAt)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          ) : null}
        </Stack>
      </Stack>
      {viewing && <InternshipDetail internship={viewing} onClose={() => setViewing(undefined)} />}
      {editing && <OrganisationDialog organisation={o} onClose={() => setEditing(false)} />}
    </>
  );
}
