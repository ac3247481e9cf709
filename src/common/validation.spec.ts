import 'reflect-metadata';
import type { ArgumentMetadata } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { EnumField, IntField, NestedField, TextField } from './fields.js';
import { ProblemException } from './problem.js';
import { createValidationPipe, flattenValidationErrors } from './validation.js';

class FieldDef {
  @TextField({ max: 20 }) key: string;
  @EnumField(['text', 'number'] as const) type: 'text' | 'number';
}

class Step {
  @TextField({ max: 50 }) title: string;
  @NestedField(() => FieldDef, { each: true, optional: true }) fields?: FieldDef[];
}

class Owner {
  @TextField({ max: 50 }) name: string;
}

class Definition {
  @TextField({ max: 50 }) code: string;
  @IntField({ min: 1, max: 10 }) revision: number;
  @NestedField(() => Owner) owner: Owner;
  @NestedField(() => Step, { each: true }) steps: Step[];
}

const metadata: ArgumentMetadata = { type: 'body', metatype: Definition, data: undefined };

async function fieldErrors(body: unknown): Promise<{ field: string; message: string }[]> {
  try {
    await createValidationPipe().transform(body, metadata);
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemException);
    const problem = e as ProblemException;
    expect(problem.getStatus()).toBe(400);
    expect(problem.code).toBe('validation_failed');
    return problem.extras.errors ?? [];
  }
  throw new Error('the body was accepted');
}

const valid = () => ({
  code: 'PROC-1',
  revision: 1,
  owner: { name: 'Quality' },
  steps: [{ title: 'Intake', fields: [{ key: 'name', type: 'text' }] }, { title: 'Review' }],
});

describe('validation pipe and field paths', () => {
  it('accepts a valid body and turns it into the DTO class', async () => {
    const out = await createValidationPipe().transform(valid(), metadata);
    expect(out).toBeInstanceOf(Definition);
    expect((out as Definition).steps[0].fields![0]).toBeInstanceOf(FieldDef);
  });

  it('names top-level fields without the property name repeated in the message', async () => {
    const errors = await fieldErrors({ ...valid(), code: 7, revision: 11 });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'code', message: 'must be a string', rule: 'string' },
        { field: 'revision', message: 'must be at most 10', rule: 'max', params: { max: 10 } },
      ]),
    );
  });

  it('names fields of nested objects with dots', async () => {
    const errors = await fieldErrors({ ...valid(), owner: { name: '' } });
    expect(errors.map((e) => e.field)).toEqual(['owner.name']);
  });

  it('names fields inside arrays with indexes, at any depth', async () => {
    const body = valid();
    body.steps[1] = {
      title: 'Review',
      fields: [
        { key: 'ok', type: 'text' },
        { key: 'x'.repeat(21), type: 'date' },
      ],
    };
    const errors = await fieldErrors(body);
    expect(new Set(errors.map((e) => e.field))).toEqual(new Set(['steps[1].fields[1].key', 'steps[1].fields[1].type']));
    expect(errors.find((e) => e.field === 'steps[1].fields[1].type')).toEqual({
      field: 'steps[1].fields[1].type',
      message: 'must be one of: text, number',
      rule: 'one_of',
      params: { values: ['text', 'number'] },
    });
  });

  it('names unknown properties, nested ones included', async () => {
    const body = { ...valid(), extra: 1, owner: { name: 'Q', phone: '123' } };
    const errors = await fieldErrors(body);
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'extra', message: 'is not a known property', rule: 'unknown_property' },
        { field: 'owner.phone', message: 'is not a known property', rule: 'unknown_property' },
      ]),
    );
    expect(errors).toHaveLength(2);
  });

  it('reports every wrong field, each missing or mistyped one with that one message only', async () => {
    const errors = await fieldErrors({ code: 5, owner: 'nobody', steps: 'none' });
    expect(errors).toEqual([
      { field: 'code', message: 'must be a string', rule: 'string' },
      { field: 'revision', message: 'is required', rule: 'required' },
      { field: 'owner', message: 'must be an object', rule: 'object' },
      { field: 'steps', message: 'must be an array', rule: 'array' },
    ]);
  });

  it('reports each broken rule of a field of the right type', async () => {
    const errors = await fieldErrors({ ...valid(), code: 'x'.repeat(51), owner: { name: '' } });
    expect(errors).toEqual([
      { field: 'code', message: 'must be at most 50 characters long', rule: 'max_length', params: { max: 50 } },
      { field: 'owner.name', message: 'must not be empty', rule: 'not_empty' },
    ]);
  });

  it('names an element of a nested array that is not an object by its index', async () => {
    const errors = await fieldErrors({ ...valid(), steps: [{ title: 'Intake' }, 'Review'] });
    expect(errors).toEqual([{ field: 'steps[1]', message: 'must be an object', rule: 'object' }]);
  });

  it('refuses an array where an object is expected, without naming its elements as properties', async () => {
    const errors = await fieldErrors([valid()]);
    expect(errors).toEqual([{ field: '', message: 'must be a JSON object, not an array', rule: 'json_object' }]);
  });
});

describe('flattenValidationErrors', () => {
  it('flattens a hand-built error tree', () => {
    const tree: ValidationError[] = [
      { property: 'title', constraints: { isString: 'title must be a string' }, children: [] },
      {
        property: 'steps',
        children: [
          {
            property: '0',
            children: [
              {
                property: 'fields',
                children: [{ property: '2', children: [{ property: 'key', constraints: { maxLength: 'key is too long' } }] }],
              },
            ],
          },
        ],
      },
      { property: 'colour', constraints: { whitelistValidation: 'property colour should not exist' } },
    ];
    expect(flattenValidationErrors(tree)).toEqual([
      { field: 'title', message: 'must be a string' },
      { field: 'steps[0].fields[2].key', message: 'is too long' },
      { field: 'colour', message: 'is not a known property', rule: 'unknown_property' },
    ]);
  });

  it('leaves a message alone that does not start with the property name', () => {
    expect(flattenValidationErrors([{ property: 'a.b', constraints: { custom: 'ab must be set' } }])).toEqual([
      { field: 'a.b', message: 'ab must be set' },
    ]);
  });
});
