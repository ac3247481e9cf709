import { describeFieldErrors, fieldSentence, notFound } from './problem.js';

describe('describeFieldErrors', () => {
  it('says one field error as a sentence naming the field', () => {
    expect(describeFieldErrors([{ field: 'name', message: 'is required' }])).toBe('name is required');
    expect(describeFieldErrors([{ field: 'steps[0].fields.consent', message: 'must be true or false' }])).toBe(
      'steps[0].fields.consent must be true or false',
    );
  });

  it('keeps a message that is a sentence of its own, without its full stop', () => {
    expect(describeFieldErrors([{ field: 'currentPassword', message: 'The current password is wrong.' }])).toBe(
      'The current password is wrong',
    );
  });

  it('names the whole body when the field is the body itself', () => {
    expect(fieldSentence({ field: '', message: 'must be a JSON object, not an array' })).toBe(
      'The request body must be a JSON object, not an array',
    );
  });

  it('lists three problems and counts the rest, singular and plural', () => {
    const errors = ['a', 'b', 'c', 'd', 'e'].map((field) => ({ field, message: 'is required' }));
    expect(describeFieldErrors(errors.slice(0, 4))).toBe('a is required; b is required; c is required; and 1 more problem (see errors)');
    expect(describeFieldErrors(errors)).toBe('a is required; b is required; c is required; and 2 more problems (see errors)');
  });
});

describe('notFound', () => {
  it('names what was asked for, and nothing else', () => {
    const e = notFound('Execution');
    expect({ status: e.getStatus(), code: e.code, detail: e.message }).toEqual({
      status: 404,
      code: 'not_found',
      detail: 'Execution not found',
    });
  });
});
