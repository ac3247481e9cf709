/**
 * The visual vocabulary of every report: one place for sizes and colours so the reports look
 * like one family. Colours are chosen to stay distinguishable when printed in greyscale
 * (different lightness, not only different hue), and status colour never carries meaning alone:
 * the status text is always printed.
 */
export const A4 = { width: 595.28, height: 841.89 } as const;

export const MARGIN = { top: 68, bottom: 64, left: 56, right: 56 } as const;

export const SIZE = {
  body: 9.5,
  small: 8,
  table: 8,
  chrome: 7.5,
  h1: 15,
  h2: 12,
  h3: 10.5,
  coverTitle: 22,
} as const;

/** Line height as a multiple of the font size (DejaVu's own ascent + descent is about 1.16). */
export const LEADING = 1.25;

export const COLOR = {
  text: '#111111',
  muted: '#555555',
  rule: '#9AA0A6',
  hairline: '#C9CDD2',
  headerFill: '#E3E6EA',
  zebraFill: '#F4F5F7',
  accent: '#1F3A5F',
} as const;

/** What a status means for the reader; only the first three are coloured. */
export type Tone = 'good' | 'bad' | 'warn';

export const TONE_FILL: Readonly<Record<Tone, string>> = {
  good: '#D7ECD3',
  bad: '#F3CFCB',
  warn: '#F8E6BF',
};

/** Series colours for charts, light to dark so they stay apart in greyscale. */
export const SERIES = ['#9EC5E8', '#E3A857', '#A3322B', '#4B6E93', '#6B8E23'] as const;
