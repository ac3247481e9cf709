/**
 * A quality manager sets a quality objective, or changes one with a reason: title, measure,
 * comparator, target in the measure's unit, owner and deadline. A rate is entered as a percentage
 * and sent as the fraction the service keeps (90 % is 0.9); days and counts are whole numbers.
 */
import { Button, Group, NativeSelect, NumberInput, Stack, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError, api, call } from '../api/client';
import type { Schemas } from '../api/client';
import { useUser } from '../app/auth';
import { localised } from '../i18n/i18n';
import { useMatrix } from '../programmes/queries';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { today } from '../ui/format';
import { fieldErrors, problemMessage } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { useStaff } from '../users/staff';

type Objective = Schemas['ObjectiveResponse'];

/** The indicators the service accepts (src/indicators/objectives.ts); `conformance_rate:<key>` narrows to one procedure. */
const OBJECTIVE_INDICATORS = [
  'conformance_rate',
  'in_work_or_studies_rate',
  'completion_rate',
  'withdrawal_rate',
  'actions_closed_on_time_rate',
  'median_days_to_close',
  'open_deviations',
  'open_major_or_critical_deviations',
  'participant_satisfaction',
  'mentor_satisfaction',
  'employer_satisfaction',
] as const;
const PROCEDURE_PREFIX = 'conformance_rate:';
const COMPARATORS = ['>=', '<=', '>', '<', '='] as const;
type Comparator = (typeof COMPARATORS)[number];
const COMPARATOR_WORDS: Record<string, string> = { '>=': 'atLeast', '<=': 'atMost', '>': 'moreThan', '<': 'lessThan', '=': 'exactly' };
const OWNER_ROLES = ['quality_manager', 'programme_leader', 'board_member'];

type Unit = 'rate' | 'days' | 'count' | 'score';

function unitOf(indicator: string): Unit {
  if (indicator.endsWith('_satisfaction')) return 'score';
  if (indicator.endsWith('_rate') || indicator.startsWith(PROCEDURE_PREFIX)) return 'rate';
  if (indicator === 'median_days_to_close') return 'days';
  return 'count';
}

/** The target as the service keeps it from what the form holds: a percentage becomes a fraction (92.5 → 0.925). */
function targetToApi(unit: Unit, entered: number): number {
  return unit === 'rate' ? Math.round(entered * 10_000) / 1_000_000 : entered;
}

/** The target as the form shows it: a fraction becomes a percentage (0.925 → 92.5). */
function targetToForm(unit: Unit, stored: number): number {
  return unit === 'rate' ? Math.round(stored * 1_000_000) / 10_000 : stored;
}

/** The comparator in words ("at least"). */
export function comparatorWords(t: TFunction, comparator: string): string {
  const key = COMPARATOR_WORDS[comparator];
  return key ? t(`objective.comparator.${key}`) : comparator;
}

/** A measure by its name in the user's language, a procedure's conformance with the procedure's title. */
function indicatorName(t: TFunction, indicator: string, procedureTitle?: (key: string) => string): string {
  if (indicator.startsWith(PROCEDURE_PREFIX)) {
    const key = indicator.slice(PROCEDURE_PREFIX.length);
    return t('objective.indicator.procedure', { procedure: procedureTitle?.(key) ?? key });
  }
  return t(`objective.indicator.${indicator}`, { defaultValue: indicator });
}

/**
 * The service's field errors as sentences: a refusal of a use case's own (target out of range,
 * an owner who cannot act, a deadline passed) is said at its field in the user's language.
 */
function objectiveErrors(t: TFunction, error: unknown): Record<string, string> {
  const out = fieldErrors(t, error);
  if (!(error instanceof ApiError) || !error.code || !Array.isArray(error.problem.errors)) return out;
  if (!t(`problem.code.${error.code}`, { defaultValue: '' })) return out;
  for (const e of error.problem.errors) if (e && typeof e.field === 'string' && !e.rule) out[e.field] = problemMessage(t, error);
  return out;
}

interface Values {
  scope: 'programme' | 'organisation';
  title: string;
  indicator: string;
  comparator: Comparator;
  target: number | string;
  ownerId: string;
  deadline: string;
  reason: string;
}

