/**
 * What changed between two versions of a procedure definition, for the reviewer who approves a
 * new version and for the auditor who reads its history. The result is plain JSON (the API returns
 * it as is) and ordered the way a reader goes through the new version (a PDF renders it top-down).
 *
 * Steps and fields are matched by key, not by position: a renamed key reads as one removed and
 * one added entry, which is what it means for records and indicators that refer to the key.
 * Both inputs are expected to be normalised (as stored); equality is canonical JSON equality.
 */
import { canonicalJson } from '../common/canonical.js';
import type { FieldDefinition, LocalisedText, ProcedureDefinition, StepDefinition, TimeWindow } from './procedure-definition.js';

/**
 * One property with a different value. `old`/`new` are JSON values as stored (a LocalisedText is
 * an object, roles a list); `null` means the property was not set in that version.
 */
export interface PropertyChange<P extends string = string> {
  property: P;
  old: unknown;
  new: unknown;
}

export type DefinitionProperty =
  | 'key'
  | 'title'
  | 'purpose'
  | 'subject'
  | 'responsibleRoles'
  | 'ordered'
  | 'appliesWhen'
  | 'afterClose'
  // Recurring activities and attendance.
  | 'recurring'
  | 'attendance'
  | 'references';
export type StepProperty = 'title' | 'description' | 'required' | 'performerRoles' | 'requiredCompetence' | 'evidence';
export type FieldProperty =
  | 'label'
  | 'type'
  | 'required'
  | 'requiredWhen'
  | 'options'
  | 'items'
  | 'min'
  | 'max'
  | 'expected'
  | 'effects'
  | 'unit'
  | 'help';

/** A changed position: indices count from 0, `from` in the old list, `to` in the new one. */
export interface Move {
  from: number;
  to: number;
}

/**
 * Entries of a list matched by key:
 * - `added` / `removed`: the whole entry, `index` in the version that has it;
 * - `moved`: only its position among the other entries changed;
 * - `changed`: its content changed (and `moved` is set if its position changed too).
 * Position counts as changed only when the relative order differs: inserting or removing a
 * neighbour does not move anything.
 */
export type Keyed<T, Changed> =
  | { change: 'added'; key: string; index: number; value: T }
  | { change: 'removed'; key: string; index: number; value: T }
  | ({ change: 'moved' | 'changed'; key: string; index: number; moved?: Move } & Changed);

/** How the options of an enum field differ, by value (values are what records store). */
export interface OptionChanges {
  added: string[];
  removed: string[];
  /** Values kept whose label changed. */
  relabelled: string[];
  /** Whether the kept values are listed in a different order. */
  reordered: boolean;
}

export type FieldDiff = Keyed<
  FieldDefinition,
  {
    /** The field's label in the new version, for display. */
    label: LocalisedText;
    properties: PropertyChange<FieldProperty>[];
    /** Present when `options` is among the changed properties. */
    options?: OptionChanges;
  }
>;

export type StepDiff = Keyed<
  StepDefinition,
  {
    /** The step's title in the new version, for display. */
    title: LocalisedText;
    /** Changed properties of the step itself, fields apart. */
    properties: PropertyChange<StepProperty>[];
    fields: FieldDiff[];
  }
>;

export interface DefinitionDiff {
  /** Changed top-level properties, in the order of DEFINITION_PROPERTIES. */
  properties: PropertyChange<DefinitionProperty>[];
  /** The whole window of both versions when any part of it changed, otherwise null. */
  window: { old: TimeWindow; new: TimeWindow } | null;
  /**
   * Steps that differ, in the order of the new version; a removed step is placed after the step
   * that preceded it in the old version (and before a step added in its place, so a renamed key
   * reads "removed b, added b2"). Unchanged steps are left out. Fields within a step alike.
   */
  steps: StepDiff[];
}

export const DEFINITION_PROPERTIES: readonly DefinitionProperty[] = [
  'key',
  'title',
  'purpose',
  'subject',
  'responsibleRoles',
  'ordered',
  'appliesWhen',
  'afterClose',
  'recurring',
  'attendance',
  'references',
];
export const STEP_PROPERTIES: readonly StepProperty[] = ['title', 'description', 'required', 'performerRoles', 'requiredCompetence', 'evidence'];
export const FIELD_PROPERTIES: readonly FieldProperty[] = [
  'label',
  'type',
  'required',
  'requiredWhen',
  'options',
  'items',
  'min',
  'max',
  'expected',
  'effects',
  'unit',
  'help',
];

