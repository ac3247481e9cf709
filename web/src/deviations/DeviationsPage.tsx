import { Anchor, Button, Checkbox, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../app/auth';
import { useProgrammes } from '../programmes/queries';
import { DataTable, Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate } from '../ui/format';
import { useDeviations } from './queries';
import type { DeviationFilters } from './queries';

const STATES = ['open', 'analysis', 'action_plan', 'in_progress', 'closed', 'cancelled'] as const;
const SEVERITIES = ['minor', 'major', 'critical'] as const;
const SOURCES = ['manual', 'internal_audit', 'external_audit', 'participant_feedback', 'system'] as const;

/** Filters live in the URL, so a filtered list can be bookmarked, shared and reloaded. */
function useFilters(): [DeviationFilters, (key: keyof DeviationFilters, value: string | boolean) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const pick = <T extends string>(name: string, allowed: readonly T[]) => {
    const v = params.get(name);
    return allowed.includes(v as T) ? (v as T) : undefined;
  };
  const filters: DeviationFilters = {
    programmeId: params.get('programmeId') || undefined,
    state: pick('state', STATES),
    severity: pick('severity', SEVERITIES),
    source: pick('source', SOURCES),
    overdue: params.get('overdue') === 'true' ? true : undefined,
  };
  const set = (key: keyof DeviationFilters, value: string | boolean) => {
    const next = new URLSearchParams(params);
    if (value === '' || value === false) next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
  };
  return [filters, set, () => setParams(new URLSearchParams(), { replace: true })];
}

export function DeviationsPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const [filters, setFilter, clear] = useFilters();
  const programmes = useProgrammes();
  const list = useDeviations(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const programmeName = (id: string) => programmes.data?.find((p) => p.id === id)?.name ?? '';

  return (
    <>
      <PageHeader
        title={t('deviation.list.title')}
        actions={
          hasRole('quality_manager', 'programme_leader') ? (
            <Button
              component={Link}
              to={`/deviations/new${filters.programmeId ? `?programmeId=${filters.programmeId}` : ''}`}
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('deviation.create.action')}
            </Button>
          ) : null
        }
      />
      <form role="search" aria-label={t('deviation.filter.label')} onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
          <NativeSelect
            label={t('deviation.field.programme')}
            data={[
              { value: '', label: t('deviation.filter.all') },
              ...(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
            value={filters.programmeId ?? ''}
            onChange={(e) => setFilter('programmeId', e.currentTarget.value)}
          />
          <NativeSelect
            label={t('deviation.field.state')}
            data={[
              { value: '', label: t('deviation.filter.all') },
              ...STATES.map((s) => ({ value: s, label: t(`status.deviation.${s}`) })),
            ]}
            value={filters.state ?? ''}
            onChange={(e) => setFilter('state', e.currentTarget.value)}
          />
          <NativeSelect
            label={t('deviation.field.severity')}
            data={[
              { value: '', label: t('deviation.filter.all') },
              ...SEVERITIES.map((s) => ({ value: s, label: t(`status.severity.${s}`) })),
            ]}
            value={filters.severity ?? ''}
            onChange={(e) => setFilter('severity', e.currentTarget.value)}
          />
          <NativeSelect
            label={t('deviation.field.source')}
            data={[
              { value: '', label: t('deviation.filter.all') },
              ...SOURCES.map((s) => ({ value: s, label: t(`deviation.source.${s}`) })),
            ]}
            value={filters.source ?? ''}
            onChange={(e) => setFilter('source', e.currentTarget.value)}
          />
          <Checkbox
            label={t('deviation.filter.overdue')}
            checked={!!filters.overdue}
            onChange={(e) => setFilter('overdue', e.currentTarget.checked)}
            mb={8}
          />
          <Button variant="default" onClick={clear}>
            {t('action.clear')}
          </Button>
        </Group>
      </form>
      <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text role="status">{t('deviation.list.empty')}</Text>
      ) : (
        <Stack>
          <DataTable
            caption={t('deviation.list.caption', { count: items.length })}
            head={[
              t('deviation.field.reference'),
              t('deviation.field.title'),
              t('deviation.field.programme'),
              t('deviation.field.severity'),
              t('deviation.field.state'),
              t('deviation.field.source'),
              t('deviation.field.targetDate'),
            ]}
          >
            {items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/deviations/${d.id}`}>
                    {d.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td>{d.title}</Table.Td>
                <Table.Td>{programmeName(d.programmeId)}</Table.Td>
                <Table.Td>
                  <StatusBadge kind="severity" value={d.severity} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge kind="deviation" value={d.state} />
                </Table.Td>
                <Table.Td>{t(`deviation.source.${d.source}`)}</Table.Td>
                <Table.Td>
                  {formatDate(d.targetDate)}
                  {d.overdue ? (
                    <>
                      {' '}
                      <StatusBadge kind="cell" value="overdue" />
                    </>
                  ) : null}
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
