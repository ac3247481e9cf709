/**
 * Rules on one procedure definition that the JSON Schema cannot express: uniqueness by key,
 * comparisons between properties, properties that only fit some field types.
 * Runs on the normalised definition; paths index the arrays in the order the author wrote them.
 */
import { ROLES } from '../common/roles.js';
import { SUBJECT_STATUS_VALUES } from './procedure-definition.js';
import type { FieldDefinition, ProcedureDefinition, StepDefinition } from './procedure-definition.js';
import { formatPath, type DefinitionProblem, type PathSegment } from './definition-problem.js';

type Report = (path: PathSegment[], message: string) => void;

export function definitionRuleProblems(definition: ProcedureDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const report: Report = (path, message) => problems.push({ path: formatPath(path), message });

  checkWindow(definition, report);
  checkRoles(definition.responsibleRoles, ['responsibleRoles'], report);
  checkApplicability(definition, report);
  checkAfterClose(definition, report);
  checkRecurring(definition, report);
  checkSteps(definition.steps, report);
  checkEffects(definition, report);
  return problems;
}

function checkApplicability(definition: ProcedureDefinition, report: Report): void {
  const allowed = SUBJECT_STATUS_VALUES[definition.subject];
  definition.appliesWhen?.status.in.forEach((status, i) => {
    if (!allowed.includes(status)) {
      report(['appliesWhen', 'status', 'in', i], `is not a status a ${definition.subject} can have (statuses: ${allowed.join(', ')})`);
    }
  });
}

/** Work after the programme closes is tied to the programme's end, and falls after it. */
function checkAfterClose(definition: ProcedureDefinition, report: Report): void {
  if (definition.afterClose !== true) return;
  const { window } = definition;
  if (window.anchor !== 'programme_end') {
    report(
      ['afterClose'],
      `is only allowed with a window anchored at programme_end (the anchor is ${window.anchor}): work after the programme closes is measured from its end`,
    );
  } else if (window.toDays <= 0) {
    report(['window', 'toDays'], `must be after the programme's end (more than 0, not ${window.toDays}) when afterClose is true`);
  }
}
// --- Recurring activities and attendance ---
function checkRecurring(definition: ProcedureDefinition, report: Report): void {
  if (definition.recurring && definition.oncePerSubject) {
    report(['oncePerSubject'], 'cannot be true for a recurring procedure: a recurring activity is carried out again and again for each subject');
  }
  if (definition.attendance && definition.subject !== 'cohort') {
    report(['attendance'], `is only for cohort procedures (an introduction day, seminars); this procedure's subject is ${definition.subject}`);
  }
  const { recurring, window } = definition;
  if (recurring && recurring.sessions !== undefined && window.until === undefined && window.toDays - window.fromDays + 1 < recurring.sessions) {
    report(['recurring', 'sessions'], `cannot be held in a period of ${window.toDays - window.fromDays + 1} days, one occurrence a day at most`);
  }
}
// --- end recurring activities ---

function checkWindow(definition: ProcedureDefinition, report: Report): void {
  const { window } = definition;
  if (window.anchor === 'procedure_completed') {
    if (window.procedure === undefined) {
      report(['window', 'procedure'], 'is required when the anchor is procedure_completed: name the procedure whose completion starts the window');
    } else if (window.procedure === definition.key) {
      report(['window', 'procedure'], 'must name another procedure: a procedure cannot be anchored on its own completion');
    }
  } else if (window.procedure !== undefined) {
    report(['window', 'procedure'], `is only allowed when the anchor is procedure_completed (the anchor is ${window.anchor})`);
  }
  if (window.fromDays > window.toDays) {
    report(['window', 'toDays'], `must not be earlier than fromDays (${window.fromDays}); the window would be empty`);
  }
}

function checkRoles(roles: readonly string[] | undefined, at: PathSegment[], report: Report): void {
  roles?.forEach((role, i) => {
    if (!(ROLES as readonly string[]).includes(role)) report([...at, i], `is not a known role (known roles: ${ROLES.join(', ')})`);
  });
}

