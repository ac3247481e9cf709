/**
 * The periods survey results may be filtered by: whole quarters only. Two requests whose days
 * differ by one could otherwise isolate the answer of the one person who answered on that day.
 */
import type { FieldError } from '../common/problem.js';

const QUARTER_STARTS = ['01-01', '04-01', '07-01', '10-01'];
const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'];

/** What is wrong with a from/to filter, field by field; empty when it is whole quarters in order. */
export function quarterFilterErrors(from: string | undefined, to: string | undefined): FieldError[] {
  const errors: FieldError[] = [];
  if (from !== undefined && !QUARTER_STARTS.includes(from.slice(5))) {
    errors.push({
      field: 'from',
      message: 'must be the first day of a quarter (1 January, 1 April, 1 July or 1 October): results are shown by whole quarters',
    });
  }
  if (to !== undefined && !QUARTER_ENDS.includes(to.slice(5))) {
    errors.push({
      field: 'to',
      message: 'must be the last day of a quarter (31 March, 30 June, 30 September or 31 December): results are shown by whole quarters',
    });
  }
  if (from !== undefined && to !== undefined && from > to) errors.push({ field: 'to', message: 'must not be before from' });
  return errors;
}
