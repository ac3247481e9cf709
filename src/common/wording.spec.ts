import { count, withArticle } from './wording.js';

describe('wording', () => {
  it.each([
    ['adept', 'an adept'],
    ['mentor', 'a mentor'],
    ['pair', 'a pair'],
    ['cohort', 'a cohort'],
    ['Execution', 'an Execution'],
  ])('puts the right article before %s', (word, expected) => {
    expect(withArticle(word)).toBe(expected);
  });

  it('says counts with the singular for one and the plural otherwise', () => {
    expect(count(1, 'character')).toBe('one character');
    expect(count(12, 'character')).toBe('12 characters');
    expect(count(0, 'value')).toBe('0 values');
    expect(count(3, 'entry', 'entries')).toBe('3 entries');
    expect(count(1, 'entry', 'entries')).toBe('one entry');
  });
});