function checkSteps(steps: StepDefinition[], report: Report): void {
  reportDuplicates(
    steps.map((s) => s.key),
    (i, first) => report(['steps', i, 'key'], `duplicates the key of steps[${first}]; step keys must be unique`),
  );
  if (steps.length > 0 && !steps.some((s) => s.required)) {
    report(['steps'], 'must contain at least one required step, or conformance could never be judged');
  }
  steps.forEach((step, i) => {
    const at: PathSegment[] = ['steps', i];
    checkRoles(step.performerRoles, [...at, 'performerRoles'], report);
    if (step.required && step.fields.length === 0 && step.evidence === undefined) {
      report(at, 'is required but records nothing: add at least one field or name the evidence to keep');
    }
    reportDuplicates(
      step.fields.map((f) => f.key),
      (j, first) => report([...at, 'fields', j, 'key'], `duplicates the key of fields[${first}] in this step; field keys must be unique within a step`),
    );
    step.fields.forEach((field, j) => {
      checkField(field, [...at, 'fields', j], report);
      checkCondition(field, step, [...at, 'fields', j], report);
    });
  });
}

/**
 * Effects: only on enum and boolean fields, each value one of the field's and claimed by one
 * effect at most, each status one the procedure's subject type can have (never a cohort's: a
 * procedure does not open or close a programme).
 */
function checkEffects(definition: ProcedureDefinition, report: Report): void {
  const allowed = definition.subject === 'cohort' ? [] : SUBJECT_STATUS_VALUES[definition.subject];
  definition.steps.forEach((step, i) =>
    step.fields.forEach((field, j) => {
      if (field.effects === undefined) return;
      const at: PathSegment[] = ['steps', i, 'fields', j, 'effects'];
      if (field.type !== 'enum' && field.type !== 'boolean') {
        report(at, `are only allowed on enum and boolean fields (this field is ${field.type})`);
        return;
      }
      const values: (string | boolean)[] = field.type === 'boolean' ? [true, false] : (field.options ?? []).map((o) => o.value);
      const claimed = new Map<string | boolean, number>();
      field.effects.forEach((effect, k) => {
        const here: PathSegment[] = [...at, k];
        if (definition.subject === 'cohort') report([...here, 'status'], 'cannot be set by a cohort procedure: a procedure does not change the programme');
        else if (!allowed.includes(effect.status))
          report([...here, 'status'], `is not a status a ${definition.subject} can have (statuses: ${allowed.join(', ')})`);
        const given: [string | boolean, PathSegment[]][] = (effect.when.in ?? []).map((v, n) => [v, [...here, 'when', 'in', n]]);
        if (effect.when.equals !== undefined) given.push([effect.when.equals, [...here, 'when', 'equals']]);
        if ((effect.when.equals === undefined) === (effect.when.in === undefined))
          report([...here, 'when'], 'must give exactly one of equals and in');
        for (const [value, path] of given) {
          if (!values.includes(value)) report(path, `is not a value of ${field.key} (values: ${values.join(', ')})`);
          else if (claimed.has(value)) report(path, `already has an effect (effects[${claimed.get(value)}]); a value has one effect at most`);
          else claimed.set(value, k);
        }
      });
    }),
  );
}

function checkField(field: FieldDefinition, at: PathSegment[], report: Report): void {
  const withOptions = field.type === 'enum' || field.type === 'multiselect';
  if (withOptions) checkOptions(field, at, report);
  else if (field.options !== undefined) report([...at, 'options'], `is only allowed for enum and multiselect fields (this field is ${field.type})`);
  if (field.type === 'checklist') checkItems(field, at, report);
  else if (field.items !== undefined) report([...at, 'items'], `is only allowed for checklist fields (this field is ${field.type})`);

  if (field.unit !== undefined && field.type !== 'number') report([...at, 'unit'], `is only allowed for number fields (this field is ${field.type})`);
  if (field.type === 'scale') checkScale(field, at, report);
  else if (field.type === 'number') checkNumberRange(field, at, report);
  else if (field.type === 'multiselect') checkSelectionCount(field, at, report);
  else {
    for (const limit of ['min', 'max'] as const) {
      if (field[limit] !== undefined) report([...at, limit], `is only allowed for number, scale and multiselect fields (this field is ${field.type})`);
    }
  }
  checkExpected(field, at, report);
}

