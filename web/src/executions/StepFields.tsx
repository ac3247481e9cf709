/**
 * The inputs of one step, generated from the pinned procedure definition: each field's type,
 * label, help text and allowed values come from the version the execution is pinned to, in the
 * user's language; required fields are marked and checked by the service.
 */
import { Checkbox, NativeSelect, NumberInput, Radio, Group, Stack, TextInput, Textarea } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { localised } from '../i18n/i18n';
import type { FieldDefinition } from '../procedures/definition';

export type Values = Record<string, unknown>;

function bounds(t: TFunction, f: FieldDefinition): string | undefined {
  if (f.min !== undefined && f.max !== undefined) return t('step.between', { min: f.min, max: f.max });
  if (f.min !== undefined) return t('step.atLeast', { min: f.min });
  if (f.max !== undefined) return t('step.atMost', { max: f.max });
  return undefined;
}

/** Whether the field must be answered, given the other values of its step (as the service judges it). */
export function isRequiredNow(field: FieldDefinition, values: Values): boolean {
  if (field.required !== false && field.requiredWhen === undefined) return true;
  const c = field.requiredWhen;
  if (!c) return false;
  const v = values[c.field];
  if (v === undefined || v === null) return false;
  return c.equals !== undefined ? v === c.equals : (c.in ?? []).some((x) => x === v);
}

function joinOr(t: TFunction, words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')}${t('step.or')}${words[words.length - 1]}`;
}

function range(t: TFunction, min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return t('step.rangeBetween', { min, max });
  return min !== undefined ? t('step.rangeAtLeast', { min }) : t('step.rangeAtMost', { max });
}

/** What the field expects, in the user's words ("Yes", "at least 3", "one of Admitted or Waiting list"); '' when nothing. */
export function expectedWords(t: TFunction, field: FieldDefinition | undefined): string {
  if (!field) return '';
  const e = field.type === 'checklist' && field.expected === undefined ? { ticked: (field.items ?? []).map((i) => i.key) } : field.expected;
  if (e === undefined) return '';
  if (typeof e === 'boolean') return e ? t('field.yes') : t('field.no');
  if (e.min !== undefined || e.max !== undefined) return range(t, e.min, e.max);
  if (e.oneOf) {
    const words = e.oneOf.map((v) => formatValue(t, field, v));
    return words.length === 1 ? words[0] : t('step.oneOf', { values: joinOr(t, words) });
  }
  const ticked = e.ticked ?? [];
  return ticked.length === 0 ? '' : t('step.ticked', { items: formatValue(t, field, ticked) });
}

/** "Required when “Decision” is Not admitted." for a conditional field. */
function conditionWords(t: TFunction, field: FieldDefinition, siblings: readonly FieldDefinition[]): string | undefined {
  const c = field.requiredWhen;
  if (!c) return undefined;
  const other = siblings.find((f) => f.key === c.field);
  const values = (c.equals !== undefined ? [c.equals] : (c.in ?? [])).map((v) => formatValue(t, other, v));
  return t('step.requiredWhen', { field: localised(other?.label) || c.field, values: joinOr(t, values) });
}

