import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../ui/Page';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate } from '../ui/format';
import { adeptLabel } from './queries';
import type { Internship } from './queries';

/** Where an internship stands: its outcome once recorded, its state before. */
export function InternshipStatus({ internship }: { internship: Internship }) {
  return internship.outcome ? (
    <StatusBadge kind="internshipOutcome" value={internship.outcome} />
  ) : (
    <StatusBadge kind="internship" value={internship.state} />
  );
}

/**
 * Placements: the adept (by name only where the API gives it), the host or the programme, the
 * dates and where it stands; `onOutcome` offers recording the outcome of each the caller may record.
 */
export function InternshipsTable({
  items,
  caption,
  show,
  onOutcome,
  onHistory,
}: {
  items: Internship[];
  caption: string;
  show: 'host' | 'programme';
  onOutcome?: (i: Internship) => void;
  /** Opens the placement's revisions (and, for who may, its correction). */
  onHistory: (i: Internship) => void;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text role="status">{t('internship.empty')}</Text>;
  return (
    <DataTable
      caption={caption}
      head={[
        t('internship.field.adept'),
        show === 'host' ? t('internship.field.host') : t('internship.field.programme'),
        t('internship.field.supervisor'),
        t('internship.field.dates'),
        t('internship.field.status'),
        t('participant.actions'),
      ]}
    >
      {items.map((i) => (
        <Table.Tr key={i.id}>
          <Table.Td>{adeptLabel(i)}</Table.Td>
          <Table.Td>
            {show === 'host' ? (
              <Anchor component={Link} to={`/organisations/${i.organisation.id}`}>
                {i.organisation.name}
              </Anchor>
            ) : (
              <Anchor component={Link} to={`/programmes/${i.programmeId}/internships`}>
                {i.programmeName}
              </Anchor>
            )}
          </Table.Td>
          <Table.Td>
            {i.supervisorName}
            <Text size="xs">{i.supervisorRole}</Text>
          </Table.Td>
          <Table.Td>
            {t('internship.dates', { start: formatDate(i.startDate), end: formatDate(i.endDate) })}
            {i.endedOn && i.endedOn !== i.endDate ? (
              <Text size="xs">{t('internship.endedOn', { date: formatDate(i.endedOn) })}</Text>
            ) : null}
          </Table.Td>
          <Table.Td>
            <InternshipStatus internship={i} />
            {i.outcomeNote ? <Text size="xs">{i.outcomeNote}</Text> : null}
          </Table.Td>
          <Table.Td>
            <Group gap="xs" wrap="wrap">
              {onOutcome && i.mayRecord && !i.outcome ? (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => onOutcome(i)}
                  aria-label={t('internship.outcome.labelFor', { who: adeptLabel(i) })}
                >
                  {t('internship.outcome.action')}
                </Button>
              ) : null}
              <Button
                size="compact-xs"
                variant="default"
                onClick={() => onHistory(i)}
                aria-label={t('internship.history.labelFor', { who: adeptLabel(i) })}
              >
                {t('internship.history.action')}
              </Button>
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
