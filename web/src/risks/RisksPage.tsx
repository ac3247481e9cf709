import { Anchor, Button, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../app/auth';
import { useProgrammes } from '../programmes/queries';
import { FilterBar, FilterSelect, PagedTable, useUrlFilters } from '../ui/ListPage';
import { Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate } from '../ui/format';
import { HeatMapGrid } from './HeatMapGrid';
import { RISK_KINDS, RISK_STATUSES, useHeatMap, useRisks } from './queries';
import type { RiskFilters, RiskKind } from './queries';

/** The heat maps of the open risks (or opportunities) the filters' programme shows, before and after treatment. */
function HeatMaps({ programmeId, kind }: { programmeId?: string; kind: RiskKind }) {
  const { t } = useTranslation();
  const map = useHeatMap(programmeId, kind);
  if (map.isPending) return <Loading />;
  if (!map.data) return <ProblemAlert error={map.error} onRetry={() => void map.refetch()} />;
  return (
    <Stack gap="xs" component="section" aria-labelledby="risk-heat-map">
      <Title order={2} size="h4" id="risk-heat-map">
        {t('risk.heatMap.title', { count: map.data.total, kind: t(`risk.kindPlural.${kind}`) })}
      </Title>
      <div className="two-columns">
        <HeatMapGrid caption={t('risk.heatMap.inherent')} grid={map.data.inherent} />
        <HeatMapGrid caption={t('risk.heatMap.residual')} grid={map.data.residual} />
      </div>
      {map.data.residualNotAssessed ? (
        <Text size="sm">{t('risk.heatMap.notAssessed', { count: map.data.residualNotAssessed })}</Text>
      ) : null}
    </Stack>
  );
}

/** The register of risks and opportunities: filters in the URL, overdue reviews first, and the heat map. */
export function RisksPage() {
  const { t } = useTranslation();
  const user = useUser();
  const url = useUrlFilters();
  const programmes = useProgrammes();
  const writes = user.roles.includes('quality_manager') || user.roles.includes('programme_leader');
  const filters: RiskFilters = {
    programmeId: url.text('programmeId'),
    organisation: url.flag('organisation') || undefined,
    kind: url.oneOf('kind', RISK_KINDS),
    status: url.oneOf('status', RISK_STATUSES),
    ownerId: url.flag('mine') ? user.id : undefined,
    overdue: url.flag('overdue') || undefined,
    q: url.text('q'),
  };
  const list = useRisks(filters);
  return (
    <>
      <PageHeader
        title={t('risk.list.title')}
        actions={
          writes ? (
            <Button component={Link} to="/risks/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('risk.create.title')}
            </Button>
          ) : undefined
        }
      />
      <Text size="sm" mb="md">
        {t('risk.list.intro')}
      </Text>
      <FilterBar label={t('risk.filter.label')} onClear={url.clear}>
        <TextInput label={t('risk.filter.text')} value={filters.q ?? ''} onChange={(e) => url.set('q', e.currentTarget.value)} />
        <NativeSelect
          label={t('risk.field.context')}
          data={[
            { value: '', label: t('deviation.filter.all') },
            { value: 'organisation', label: t('risk.context.organisation') },
            ...(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
          value={filters.organisation && !filters.programmeId ? 'organisation' : (filters.programmeId ?? '')}
          onChange={(e) => {
            const v = e.currentTarget.value;
            url.set('organisation', v === 'organisation');
            url.set('programmeId', v === 'organisation' ? '' : v);
          }}
        />
        <FilterSelect
          label={t('risk.field.kind')}
          options={RISK_KINDS.map((k) => ({ value: k, label: t(`risk.kind.${k}`) }))}
          value={filters.kind}
          onChange={(v) => url.set('kind', v)}
        />
        <FilterSelect
          label={t('risk.field.status')}
          options={RISK_STATUSES.map((s) => ({ value: s, label: t(`status.risk.${s}`) }))}
          value={filters.status}
          onChange={(v) => url.set('status', v)}
        />
        <Checkbox
          label={t('risk.filter.mine')}
          checked={url.flag('mine')}
          onChange={(e) => url.set('mine', e.currentTarget.checked)}
          mb={8}
        />
        <Checkbox
          label={t('risk.filter.overdue')}
          checked={url.flag('overdue')}
          onChange={(e) => url.set('overdue', e.currentTarget.checked)}
          mb={8}
        />
      </FilterBar>
      <Stack gap="xl">
        <PagedTable
          list={list}
          empty={t('risk.list.empty')}
          caption={(items) => t('risk.list.caption', { count: items.length })}
          head={[
            t('deviation.field.reference'),
            t('risk.field.title'),
            t('risk.field.context'),
            t('risk.field.rating'),
            t('risk.field.owner'),
            t('risk.field.nextReviewOn'),
            t('risk.field.status'),
          ]}
          row={(r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/risks/${r.id}`}>
                  {r.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {r.title}
                {r.kind === 'opportunity' ? <Text size="xs">{t('risk.kind.opportunity')}</Text> : null}
              </Table.Td>
              <Table.Td>{r.programmeName ?? t('risk.context.organisation')}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {r.score}
                  <StatusBadge kind="band" value={r.band} />
                </Group>
              </Table.Td>
              <Table.Td>{r.owner.name}</Table.Td>
              <Table.Td>
                {formatDate(r.nextReviewOn)}
                {r.reviewOverdue ? (
                  <>
                    {' '}
                    <StatusBadge kind="cell" value="overdue" />
                  </>
                ) : null}
              </Table.Td>
              <Table.Td>
                <StatusBadge kind="risk" value={r.status} />
              </Table.Td>
            </Table.Tr>
          )}
        />
        <HeatMaps programmeId={filters.programmeId} kind={filters.kind ?? 'risk'} />
      </Stack>
    </>
  );
}
