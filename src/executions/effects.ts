/**
 * Which status changes an execution's recorded values call for (the procedure language's
 * `effects`). Pure: the service loads the records and applies what this finds.
 */
import type { FieldEffect, ProcedureDefinition } from '../procedures/procedure-definition.js';

export interface RecordForEffects {
  id: string;
  stepKey: string;
  values: Record<string, unknown>;
  performedAt: Date;
  supersedesId: string | null;
}

export interface DueEffect {
  stepKey: string;
  fieldKey: string;
  value: string | boolean;
  status: string;
  /** The record in force that holds the value, and when its step was performed. */
  recordId: string;
  performedAt: Date;
}

export function effectMatches(effect: FieldEffect, value: unknown): boolean {
  if (typeof value !== 'string' && typeof value !== 'boolean') return false;
  return effect.when.equals !== undefined ? effect.when.equals === value : (effect.when.in ?? []).includes(value);
}

/**
 * The effects of the records in force (a record superseded by a correction counts no more), in
 * the order of the definition's steps and fields. A value without an effect makes none.
 */
export function dueEffects(definition: ProcedureDefinition, records: readonly RecordForEffects[]): DueEffect[] {
  const superseded = new Set(records.map((r) => r.supersedesId).filter((id): id is string => id !== null));
  const current = new Map(records.filter((r) => !superseded.has(r.id)).map((r) => [r.stepKey, r]));
  const due: DueEffect[] = [];
  for (const step of definition.steps) {
    const record = current.get(step.key);
    if (!record) continue;
    for (const field of step.fields) {
      if (!field.effects) continue;
      const value = record.values[field.key];
      const effect = field.effects.find((e) => effectMatches(e, value));
      if (effect)
        due.push({
          stepKey: step.key,
          fieldKey: field.key,
          value: value as string | boolean,
          status: effect.status,
          recordId: record.id,
          performedAt: record.performedAt,
        });
    }
  }
  return due;
}

/** Fields carrying effects whose value changed between two sets of records (a correction). */
export function changedEffectFields(
  definition: ProcedureDefinition,
  before: readonly RecordForEffects[],
  after: readonly RecordForEffects[],
): { stepKey: string; fieldKey: string; before: DueEffect | null; after: DueEffect | null; valueChanged: boolean }[] {
  const key = (e: { stepKey: string; fieldKey: string }) => `${e.stepKey}\u0000${e.fieldKey}`;
  const was = new Map(dueEffects(definition, before).map((e) => [key(e), e]));
  const now = new Map(dueEffects(definition, after).map((e) => [key(e), e]));
  const valueOf = (records: readonly RecordForEffects[], stepKey: string, fieldKey: string) => {
    const superseded = new Set(records.map((r) => r.supersedesId));
    return records.find((r) => r.stepKey === stepKey && !superseded.has(r.id))?.values[fieldKey];
  };
  const out = [];
  for (const step of definition.steps)
    for (const field of step.fields) {
      if (!field.effects) continue;
      const k = key({ stepKey: step.key, fieldKey: field.key });
      const a = was.get(k) ?? null;
      const b = now.get(k) ?? null;
      const valueChanged = valueOf(before, step.key, field.key) !== valueOf(after, step.key, field.key);
      if (valueChanged) out.push({ stepKey: step.key, fieldKey: field.key, before: a, after: b, valueChanged });
    }
  return out;
}