/** Does `expected` fit the field's type, and can a recorded value meet it? */
function checkExpected(field: FieldDefinition, at: PathSegment[], report: Report): void {
  const { expected } = field;
  if (expected === undefined) return;
  const here = [...at, 'expected'];
  const only = (allowed: string[], shape: string) => {
    const extra = Object.keys(expected).filter((k) => !allowed.includes(k));
    for (const k of extra) report([...here, k], `is not allowed for a ${field.type} field (write ${shape})`);
  };
  switch (field.type) {
    case 'boolean':
      if (typeof expected !== 'boolean') report(here, 'must be true or false for a boolean field (e.g. expected: true)');
      return;
    case 'number':
    case 'scale': {
      if (typeof expected === 'boolean') return report(here, `must be a range for a ${field.type} field (e.g. expected: { min: 3 })`);
      only(['min', 'max'], 'expected: { min: 3 } or { max: 10 }');
      const { min, max } = expected;
      if (min === undefined && max === undefined) return report(here, 'must give min, max or both');
      if (min !== undefined && max !== undefined && min > max) report([...here, 'max'], `must not be less than min (${min})`);
      for (const [limit, value] of [
        ['min', min],
        ['max', max],
      ] as const) {
        if (value === undefined) continue;
        if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max)) {
          report([...here, limit], `must lie within the values the field allows (${field.min ?? '…'} to ${field.max ?? '…'})`);
        }
      }
      return;
    }
    case 'enum': {
      if (typeof expected === 'boolean') return report(here, 'must list the conforming option values (e.g. expected: { oneOf: [admitted] })');
      only(['oneOf'], 'expected: { oneOf: [option values] }');
      if (expected.oneOf === undefined) return report([...here, 'oneOf'], 'is required for an enum field: list the option values that conform');
      const values = (field.options ?? []).map((o) => o.value);
      expected.oneOf.forEach((v, i) => {
        if (!values.includes(v)) report([...here, 'oneOf', i], `is not an option of this field (options: ${values.join(', ')})`);
      });
      return;
    }
    case 'checklist': {
      if (typeof expected === 'boolean') return report(here, 'must list the items to tick (e.g. expected: { ticked: [premises] })');
      only(['ticked'], 'expected: { ticked: [item keys] }');
      if (expected.ticked === undefined) return report([...here, 'ticked'], 'is required for a checklist field: list the keys of the items that must be ticked');
      const keys = (field.items ?? []).map((item) => item.key);
      expected.ticked.forEach((k, i) => {
        if (!keys.includes(k)) report([...here, 'ticked', i], `is not an item of this checklist (items: ${keys.join(', ')})`);
      });
      return;
    }
    default:
      report(here, `is only allowed for boolean, number, scale, enum and checklist fields (this field is ${field.type})`);
  }
}

const CONDITION_TYPES = ['boolean', 'enum', 'scale', 'number'];

/** A condition names another field of the same step, and values that field can take. */
function checkCondition(field: FieldDefinition, step: StepDefinition, at: PathSegment[], report: Report): void {
  const condition = field.requiredWhen;
  if (condition === undefined) return;
  const here = [...at, 'requiredWhen'];
  if (field.required) report([...at, 'required'], 'must not be true together with requiredWhen: leave required out for a field required only under a condition');
  if (condition.field === field.key) return report([...here, 'field'], 'must name another field: a field cannot be required on its own value');
  const other = step.fields.find((f) => f.key === condition.field);
  if (other === undefined) {
    const keys = step.fields.filter((f) => f.key !== field.key).map((f) => f.key);
    return report([...here, 'field'], `is not a field of this step (fields: ${keys.length > 0 ? keys.join(', ') : 'none'})`);
  }
  if (!CONDITION_TYPES.includes(other.type)) {
    return report([...here, 'field'], `names a ${other.type} field; a condition can name a boolean, enum, scale or number field`);
  }
  if (condition.equals !== undefined) {
    const why = cannotTake(other, condition.equals);
    if (why) report([...here, 'equals'], why);
  }
  condition.in?.forEach((value, i) => {
    const why = cannotTake(other, value);
    if (why) report([...here, 'in', i], why);
  });
}

