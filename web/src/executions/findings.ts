import type { TFunction } from 'i18next';
import { localised } from '../i18n/i18n';
import type { ProcedureDefinition } from '../procedures/definition';
import { expectedWords, formatValue } from './StepFields';
import { formatDate, formatDateTime } from '../ui/format';

interface Finding {
  rule: string;
  stepKey?: string;
  fieldKey?: string;
  recordId?: string;
  detail: string;
}

/** A finding of the conformance judgement in plain words, naming the step and field as the user knows them. */
export function findingSentence(
  t: TFunction,
  definition: ProcedureDefinition | undefined,
  f: Finding,
  window?: { from: string; to: string } | null,
  /** When the pinned version became effective (for before_effective). */
  effectiveFrom?: string | null,
  /** The values of the record the finding names (for unexpected_value). */
  recorded?: Record<string, unknown>,
): string {
  const step = definition?.steps.find((s) => s.key === f.stepKey);
  const stepTitle = localised(step?.title) || f.stepKey || '';
  const field = step?.fields?.find((x) => x.key === f.fieldKey);
  const fieldLabel = localised(field?.label) || f.fieldKey || '';
  return t(`finding.${f.rule}`, {
    step: stepTitle,
    field: fieldLabel,
    competence: step?.requiredCompetence ?? '',
    roles: (step?.performerRoles ?? []).map((r) => t(`role.${r}`)).join(', '),
    from: window?.from ? formatDate(window.from) : '',
    to: window?.to ? formatDate(window.to) : '',
    effective: effectiveFrom ? formatDateTime(effectiveFrom) : '',
    value: f.fieldKey && recorded ? formatValue(t, field, recorded[f.fieldKey]) : '–',
    expected: expectedWords(t, field),
    defaultValue: f.detail,
  });
}
