import { Anchor, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { useUser } from '../app/auth';
import { useProgrammes } from '../programmes/queries';
import { useStaff } from '../users/staff';
import { DataTable, Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { today } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { IMPORTANCE, auditKeys, listOf, useAudits } from './queries';
import type { IsoClause } from './queries';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Plans an audit in the year's programme (quality managers): what is audited, when, why, and its details. */
function PlanForm({ year, onDone }: { year: number; onDone(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const programmes = useProgrammes();
  const staff = useStaff();
  const auditors = (staff.data ?? []).filter(
    (s) => s.active && s.roles.some((r) => r === 'quality_manager' || r === 'programme_leader' || r === 'board_member'),
  );
  const [f, setF] = useState({
    title: '',
    processes: '',
    procedureKeys: '',
    programmeId: '',
    plannedMonth: String(Number(today().slice(5, 7))),
    importance: 'medium',
    previousResults: '',
    scope: '',
    clauses: '',
    periodFrom: '',
    periodTo: '',
    leadAuditorId: '',
  });
  const [team, setTeam] = useState<string[]>([]);
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value });
  const plan = useAction(
    () =>
      call(
        api.POST('/api/internal-audits', {
          body: {
            year,
            title: f.title,
            processes: listOf(f.processes),
            procedureKeys: listOf(f.procedureKeys),
            programmeId: f.programmeId || undefined,
            plannedMonth: Number(f.plannedMonth),
            importance: f.importance as (typeof IMPORTANCE)[number],
            previousResults: f.previousResults || undefined,
            scope: f.scope || undefined,
            clauses: listOf(f.clauses) as IsoClause[],
            periodFrom: f.periodFrom || undefined,
            periodTo: f.periodTo || undefined,
            leadAuditorId: f.leadAuditorId || undefined,
            teamIds: team,
          },
        }),
      ),
    { invalidates: [auditKeys.all], done: (a) => t('internalAudit.plan.done', { reference: a.reference }) },
  );
  const errors = fieldErrors(t, plan.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    plan.mutate(undefined, { onSuccess: (a) => void navigate(`/internal-audits/${a.id}`) });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="audit-plan">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="audit-plan">
            {t('internalAudit.plan.title', { year })}
          </Title>
          <TextInput label={t('internalAudit.field.title')} required value={f.title} onChange={set('title')} error={errors.title} />
          <div className="two-columns">
            <TextInput
              label={t('internalAudit.field.processes')}
              description={t('internalAudit.field.commaSeparated')}
              value={f.processes}
              onChange={set('processes')}
              error={errors.processes}
            />
            <TextInput
              label={t('internalAudit.field.procedureKeys')}
              description={t('internalAudit.field.commaSeparated')}
              value={f.procedureKeys}
              onChange={set('procedureKeys')}
              error={errors.procedureKeys}
            />
          </div>
          <div className="two-columns">
            <NativeSelect
              label={t('internalAudit.field.programme')}
              data={[
                { value: '', label: t('internalAudit.organisation') },
                ...(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name })),
              ]}
              value={f.programmeId}
              onChange={set('programmeId')}
              error={errors.programmeId}
            />
            <NativeSelect
              label={t('internalAudit.field.plannedMonth')}
              data={MONTHS.map((m) => ({ value: String(m), label: t(`internalAudit.month.${m}`) }))}
              value={f.plannedMonth}
              onChange={set('plannedMonth')}
              error={errors.plannedMonth}
            />
          </div>
          <NativeSelect
            label={t('internalAudit.field.importance')}
            data={IMPORTANCE.map((i) => ({ value: i, label: t(`internalAudit.importance.${i}`) }))}
            value={f.importance}
            onChange={set('importance')}
          />
          <Textarea
            label={t('internalAudit.field.previousResults')}
            autosize
            minRows={2}
            value={f.previousResults}
            onChange={set('previousResults')}
            error={errors.previousResults}
          />
          <Textarea
            label={t('internalAudit.field.scope')}
            autosize
            minRows={2}
            value={f.scope}
            onChange={set('scope')}
            error={errors.scope}
          />
          <TextInput
            label={t('internalAudit.field.clauses')}
            description={t('internalAudit.field.clausesHelp')}
            value={f.clauses}
            onChange={set('clauses')}
            error={errors.clauses}
          />
          <div className="two-columns">
            <TextInput
              type="date"
              label={t('internalAudit.field.periodFrom')}
              value={f.periodFrom}
              onChange={set('periodFrom')}
              error={errors.periodFrom}
            />
            <TextInput
              type="date"
              label={t('internalAudit.field.periodTo')}
              value={f.periodTo}
              onChange={set('periodTo')}
              error={errors.periodTo}
            />
          </div>
          <NativeSelect
            label={t('internalAudit.field.leadAuditor')}
            data={[{ value: '', label: t('internalAudit.notChosen') }, ...auditors.map((s) => ({ value: s.id, label: s.name }))]}
            value={f.leadAuditorId}
            onChange={set('leadAuditorId')}
            error={errors.leadAuditorId}
          />
          <Checkbox.Group label={t('internalAudit.field.team')} value={team} onChange={setTeam} error={errors.teamIds}>
            <Group gap="md" mt={4}>
              {auditors
                .filter((s) => s.id !== f.leadAuditorId)
                .map((s) => (
                  <Checkbox key={s.id} value={s.id} label={s.name} />
                ))}
            </Group>
          </Checkbox.Group>
          <ProblemAlert error={Object.keys(errors).length ? undefined : plan.error} onRetry={() => plan.mutate(undefined)} />
          <Group>
            <Button type="submit" loading={plan.isPending}>
              {t('internalAudit.plan.submit')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('action.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The programme of internal audits for a year: what is audited when and why, and each audit's state. */
export function AuditsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(today().slice(0, 4));
  const year = Number(params.get('year') ?? thisYear) || thisYear;
  const [planning, setPlanning] = useState(false);
  const list = useAudits({ year });
  const isQm = user.roles.includes('quality_manager');
  return (
    <>
      <PageHeader
        title={t('internalAudit.list.title')}
        actions={
          isQm && !planning ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setPlanning(true)}>
              {t('internalAudit.plan.open')}
            </Button>
          ) : undefined
        }
      />
      <Text size="sm" mb="md">
        {t('internalAudit.list.intro')}
      </Text>
      <Stack gap="lg">
        <form role="search" aria-label={t('internalAudit.list.choose')} onSubmit={(e) => e.preventDefault()}>
          <NativeSelect
            label={t('internalAudit.field.year')}
            w={160}
            data={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: String(y), label: String(y) }))}
            value={String(year)}
            onChange={(e) => setParams({ year: e.currentTarget.value })}
          />
        </form>
        {planning ? <PlanForm year={year} onDone={() => setPlanning(false)} /> : null}
        <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
        {list.isPending ? (
          <Loading />
        ) : (list.data?.items.length ?? 0) === 0 ? (
          <Text>{t('internalAudit.list.empty', { year })}</Text>
        ) : (
          <DataTable
            caption={t('internalAudit.list.caption', { year, count: list.data!.items.length })}
            head={[
              t('internalAudit.field.plannedMonth'),
              t('internalAudit.field.reference'),
              t('internalAudit.field.title'),
              t('internalAudit.field.audited'),
              t('internalAudit.field.importance'),
              t('internalAudit.field.leadAuditor'),
              t('internalAudit.field.state'),
            ]}
          >
            {list.data!.items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{t(`internalAudit.month.${a.plannedMonth}`)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/internal-audits/${a.id}`}>
                    {a.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td>{a.title}</Table.Td>
                <Table.Td>
                  {[...a.processes, ...a.procedureKeys].join(', ')}
                  <Text size="xs">{a.programmeName ?? t('internalAudit.organisation')}</Text>
                </Table.Td>
                <Table.Td>{t(`internalAudit.importance.${a.importance}`)}</Table.Td>
                <Table.Td>{a.leadAuditor?.name ?? '—'}</Table.Td>
                <Table.Td>
                  <StatusBadge kind="audit" value={a.state} />
                  {a.due ? (
                    <>
                      {' '}
                      <StatusBadge kind="cell" value="due" />
                    </>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Stack>
    </>
  );
}
