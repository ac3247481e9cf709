/**
 * Rules on one procedure definition that the JSON Schema cannot express: uniqueness by key,
 * comparisons between properties, properties that only fit some field types.
 * Runs on the normalised definition; paths index the arrays in the order the author wrote them.
 */
import { ROLES } from '../common/roles.js';
import type { FieldDefinition, ProcedureDefinition, StepDefinition } from './procedure-definition.js';
import { formatPath, type DefinitionProblem, type PathSegment } from './definition-problem.js';

type Report = (path: PathSegment[], message: string) => void;

export function definitionRuleProblems(definition: ProcedureDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const report: Report = (path, message) => problems.push({ path: formatPath(path), message });

  checkWindow(definition, report);
  checkRoles(definition.responsibleRoles, ['responsibleRoles'], report);
  checkSteps(definition.steps, report);
  return problems;
}

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
    step.fields.forEach((field, j) => checkField(field, [...at, 'fields', j], report));
  });
}

function checkField(field: FieldDefinition, at: PathSegment[], report: Report): void {
  if (field.type === 'enum') checkOptions(field, at, report);
  else if (field.options !== undefined) report([...at, 'options'], `is only allowed for enum fields (this field is ${field.type})`);

  if (field.unit !== undefined && field.type !== 'number') report([...at, 'unit'], `is only allowed for number fields (this field is ${field.type})`);
  if (field.type === 'scale') checkScale(field, at, report);
  else if (field.type === 'number') checkNumberRange(field, at, report);
  else {
    for (const limit of ['min', 'max'] as const) {
      if (field[limit] !== undefined) report([...at, limit], `is only allowed for number and scale fields (this field is ${field.type})`);
    }
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
