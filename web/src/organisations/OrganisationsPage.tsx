import { Anchor, Button, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../app/auth';
import { FilterBar, FilterSelect, PagedTable, useUrlFilters } from '../ui/ListPage';
import { PageHeader } from '../ui/Page';
import { StatusBadge } from '../ui/StatusBadge';
import { OrganisationDialog } from './OrganisationForm';
import { ORGANISATION_SECTORS, useOrganisations } from './queries';
import type { OrganisationFilters } from './queries';

/** The register of host organisations and employers: filters in the URL, active ones first. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const url = useUrlFilters();
  const [creating, setCreating] = useState(false);
  const writes = user.roles.includes('quality_manager') || user.roles.includes('programme_leader');
  const state = url.oneOf('state', ['active', 'inactive'] as const);
  const filters: OrganisationFilters = {
    q: url.text('q'),
    sector: url.oneOf('sector', ORGANISATION_SECTORS),
    active: state === undefined ? undefined : state === 'active',
  };
  const list = useOrganisations(filters);
  return (
    <>
      <PageHeader
        title={t('organisation.list.title')}
        actions={
          writes ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('organisation.create.title')}
            </Button>
          ) : undefined
        }
      />
      <Text size="sm" mb="md">
        {t('organisation.list.intro')}
      </Text>
      <FilterBar label={t('organisation.filter.label')} onClear={url.clear}>
        <TextInput label={t('organisation.filter.text')} value={filters.q ?? ''} onChange={(e) => url.set('q', e.currentTarget.value)} />
        <FilterSelect
          label={t('organisation.field.sector')}
          options={ORGANISATION_SECTORS.map((s) => ({ value: s, label: t(`organisation.sector.${s}`) }))}
          value={filters.sector}
          onChange={(v) => url.set('sector', v)}
        />
        <FilterSelect
          label={t('organisation.field.active')}
          options={[
            { value: 'active', label: t('status.organisation.active') },
            { value: 'inactive', label: t('status.organisation.inactive') },
          ]}
          value={state}
          onChange={(v) => url.set('state', v)}
        />
      </FilterBar>
      <PagedTable
        list={list}
        empty={t('organisation.list.empty')}
        caption={(items) => t('organisation.list.caption', { count: items.length })}
        head={[
          t('organisation.field.name'),
          t('organisation.field.sector'),
          t('organisation.field.contactName'),
          t('organisation.field.active'),
        ]}
        row={(o) => (
          <Table.Tr key={o.id}>
            <Table.Td>
              <Anchor component={Link} to={`/organisations/${o.id}`}>
                {o.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(`organisation.sector.${o.sector}`)}</Table.Td>
            <Table.Td>{o.contactName ?? '–'}</Table.Td>
            <Table.Td>
              <StatusBadge kind="organisation" value={o.active ? 'active' : 'inactive'} />
            </Table.Td>
          </Table.Tr>
        )}
      />
      {creating && <OrganisationDialog onClose={() => setCreating(false)} />}
    </>
  );
}
