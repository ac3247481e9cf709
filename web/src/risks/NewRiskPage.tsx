import { Button, Group, NativeSelect, Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, call, idempotencyKey } from '../api/client';
import { useUser } from '../app/auth';
import { useProgrammes } from '../programmes/queries';
import { PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { today } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { RISK_KINDS, riskKeys } from './queries';
import type { RiskKind } from './queries';
import { RiskForm, riskBody } from './RiskForm';
import type { RiskFormValues } from './RiskForm';

function inDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return next.toISOString().slice(0, 10);
}

/** A new risk states what it has: a field not assessed yet is left out, not sent as null. */
function withoutNulls<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as { [K in keyof T]: Exclude<T[K], null> };
}

/**
 * Records a risk or opportunity. A quality manager chooses the organisation or any programme; a
 * programme leader one of the programmes they lead (and owns the risk).
 */
export function NewRiskPage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const programmes = useProgrammes();
  const isQm = user.roles.includes('quality_manager');
  const contexts = [
    ...(isQm ? [{ value: '', label: t('risk.context.organisation') }] : []),
    ...(programmes.data ?? []).filter((p) => isQm || p.leaders.some((l) => l.id === user.id)).map((p) => ({ value: p.id, label: p.name })),
  ];
  const [key] = useState(idempotencyKey);
  const [kind, setKind] = useState<RiskKind>('risk');
  const [programmeId, setProgrammeId] = useState(params.get('programmeId') ?? '');
  const [values, setValues] = useState<RiskFormValues>({
    title: '',
    cause: '',
    consequence: '',
    likelihood: '3',
    impact: '3',
    treatment: '',
    actionIds: [],
    residualLikelihood: '',
    residualImpact: '',
    ownerId: isQm ? '' : user.id,
    nextReviewOn: inDays(today(), 90),
  });
  const context = programmeId || (isQm ? '' : (contexts[0]?.value ?? ''));
  const create = useAction(
    () =>
      call(
        api.POST('/api/risks', {
          headers: { 'Idempotency-Key': key },
          body: {
            kind,
            ...(context ? { programmeId: context } : {}),
            ...withoutNulls(riskBody({ ...values, ownerId: values.ownerId || user.id })),
          },
        }),
      ),
    { invalidates: [riskKeys.all], done: t('risk.create.done') },
  );
  const errors = fieldErrors(t, create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(undefined, { onSuccess: (r) => void navigate(`/risks/${r.id}`, { replace: true }) });
  };
  return (
    <>
      <PageHeader title={t('risk.create.title')} trail={[{ to: '/risks', label: t('risk.list.title') }]} />
      <Paper withBorder p="md" maw={760}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Group grow align="flex-start">
              <NativeSelect
                label={t('risk.field.kind')}
                data={RISK_KINDS.map((k) => ({ value: k, label: t(`risk.kind.${k}`) }))}
                value={kind}
                onChange={(e) => setKind(e.currentTarget.value as RiskKind)}
                error={errors.kind}
              />
              <NativeSelect
                label={t('risk.field.context')}
                data={contexts}
                value={context}
                onChange={(e) => setProgrammeId(e.currentTarget.value)}
                error={errors.programmeId}
              />
            </Group>
            <RiskForm values={{ ...values, ownerId: values.ownerId || user.id }} onChange={setValues} errors={errors} />
            <ProblemAlert error={Object.keys(errors).length ? undefined : create.error} onRetry={() => create.mutate(undefined)} />
            <Group>
              <Button type="submit" loading={create.isPending}>
                {t('risk.create.submit')}
              </Button>
              <Button variant="default" onClick={() => void navigate(-1)}>
                {t('action.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
