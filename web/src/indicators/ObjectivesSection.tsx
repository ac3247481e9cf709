/**
 * The quality objectives of a programme (and the organisation's, measured on it): owner, deadline,
 * target and value now, status by text and icon, trend against the quarter before, the actions of
 * the plan, and the measurements recorded per quarter. A quality manager sets an objective, changes
 * one with a reason, and records this quarter's measurement; other roles only read.
 */
import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';
import { useAuth } from '../app/auth';
import { DataTable } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate, formatPercent } from '../ui/format';
import { useAction } from '../ui/useAction';
import { ObjectiveDialog, comparatorWords } from './ObjectiveDialog';

type Objective = Schemas['ObjectiveResponse'];

const objectiveKeys = { of: (programmeId: string) => ['quality-objectives', programmeId] as const };

function value(o: { unit: string }, x: number | null | undefined): string {
  if (x === null || x === undefined) return '–';
  // A target of 92.5 % shows as set, not rounded to 93 %.
  return o.unit === 'rate' ? formatPercent(x, 1) : String(x);
}

function TrendText({ trend }: { trend: string | null | undefined }) {
  const { t } = useTranslation();
  if (!trend) return <>{t('review.trend.none')}</>;
  return (
    <>
      <span aria-hidden>{trend === 'up' ? '↑ ' : trend === 'down' ? '↓ ' : '→ '}</span>
      {t(`review.trend.${trend}`)}
    </>
  );
}

function ObjectiveCard({ o, programmeId }: { o: Objective; programmeId: string }) {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const [editing, setEditing] = useState(false);
  const record = useAction(() => call(api.POST('/api/quality-objectives/{id}/measurements', { params: { path: { id: o.id } } })), {
    invalidates: [objectiveKeys.of(programmeId)],
    done: t('objective.recorded'),
  });
  const headingId = `objective-${o.id}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start">
        <Title order={3} size="h5" id={headingId}>
          {o.title}
        </Title>
        <StatusBadge kind="objective" value={o.status} />
      </Group>
      <Text size="sm">
        {t('objective.line', {
          owner: o.ownerName ?? '–',
          deadline: formatDate(o.deadline),
          target: `${comparatorWords(t, o.comparator)} ${value(o, o.target)}`,
          measured: value(o, o.measured),
        })}
      </Text>
      <Text size="sm">
        {t('review.inputs.trend')}: <TrendText trend={o.trend} />
      </Text>
      <Text size="sm">
        {t('objective.plan')}:{' '}
        {o.plan.length === 0
          ? t('review.inputs.none')
          : o.plan.map((a, i) => (
              <span key={a.id}>
                {i > 0 ? ', ' : ''}
                <Anchor component={Link} to={`/corrective-actions/${a.id}`}>
                  {a.reference}
                </Anchor>{' '}
                ({t(`status.action.${a.state}`)})
              </span>
            ))}
      </Text>
      <DataTable
        caption={t('objective.history')}
        head={[
          t('objective.period'),
          t('objective.field.target'),
          t('objective.field.measured'),
          t('objective.field.status'),
          t('review.inputs.trend'),
        ]}
      >
        {o.history.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={5}>{t('objective.noHistory')}</Table.Td>
          </Table.Tr>
        ) : (
          o.history.map((h) => (
            <Table.Tr key={h.period}>
              <Table.Td>{h.period}</Table.Td>
              <Table.Td>{`${h.comparator} ${value(o, h.target)}`}</Table.Td>
              <Table.Td>{value(o, h.measured)}</Table.Td>
              <Table.Td>
                <StatusBadge kind="objective" value={h.status} />
              </Table.Td>
              <Table.Td>
                <TrendText trend={h.trend} />
              </Table.Td>
            </Table.Tr>
          ))
        )}
      </DataTable>
      <ProblemAlert error={record.error} />
      {/* Only a quality manager sets, changes and measures objectives (the service refuses everyone else). */}
      {hasRole('quality_manager') ? (
        <Group gap="xs" mt="xs">
          <Button variant="default" loading={record.isPending} onClick={() => record.mutate(undefined)}>
            {t('objective.record')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconPencil size={16} aria-hidden />}
            aria-label={t('objective.edit.label', { title: o.title })}
            onClick={() => setEditing(true)}
          >
            {t('objective.edit.button')}
          </Button>
        </Group>
      ) : null}
      {editing ? (
        <ObjectiveDialog
          programmeId={programmeId}
          objective={o}
          invalidates={[objectiveKeys.of(programmeId)]}
          onClose={() => setEditing(false)}
        />
      ) : null}
    </Card>
  );
}

export function ObjectivesSection({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: objectiveKeys.of(programmeId),
    queryFn: () => call(api.GET('/api/quality-objectives', { params: { query: { programmeId } } })),
  });
  return (
    <Stack component="section" aria-labelledby="objectives-heading" gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4" id="objectives-heading">
          {t('objective.title')}
        </Title>
        {hasRole('quality_manager') ? (
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('objective.create.button')}
          </Button>
        ) : null}
      </Group>
      <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.data && list.data.length === 0 ? <Text size="sm">{t('objective.none')}</Text> : null}
      {(list.data ?? []).map((o) => (
        <ObjectiveCard key={o.id} o={o} programmeId={programmeId} />
      ))}
      {creating ? (
        <ObjectiveDialog programmeId={programmeId} invalidates={[objectiveKeys.of(programmeId)]} onClose={() => setCreating(false)} />
      ) : null}
    </Stack>
  );
}
