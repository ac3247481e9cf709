/**
 * The audit trail: every recorded change, oldest first, filtered by record, actor and period (the
 * filters are in the URL), each event's changes as "field: before → after", and the chain
 * verification with the head's sequence number and hash to copy.
 */
import { Alert, Button, Code, CopyButton, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconCopy, IconShieldCheck } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';
import { useStaff } from '../users/staff';
import { FilterBar, FilterSelect, PagedTable, useUrlFilters } from '../ui/ListPage';
import { PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { formatDateTime } from '../ui/format';

const ENTITY_TYPES = [
  'procedure',
  'procedure_version',
  'programme',
  'participant',
  'pair',
  'execution',
  'deviation',
  'corrective_action',
  'management_review',
  'quality_objective',
  'risk',
  'organisation',
  'internship',
  'training_record',
  'user',
] as const;

type AuditEvent = Schemas['AuditEventResponse'];

/** A calendar day as the instant its day starts here (local time). */
function dayStart(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).toISOString();
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value === '' ? '""' : value;
  return JSON.stringify(value);
}

/** Per field `{ old, new }` (or a bare value for a created record) as readable lines. */
function changeLines(changes: Record<string, unknown>): { field: string; before?: string; after: string }[] {
  return Object.entries(changes).map(([field, change]) => {
    if (change && typeof change === 'object' && ('old' in change || 'new' in change)) {
      const c = change as { old?: unknown; new?: unknown };
      return { field, before: 'old' in c ? show(c.old) : undefined, after: show(c.new) };
    }
    return { field, after: show(change) };
  });
}

export function AuditTrailPage() {
  const { t } = useTranslation();
  const url = useUrlFilters();
  const staff = useStaff();
  const filters = {
    entityType: url.text('entityType'),
    entityId: url.text('entityId'),
    actorId: url.text('actorId'),
    from: url.text('from'),
    to: url.text('to'),
  };
  const set = (key: keyof typeof filters, value: string) => url.set(key, value);
  const validDay = (d?: string) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined);
  const query = {
    entityType: filters.entityType,
    entityId: filters.entityId,
    actorId: filters.actorId && /^[0-9a-f-]{36}$/i.test(filters.actorId) ? filters.actorId : undefined,
    from: validDay(filters.from) ? dayStart(filters.from!) : undefined,
    to: validDay(filters.to) ? dayStart(filters.to!, 1) : undefined,
  };
  const list = useInfiniteQuery({
    queryKey: ['audit-events', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/api/audit-events', { params: { query: { ...query, limit: 50, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const verify = useMutation({ mutationFn: () => call(api.GET('/api/audit-events/verify')) });
  const actorName = (e: AuditEvent) =>
    e.actorId ? (staff.data?.find((s) => s.id === e.actorId)?.name ?? e.actorEmail) : t('audit.system');
  const verdict = verify.data;

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        actions={
          <Button leftSection={<IconShieldCheck size={16} aria-hidden />} loading={verify.isPending} onClick={() => verify.mutate()}>
            {t('audit.verify.action')}
          </Button>
        }
      />
      <ProblemAlert error={verify.error} onRetry={() => verify.mutate()} />
      {verdict ? (
        <Alert
          color={verdict.valid ? 'green' : 'red'}
          role="status"
          icon={verdict.valid ? <IconCircleCheck aria-hidden /> : <IconCircleX aria-hidden />}
          title={verdict.valid ? t('audit.verify.valid') : t('audit.verify.invalid')}
          mb="md"
        >
          <Stack gap={6}>
            <Text size="sm">
              {verdict.valid
                ? t('audit.verify.validDetail', { events: verdict.events, from: verdict.fromSeq, to: verdict.toSeq })
                : t('audit.verify.invalidDetail', {
                    seq: verdict.firstInvalidSeq ?? '–',
                    problem: verdict.detail ?? verdict.problem ?? '',
                  })}
            </Text>
            <dl className="facts">
              <dt>{t('audit.verify.headSeq')}</dt>
              <dd>{verdict.toSeq}</dd>
              <dt>{t('audit.verify.headHash')}</dt>
              <dd>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Code className="hash">{verdict.headHash ?? '–'}</Code>
                  {verdict.headHash ? (
                    <CopyButton value={`${verdict.toSeq} ${verdict.headHash}`}>
                      {({ copied, copy }) => (
                        <Button size="xs" variant="default" leftSection={<IconCopy size={14} aria-hidden />} onClick={copy}>
                          {copied ? t('audit.verify.copied') : t('audit.verify.copy')}
                        </Button>
                      )}
                    </CopyButton>
                  ) : null}
                </Group>
              </dd>
            </dl>
            <Text size="sm">{t('audit.verify.offline')}</Text>
          </Stack>
        </Alert>
      ) : null}
      <FilterBar label={t('audit.filter.label')} onClear={url.clear}>
        <FilterSelect
          label={t('audit.field.entityType')}
          options={ENTITY_TYPES.map((e) => ({ value: e, label: t(`audit.entity.${e}`) }))}
          value={filters.entityType}
          onChange={(v) => set('entityType', v)}
        />
        <TextInput
          label={t('audit.field.entityId')}
          value={filters.entityId ?? ''}
          onChange={(e) => set('entityId', e.currentTarget.value.trim())}
        />
        <FilterSelect
          label={t('audit.field.actor')}
          options={(staff.data ?? []).map((s) => ({ value: s.id, label: s.active ? s.name : t('audit.inactive', { name: s.name }) }))}
          value={filters.actorId}
          onChange={(v) => set('actorId', v)}
        />
        <TextInput
          type="date"
          label={t('audit.field.from')}
          value={filters.from ?? ''}
          onChange={(e) => set('from', e.currentTarget.value)}
        />
        <TextInput type="date" label={t('audit.field.to')} value={filters.to ?? ''} onChange={(e) => set('to', e.currentTarget.value)} />
      </FilterBar>
      <PagedTable<AuditEvent>
        list={list}
        empty={t('audit.empty')}
        caption={(items) => t('audit.caption', { count: items.length })}
        head={[
          t('audit.field.seq'),
          t('audit.field.time'),
          t('audit.field.actor'),
          t('audit.field.action'),
          t('audit.field.record'),
          t('audit.field.changes'),
        ]}
        row={(e) => (
          <Table.Tr key={e.seq}>
            <Table.Td>{e.seq}</Table.Td>
            <Table.Td className="nowrap">{formatDateTime(e.occurredAt)}</Table.Td>
            <Table.Td>{actorName(e)}</Table.Td>
            <Table.Td>
              <Code>{e.action}</Code>
            </Table.Td>
            <Table.Td>
              {t(`audit.entity.${e.entityType}`, { defaultValue: e.entityType })}
              <Text size="xs" c="dimmed" className="break-all">
                {e.entityId}
                {e.entityVersion !== null ? ` · v${e.entityVersion}` : ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <ul className="changes">
                {changeLines(e.changes).map((c) => (
                  <li key={c.field}>
                    <strong>{c.field}</strong>: {c.before !== undefined ? `${c.before} → ${c.after}` : c.after}
                  </li>
                ))}
              </ul>
              {e.reason ? <Text size="sm">{t('audit.reason', { reason: e.reason })}</Text> : null}
            </Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
