/** Small helpers for messages people read: articles and counts said properly. */

/** "an adept", "a mentor", "a pair": the indefinite article for a word of the domain. */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** "one character", "12 characters", "one entry", "3 entries". */
export function count(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? `one ${one}` : `${n} ${many}`;
}
