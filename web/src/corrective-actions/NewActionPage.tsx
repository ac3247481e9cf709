import { Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, call, idempotencyKey } from '../api/client';
import { useUser } from '../app/auth';
import { deviationKeys, useDeviation, useDeviations } from '../deviations/queries';
import { useProgrammes } from '../programmes/queries';
import { Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { useStaff } from '../users/staff';
import { actionKeys } from './queries';

const TYPES = ['correction', 'corrective', 'preventive', 'improvement'] as const;

function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

interface PlanForm {
  description: string;
  ownerId: string;
  dueDate: string;
  effectivenessCriterion: string;
}

/** What every new action states, with or without a deviation: what is done, by whom, by when, and how its effect is judged. */
function PlanFields({
  form,
  set,
  errors,
  owners,
  ownerId,
}: {
  form: PlanForm;
  set: (k: keyof PlanForm) => (e: { currentTarget: { value: string } }) => void;
  errors: Record<string, string>;
  owners: { id: string; name: string }[];
  ownerId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Textarea
        label={t('ca.field.description')}
        required
        autosize
        minRows={3}
        value={form.description}
        onChange={set('description')}
        error={errors.description}
      />
      <Group grow align="flex-start">
        <NativeSelect
          label={t('ca.field.owner')}
          data={owners.map((o) => ({ value: o.id, label: o.name }))}
          value={ownerId}
          onChange={set('ownerId')}
          error={errors.ownerId}
        />
        <TextInput
          type="date"
          label={t('ca.field.dueDate')}
          required
          value={form.dueDate}
          onChange={set('dueDate')}
          error={errors.dueDate}
        />
      </Group>
      <Textarea
        label={t('ca.field.criterion')}
        description={t('ca.create.criterionHelp')}
        required
        autosize
        minRows={2}
        value={form.effectivenessCriterion}
        onChange={set('effectivenessCriterion')}
        error={errors.effectivenessCriterion}
      />
    </>
  );
}

/** The form's end: a problem that names no field, then submit and cancel. */
function SubmitRow({
  label,
  create,
  errors,
}: {
  label: string;
  create: { error: unknown; isPending: boolean; mutate: (args: undefined) => void };
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <ProblemAlert error={Object.keys(errors).length ? undefined : create.error} onRetry={() => create.mutate(undefined)} />
      <Group>
        <Button type="submit" loading={create.isPending}>
          {label}
        </Button>
        <Button variant="default" onClick={() => void navigate(-1)}>
          {t('action.cancel')}
        </Button>
      </Group>
    </>
  );
}

/**
 * A quality manager plans a corrective action for one or more deviations of a programme. The owner
 * is chosen among the programme's leaders and the quality manager: the API offers no staff list.
 */
export function NewActionPage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const first = useDeviation(params.get('deviation') ?? '');
  const programmeId = first.data?.programmeId;
  const siblings = useDeviations({ programmeId }, 100, !!programmeId);
  const programmes = useProgrammes();
  const open = (siblings.data?.pages.flatMap((p) => p.items) ?? []).filter((d) => d.state !== 'closed' && d.state !== 'cancelled');
  const owners = useMemo(() => {
    const leaders = programmes.data?.find((p) => p.id === programmeId)?.leaders ?? [];
    const all = [{ id: user.id, name: user.name }, ...leaders.filter((l) => l.id !== user.id)];
    return all;
  }, [programmes.data, programmeId, user]);
  const [key] = useState(idempotencyKey);
  const [chosen, setChosen] = useState<string[]>([]);
  const [form, setForm] = useState({
    type: 'corrective' as (typeof TYPES)[number],
    description: '',
    ownerId: '',
    dueDate: inDays(30),
    effectivenessCriterion: '',
  });
  const [checkAfterDays, setCheckAfterDays] = useState<number>(30);
  const deviationIds = chosen.length ? chosen : first.data ? [first.data.id] : [];
  const ownerId = form.ownerId || owners[0]?.id || '';
  const create = useAction(
    () =>
      call(
        api.POST('/api/corrective-actions', {
          headers: { 'Idempotency-Key': key },
          body: { ...form, ownerId, deviationIds, effectivenessCheckAfterDays: checkAfterDays },
        }),
      ),
    { invalidates: [actionKeys.all, deviationKeys.all], done: t('ca.create.done') },
  );
  const errors = fieldErrors(t, create.error);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(undefined, { onSuccess: (a) => void navigate(`/corrective-actions/${a.id}`, { replace: true }) });
  };

  if (!params.get('deviation')) return <NewImprovementAction />;
  if (first.isPending) return <Loading />;
  if (!first.data) return <ProblemAlert error={first.error} />;
  return (
    <>
      <PageHeader title={t('ca.create.title')} trail={[{ to: `/deviations/${first.data.id}`, label: first.data.reference }]} />
      <Paper withBorder p="md" maw={720}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Checkbox.Group
              label={t('ca.field.deviations')}
              description={t('ca.create.deviationsHelp')}
              value={deviationIds}
              onChange={setChosen}
              error={errors.deviationIds}
            >
              <Stack gap={4} mt={4}>
                {(open.length ? open : [first.data]).map((d) => (
                  <Checkbox key={d.id} value={d.id} label={`${d.reference}: ${d.title}`} />
                ))}
              </Stack>
            </Checkbox.Group>
            <NativeSelect
              label={t('ca.field.type')}
              data={TYPES.map((ty) => ({ value: ty, label: t(`action.type.${ty}`) }))}
              value={form.type}
              onChange={set('type')}
              error={errors.type}
            />
            <PlanFields form={form} set={set} errors={errors} owners={owners} ownerId={ownerId} />
            <NumberInput
              label={t('ca.field.checkAfterDays')}
              description={t('ca.create.checkAfterDaysHelp')}
              required
              min={0}
              max={730}
              allowDecimal={false}
              value={checkAfterDays}
              onChange={(v) => setCheckAfterDays(typeof v === 'number' ? v : Number(v) || 0)}
              error={errors.effectivenessCheckAfterDays}
            />
            <SubmitRow label={t('ca.create.submit')} create={create} errors={errors} />
          </Stack>
        </form>
      </Paper>
    </>
  );
}

