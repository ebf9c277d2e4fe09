import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../../src/captions/parse-timestamp';

describe('parseTimestamp', () => {
  it.each<[string, number | null]>([
    ['0:04', 4_000],
    ['12:34', 754_000],
    ['1:02:03', 3_723_000],
    ['10:00:00', 36_000_000],
    [' 0:00 ', 0],
    ['59:59', 3_599_000],
    ['90:00', 5_400_000],
    ['0:60', null],
    ['1:60:00', null],
    ['1:2', null],
    ['4', null],
    ['', null],
    ['1 minute, 2 seconds', null],
    ['-0:04', null],
    ['0:04.5', null],
  ])('%j → %s', (text, ms) => {
    expect(parseTimestamp(text)).toBe(ms);
  });
});
