import { Anchor, Button, Checkbox, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth, useUser } from '../app/auth';
import { useProgrammes } from '../programmes/queries';
import { FilterBar, FilterSelect, PagedTable, useUrlFilters } from '../ui/ListPage';
import { PageHeader } from '../ui/Page';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate } from '../ui/format';
import { ACTION_SOURCES, useActions } from './queries';
import type { ActionFilters } from './queries';

const STATES = ['planned', 'in_progress', 'implemented', 'effectiveness_check', 'closed', 'cancelled'] as const;

export function ActionsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { hasRole } = useAuth();
  const url = useUrlFilters();
  const programmes = useProgrammes();
  const filters: ActionFilters = {
    state: url.oneOf('state', STATES),
    overdue: url.flag('overdue') || undefined,
    ownerId: url.flag('mine') ? user.id : undefined,
    programmeId: url.text('programmeId'),
    source: url.oneOf('source', ACTION_SOURCES),
  };
  const list = useActions(filters);

  return (
    <>
      <PageHeader
        title={t('ca.list.title')}
        actions={
          hasRole('quality_manager') ? (
            <Button component={Link} to="/corrective-actions/new">
              {t('ca.improve.title')}
            </Button>
          ) : null
        }
      />
      <FilterBar label={t('ca.filter.label')} onClear={url.clear}>
        <FilterSelect
          label={t('deviation.field.programme')}
          options={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={filters.programmeId}
          onChange={(v) => url.set('programmeId', v)}
        />
        <FilterSelect
          label={t('ca.field.source')}
          options={ACTION_SOURCES.map((s) => ({ value: s, label: t(`action.source.${s}`) }))}
          value={filters.source}
          onChange={(v) => url.set('source', v)}
        />
        <FilterSelect
          label={t('ca.field.state')}
          options={STATES.map((s) => ({ value: s, label: t(`status.action.${s}`) }))}
          value={filters.state}
          onChange={(v) => url.set('state', v)}
        />
        <Checkbox
          label={t('ca.filter.mine')}
          checked={url.flag('mine')}
          onChange={(e) => url.set('mine', e.currentTarget.checked)}
          mb={8}
        />
        <Checkbox
          label={t('deviation.filter.overdue')}
          checked={!!filters.overdue}
          onChange={(e) => url.set('overdue', e.currentTarget.checked)}
          mb={8}
        />
      </FilterBar>
      <PagedTable
        list={list}
        empty={t('ca.list.empty')}
        caption={(items) => t('ca.list.caption', { count: items.length })}
        head={[
          t('deviation.field.reference'),
          t('ca.field.type'),
          t('ca.field.source'),
          t('ca.field.description'),
          t('ca.field.owner'),
          t('ca.field.dueDate'),
          t('ca.field.state'),
        ]}
        row={(a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <Anchor component={Link} to={`/corrective-actions/${a.id}`}>
                {a.reference}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(`action.type.${a.type}`)}</Table.Td>
            <Table.Td>
              {t(`action.source.${a.source.kind}`)}
              {a.source.text ? `: ${a.source.text}` : ''}
            </Table.Td>
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
        )}
      />
    </>
  );
}