const IMPROVEMENT_TYPES = ['improvement', 'preventive'] as const;
/** Sources named in words here; a review, risk or objective plans its actions from its own page. */
const WORDED_SOURCES = ['other', 'internal_audit'] as const;

/**
 * An improvement or preventive action without a deviation (ISO 9001 10.3): it names its source
 * instead, and then lives as every action does.
 */
function NewImprovementAction() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const staff = useStaff();
  const [key] = useState(idempotencyKey);
  const [form, setForm] = useState({
    type: 'improvement' as (typeof IMPROVEMENT_TYPES)[number],
    source: 'other' as (typeof WORDED_SOURCES)[number],
    sourceText: '',
    description: '',
    ownerId: '',
    dueDate: inDays(30),
    effectivenessCriterion: '',
  });
  const owners = (staff.data ?? []).filter((s) => s.active && s.roles.some((r) => r === 'quality_manager' || r === 'programme_leader'));
  const ownerId = form.ownerId || user.id;
  const create = useAction(
    () => call(api.POST('/api/improvement-actions', { headers: { 'Idempotency-Key': key }, body: { ...form, ownerId } })),
    { invalidates: [actionKeys.all], done: t('ca.create.done') },
  );
  const errors = fieldErrors(t, create.error);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(undefined, { onSuccess: (a) => void navigate(`/corrective-actions/${a.id}`, { replace: true }) });
  };
  return (
    <>
      <PageHeader title={t('ca.improve.title')} />
      <Paper withBorder p="md" maw={720}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('ca.improve.intro')}</Text>
            <Text size="sm">{t('ca.improve.fromDeviation')}</Text>
            <Group grow align="flex-start">
              <NativeSelect
                label={t('ca.field.type')}
                data={IMPROVEMENT_TYPES.map((ty) => ({ value: ty, label: t(`action.type.${ty}`) }))}
                value={form.type}
                onChange={set('type')}
                error={errors.type}
              />
              <NativeSelect
                label={t('ca.improve.source')}
                data={WORDED_SOURCES.map((so) => ({ value: so, label: t(`action.source.${so}`) }))}
                value={form.source}
                onChange={set('source')}
                error={errors.source}
              />
            </Group>
            <TextInput
              label={t('ca.improve.sourceText')}
              description={t('ca.improve.sourceTextHelp')}
              required
              value={form.sourceText}
              onChange={set('sourceText')}
              error={errors.sourceText}
            />
            <PlanFields
              form={form}
              set={set}
              errors={errors}
              owners={owners.length ? owners : [{ id: user.id, name: user.name }]}
              ownerId={ownerId}
            />
            <SubmitRow label={t('ca.improve.submit')} create={create} errors={errors} />
          </Stack>
        </form>
      </Paper>
    </>
  );
}
