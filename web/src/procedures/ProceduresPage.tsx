import { Anchor, Button, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useAuth } from '../app/auth';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localised } from '../i18n/i18n';
import { useProcedureSummaries } from '../programmes/OverviewTab';
import { DataTable, Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { BaselinePanel } from './BaselinePanel';

/** The procedure library: each procedure's version in force and latest version; quality managers write new ones. */
export function ProceduresPage() {
  const { t } = useTranslation();
  const procedures = useProcedureSummaries();
  const { hasRole } = useAuth();
  return (
    <>
      <PageHeader
        title={t('procedure.list.title')}
        actions={
          hasRole('quality_manager') ? (
            <Button component={Link} to="/procedures/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('procedure.edit.newProcedure')}
            </Button>
          ) : null
        }
      />
      <Text mb="md">{hasRole('quality_manager') ? t('procedure.list.introAuthor') : t('procedure.list.intro')}</Text>
      <BaselinePanel />
      <ProblemAlert error={procedures.error} onRetry={() => void procedures.refetch()} />
      {procedures.isPending ? (
        <Loading />
      ) : (
        <DataTable
          caption={t('procedure.list.caption')}
          head={[t('procedure.field.title'), t('procedure.field.subject'), t('procedure.field.effective'), t('procedure.field.latest')]}
        >
          {procedures.data?.map((p) => (
            <Table.Tr key={p.key}>
              <Table.Td>
                <Anchor component={Link} to={`/procedures/${p.key}`}>
                  {localised(p.title)}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`matrix.subjectType.${p.subject}`)}</Table.Td>
              <Table.Td>{p.effectiveVersion ?? '–'}</Table.Td>
              <Table.Td>
                {p.latestVersion} <StatusBadge kind="version" value={p.latestStatus} />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
