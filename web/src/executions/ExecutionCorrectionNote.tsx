/**
 * For a record that points at an execution (a deviation): whether a correction changed the
 * execution's judgement to conforming (approved by whom, when, why) or awaits approval. The
 * deviation itself stays as it is: it closes through its own life cycle.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDateTime } from '../ui/format';
import { executionKey } from './keys';

export function ExecutionCorrectionNote({ executionId }: { executionId: string }) {
  const { t } = useTranslation();
  const execution = useQuery({
    queryKey: executionKey(executionId),
    queryFn: () => call(api.GET('/api/executions/{id}', { params: { path: { id: executionId } } })),
  });
  const e = execution.data;
  if (!e) return null;
  const changed = e.changedByCorrection;
  const pending = e.corrections.some((c) => c.state === 'pending');
  if (!changed && !pending) return null;
  return (
    <>
      <dt>{t('execution.corrections.noteLabel')}</dt>
      <dd>
        {changed ? (
          <>
            <StatusBadge kind="conformance" value="conforming_after_correction" />{' '}
            {changed.correctionId
              ? t('execution.afterCorrection.text', {
                  by: changed.approvedByName ?? '?',
                  at: changed.approvedAt ? formatDateTime(changed.approvedAt) : '?',
                  reason: changed.reason ?? '',
                })
              : t('execution.afterCorrection.unapproved')}
          </>
        ) : (
          <StatusBadge kind="correction" value="pending" />
        )}
      </dd>
    </>
  );
}
