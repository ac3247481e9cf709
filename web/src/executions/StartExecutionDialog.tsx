import { Anchor, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { Dialog } from '../ui/Dialog';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, api, call, idempotencyKey } from '../api/client';
import { localised } from '../i18n/i18n';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useAction } from '../ui/useAction';
import { participantLabel, programmeKeys, useMatrix, useParticipants, usePairs } from '../programmes/queries';
import type { Programme } from '../programmes/queries';

export type SubjectRef = { participantId: string } | { pairId: string } | { cohort: true };

/**
 * Starts an execution of a procedure in the plan for a participant, a pair or the cohort, and
 * opens it. From a matrix cell both are known; otherwise the user picks them.
 */
export function StartExecutionDialog(props: {
  programme: Programme;
  procedureKey?: string;
  subject?: SubjectRef;
  subjectLabel?: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { programme } = props;
  const matrix = useMatrix(programme.id);
  const participants = useParticipants(programme.id);
  const pairs = usePairs(programme.id);
  // A closed programme takes only the procedures carried out after it closes (afterClose).
  const offered = (matrix.data?.procedures ?? []).filter((p) => programme.status !== 'closed' || p.afterClose);
  const [picked, setProcedureKey] = useState(props.procedureKey ?? '');
  const procedureKey =
    picked || (programme.status === 'closed' ? (offered[0]?.procedureKey ?? '') : (programme.procedurePlan[0]?.procedureKey ?? ''));
  const [subjectValue, setSubjectValue] = useState('');
  const [key] = useState(idempotencyKey);
  const procedure = matrix.data?.procedures.find((p) => p.procedureKey === procedureKey);
  const kind = procedure?.subject;

  const options: { value: string; label: string }[] =
    kind === 'cohort'
      ? [{ value: 'cohort', label: t('matrix.cohort') }]
      : kind === 'pair'
        ? (pairs.data ?? [])
            .filter((p) => p.active || procedure?.afterClose)
            .map((p) => {
              const byId = new Map((participants.data ?? []).map((x) => [x.id, x]));
              return {
                value: `pair:${p.id}`,
                label: `${participantLabel(byId.get(p.mentorId), p.mentorCode)} / ${participantLabel(byId.get(p.adeptId), p.adeptCode)}`,
              };
            })
        : (participants.data ?? [])
            // Work after the programme closes follows up those who completed or left, too.
            .filter((p) => p.role === kind && (p.status === 'active' || procedure?.afterClose))
            .map((p) => ({ value: `participant:${p.id}`, label: participantLabel(p) }));
  const chosen = subjectValue || options[0]?.value || '';

  const subject: SubjectRef | undefined =
    props.subject ??
    (chosen === 'cohort'
      ? { cohort: true }
      : chosen.startsWith('pair:')
        ? { pairId: chosen.slice(5) }
        : chosen.startsWith('participant:')
          ? { participantId: chosen.slice(12) }
          : undefined);

  const start = useAction(
    () =>
      call(
        api.POST('/api/programmes/{id}/executions', {
          params: { path: { id: programme.id } },
          headers: { 'Idempotency-Key': key },
          body: { procedureKey, subject: subject! },
        }),
      ),
    { invalidates: [programmeKeys.matrix(programme.id)] },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate(undefined, { onSuccess: (execution) => void navigate(`/executions/${execution.id}`) });
  };
  const title = localised(procedure?.title) || procedureKey;
  return (
    <Dialog opened onClose={props.onClose} title={t('execution.start.title')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {props.procedureKey && props.subject ? (
            <Text>{t('execution.start.confirm', { procedure: title, subject: props.subjectLabel ?? '' })}</Text>
          ) : (
            <>
              <NativeSelect
                label={t('execution.field.procedure')}
                data={offered.map((p) => ({ value: p.procedureKey, label: localised(p.title) || p.procedureKey }))}
                value={procedureKey}
                onChange={(e) => {
                  setProcedureKey(e.currentTarget.value);
                  setSubjectValue('');
                }}
              />
              <NativeSelect
                label={t('execution.field.subject')}
                data={options}
                value={chosen}
                onChange={(e) => setSubjectValue(e.currentTarget.value)}
                disabled={options.length === 0}
              />
            </>
          )}
          <ProblemAlert error={start.error} onRetry={() => start.mutate(undefined)} />
          {start.error instanceof ApiError &&
          start.error.code === 'execution_open' &&
          typeof start.error.problem.executionId === 'string' ? (
            <Anchor component={Link} to={`/executions/${start.error.problem.executionId}`}>
              {t('execution.start.openExisting')}
            </Anchor>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={start.isPending} disabled={!subject || !procedureKey}>
              {t('execution.start.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
