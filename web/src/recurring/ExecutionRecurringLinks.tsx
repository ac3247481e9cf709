import { Anchor, Group } from '@mantine/core';
import { IconTimeline, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import type { ProcedureDefinition } from '../procedures/definition';
import { nounOf } from './SubjectTimeline';
import { timelinePath } from './RecurringTab';

/** On an occurrence of a recurring activity: the way to its subject's timeline, and to its attendance list. */
export function ExecutionRecurringLinks({
  execution: e,
  definition,
}: {
  execution: Schemas['ExecutionResponse'];
  definition?: ProcedureDefinition;
}) {
  const { t } = useTranslation();
  if (!definition?.recurring && !definition?.attendance) return null;
  const subjectId = e.subject.type === 'cohort' ? null : (e.subject.pairId ?? e.subject.participantId ?? null);
  return (
    <Group gap="md">
      {definition.recurring ? (
        <Anchor component={Link} to={timelinePath(e.programmeId, subjectId)} size="sm">
          <IconTimeline size={14} aria-hidden /> {t(`recurring.allOf.${nounOf(e.subject.type)}`)}
        </Anchor>
      ) : null}
      {definition.attendance ? (
        <Anchor component={Link} to={`/executions/${e.id}/attendance`} size="sm">
          <IconUsers size={14} aria-hidden /> {t('attendance.link')}
        </Anchor>
      ) : null}
    </Group>
  );
}
