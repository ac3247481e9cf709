import { Anchor, Button, Card, Checkbox, Group, NativeSelect, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { Dialog } from '../ui/Dialog';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import { useAuth } from '../app/auth';
import { localised } from '../i18n/i18n';
import { DataTable } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { formatDate, formatDateTime } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { programmeKeys } from './queries';
import type { Programme } from './queries';

export function useProcedureSummaries() {
  return useQuery({ queryKey: ['procedures'], queryFn: () => call(api.GET('/api/procedures')) });
}

export function OverviewTab({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const procedures = useProcedureSummaries();
  const [migrating, setMigrating] = useState<{ procedureKey: string; from: number; to: number }>();
  const activate = useAction(() => call(api.POST('/api/programmes/{id}/activate', { params: { path: { id: p.id } } })), {
    invalidates: [programmeKeys.all],
    done: t('programme.activate.done'),
  });
  const titleOf = (key: string) => localised(procedures.data?.find((s) => s.key === key)?.title) || key;

  return (
    <Stack gap="lg">
      <Card withBorder>
        <dl className="signature-facts">
          <dt>{t('programme.field.description')}</dt>
          <dd>{p.description}</dd>
          <dt>{t('programme.field.targetGroup')}</dt>
          <dd>{p.targetGroup}</dd>
          <dt>{t('programme.field.period')}</dt>
          <dd>
            {formatDate(p.startDate)} – {formatDate(p.endDate)} ({t('programme.field.midpoint')} {formatDate(p.midpointDate)})
          </dd>
          <dt>{t('programme.field.leaders')}</dt>
          <dd>{p.leaders.map((l) => l.name).join(', ') || '–'}</dd>
          <dt>{t('programme.field.timeZone')}</dt>
          <dd>{p.timeZone}</dd>
        </dl>
        {p.status === 'planned' && hasRole('quality_manager') ? (
          <Stack mt="md" gap="xs">
            <Text size="sm">{t('programme.activate.explanation')}</Text>
            <Button w="fit-content" loading={activate.isPending} onClick={() => activate.mutate(undefined)}>
              {t('programme.activate.action')}
            </Button>
            <ProblemAlert error={activate.error} />
          </Stack>
        ) : null}
      </Card>

      <section aria-labelledby="plan-heading">
        <Title order={2} size="h3" id="plan-heading" mb="xs">
          {t('programme.plan.title')}
        </Title>
        {p.procedurePlan.length === 0 ? (
          <Text>{t('programme.plan.empty')}</Text>
        ) : (
          <DataTable
            caption={t('programme.plan.caption')}
            head={[
              t('programme.plan.procedure'),
              t('programme.plan.version'),
              t('programme.plan.adopted'),
              t('programme.plan.reason'),
              t('programme.plan.actions'),
            ]}
          >
            {p.procedurePlan.map((entry) => {
              const effective = procedures.data?.find((s) => s.key === entry.procedureKey)?.effectiveVersion;
              const newer = effective && effective > entry.versionNumber ? effective : undefined;
              return (
                <Table.Tr key={entry.procedureKey}>
                  <Table.Td>
                    <Anchor component={Link} to={`/procedures/${entry.procedureKey}`}>
                      {titleOf(entry.procedureKey)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{entry.versionNumber}</Table.Td>
                  <Table.Td>{formatDateTime(entry.adoptedAt)}</Table.Td>
                  <Table.Td>{entry.reason}</Table.Td>
                  <Table.Td>
                    {newer && hasRole('quality_manager') && p.status === 'active' ? (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setMigrating({ procedureKey: entry.procedureKey, from: entry.versionNumber, to: newer })}
                      >
                        {t('programme.plan.migrate', { version: newer })}
                      </Button>
                    ) : newer ? (
                      t('programme.plan.newer', { version: newer })
                    ) : (
                      '–'
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </DataTable>
        )}
      </section>
      {migrating && (
        <MigrateDialog programme={p} {...migrating} title={titleOf(migrating.procedureKey)} onClose={() => setMigrating(undefined)} />
      )}
    </Stack>
  );
}

function MigrateDialog(props: { programme: Programme; procedureKey: string; from: number; to: number; title: string; onClose(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [moveOpen, setMoveOpen] = useState(false);
  const [to, setTo] = useState(String(props.to));
  const migrate = useAction(
    () =>
      call(
        api.POST('/api/programmes/{id}/procedure-plan/migrate', {
          params: { path: { id: props.programme.id } },
          body: { procedureKey: props.procedureKey, toVersion: Number(to), reason, moveOpenExecutions: moveOpen },
        }),
      ),
    { invalidates: [programmeKeys.one(props.programme.id)], done: t('programme.plan.migrated') },
  );
  const errors = fieldErrors(t, migrate.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    migrate.mutate(undefined, { onSuccess: props.onClose });
  };
  return (
    <Dialog opened onClose={props.onClose} title={t('programme.plan.migrateTitle', { procedure: props.title })}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">{t('programme.plan.migrateExplanation', { from: props.from })}</Text>
          <NativeSelect
            label={t('programme.plan.toVersion')}
            data={Array.from({ length: props.to - props.from }, (_, i) => String(props.from + 1 + i))}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
          <Textarea
            label={t('programme.plan.reason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
          <Checkbox label={t('programme.plan.moveOpen')} checked={moveOpen} onChange={(e) => setMoveOpen(e.currentTarget.checked)} />
          <ProblemAlert error={Object.keys(errors).length ? undefined : migrate.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={migrate.isPending}>
              {t('programme.plan.migrateSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
