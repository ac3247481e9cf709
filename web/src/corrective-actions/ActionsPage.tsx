import { Anchor, Button, Checkbox, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useUser } from '../app/auth';
import { useProgrammes } from '../programmes/queries';
import { DataTable, Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate } from '../ui/format';
import { useActions } from './queries';
import type { ActionFilters } from './queries';

const STATES = ['planned', 'in_progress', 'implemented', 'effectiveness_check', 'closed', 'cancelled'] as const;

export function ActionsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const programmes = useProgrammes();
  const state = params.get('state');
  const filters: ActionFilters = {
    state: STATES.includes(state as never) ? (state as ActionFilters['state']) : undefined,
    overdue: params.get('overdue') === 'true' ? true : undefined,
    ownerId: params.get('mine') === 'true' ? user.id : undefined,
    programmeId: params.get('programmeId') || undefined,
  };
  const set = (key: string, value: string | boolean) => {
    const next = new URLSearchParams(params);
    if (value === '' || value === false) next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
  };
  const list = useActions(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader title={t('ca.list.title')} />
      <form role="search" aria-label={t('ca.filter.label')} onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
          <NativeSelect
            label={t('deviation.field.programme')}
            data={[
              { value: '', label: t('deviation.filter.all') },
              ...(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
            value={filters.programmeId ?? ''}
            onChange={(e) => set('programmeId', e.currentTarget.value)}
          />
          <NativeSelect
            label={t('ca.field.state')}
            data={[{ value: '', label: t('deviation.filter.all') }, ...STATES.map((s) => ({ value: s, label: t(`status.action.${s}`) }))]}
            value={filters.state ?? ''}
            onChange={(e) => set('state', e.currentTarget.value)}
          />
          <Checkbox
            label={t('ca.filter.mine')}
            checked={params.get('mine') === 'true'}
            onChange={(e) => set('mine', e.currentTarget.checked)}
            mb={8}
          />
          <Checkbox
            label={t('deviation.filter.overdue')}
            checked={!!filters.overdue}
            onChange={(e) => set('overdue', e.currentTarget.checked)}
            mb={8}
          />
          <Button variant="default" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            {t('action.clear')}
          </Button>
        </Group>
      </form>
      <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text role="status">{t('ca.list.empty')}</Text>
      ) : (
        <Stack>
          <DataTable
            caption={t('ca.list.caption', { count: items.length })}
            head={[
              t('deviation.field.reference'),
              t('ca.field.type'),
              t('ca.field.description'),
              t('ca.field.owner'),
              t('ca.field.dueDate'),
              t('ca.field.state'),
            ]}
          >
            {items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/corrective-actions/${a.id}`}>
                    {a.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`action.type.${a.type}`)}</Table.Td>
                <Table.Td>{a.description}</Table.Td>
                <Table.Td>{a.ownerName}</Table.Td>
                <Table.Td>
                  {formatDate(a.dueDate)}
                  {a.overdue ? (
                    <>
                      {' '}
                      <StatusBadge kind="cell" value="overdue" />
                    </>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <StatusBadge kind="action" value={a.state} />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          {list.hasNextPage ? (
            <Button variant="default" w="fit-content" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('action.more')}
            </Button>
          ) : null}
        </Stack>
      )}
    </>
  );
}
