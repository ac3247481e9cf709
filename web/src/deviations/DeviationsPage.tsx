import { Anchor, Button, Checkbox, Table } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../app/auth';
import { useProgrammes } from '../programmes/queries';
import { FilterBar, FilterSelect, PagedTable, useUrlFilters } from '../ui/ListPage';
import { PageHeader } from '../ui/Page';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate } from '../ui/format';
import { useDeviations } from './queries';
import type { DeviationFilters } from './queries';

const STATES = ['open', 'analysis', 'action_plan', 'in_progress', 'closed', 'cancelled'] as const;
const SEVERITIES = ['minor', 'major', 'critical'] as const;
const SOURCES = ['manual', 'internal_audit', 'external_audit', 'participant_feedback', 'system'] as const;

/** Filters live in the URL, so a filtered list can be bookmarked, shared and reloaded. */
function useFilters(): [DeviationFilters, (key: keyof DeviationFilters, value: string | boolean) => void, () => void] {
  const url = useUrlFilters();
  const filters: DeviationFilters = {
    programmeId: url.text('programmeId'),
    state: url.oneOf('state', STATES),
    severity: url.oneOf('severity', SEVERITIES),
    source: url.oneOf('source', SOURCES),
    overdue: url.flag('overdue') || undefined,
  };
  return [filters, url.set, url.clear];
}

export function DeviationsPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const [filters, setFilter, clear] = useFilters();
  const programmes = useProgrammes();
  const list = useDeviations(filters);
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
      <FilterBar label={t('deviation.filter.label')} onClear={clear}>
        <FilterSelect
          label={t('deviation.field.programme')}
          options={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={filters.programmeId}
          onChange={(v) => setFilter('programmeId', v)}
        />
        <FilterSelect
          label={t('deviation.field.state')}
          options={STATES.map((s) => ({ value: s, label: t(`status.deviation.${s}`) }))}
          value={filters.state}
          onChange={(v) => setFilter('state', v)}
        />
        <FilterSelect
          label={t('deviation.field.severity')}
          options={SEVERITIES.map((s) => ({ value: s, label: t(`status.severity.${s}`) }))}
          value={filters.severity}
          onChange={(v) => setFilter('severity', v)}
        />
        <FilterSelect
          label={t('deviation.field.source')}
          options={SOURCES.map((s) => ({ value: s, label: t(`deviation.source.${s}`) }))}
          value={filters.source}
          onChange={(v) => setFilter('source', v)}
        />
        <Checkbox
          label={t('deviation.filter.overdue')}
          checked={!!filters.overdue}
          onChange={(e) => setFilter('overdue', e.currentTarget.checked)}
          mb={8}
        />
      </FilterBar>
      <PagedTable
        list={list}
        empty={t('deviation.list.empty')}
        caption={(items) => t('deviation.list.caption', { count: items.length })}
        head={[
          t('deviation.field.reference'),
          t('deviation.field.title'),
          t('deviation.field.programme'),
          t('deviation.field.severity'),
          t('deviation.field.state'),
          t('deviation.field.source'),
          t('deviation.field.targetDate'),
        ]}
        row={(d) => (
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
        )}
      />
    </>
  );
}
