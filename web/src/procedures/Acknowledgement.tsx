/**
 * "Read and understood" of a procedure's version in force: the button for the user it asks (and,
 * once they have acknowledged it, when they did), and for quality managers and auditors who has
 * acknowledged and who has not. The people listed are staff, named as the users list names them.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';
import { ProblemAlert } from '../ui/ProblemAlert';
import { AcknowledgementList } from '../ui/AcknowledgementList';
import { formatDateTime } from '../ui/format';
import { useAction } from '../ui/useAction';

type Procedure = Schemas['ProcedureResponse'];

export const ACKNOWLEDGING_ROLES = ['programme_leader', 'quality_manager', 'board_member', 'admin'] as const;
export type AcknowledgingRole = (typeof ACKNOWLEDGING_ROLES)[number];

/** Procedures whose version in force asks the signed-in user to acknowledge it, not yet acknowledged. */
export function useProceduresToAcknowledge() {
  return useQuery({
    queryKey: ['procedures', { toAcknowledge: true }],
    queryFn: () => call(api.GET('/api/procedures', { params: { query: { toAcknowledge: true } } })),
  });
}

/** The user's "read and understood" of the version in force, when it asks them. */
export function MyProcedureAcknowledgement({ procedure: p }: { procedure: Procedure }) {
  const { t } = useTranslation();
  const ack = useAction(() => call(api.POST('/api/procedures/{key}/acknowledgements', { params: { path: { key: p.key } } })), {
    invalidates: [['procedures']],
    done: t('procedure.acknowledge.done'),
  });
  if (!p.myAcknowledgement.required || p.effectiveVersion === null) return null;
  if (p.myAcknowledgement.acknowledgedAt) {
    return (
      <Group gap={6}>
        <IconCircleCheck size={18} aria-hidden />
        <Text size="sm">
          {t('procedure.acknowledge.done_at', { version: p.effectiveVersion, at: formatDateTime(p.myAcknowledgement.acknowledgedAt) })}
        </Text>
      </Group>
    );
  }
  return (
    <Alert color="blue" variant="light" title={t('procedure.acknowledge.title')}>
      <Stack gap="xs">
        <Text size="sm">{t('procedure.acknowledge.explanation', { version: p.effectiveVersion })}</Text>
        <ProblemAlert error={ack.error} />
        <Button w="fit-content" onClick={() => ack.mutate(undefined)} loading={ack.isPending}>
          {t('procedure.acknowledge.button')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** Who must acknowledge the version in force, those who have not first (quality managers and auditors). */
export function ProcedureAcknowledgements({ procedureKey }: { procedureKey: string }) {
  const list = useQuery({
    queryKey: ['procedures', procedureKey, 'acknowledgements'],
    queryFn: () => call(api.GET('/api/procedures/{key}/acknowledgements', { params: { path: { key: procedureKey } } })),
  });
  return <AcknowledgementList id="procedure-acknowledgements" query={list} />;
}