export function FieldInput({
  field,
  value,
  onChange,
  error,
  idPrefix,
  values = {},
  siblings = [],
}: {
  field: FieldDefinition;
  value: unknown;
  onChange(v: unknown): void;
  error?: string;
  idPrefix: string;
  /** The step's values so far, for a field required under a condition (shown required while it holds). */
  values?: Values;
  /** The step's fields, to name the one a condition looks at. */
  siblings?: readonly FieldDefinition[];
}) {
  const { t } = useTranslation();
  // A number's unit is part of its label, so it is read with the input (e.g. "Meetings held (meetings)").
  const unit = field.type === 'number' ? localised(field.unit) : '';
  const label = unit ? `${localised(field.label)} (${unit})` : localised(field.label);
  const expected = expectedWords(t, field);
  const help =
    [localised(field.help), conditionWords(t, field, siblings), expected ? t('step.expected', { expected }) : '']
      .filter(Boolean)
      .join(' ') || undefined;
  const required = isRequiredNow(field, values);
  const common = { label, required, withAsterisk: required, error, id: `${idPrefix}-${field.key}` };
  switch (field.type) {
    case 'text':
      return (
        <Textarea
          {...common}
          description={help}
          autosize
          minRows={2}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          description={[help, bounds(t, field)].filter(Boolean).join(' ') || undefined}
          min={field.min}
          max={field.max}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? undefined : Number(v))}
          allowDecimal
          hideControls
          inputMode="decimal"
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          description={help}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'boolean':
      return (
        <Radio.Group
          {...common}
          description={help}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(v) => onChange(v === 'yes')}
        >
          <Group gap="lg" mt={4}>
            <Radio value="yes" label={t('field.yes')} />
            <Radio value="no" label={t('field.no')} />
          </Group>
        </Radio.Group>
      );
    case 'scale': {
      const min = field.min ?? 1;
      const max = field.max ?? 5;
      return (
        <Radio.Group
          {...common}
          description={[help, t('step.scale', { min, max })].filter(Boolean).join(' ')}
          value={typeof value === 'number' ? String(value) : ''}
          onChange={(v) => onChange(Number(v))}
        >
          <Group gap="md" mt={4}>
            {Array.from({ length: max - min + 1 }, (_, i) => String(min + i)).map((n) => (
              <Radio key={n} value={n} label={n} />
            ))}
          </Group>
        </Radio.Group>
      );
    }
    case 'enum':
      return (
        <NativeSelect
          {...common}
          description={help}
          data={[
            { value: '', label: t('step.choose') },
            ...(field.options ?? []).map((o) => ({ value: o.value, label: localised(o.label) })),
          ]}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
        />
      );
    case 'multiselect':
    case 'checklist': {
      const choices =
        field.type === 'multiselect'
          ? (field.options ?? []).map((o) => ({ value: o.value, label: localised(o.label) }))
          : (field.items ?? []).map((i) => ({ value: i.key, label: localised(i.label) }));
      const count =
        field.type === 'multiselect' && (field.min !== undefined || field.max !== undefined)
          ? t('step.chooseCount', { range: range(t, field.min, field.max) })
          : '';
      return (
        <Checkbox.Group
          {...common}
          description={[help, count].filter(Boolean).join(' ') || undefined}
          value={Array.isArray(value) ? (value as string[]) : []}
          // Kept in the definition's order, as the service stores it.
          onChange={(v) => onChange(choices.map((c) => c.value).filter((c) => v.includes(c)))}
        >
          <Stack gap={6} mt={4}>
            {choices.map((c) => (
              <Checkbox key={c.value} value={c.value} label={c.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    }
    default:
      return null;
  }
}

/** A recorded value as words: yes/no, the option's label, the date. */
export function formatValue(t: TFunction, field: FieldDefinition | undefined, value: unknown): string {
  if (value === undefined || value === null || value === '') return '–';
  if (!field) return typeof value === 'object' ? JSON.stringify(value) : String(value);
  switch (field.type) {
    case 'boolean':
      return value === true ? t('field.yes') : t('field.no');
    case 'enum':
      return localised(field.options?.find((o) => o.value === value)?.label) || String(value);
    case 'multiselect':
    case 'checklist': {
      if (!Array.isArray(value)) return String(value);
      if (value.length === 0) return field.type === 'checklist' ? t('step.checklistNone') : t('step.nothingChosen');
      const labels =
        field.type === 'multiselect'
          ? field.options?.map((o) => ({ k: o.value, l: o.label }))
          : field.items?.map((i) => ({ k: i.key, l: i.label }));
      return value.map((v) => localised(labels?.find((x) => x.k === v)?.l) || String(v)).join(', ');
    }
    case 'number':
      return field.unit ? `${String(value)} ${localised(field.unit)}` : String(value);
    default:
      return String(value);
  }
}
