/**
 * Administrators: mails that failed after their retries, or whose fate is uncertain (the service
 * stopped while sending), with the recipient, reason, error and attempts; one can be sent again.
 */
import { Button, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';
import { Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { useAction } from '../ui/useAction';

type Mail = Schemas['OutboxMailResponse'];
type Filter = 'attention' | 'queued';

function RetryButton({ mail }: { mail: Mail }) {
  const { t } = useTranslation();
  const retry = useAction(() => call(api.POST('/api/admin/mail/{id}/retry', { params: { path: { id: mail.id } } })), {
    invalidates: [['admin-mail']],
    done: t('mailAdmin.retried'),
  });
  return (
    <Stack gap={4}>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconSend size={14} aria-hidden />}
        loading={retry.isPending}
        onClick={() => {
          if (mail.state === 'uncertain' && !window.confirm(t('mailAdmin.confirmUncertain'))) return;
          void retry.mutateAsync(undefined).catch(() => undefined);
        }}
        aria-label={t('mailAdmin.retryOne', { reason: mail.reason })}
      >
        {t('mailAdmin.retry')}
      </Button>
      <ProblemAlert error={retry.error} />
    </Stack>
  );
}

export function MailFailuresPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<Filter>('attention');
  const list = useQuery({
    queryKey: ['admin-mail', filter],
    queryFn: () => call(api.GET('/api/admin/mail', { params: { query: filter === 'queued' ? { state: 'queued' } : {} } })),
  });
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <Stack>
      <PageHeader title={t('mailAdmin.title')} />
      <Text size="sm">{t('mailAdmin.intro')}</Text>
      <SegmentedControl
        aria-label={t('mailAdmin.filter')}
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        data={[
          { value: 'attention', label: t('mailAdmin.attention') },
          { value: 'queued', label: t('mailAdmin.queued') },
        ]}
        w="fit-content"
      />
      {list.isPending ? <Loading /> : null}
      <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.data && list.data.items.length === 0 ? <Text>{t('mailAdmin.none')}</Text> : null}
      {list.data && list.data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Caption>{t('mailAdmin.caption', { count: list.data.total })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mailAdmin.col.state')}</Table.Th>
                <Table.Th>{t('mailAdmin.col.recipient')}</Table.Th>
                <Table.Th>{t('mailAdmin.col.reason')}</Table.Th>
                <Table.Th>{t('mailAdmin.col.error')}</Table.Th>
                <Table.Th>{t('mailAdmin.col.attempts')}</Table.Th>
                <Table.Th>{t('mailAdmin.col.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <StatusBadge kind="mail" value={m.state} />
                  </Table.Td>
                  <Table.Td>{m.recipient}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{m.reason}</Table.Td>
                  <Table.Td>{m.lastError ?? '–'}</Table.Td>
                  <Table.Td>
                    {m.attempts}
                    {m.state === 'queued' ? (
                      <Text size="xs" c="dimmed">
                        {t('mailAdmin.nextAttempt', { when: when(m.nextAttemptAt) })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{m.state === 'failed' || m.state === 'uncertain' ? <RetryButton mail={m} /> : '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
