import { Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { DataTable, Loading } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { formatDate, formatDateTime } from '../ui/format';
import { adeptLabel, internshipKeys } from './queries';
import type { Internship } from './queries';

type Revision = Schemas['InternshipRevisionResponse'];

/** The fields a revision can change, in the order a person reads a placement. */
const TRACKED = [
  'supervisorName',
  'supervisorRole',
  'supervisorEmail',
  'startDate',
  'endDate',
  'hoursPerWeek',
  'outcome',
  'endedOn',
  'outcomeNote',
] as const;
type Tracked = (typeof TRACKED)[number];

function shown(t: TFunction, field: Tracked, value: Revision[Tracked]): string {
  if (value === null || value === undefined || value === '') return '–';
  if (field === 'startDate' || field === 'endDate' || field === 'endedOn') return formatDate(String(value));
  if (field === 'outcome') return t(`status.internshipOutcome.${String(value)}`);
  return String(value);
}

/** What a revision changed against the one before, as "field: old → new" lines. */
export function revisionChanges(t: TFunction, previous: Revision | undefined, r: Revision): string[] {
  if (!previous) return [];
  return TRACKED.filter((f) => (previous[f] ?? null) !== (r[f] ?? null)).map((f) =>
    t('internship.history.changed', { field: t(`internship.field.${f}`), old: shown(t, f, previous[f]), new: shown(t, f, r[f]) }),
  );
}

export function useInternshipHistory(id: string) {
  return useQuery({
    queryKey: internshipKeys.history(id),
    queryFn: () => call(api.GET('/api/internships/{id}/history', { params: { path: { id } } })),
  });
}

/**
 * Every revision of one placement, oldest first: who changed what, when and why. Nothing is
 * rewritten: a correction is a new revision, and the earlier ones stay readable here.
 */
export function InternshipHistoryDialog({
  internship,
  onClose,
  onCorrect,
}: {
  internship: Internship;
  onClose(): void;
  /** Offered to whoever may revise the placement. */
  onCorrect?: () => void;
}) {
  const { t } = useTranslation();
  const history = useInternshipHistory(internship.id);
  const revisions = history.data?.revisions ?? [];
  return (
    <Dialog opened onClose={onClose} size="xl" title={t('internship.history.title', { who: adeptLabel(internship) })}>
      <Stack gap="sm">
        <Text size="sm">{t('internship.history.intro', { host: internship.organisation.name })}</Text>
        <ProblemAlert error={history.error} onRetry={() => void history.refetch()} />
        {history.isPending ? (
          <Loading />
        ) : (
          <DataTable
            caption={t('internship.history.caption')}
            head={[
              t('internship.history.revision'),
              t('internship.history.change'),
              t('internship.history.reason'),
              t('internship.history.recorded'),
            ]}
          >
            {revisions.map((r, i) => {
              const changes = revisionChanges(t, revisions[i - 1], r);
              return (
                <Table.Tr key={r.revision}>
                  <Table.Td>{r.revision}</Table.Td>
                  <Table.Td>
                    {t(`internship.change.${r.change}`)}
                    {changes.length ? (
                      <List size="xs" spacing={2}>
                        {changes.map((c) => (
                          <List.Item key={c}>{c}</List.Item>
                        ))}
                      </List>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{r.reason ?? '–'}</Table.Td>
                  <Table.Td>
                    {r.recordedBy.name}, {formatDateTime(r.recordedAt)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </DataTable>
        )}
        <Group justify="flex-end">
          {onCorrect ? (
            <Button variant="light" leftSection={<IconPencil size={16} aria-hidden />} onClick={onCorrect}>
              {t('internship.revise.action')}
            </Button>
          ) : null}
          <Button variant="default" onClick={onClose}>
            {t('action.close')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
