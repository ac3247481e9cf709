import { Group, MultiSelect, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUser } from '../app/auth';
import { useActions } from '../corrective-actions/queries';
import { useStaff } from '../users/staff';

export interface RiskFormValues {
  title: string;
  cause: string;
  consequence: string;
  likelihood: string;
  impact: string;
  treatment: string;
  actionIds: string[];
  residualLikelihood: string;
  residualImpact: string;
  ownerId: string;
  nextReviewOn: string;
}

const RATINGS = ['1', '2', '3', '4', '5'];
const OWNER_ROLES = ['quality_manager', 'programme_leader', 'board_member'];

/** A rating 1–5 as a choice with words ("3 – possible"); `optional` adds "not assessed". */
function RatingSelect({
  label,
  scale,
  value,
  onChange,
  error,
  optional,
}: {
  label: string;
  scale: 'likelihood' | 'impact';
  value: string;
  onChange(v: string): void;
  error?: string;
  optional?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={label}
      required={!optional}
      data={[
        ...(optional ? [{ value: '', label: t('risk.notAssessed') }] : []),
        ...RATINGS.map((n) => ({ value: n, label: `${n} – ${t(`risk.scale.${scale}.${n}`)}` })),
      ]}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

/** The fields of a risk, for recording one and for revising it. `errors` are the service's, by field. */
export function RiskForm({
  values,
  onChange,
  errors,
}: {
  values: RiskFormValues;
  onChange(v: RiskFormValues): void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const isQm = user.roles.includes('quality_manager');
  const staff = useStaff(isQm);
  const actions = useActions({}, 200);
  // A leader cannot list the staff: they own what they record (a quality manager can hand it on).
  const owners = isQm
    ? (staff.data ?? []).filter((s) => s.active && s.roles.some((r) => OWNER_ROLES.includes(r)))
    : [{ id: user.id, name: user.name }];
  const actionOptions = (actions.data?.pages.flatMap((p) => p.items) ?? []).map((a) => ({
    value: a.id,
    label: `${a.reference}: ${a.description.length > 60 ? `${a.description.slice(0, 59)}…` : a.description}`,
  }));
  const set = (k: keyof RiskFormValues) => (v: string | string[]) => onChange({ ...values, [k]: v });
  const text = (k: keyof RiskFormValues) => (e: { currentTarget: { value: string } }) => set(k)(e.currentTarget.value);
  return (
    <Stack gap="sm">
      <TextInput label={t('risk.field.title')} required value={values.title} onChange={text('title')} error={errors.title} />
      <Textarea
        label={t('risk.field.cause')}
        required
        autosize
        minRows={2}
        value={values.cause}
        onChange={text('cause')}
        error={errors.cause}
      />
      <Textarea
        label={t('risk.field.consequence')}
        required
        autosize
        minRows={2}
        value={values.consequence}
        onChange={text('consequence')}
        error={errors.consequence}
      />
      <Group grow align="flex-start">
        <RatingSelect
          label={t('risk.field.likelihood')}
          scale="likelihood"
          value={values.likelihood}
          onChange={set('likelihood')}
          error={errors.likelihood}
        />
        <RatingSelect label={t('risk.field.impact')} scale="impact" value={values.impact} onChange={set('impact')} error={errors.impact} />
      </Group>
      <Textarea
        label={t('risk.field.treatment')}
        description={t('risk.field.treatmentHelp')}
        autosize
        minRows={2}
        value={values.treatment}
        onChange={text('treatment')}
        error={errors.treatment}
      />
      <MultiSelect
        label={t('risk.field.actions')}
        description={t('risk.field.actionsHelp')}
        data={actionOptions}
        value={values.actionIds}
        onChange={set('actionIds')}
        searchable
        clearable
        error={errors.actionIds}
      />
      <Group grow align="flex-start">
        <RatingSelect
          label={t('risk.field.residualLikelihood')}
          scale="likelihood"
          optional
          value={values.residualLikelihood}
          onChange={set('residualLikelihood')}
          error={errors.residualLikelihood}
        />
        <RatingSelect
          label={t('risk.field.residualImpact')}
          scale="impact"
          optional
          value={values.residualImpact}
          onChange={set('residualImpact')}
          error={errors.residualImpact}
        />
      </Group>
      <Group grow align="flex-start">
        <NativeSelect
          label={t('risk.field.owner')}
          required
          data={[
            ...(values.ownerId && !owners.some((o) => o.id === values.ownerId)
              ? [{ value: values.ownerId, label: t('risk.currentOwner') }]
              : []),
            ...owners.map((o) => ({ value: o.id, label: o.name })),
          ]}
          value={values.ownerId}
          onChange={text('ownerId')}
          error={errors.ownerId}
        />
        <TextInput
          type="date"
          label={t('risk.field.nextReviewOn')}
          required
          value={values.nextReviewOn}
          onChange={text('nextReviewOn')}
          error={errors.nextReviewOn}
        />
      </Group>
    </Stack>
  );
}

/** The request body fields of the form's values (ratings as numbers, empty texts absent). */
export function riskBody(v: RiskFormValues) {
  const rating = (s: string) => (s === '' ? null : Number(s));
  return {
    title: v.title,
    cause: v.cause,
    consequence: v.consequence,
    likelihood: Number(v.likelihood),
    impact: Number(v.impact),
    treatment: v.treatment.trim() === '' ? null : v.treatment,
    actionIds: v.actionIds,
    residualLikelihood: rating(v.residualLikelihood),
    residualImpact: rating(v.residualImpact),
    ownerId: v.ownerId,
    nextReviewOn: v.nextReviewOn,
  };
}
