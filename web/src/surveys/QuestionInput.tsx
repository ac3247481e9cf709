/**
 * One question of a survey as its recipient answers it: a scale of 1 to 5 and a single choice as
 * labelled radio groups (every option visible and reached with the arrow keys, also on a phone),
 * several choices as check boxes, free text as a text area. Required questions are marked.
 */
import { Checkbox, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormQuestion } from './queries';

export type Answer = number | string | string[] | undefined;

/** Whether a question has an answer (a required one without is refused by the service too). */
export function isAnswered(value: Answer): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export const TEXT_MAX = 4000;

export function QuestionInput({
  question: q,
  value,
  onChange,
  error,
}: {
  question: FormQuestion;
  value: Answer;
  onChange(v: Answer): void;
  error?: string;
}) {
  const { t } = useTranslation();
  const common = {
    label: q.label,
    required: q.required,
    withAsterisk: q.required,
    error,
    id: `question-${q.key}`,
  };
  switch (q.type) {
    case 'scale': {
      const min = q.min ?? 1;
      const max = q.max ?? 5;
      return (
        <Radio.Group
          {...common}
          description={[q.help, t('survey.form.scaleHelp', { min, max })].filter(Boolean).join(' ')}
          value={typeof value === 'number' ? String(value) : ''}
          onChange={(v) => onChange(Number(v))}
        >
          <Group gap="md" mt={6}>
            {Array.from({ length: max - min + 1 }, (_, i) => min + i).map((n) => (
              <Radio
                key={n}
                value={String(n)}
                label={n === min ? t('survey.form.scaleLowest', { n }) : n === max ? t('survey.form.scaleHighest', { n }) : String(n)}
              />
            ))}
          </Group>
        </Radio.Group>
      );
    }
    case 'choice':
      return (
        <Radio.Group {...common} description={q.help ?? undefined} value={typeof value === 'string' ? value : ''} onChange={onChange}>
          <Stack gap={6} mt={6}>
            {q.options.map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiselect':
      return (
        <Checkbox.Group
          {...common}
          description={[q.help, t('survey.form.chooseAny')].filter(Boolean).join(' ')}
          value={Array.isArray(value) ? value : []}
          // Kept in the survey's order, as the service stores it.
          onChange={(v) => onChange(q.options.map((o) => o.value).filter((o) => v.includes(o)))}
        >
          <Stack gap={6} mt={6}>
            {q.options.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'text':
      return (
        <Textarea
          {...common}
          description={[q.help, t('survey.form.textHelp')].filter(Boolean).join(' ')}
          autosize
          minRows={3}
          maxLength={TEXT_MAX}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    default:
      return null;
  }
}
