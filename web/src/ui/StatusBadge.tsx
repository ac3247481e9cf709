/**
 * A status as text and icon, never colour alone.
 */
import { Badge } from '@mantine/core';
import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconBriefcase,
  IconCircle,
  IconCircleCheck,
  IconCircleDashed,
  IconCircleX,
  IconEraser,
  IconEditCircle,
  IconClock,
  IconClockExclamation,
  IconHourglass,
  IconMinus,
  IconPlayerPlay,
  IconSearch,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

type Icon = ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
const LOOK: Record<string, [Icon, string]> = {
  not_yet_due: [IconCircleDashed, 'gray'],
  due: [IconClock, 'blue'],
  overdue: [IconClockExclamation, 'red'],
  in_progress: [IconHourglass, 'yellow'],
  conforming: [IconCircleCheck, 'green'],
  nonconforming: [IconCircleX, 'red'],
  conforming_after_correction: [IconEditCircle, 'teal'],
  cadence_missed: [IconClockExclamation, 'orange'],
  pending: [IconHourglass, 'yellow'],
  approved: [IconCircleCheck, 'green'],
  rejected: [IconCircleX, 'gray'],
  not_applicable: [IconMinus, 'gray'],
  open: [IconCircle, 'blue'],
  completed: [IconCircleCheck, 'green'],
  analysis: [IconSearch, 'grape'],
  action_plan: [IconClock, 'indigo'],
  closed: [IconCircleCheck, 'green'],
  cancelled: [IconMinus, 'gray'],
  planned: [IconCircleDashed, 'blue'],
  implemented: [IconCircleCheck, 'teal'],
  effectiveness_check: [IconSearch, 'grape'],
  active: [IconPlayerPlay, 'green'],
  withdrawn: [IconMinus, 'gray'],
  minor: [IconCircle, 'yellow'],
  major: [IconAlertOctagon, 'orange'],
  critical: [IconAlertOctagon, 'red'],
  low: [IconCircle, 'green'],
  medium: [IconAlertTriangle, 'yellow'],
  high: [IconAlertOctagon, 'red'],
  met: [IconCircleCheck, 'green'],
  not_met: [IconCircleX, 'red'],
  not_measurable: [IconMinus, 'gray'],
  inactive: [IconMinus, 'gray'],
  ongoing: [IconPlayerPlay, 'blue'],
  awaiting_outcome: [IconClockExclamation, 'yellow'],
  ended: [IconCircleCheck, 'green'],
  employed: [IconBriefcase, 'green'],
  ended_early: [IconCircleX, 'orange'],
  other: [IconCircle, 'gray'],
  // Survey invitations and the review of their free text.
  answered: [IconCircleCheck, 'green'],
  declined: [IconMinus, 'gray'],
  expired: [IconClockExclamation, 'orange'],
  cleared: [IconCircleCheck, 'green'],
  redacted: [IconEraser, 'grape'],
  // Mail deliveries.
  failed: [IconCircleX, 'red'],
  uncertain: [IconAlertTriangle, 'orange'],
  queued: [IconHourglass, 'blue'],
};

/** `kind` picks the label family: status.<kind>.<value>. */
export function StatusBadge({ kind, value }: { kind: string; value: string }) {
  const { t } = useTranslation();
  const [Icon, color] = LOOK[value] ?? [IconCircle, 'gray'];
  return (
    <Badge color={color} variant="light" leftSection={<Icon size={14} aria-hidden />} tt="none" className="status-badge">
      {t(`status.${kind}.${value}`, { defaultValue: value.replace(/_/g, ' ') })}
    </Badge>
  );
}

/** The icon of a status alone, for places where the status text stands beside it. */
export function StatusIcon({ value, size = 14 }: { value: string; size?: number }) {
  const [Icon] = LOOK[value] ?? [IconCircle, 'gray'];
  return <Icon size={size} aria-hidden />;
}