export function ObjectiveDialog({
  programmeId,
  objective,
  invalidates,
  onClose,
}: {
  programmeId: string;
  /** The objective to change; without, a new one. */
  objective?: Objective;
  invalidates: QueryKey[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const queryClient = useQueryClient();
  const staff = useStaff();
  const matrix = useMatrix(programmeId);
  const editing = !!objective;
  const [v, setV] = useState<Values>(() => ({
    scope: objective && !objective.programmeId ? 'organisation' : 'programme',
    title: objective?.title ?? '',
    indicator: objective?.indicator ?? 'conformance_rate',
    comparator: (objective?.comparator as Comparator | undefined) ?? '>=',
    target: objective ? targetToForm(unitOf(objective.indicator), objective.target) : '',
    ownerId: objective?.ownerId ?? user.id,
    deadline: objective?.deadline ?? `${today().slice(0, 4)}-12-31`,
    reason: '',
  }));
  const unit = unitOf(v.indicator);
  // Left empty, the service names the field as required (never a target of 0 nobody entered).
  const target = () => (v.target === '' ? (undefined as unknown as number) : targetToApi(unit, Number(v.target)));
  const save = useAction(
    () => {
      if (!objective)
        return call(
          api.POST('/api/quality-objectives', {
            body: {
              ...(v.scope === 'programme' ? { programmeId } : {}),
              title: v.title,
              indicator: v.indicator,
              comparator: v.comparator,
              target: target(),
              ownerId: v.ownerId,
              deadline: v.deadline,
            },
          }),
        );
      // Only what changed: an owner or deadline left as it was is not checked again.
      const changed = {
        ...(v.title !== objective.title ? { title: v.title } : {}),
        ...(v.comparator !== objective.comparator ? { comparator: v.comparator } : {}),
        ...(target() !== objective.target ? { target: target() } : {}),
        ...(v.ownerId !== (objective.ownerId ?? '') ? { ownerId: v.ownerId } : {}),
        ...(v.deadline !== objective.deadline ? { deadline: v.deadline } : {}),
      };
      return call(
        api.PATCH('/api/quality-objectives/{id}', {
          params: { path: { id: objective.id }, header: { 'If-Match': `"${objective.version}"` } },
          body: { ...changed, reason: v.reason },
        }),
      );
    },
    { invalidates, done: t(editing ? 'objective.edit.done' : 'objective.create.done') },
  );
  const errors = objectiveErrors(t, save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.mutateAsync(undefined).then(onClose, () => undefined);
  };
  // The objective read again before the dialog closes: opened again, it sends the version now.
  const reload = () => void Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(onClose);
  const set = (k: keyof Values) => (value: string | number) => setV({ ...v, [k]: value });
  const text = (k: keyof Values) => (e: { currentTarget: { value: string } }) => set(k)(e.currentTarget.value);

  const procedureTitle = (key: string) => localised(matrix.data?.procedures.find((p) => p.procedureKey === key)?.title) || key;
  const procedures = [...new Set((matrix.data?.procedures ?? []).map((p) => p.procedureKey))];
  const indicators = [...OBJECTIVE_INDICATORS, ...procedures.map((k) => `${PROCEDURE_PREFIX}${k}`)];
  if (!indicators.includes(v.indicator)) indicators.push(v.indicator);
  const owners = (staff.data ?? [])
    .filter((s) => s.active && s.roles.some((r) => OWNER_ROLES.includes(r)))
    .map((s) => ({ value: s.id, label: s.name }));
  // The owner now stays a choice even when they can no longer act (the service says so if kept on a change).
  if (v.ownerId && !owners.some((o) => o.value === v.ownerId))
    owners.unshift({ value: v.ownerId, label: objective?.ownerName ?? (v.ownerId === user.id ? user.name : '–') });
  const shown = new Set(['title', 'indicator', 'comparator', 'target', 'ownerId', 'deadline', 'reason', 'programmeId']);
  const unshown = Object.keys(errors).some((k) => !shown.has(k));

  return (
    <Dialog opened onClose={onClose} title={editing ? t('objective.edit.title', { title: objective.title }) : t('objective.create.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {editing ? null : (
            <NativeSelect
              label={t('objective.field.scope')}
              data={[
                { value: 'programme', label: t('objective.scope.programme') },
                { value: 'organisation', label: t('objective.scope.organisation') },
              ]}
              value={v.scope}
              onChange={text('scope')}
              error={errors.programmeId}
            />
          )}
          <TextInput label={t('objective.field.title')} required value={v.title} onChange={text('title')} error={errors.title} />
          <NativeSelect
            label={t('objective.field.indicator')}
            description={editing ? t('objective.field.indicatorFixed') : undefined}
            disabled={editing}
            data={indicators.map((i) => ({ value: i, label: indicatorName(t, i, procedureTitle) }))}
            value={v.indicator}
            onChange={(e) => setV({ ...v, indicator: e.currentTarget.value, target: '' })}
            error={errors.indicator}
          />
          <Group grow align="flex-start">
            <NativeSelect
              label={t('objective.field.comparator')}
              data={COMPARATORS.map((c) => ({ value: c, label: comparatorWords(t, c) }))}
              value={v.comparator}
              onChange={text('comparator')}
              error={errors.comparator}
            />
            <NumberInput
              label={t(`objective.target.${unit}`)}
              description={t(`objective.target.${unit}Help`)}
              required
              allowDecimal={unit === 'rate' || unit === 'score'}
              decimalScale={unit === 'rate' || unit === 'score' ? 2 : 0}
              allowNegative={false}
              suffix={unit === 'rate' ? ' %' : undefined}
              value={v.target}
              onChange={set('target')}
              error={errors.target}
            />
          </Group>
          <NativeSelect
            label={t('objective.field.owner')}
            description={t('objective.field.ownerHelp')}
            required
            data={owners}
            value={v.ownerId}
            onChange={text('ownerId')}
            error={errors.ownerId}
          />
          <TextInput
            label={t('objective.field.deadline')}
            type="date"
            required
            value={v.deadline}
            onChange={text('deadline')}
            error={errors.deadline}
          />
          {editing ? (
            <Textarea
              label={t('objective.field.reason')}
              description={t('objective.field.reasonHelp')}
              required
              autosize
              minRows={2}
              value={v.reason}
              onChange={text('reason')}
              error={errors.reason}
            />
          ) : null}
          <ProblemAlert error={Object.keys(errors).length && !unshown ? undefined : save.error} onReload={reload} />
          <Button type="submit" loading={save.isPending} w="fit-content">
            {editing ? t('objective.edit.submit') : t('objective.create.submit')}
          </Button>
        </Stack>
      </form>
    </Dialog>
  );
}
