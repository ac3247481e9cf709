/**
 * The survey library: each survey with its audience, the version in force and the state of its
 * latest version (text and icon). Quality managers import the shipped surveys from here and find
 * the free-text answers awaiting their review.
 */
import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { IconFileImport, IconMessageCircleSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import { useUser } from '../app/auth';
import { DataTable, Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { useAction } from '../ui/useAction';
import { surveyKeys, useSurveys } from './queries';

export function SurveysPage() {
  const { t } = useTranslation();
  const user = useUser();
  const isQm = user.roles.includes('quality_manager');
  const list = useSurveys();
  const importShipped = useAction(() => call(api.POST('/api/surveys/import')), {
    invalidates: [surveyKeys.all],
    done: (r) => t('survey.import.done', { count: r.items.filter((i) => i.outcome === 'created' || i.outcome === 'drafted').length }),
  });
  const items = list.data ?? [];
  return (
    <>
      <PageHeader
        title={t('survey.list.title')}
        actions={
          isQm ? (
            <>
              <Button
                component={Link}
                to="/surveys/free-text"
                variant="default"
                leftSection={<IconMessageCircleSearch size={16} aria-hidden />}
              >
                {t('survey.texts.title')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} aria-hidden />}
                loading={importShipped.isPending}
                onClick={() => importShipped.mutate(undefined)}
              >
                {t('survey.import.label')}
              </Button>
            </>
          ) : undefined
        }
      />
      <Text size="sm" mb="md">
        {t('survey.list.intro')}
      </Text>
      <ProblemAlert error={importShipped.error} />
      <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text role="status">{t('survey.list.empty')}</Text>
      ) : (
        <DataTable
          caption={t('survey.list.caption', { count: items.length })}
          head={[t('survey.field.title'), t('survey.field.audience'), t('survey.field.effectiveVersion'), t('survey.field.latestVersion')]}
        >
          {items.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Anchor component={Link} to={`/surveys/${s.id}`}>
                  {s.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`survey.audience.${s.audience}`)}</Table.Td>
              <Table.Td>
                {s.effectiveVersion !== null ? t('survey.versionNumber', { number: s.effectiveVersion }) : t('survey.noneInForce')}
              </Table.Td>
              <Table.Td>
                {s.latestVersion !== null && s.latestState ? (
                  <Group gap={6} wrap="nowrap">
                    {t('survey.versionNumber', { number: s.latestVersion })}
                    <StatusBadge kind="version" value={s.latestState} />
                  </Group>
                ) : (
                  '–'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