/** Why `field` can never hold `value`, or undefined when it can. */
function cannotTake(field: FieldDefinition, value: string | number | boolean): string | undefined {
  const shown = JSON.stringify(value);
  switch (field.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `must be true or false: ${field.key} is a boolean field (got ${shown})`;
    case 'enum': {
      const values = (field.options ?? []).map((o) => o.value);
      return typeof value === 'string' && values.includes(value) ? undefined : `is not an option of ${field.key} (options: ${values.join(', ')})`;
    }
    case 'scale':
    case 'number': {
      const whole = field.type === 'scale';
      const fits =
        typeof value === 'number' &&
        (!whole || Number.isInteger(value)) &&
        (field.min === undefined || value >= field.min) &&
        (field.max === undefined || value <= field.max);
      const range = field.min === undefined && field.max === undefined ? '' : ` from ${field.min ?? '…'} to ${field.max ?? '…'}`;
      return fits ? undefined : `is not a value ${field.key} can take (a ${whole ? 'whole number' : 'number'}${range}; got ${shown})`;
    }
    default:
      return undefined;
  }
}

function checkItems(field: FieldDefinition, at: PathSegment[], report: Report): void {
  reportDuplicates(
    (field.items ?? []).map((item) => item.key),
    (k, first) => report([...at, 'items', k, 'key'], `duplicates the key of items[${first}]; item keys must be unique`),
  );
}

function checkSelectionCount(field: FieldDefinition, at: PathSegment[], report: Report): void {
  const count = (field.options ?? []).length;
  for (const limit of ['min', 'max'] as const) {
    const n = field[limit];
    if (n === undefined) continue;
    if (!Number.isInteger(n) || n < 0) report([...at, limit], 'must be a whole number of options, 0 or more, for a multiselect field');
    else if (n > count) report([...at, limit], `must not exceed the number of options (${count})`);
  }
  if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
    report([...at, 'max'], `must not be less than min (${field.min})`);
  }
}

function checkOptions(field: FieldDefinition, at: PathSegment[], report: Report): void {
  const options = field.options ?? [];
  if (options.length < 2) {
    report([...at, 'options'], 'must offer at least 2 options; use a boolean field for a single yes/no');
  }
  reportDuplicates(
    options.map((o) => o.value),
    (k, first) => report([...at, 'options', k, 'value'], `duplicates the value of options[${first}]; option values must be unique`),
  );
}

function checkScale(field: FieldDefinition, at: PathSegment[], report: Report): void {
  const { min, max } = field;
  if (min === undefined || max === undefined) {
    report([...at, min === undefined ? 'min' : 'max'], 'is required for a scale field');
    return;
  }
  if (!Number.isInteger(min)) report([...at, 'min'], 'must be a whole number for a scale field');
  if (!Number.isInteger(max)) report([...at, 'max'], 'must be a whole number for a scale field');
  if (min >= max) report([...at, 'max'], `must be greater than min (${min}) for a scale field`);
}

function checkNumberRange(field: FieldDefinition, at: PathSegment[], report: Report): void {
  if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
    report([...at, 'max'], `must not be less than min (${field.min})`);
  }
}

/** Calls back for every repeat of a value, with the index of its first occurrence. */
function reportDuplicates(values: readonly string[], onDuplicate: (index: number, first: number) => void): void {
  const first = new Map<string, number>();
  values.forEach((value, i) => {
    const earlier = first.get(value);
    if (earlier === undefined) first.set(value, i);
    else onDuplicate(i, earlier);
  });
}
