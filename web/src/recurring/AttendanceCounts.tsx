import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StatusIcon } from '../ui/StatusBadge';
import type { Schemas } from '../api/client';

const LOOK = { present: 'completed', absent: 'withdrawn', notRecorded: 'not_yet_due' } as const;

/** Present, absent and not recorded, each as a number with its word and icon. */
export function AttendanceCounts({ counts }: { counts: Schemas['AttendanceCountsResponse'] }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" role="group" aria-label={t('attendance.counts')}>
      {(['present', 'absent', 'notRecorded'] as const).map((k) => (
        <Text size="sm" key={k} component="span">
          <StatusIcon value={LOOK[k]} /> {t(`attendance.count.${k}`, { count: counts[k] })}
        </Text>
      ))}
    </Group>
  );
}

/** A person as the attendance list names them: the name where the API gives it, the code always. */
export function attendeeLabel(a: { code: string; name?: string }): string {
  return a.name ? `${a.name} (${a.code})` : a.code;
}

/** Present, absent and not recorded: a word with an icon. */
export function AttendanceStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  const look = status === 'present' ? 'completed' : status === 'absent' ? 'withdrawn' : 'not_yet_due';
  return (
    <Text size="sm" component="span">
      <StatusIcon value={look} /> {t(`attendance.status.${status}`)}
    </Text>
  );
}
