/**
 * The inputs of one step, generated from the pinned procedure definition: each field's type,
 * label, help text and allowed values come from the version the execution is pinned to, in the
 * user's language; required fields are marked and checked by the service.
 */
import { NativeSelect, NumberInput, Radio, Group, TextInput, Textarea } from '@mantine/core';
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

export function FieldInput({
  field,
  value,
  onChange,
  error,
  idPrefix,
}: {
  field: FieldDefinition;
  value: unknown;
  onChange(v: unknown): void;
  error?: string;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  // A number's unit is part of its label, so it is read with the input (e.g. "Meetings held (meetings)").
  const unit = field.type === 'number' ? localised(field.unit) : '';
  const label = unit ? `${localised(field.label)} (${unit})` : localised(field.label);
  const help = localised(field.help) || undefined;
  const required = field.required !== false;
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
    case 'number':
      return field.unit ? `${String(value)} ${localised(field.unit)}` : String(value);
    default:
      return String(value);
  }
}