export function diffDefinitions(from: ProcedureDefinition, to: ProcedureDefinition): DefinitionDiff {
  return {
    properties: changedProperties(from, to, DEFINITION_PROPERTIES),
    window: same(from.window, to.window) ? null : { old: from.window, new: to.window },
    steps: diffByKey(from.steps, to.steps, (a, b) => {
      const properties = changedProperties(a, b, STEP_PROPERTIES);
      const fields = diffByKey(a.fields, b.fields, diffField);
      return { changed: properties.length > 0 || fields.length > 0, details: { title: b.title, properties, fields } };
    }),
  };
}

/** True when the two versions say the same thing. */
export function isEmptyDiff(diff: DefinitionDiff): boolean {
  return diff.properties.length === 0 && diff.window === null && diff.steps.length === 0;
}

type FieldDetails = { label: LocalisedText; properties: PropertyChange<FieldProperty>[]; options?: OptionChanges };

function diffField(a: FieldDefinition, b: FieldDefinition): Comparison<FieldDetails> {
  const properties = changedProperties(a, b, FIELD_PROPERTIES);
  const details: FieldDetails = { label: b.label, properties };
  if (properties.some((p) => p.property === 'options')) details.options = diffOptions(a.options ?? [], b.options ?? []);
  return { changed: properties.length > 0, details };
}

function diffOptions(from: NonNullable<FieldDefinition['options']>, to: NonNullable<FieldDefinition['options']>): OptionChanges {
  const oldByValue = new Map(from.map((o) => [o.value, o]));
  const newValues = new Set(to.map((o) => o.value));
  const keptOld = from.filter((o) => newValues.has(o.value)).map((o) => o.value);
  const keptNew = to.filter((o) => oldByValue.has(o.value)).map((o) => o.value);
  return {
    added: to.filter((o) => !oldByValue.has(o.value)).map((o) => o.value),
    removed: from.filter((o) => !newValues.has(o.value)).map((o) => o.value),
    relabelled: to.filter((o) => oldByValue.has(o.value) && !same(oldByValue.get(o.value)?.label, o.label)).map((o) => o.value),
    reordered: keptOld.join('\u0000') !== keptNew.join('\u0000'),
  };
}

function changedProperties<T extends object, P extends keyof T & string>(a: T, b: T, properties: readonly P[]): PropertyChange<P>[] {
  return properties.filter((p) => !same(a[p], b[p])).map((p) => ({ property: p, old: a[p] ?? null, new: b[p] ?? null }));
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/** Details are built even for unchanged content: a pure move shows the same shape. */
type Comparison<Details> = { changed: boolean; details: Details };

/** Matches two lists by key and reports added, removed, moved and changed entries. */
function diffByKey<T extends { key: string }, Changed>(
  from: readonly T[],
  to: readonly T[],
  compare: (a: T, b: T) => Comparison<Changed>,
): Keyed<T, Changed>[] {
  const oldIndex = new Map(from.map((item, i) => [item.key, i]));
  const newIndex = new Map(to.map((item, i) => [item.key, i]));
  const kept = from.filter((item) => newIndex.has(item.key)).map((item) => item.key);
  const inPlace = longestCommonSubsequence(kept, to.filter((item) => oldIndex.has(item.key)).map((item) => item.key));

  // A removed entry follows the nearest earlier entry of the old list that kept its place.
  const removedAfter = new Map<string | null, Keyed<T, Changed>[]>();
  let anchor: string | null = null;
  from.forEach((item, i) => {
    if (!newIndex.has(item.key)) {
      const list = removedAfter.get(anchor) ?? [];
      list.push({ change: 'removed', key: item.key, index: i, value: item });
      removedAfter.set(anchor, list);
    } else if (inPlace.has(item.key)) {
      anchor = item.key;
    }
  });

  const out: Keyed<T, Changed>[] = [...(removedAfter.get(null) ?? [])];
  to.forEach((item, i) => {
    const o = oldIndex.get(item.key);
    if (o === undefined) {
      out.push({ change: 'added', key: item.key, index: i, value: item });
    } else {
      const { changed, details } = compare(from[o], item);
      const moved = inPlace.has(item.key) ? undefined : { from: o, to: i };
      if (changed) out.push({ change: 'changed', key: item.key, index: i, ...(moved && { moved }), ...details });
      else if (moved !== undefined) out.push({ change: 'moved', key: item.key, index: i, moved, ...details });
    }
    out.push(...(removedAfter.get(item.key) ?? []));
  });
  return out;
}

function longestCommonSubsequence(a: readonly string[], b: readonly string[]): Set<string> {
  const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const out = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      out.add(a[i]);
      i++;
      j++;
    } else if (table[i + 1][j] > table[i][j + 1]) i++;
    // On a tie keep the old list's earlier entry in place: "three moved to the top" rather
    // than "one moved below three".
    else j++;
  }
  return out;
}
